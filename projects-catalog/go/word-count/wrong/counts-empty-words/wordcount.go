package piscine

func WordCount(s string) map[string]int {
	counts := map[string]int{}
	word := ""
	for _, r := range s + " " {
		if r != ' ' {
			word += string(r)
		} else {
			counts[word]++
			word = ""
		}
	}
	return counts
}

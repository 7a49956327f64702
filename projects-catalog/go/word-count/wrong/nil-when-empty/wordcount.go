package piscine

func WordCount(s string) map[string]int {
	var counts map[string]int
	word := ""
	for _, r := range s + " " {
		if r != ' ' {
			word += string(r)
		} else if word != "" {
			if counts == nil {
				counts = map[string]int{}
			}
			counts[word]++
			word = ""
		}
	}
	return counts
}

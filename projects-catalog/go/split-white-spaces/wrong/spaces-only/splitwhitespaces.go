package piscine

func SplitWhiteSpaces(s string) []string {
	words := []string{}
	start := -1
	for i, r := range s + " " {
		if r == ' ' {
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return words
}

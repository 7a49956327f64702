package piscine

func SplitWhiteSpaces(s string) []string {
	words := []string{}
	start := 0
	for i, r := range s {
		if r == ' ' || r == '\t' || r == '\n' {
			words = append(words, s[start:i])
			start = i + 1
		}
	}
	return append(words, s[start:])
}

package piscine

func Capitalize(s string) string {
	runes := []rune(s)
	inWord := false
	for i, r := range runes {
		if r == ' ' {
			inWord = false
			continue
		}
		if !inWord && r >= 'a' && r <= 'z' {
			runes[i] = r - 'a' + 'A'
		} else if inWord && r >= 'A' && r <= 'Z' {
			runes[i] = r - 'A' + 'a'
		}
		inWord = true
	}
	return string(runes)
}

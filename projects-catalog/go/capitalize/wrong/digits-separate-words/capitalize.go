package piscine

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func Capitalize(s string) string {
	runes := []rune(s)
	inWord := false
	for i, r := range runes {
		if !isLetter(r) {
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

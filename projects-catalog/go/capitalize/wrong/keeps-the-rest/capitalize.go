package piscine

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func Capitalize(s string) string {
	runes := []rune(s)
	inWord := false
	for i, r := range runes {
		if !isAlnum(r) {
			inWord = false
			continue
		}
		if !inWord && r >= 'a' && r <= 'z' {
			runes[i] = r - 'a' + 'A'
		}
		inWord = true
	}
	return string(runes)
}

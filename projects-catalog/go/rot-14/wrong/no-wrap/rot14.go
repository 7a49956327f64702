package piscine

func Rot14(s string) string {
	runes := []rune(s)
	for i, r := range runes {
		if r >= 'a' && r <= 'z' {
			runes[i] = r + 14
		} else if r >= 'A' && r <= 'Z' {
			runes[i] = r + 14
		}
	}
	return string(runes)
}

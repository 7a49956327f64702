package piscine

func Rot14(s string) string {
	runes := []rune(s)
	for i, r := range runes {
		if r >= 'a' && r <= 'z' {
			runes[i] = 'a' + (r-'a'+14)%26
		}
	}
	return string(runes)
}

package piscine

func StrRev(s string) string {
	runes := []rune(s)
	for i := 0; i < len(runes); i++ {
		j := len(runes) - 1 - i
		runes[i], runes[j] = runes[j], runes[i]
	}
	return string(runes)
}

package piscine

func StrLen(s string) int {
	return len(s)
}

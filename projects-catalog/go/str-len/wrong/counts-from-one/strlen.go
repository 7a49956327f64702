package piscine

func StrLen(s string) int {
	count := 1
	for i := range s {
		count = i + 1
	}
	return count
}

package piscine

func Index(s string, toFind string) int {
	if toFind == "" {
		return -1
	}
	for i := 0; i+len(toFind) <= len(s); i++ {
		if s[i:i+len(toFind)] == toFind {
			return i
		}
	}
	return -1
}

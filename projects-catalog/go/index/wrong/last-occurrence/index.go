package piscine

func Index(s string, toFind string) int {
	found := -1
	for i := 0; i+len(toFind) <= len(s); i++ {
		if s[i:i+len(toFind)] == toFind {
			found = i
		}
	}
	return found
}

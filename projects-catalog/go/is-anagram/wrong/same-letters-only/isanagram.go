package piscine

func IsAnagram(a, b string) bool {
	seen := map[rune]bool{}
	for _, r := range a {
		seen[r] = true
	}
	for _, r := range b {
		if !seen[r] {
			return false
		}
	}
	return len(a) == len(b)
}

package piscine

func IsAnagram(a, b string) bool {
	counts := map[rune]int{}
	for _, r := range b {
		counts[r]++
	}
	for _, r := range a {
		if counts[r] == 0 {
			return false
		}
		counts[r]--
	}
	return true
}

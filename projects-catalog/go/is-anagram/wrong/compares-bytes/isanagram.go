package piscine

func IsAnagram(a, b string) bool {
	counts := map[byte]int{}
	for i := 0; i < len(a); i++ {
		counts[a[i]]++
	}
	for i := 0; i < len(b); i++ {
		counts[b[i]]--
	}
	for _, n := range counts {
		if n != 0 {
			return false
		}
	}
	return true
}

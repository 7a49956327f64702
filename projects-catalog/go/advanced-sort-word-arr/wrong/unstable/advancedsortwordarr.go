package piscine

func AdvancedSortWordArr(a []string, f func(a, b string) int) {
	for i := 0; i < len(a); i++ {
		min := i
		for j := i + 1; j < len(a); j++ {
			if f(a[j], a[min]) < 0 {
				min = j
			}
		}
		a[i], a[min] = a[min], a[i]
	}
}

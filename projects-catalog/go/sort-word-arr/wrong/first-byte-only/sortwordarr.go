package piscine

func SortWordArr(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] != "" && (a[j-1] != "" && a[j][0] < a[j-1][0]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

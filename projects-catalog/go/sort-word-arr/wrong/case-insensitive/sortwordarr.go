package piscine

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func SortWordArr(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && lower(a[j]) < lower(a[j-1]); j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

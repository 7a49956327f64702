package piscine

func SortIntegerTable(table []int) {
	copied := append([]int{}, table...)
	for i := 1; i < len(copied); i++ {
		for j := i; j > 0 && copied[j] < copied[j-1]; j-- {
			copied[j], copied[j-1] = copied[j-1], copied[j]
		}
	}
	table = copied
	_ = table
}

package piscine

func PointOne(n *int) {
	n = new(int)
	*n = 1
}

package piscine

func PointOne(n *int) {
	v := *n
	v = 1
	_ = v
}

package piscine

func UltimatePointOne(n ***int) {
	one := 1
	**n = &one
}

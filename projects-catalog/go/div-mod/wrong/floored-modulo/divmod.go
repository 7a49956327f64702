package piscine

func DivMod(a int, b int, div *int, mod *int) {
	*div = a / b
	*mod = a % b
	if *mod < 0 {
		*mod += b
		*div--
	}
}

package piscine

func UltimateDivMod(a *int, b *int) {
	div, mod := *a / *b, *a % *b
	a, b = &div, &mod
	_, _ = a, b
}

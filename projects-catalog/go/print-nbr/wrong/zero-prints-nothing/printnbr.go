package piscine

import "github.com/01-edu/z01"

func PrintNbr(n int) {
	var digits []rune
	negative := n < 0
	for n != 0 {
		d := n % 10
		if d < 0 {
			d = -d
		}
		digits = append(digits, rune('0'+d))
		n /= 10
	}
	if negative {
		z01.PrintRune('-')
	}
	for i := len(digits) - 1; i >= 0; i-- {
		z01.PrintRune(digits[i])
	}
}

package main

import "github.com/01-edu/z01"

func main() {
	for a := 0; a <= 99; a++ {
		for b := a; b <= 99; b++ {
			z01.PrintRune(rune('0' + a/10))
			z01.PrintRune(rune('0' + a%10))
			z01.PrintRune(' ')
			z01.PrintRune(rune('0' + b/10))
			z01.PrintRune(rune('0' + b%10))
			if a != 99 || b != 99 {
				z01.PrintRune(',')
				z01.PrintRune(' ')
			}
		}
	}
	z01.PrintRune('\n')
}

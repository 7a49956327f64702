package main

import "github.com/01-edu/z01"

func printNumber(n int) {
	if n >= 10 {
		z01.PrintRune(rune('0' + n/10))
	}
	z01.PrintRune(rune('0' + n%10))
}

func main() {
	for a := 0; a <= 98; a++ {
		for b := a + 1; b <= 99; b++ {
			printNumber(a)
			z01.PrintRune(' ')
			printNumber(b)
			if a != 98 || b != 99 {
				z01.PrintRune(',')
				z01.PrintRune(' ')
			}
		}
	}
	z01.PrintRune('\n')
}

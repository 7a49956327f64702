package main

import "github.com/01-edu/z01"

func main() {
	first := true
	for a := '0'; a <= '9'; a++ {
		for b := '0'; b <= '9'; b++ {
			for c := '0'; c <= '9'; c++ {
				if a == b || b == c || a == c {
					continue
				}
				if !first {
					z01.PrintRune(',')
					z01.PrintRune(' ')
				}
				first = false
				z01.PrintRune(a)
				z01.PrintRune(b)
				z01.PrintRune(c)
			}
		}
	}
	z01.PrintRune('\n')
}

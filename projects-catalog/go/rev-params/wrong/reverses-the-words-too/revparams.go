package main

import (
	"os"

	"github.com/01-edu/z01"
)

func main() {
	for i := len(os.Args) - 1; i >= 1; i-- {
		runes := []rune(os.Args[i])
		for j := len(runes) - 1; j >= 0; j-- {
			z01.PrintRune(runes[j])
		}
		z01.PrintRune('\n')
	}
}

package main

import (
	"strconv"

	"github.com/01-edu/z01"
)

func main() {
	for i := 0; i <= 9; i++ {
		z01.PrintRune(rune(strconv.Itoa(i)[0]))
	}
	z01.PrintRune('\n')
}

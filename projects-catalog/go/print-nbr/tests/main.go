package main

import (
	"os"
	"strconv"

	"github.com/01-edu/z01"
	"piscine"
)

func main() {
	for _, arg := range os.Args[1:] {
		n, err := strconv.Atoi(arg)
		if err != nil {
			os.Exit(2)
		}
		piscine.PrintNbr(n)
		z01.PrintRune('\n')
	}
}

package main

import (
	"os"

	"github.com/01-edu/z01"
)

func main() {
	if len(os.Args) != 4 || len([]rune(os.Args[2])) != 1 || len([]rune(os.Args[3])) != 1 {
		z01.PrintRune('\n')
		return
	}
	from, to := []rune(os.Args[2])[0], []rune(os.Args[3])[0]
	for _, r := range os.Args[1] {
		if r == from {
			r = to
		}
		z01.PrintRune(r)
	}
	z01.PrintRune('\n')
}

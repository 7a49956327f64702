package main

import (
	"os"

	"github.com/01-edu/z01"
)

func main() {
	args := os.Args[1:]
	for i := 1; i < len(args); i++ {
		if args[i] < args[i-1] {
			args[i], args[i-1] = args[i-1], args[i]
		}
	}
	for _, arg := range args {
		for _, r := range arg {
			z01.PrintRune(r)
		}
		z01.PrintRune('\n')
	}
}

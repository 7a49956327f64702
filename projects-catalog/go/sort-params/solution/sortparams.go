package main

import (
	"os"

	"github.com/01-edu/z01"
)

func main() {
	args := os.Args[1:]
	for i := 1; i < len(args); i++ {
		for j := i; j > 0 && args[j] < args[j-1]; j-- {
			args[j], args[j-1] = args[j-1], args[j]
		}
	}
	for _, arg := range args {
		for _, r := range arg {
			z01.PrintRune(r)
		}
		z01.PrintRune('\n')
	}
}

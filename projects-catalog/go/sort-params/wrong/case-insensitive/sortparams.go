package main

import (
	"os"

	"github.com/01-edu/z01"
)

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

func main() {
	args := os.Args[1:]
	for i := 1; i < len(args); i++ {
		for j := i; j > 0 && lower(args[j]) < lower(args[j-1]); j-- {
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

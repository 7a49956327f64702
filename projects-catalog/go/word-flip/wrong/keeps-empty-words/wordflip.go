package main

import (
	"os"

	"github.com/01-edu/z01"
)

func main() {
	if len(os.Args) != 2 {
		return
	}
	words := []string{}
	word := ""
	for _, r := range os.Args[1] + " " {
		if r == ' ' || r == '\t' {
			words = append(words, word)
			word = ""
		} else {
			word += string(r)
		}
	}
	for i := len(words) - 1; i >= 0; i-- {
		for _, r := range words[i] {
			z01.PrintRune(r)
		}
		if i > 0 {
			z01.PrintRune(' ')
		}
	}
	z01.PrintRune('\n')
}

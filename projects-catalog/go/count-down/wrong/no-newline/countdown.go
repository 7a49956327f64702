package main

import "github.com/01-edu/z01"

func main() {
	for r := '9'; r >= '0'; r-- {
		z01.PrintRune(r)
	}
}

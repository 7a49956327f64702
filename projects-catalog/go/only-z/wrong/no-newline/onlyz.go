package main

import "github.com/01-edu/z01"

func main() {
	z01.PrintRune('z')
}

package main

import (
	"fmt"
	"os"

	"piscine"
)

func ascii(a, b string) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

func main() {
	f := ascii
	switch os.Args[1] {
	case "reverse":
		f = func(a, b string) int { return ascii(b, a) }
	case "length":
		f = func(a, b string) int { return len(a) - len(b) }
	}
	words := append([]string{}, os.Args[2:]...)
	piscine.AdvancedSortWordArr(words, f)
	fmt.Printf("%q\n", words)
}

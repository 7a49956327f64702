package main

import (
	"fmt"
	"os"

	"piscine"
)

func main() {
	for _, arg := range os.Args[1:] {
		counts := piscine.WordCount(arg)
		fmt.Printf("%q -> %v (nil: %v)\n", arg, counts, counts == nil)
	}
}

package main

import (
	"fmt"
	"os"

	"piscine"
)

func main() {
	for _, arg := range os.Args[1:] {
		fmt.Printf("%q -> %d\n", arg, piscine.Atoi(arg))
	}
}

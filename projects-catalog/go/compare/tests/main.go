package main

import (
	"fmt"
	"os"

	"piscine"
)

func main() {
	args := os.Args[1:]
	for i := 0; i+1 < len(args); i += 2 {
		fmt.Printf("Compare(%q, %q) = %d\n", args[i], args[i+1], piscine.Compare(args[i], args[i+1]))
	}
}

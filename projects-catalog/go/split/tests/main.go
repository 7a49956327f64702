package main

import (
	"fmt"
	"os"

	"piscine"
)

func main() {
	args := os.Args[1:]
	for i := 0; i+1 < len(args); i += 2 {
		fmt.Printf("Split(%q, %q) = %q\n", args[i], args[i+1], piscine.Split(args[i], args[i+1]))
	}
}

package main

import (
	"fmt"
	"os"
	"strconv"

	"piscine"
)

func main() {
	args := os.Args[1:]
	for i := 0; i+1 < len(args); i += 2 {
		n, err := strconv.Atoi(args[i+1])
		if err != nil {
			os.Exit(2)
		}
		fmt.Printf("NRune(%q, %d) = %q\n", args[i], n, piscine.NRune(args[i], n))
	}
}

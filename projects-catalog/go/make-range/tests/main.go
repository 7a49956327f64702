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
		a, err1 := strconv.Atoi(args[i])
		b, err2 := strconv.Atoi(args[i+1])
		if err1 != nil || err2 != nil {
			os.Exit(2)
		}
		r := piscine.MakeRange(a, b)
		fmt.Printf("MakeRange(%d, %d) = %v (nil: %v)\n", a, b, r, r == nil)
	}
}

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
		nb, err1 := strconv.Atoi(args[i])
		power, err2 := strconv.Atoi(args[i+1])
		if err1 != nil || err2 != nil {
			os.Exit(2)
		}
		fmt.Printf("%d^%d = %d\n", nb, power, piscine.RecursivePower(nb, power))
	}
}

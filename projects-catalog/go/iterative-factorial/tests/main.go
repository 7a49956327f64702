package main

import (
	"fmt"
	"os"
	"strconv"

	"piscine"
)

func main() {
	for _, arg := range os.Args[1:] {
		n, err := strconv.Atoi(arg)
		if err != nil {
			os.Exit(2)
		}
		fmt.Printf("%d! = %d\n", n, piscine.IterativeFactorial(n))
	}
}

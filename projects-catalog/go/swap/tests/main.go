package main

import (
	"fmt"
	"os"
	"strconv"

	"piscine"
)

func main() {
	if len(os.Args) == 3 && os.Args[1] == "same" {
		n, _ := strconv.Atoi(os.Args[2])
		piscine.Swap(&n, &n)
		fmt.Printf("same %s -> %d\n", os.Args[2], n)
		return
	}
	a, err1 := strconv.Atoi(os.Args[1])
	b, err2 := strconv.Atoi(os.Args[2])
	if err1 != nil || err2 != nil {
		os.Exit(2)
	}
	x, y := a, b
	piscine.Swap(&x, &y)
	fmt.Printf("%d %d -> %d %d\n", a, b, x, y)
}

package main

import (
	"fmt"
	"os"
	"strconv"

	"piscine"
)

func main() {
	table := []int{}
	for _, arg := range os.Args[1:] {
		n, err := strconv.Atoi(arg)
		if err != nil {
			os.Exit(2)
		}
		table = append(table, n)
	}
	piscine.SortIntegerTable(table)
	fmt.Println(table)
}

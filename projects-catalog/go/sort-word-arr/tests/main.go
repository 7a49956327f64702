package main

import (
	"fmt"
	"os"

	"piscine"
)

func main() {
	words := append([]string{}, os.Args[1:]...)
	piscine.SortWordArr(words)
	fmt.Printf("%q\n", words)
}

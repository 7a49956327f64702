package main

import (
	"fmt"
	"os"

	"piscine"
)

func main() {
	fmt.Printf("%q\n", piscine.Join(os.Args[2:], os.Args[1]))
}

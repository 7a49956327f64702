package main

import (
	"fmt"
	"os"
	"strconv"

	"piscine"
)

func show(r piscine.Rectangle) {
	fmt.Printf("{%d %d}: area %d, perimeter %d\n", r.Width, r.Height, r.Area(), r.Perimeter())
}

func main() {
	args := os.Args[1:]
	for i := 0; i+1 < len(args); i += 2 {
		b, err := strconv.Atoi(args[i+1])
		if err != nil {
			os.Exit(2)
		}
		if args[i] == "square" {
			show(piscine.NewSquare(b))
			continue
		}
		a, err := strconv.Atoi(args[i])
		if err != nil {
			os.Exit(2)
		}
		show(piscine.Rectangle{Width: a, Height: b})
	}
}

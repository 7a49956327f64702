package main

import (
	"os"
	"strconv"

	"piscine"
)

func main() {
	quads := map[string]func(int, int){"A": piscine.QuadA, "B": piscine.QuadB, "C": piscine.QuadC}
	args := os.Args[1:]
	for i := 0; i+2 < len(args); i += 3 {
		x, err1 := strconv.Atoi(args[i+1])
		y, err2 := strconv.Atoi(args[i+2])
		quad, ok := quads[args[i]]
		if err1 != nil || err2 != nil || !ok {
			os.Exit(2)
		}
		quad(x, y)
	}
}

package piscine

import "github.com/01-edu/z01"

// draw prints a rectangle x wide and y high: c[0] c[1] c[2] are the top left corner,
// the top and bottom edges and the top right corner, c[3] the sides, c[4] c[5] the
// bottom left and bottom right corners.
func draw(x, y int, c [6]rune) {
	if x <= 0 || y <= 0 {
		z01.PrintRune('\n')
		return
	}
	for row := 0; row < y; row++ {
		for col := 0; col < x; col++ {
			z01.PrintRune(pick(x, y, col, row, c))
		}
		z01.PrintRune('\n')
	}
}

func pick(x, y, col, row int, c [6]rune) rune {
	top, bottom := row == 0, row == y-1
	left, right := col == 0, col == x-1
	switch {
	case top && left:
		return c[0]
	case top && right:
		return c[2]
	case bottom && left:
		return c[4]
	case bottom && right:
		return c[5]
	case top || bottom:
		return c[1]
	case left || right:
		return c[3]
	}
	return ' '
}

func QuadA(x, y int) {
	draw(x, y, [6]rune{'o', '-', 'o', '|', 'o', 'o'})
}

func QuadB(x, y int) {
	draw(x, y, [6]rune{'/', '*', '\\', '*', '\\', '/'})
}

func QuadC(x, y int) {
	draw(x, y, [6]rune{'A', 'B', 'A', 'B', 'C', 'C'})
}

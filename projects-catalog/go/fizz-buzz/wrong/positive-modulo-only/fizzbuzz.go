package piscine

import "strconv"

func FizzBuzz(n int) string {
	switch {
	case n%15 == 0:
		return "FizzBuzz"
	case n%3 == 1 || n%3 == 2:
		if n%5 == 0 {
			return "Buzz"
		}
		return strconv.Itoa(n)
	case n > 0:
		return "Fizz"
	}
	return strconv.Itoa(n)
}

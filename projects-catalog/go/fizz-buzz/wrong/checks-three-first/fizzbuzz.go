package piscine

import "strconv"

func FizzBuzz(n int) string {
	switch {
	case n%3 == 0:
		return "Fizz"
	case n%5 == 0:
		return "Buzz"
	case n%15 == 0:
		return "FizzBuzz"
	}
	return strconv.Itoa(n)
}

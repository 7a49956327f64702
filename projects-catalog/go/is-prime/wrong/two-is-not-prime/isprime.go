package piscine

func IsPrime(nb int) bool {
	if nb < 2 || nb%2 == 0 {
		return false
	}
	for d := 3; d*d <= nb; d += 2 {
		if nb%d == 0 {
			return false
		}
	}
	return true
}

package piscine

func Atoi(s string) int {
	sign, i := 1, 0
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		i = 1
	}
	if i == len(s) {
		return 0
	}
	n := 0
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	if sign < 0 && n < 0 {
		return 0
	}
	return sign * n
}

package piscine

func Split(s, sep string) []string {
	pieces := []string{}
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == sep[0] {
			pieces = append(pieces, s[start:i])
			start = i + len(sep)
		}
	}
	if start > len(s) {
		start = len(s)
	}
	return append(pieces, s[start:])
}

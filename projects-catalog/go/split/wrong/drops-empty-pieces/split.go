package piscine

func Split(s, sep string) []string {
	pieces := []string{}
	start := 0
	for i := 0; i+len(sep) <= len(s); {
		if s[i:i+len(sep)] == sep {
			if i > start {
				pieces = append(pieces, s[start:i])
			}
			i += len(sep)
			start = i
		} else {
			i++
		}
	}
	if start < len(s) {
		pieces = append(pieces, s[start:])
	}
	return pieces
}

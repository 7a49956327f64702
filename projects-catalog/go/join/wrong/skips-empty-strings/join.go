package piscine

func Join(strs []string, sep string) string {
	result := ""
	for _, s := range strs {
		if s == "" {
			continue
		}
		if result != "" {
			result += sep
		}
		result += s
	}
	return result
}

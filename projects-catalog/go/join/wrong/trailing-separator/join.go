package piscine

func Join(strs []string, sep string) string {
	result := ""
	for _, s := range strs {
		result += s + sep
	}
	return result
}

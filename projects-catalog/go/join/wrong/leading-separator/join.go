package piscine

func Join(strs []string, sep string) string {
	result := ""
	for _, s := range strs {
		result += sep + s
	}
	return result
}

package piscine

func MakeRange(min, max int) []int {
	if min >= max {
		return nil
	}
	result := make([]int, max-min+1)
	for i := range result {
		result[i] = min + i
	}
	return result
}

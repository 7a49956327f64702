#include "rush01.h"

int	parse_clues(char *str, int *clues)
{
	int	i;

	i = 0;
	while (i < 16)
	{
		if (str[2 * i] < '1' || str[2 * i] > '4')
			return (0);
		clues[i] = str[2 * i] - '0';
		if (i < 15 && str[2 * i + 1] != ' ')
			return (0);
		i++;
	}
	if (str[31] != '\0')
		return (0);
	return (1);
}

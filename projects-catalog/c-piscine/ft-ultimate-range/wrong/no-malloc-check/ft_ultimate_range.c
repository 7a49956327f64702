#include <stdlib.h>

int	ft_ultimate_range(int **range, int min, int max)
{
	int	*tab;
	int	i;

	*range = NULL;
	if (min >= max)
		return (0);
	tab = malloc(sizeof(int) * ((long)max - min));
	i = 0;
	while (min + i < max)
	{
		tab[i] = min + i;
		i++;
	}
	*range = tab;
	return (i);
}

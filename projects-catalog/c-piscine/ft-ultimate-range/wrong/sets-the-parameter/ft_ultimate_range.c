#include <stdlib.h>

int	ft_ultimate_range(int **range, int min, int max)
{
	int	*tab;
	int	i;

	if (min >= max)
	{
		*range = NULL;
		return (0);
	}
	tab = malloc(sizeof(int) * ((long)max - min));
	if (tab == NULL)
		return (-1);
	i = 0;
	while (min + i < max)
	{
		tab[i] = min + i;
		i++;
	}
	range = &tab;
	return (i);
}

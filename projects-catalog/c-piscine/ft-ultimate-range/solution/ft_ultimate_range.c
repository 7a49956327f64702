#include <stdlib.h>

int	ft_ultimate_range(int **range, int min, int max)
{
	long	len;
	long	i;

	*range = NULL;
	if (min >= max)
		return (0);
	len = (long)max - (long)min;
	*range = malloc(sizeof(int) * len);
	if (*range == NULL)
		return (-1);
	i = 0;
	while (i < len)
	{
		(*range)[i] = (int)(min + i);
		i++;
	}
	return ((int)len);
}

#include <stdlib.h>

int	*ft_range(int min, int max)
{
	int		*tab;
	long	len;
	long	i;

	if (min >= max)
		return (NULL);
	len = (long)max - (long)min;
	tab = malloc(sizeof(int) * len);
	if (tab == NULL)
		return (NULL);
	i = 0;
	while (i < len)
	{
		tab[i] = (int)(min + i);
		i++;
	}
	return (tab);
}

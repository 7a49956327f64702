#include <stdlib.h>

void	ft_ultimate_ft(int *********nbr)
{
	********nbr = malloc(sizeof(int));
	*********nbr = 42;
}

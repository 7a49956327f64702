#include <stdio.h>
#include <stdlib.h>

void	ft_ultimate_div_mod(int *a, int *b);

/* Usage: program A B -- prints "a b" after ft_ultimate_div_mod(&a, &b). a and b live
 * in exact-size heap blocks, so the memory checker sees an access next to them. */
int	main(int argc, char **argv)
{
	int	*a;
	int	*b;
	int	x;
	int	y;

	if (argc != 3)
		return (2);
	x = (int)strtol(argv[1], NULL, 10);
	y = (int)strtol(argv[2], NULL, 10);
	if (y == 0)
		return (2);
	a = malloc(sizeof(int));
	b = malloc(sizeof(int));
	if (!a || !b)
		return (3);
	*a = x;
	*b = y;
	ft_ultimate_div_mod(a, b);
	printf("%d %d\n", *a, *b);
	free(a);
	free(b);
	return (0);
}

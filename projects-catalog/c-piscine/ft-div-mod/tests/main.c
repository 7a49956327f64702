#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void	ft_div_mod(int a, int b, int *div, int *mod);

/* Usage: program A B -- prints "div mod" for ft_div_mod(A, B). div and mod point to
 * exact-size heap blocks, so the memory checker sees an access next to them. */
int	main(int argc, char **argv)
{
	int	a;
	int	b;
	int	*d;
	int	*m;

	if (argc != 3)
		return (2);
	a = (int)strtol(argv[1], NULL, 10);
	b = (int)strtol(argv[2], NULL, 10);
	if (b == 0)
		return (2);
	d = malloc(sizeof(int));
	m = malloc(sizeof(int));
	if (!d || !m)
		return (3);
	*d = 123456789;
	*m = 987654321;
	ft_div_mod(a, b, d, m);
	printf("%d %d\n", *d, *m);
	free(d);
	free(m);
	return (0);
}

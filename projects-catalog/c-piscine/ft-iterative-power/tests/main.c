#include <stdio.h>
#include <stdlib.h>

int	ft_iterative_power(int nb, int power);

/* Usage: program NB POWER [NB POWER]... -- prints ft_iterative_power(NB, POWER) for
 * each pair, one a line. */
int	main(int argc, char **argv)
{
	int	i;

	if (argc < 3 || argc % 2 == 0)
		return (2);
	i = 1;
	while (i + 1 < argc)
	{
		printf("%d\n", ft_iterative_power((int)strtol(argv[i], NULL, 10),
				(int)strtol(argv[i + 1], NULL, 10)));
		i += 2;
	}
	return (0);
}

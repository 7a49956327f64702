#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_sqrt(int nb);

/* Usage: program NB...   -- prints "NB: ft_sqrt(NB)" for each NB, one a line.
 *        program count N -- for every number in [-10, N], calls ft_sqrt and prints how
 *        many answers were not 0 and the sum of all the answers. */
int	main(int argc, char **argv)
{
	int			i;
	int			n;
	int			found;
	long long	sum;

	if (argc < 2)
		return (2);
	if (strcmp(argv[1], "count") == 0 && argc == 3)
	{
		n = (int)strtol(argv[2], NULL, 10);
		found = 0;
		sum = 0;
		i = -10;
		while (i <= n)
		{
			if (ft_sqrt(i) != 0)
				found++;
			sum += ft_sqrt(i);
			i++;
		}
		printf("%d roots, sum %lld\n", found, sum);
		return (0);
	}
	i = 1;
	while (i < argc)
	{
		n = (int)strtol(argv[i], NULL, 10);
		printf("%d: %d\n", n, ft_sqrt(n));
		i++;
	}
	return (0);
}

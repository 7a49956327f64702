#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_is_prime(int nb);

/* Usage: program NB... -- prints "NB: ft_is_prime(NB)" for each NB, one a line.
 *        program count N -- prints how many numbers in [-10, N] are reported prime. */
int	main(int argc, char **argv)
{
	int	i;
	int	n;
	int	count;

	if (argc < 2)
		return (2);
	if (strcmp(argv[1], "count") == 0 && argc == 3)
	{
		n = (int)strtol(argv[2], NULL, 10);
		count = 0;
		i = -10;
		while (i <= n)
		{
			if (ft_is_prime(i))
				count++;
			i++;
		}
		printf("%d\n", count);
		return (0);
	}
	i = 1;
	while (i < argc)
	{
		n = (int)strtol(argv[i], NULL, 10);
		printf("%d: %d\n", n, ft_is_prime(n));
		i++;
	}
	return (0);
}

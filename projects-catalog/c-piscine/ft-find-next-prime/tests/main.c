#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_find_next_prime(int nb);

/* Usage: program NB...   -- prints "NB: ft_find_next_prime(NB)" for each NB, one a line.
 *        program count N -- for every number in [-10, N], in order, calls
 *        ft_find_next_prime and prints how many times the answer changed from the one
 *        before, and the sum of all the answers. */
int	main(int argc, char **argv)
{
	int			i;
	int			n;
	int			next;
	int			last;
	int			different;
	long long	sum;

	if (argc < 2)
		return (2);
	if (strcmp(argv[1], "count") == 0 && argc == 3)
	{
		n = (int)strtol(argv[2], NULL, 10);
		different = 0;
		last = 0;
		sum = 0;
		i = -10;
		while (i <= n)
		{
			next = ft_find_next_prime(i);
			if (next != last)
				different++;
			last = next;
			sum += next;
			i++;
		}
		printf("%d different answers, sum %lld\n", different, sum);
		return (0);
	}
	i = 1;
	while (i < argc)
	{
		n = (int)strtol(argv[i], NULL, 10);
		printf("%d: %d\n", n, ft_find_next_prime(n));
		i++;
	}
	return (0);
}

#include <stdio.h>
#include <stdlib.h>

int	is_power_of_2(unsigned int n);

/* Usage: main N... : prints "N: is_power_of_2(N)" for every N, in order. */
int	main(int argc, char **argv)
{
	int				i;
	unsigned int	n;

	if (argc < 2)
		return (2);
	i = 1;
	while (i < argc)
	{
		n = (unsigned int)strtoul(argv[i], NULL, 10);
		printf("%u: %d\n", n, is_power_of_2(n));
		fflush(stdout);
		i++;
	}
	return (0);
}

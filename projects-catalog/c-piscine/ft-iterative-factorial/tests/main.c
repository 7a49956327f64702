#include <stdio.h>
#include <stdlib.h>

int	ft_iterative_factorial(int nb);

/* Usage: program NB... -- prints ft_iterative_factorial(NB) for each NB, one a line. */
int	main(int argc, char **argv)
{
	int	i;

	if (argc < 2)
		return (2);
	i = 1;
	while (i < argc)
	{
		printf("%d\n", ft_iterative_factorial((int)strtol(argv[i], NULL, 10)));
		i++;
	}
	return (0);
}

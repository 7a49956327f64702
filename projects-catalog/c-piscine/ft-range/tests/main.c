#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	*ft_range(int min, int max);

/* Prints the max - min values of ft_range(min, max), or (null). */
static void	show(int min, int max)
{
	int		*tab;
	long	len;
	long	i;

	tab = ft_range(min, max);
	printf("ft_range(%d, %d): ", min, max);
	if (tab == NULL)
	{
		printf("(null)\n");
		return ;
	}
	len = (long)max - (long)min;
	i = 0;
	while (i < len)
	{
		printf(i ? " %d" : "%d", tab[i]);
		i++;
	}
	printf("\n");
	free(tab);
}

/* Checks every value of a large range and prints their sum. */
static void	big(int min, int max)
{
	int			*tab;
	long		len;
	long		i;
	long long	sum;
	long		bad;

	tab = ft_range(min, max);
	if (tab == NULL)
	{
		printf("(null)\n");
		return ;
	}
	len = (long)max - (long)min;
	sum = 0;
	bad = 0;
	i = 0;
	while (i < len)
	{
		sum += tab[i];
		if (tab[i] != min + i)
			bad++;
		i++;
	}
	printf("%ld values, sum %lld, first %d, last %d, %ld wrong\n",
		len, sum, tab[0], tab[len - 1], bad);
	free(tab);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "zero-five"))
		show(0, 5);
	else if (!strcmp(argv[1], "negative"))
		show(-3, 3);
	else if (!strcmp(argv[1], "equal"))
		show(5, 5);
	else if (!strcmp(argv[1], "reversed"))
		show(7, 2);
	else if (!strcmp(argv[1], "one"))
		show(41, 42);
	else if (!strcmp(argv[1], "all-negative"))
		show(-10, -4);
	else if (!strcmp(argv[1], "int-min"))
		show(-2147483648, -2147483645);
	else if (!strcmp(argv[1], "int-max"))
		show(2147483640, 2147483647);
	else if (!strcmp(argv[1], "equal-negative"))
	{
		show(-1, -1);
		show(0, 0);
		show(2147483647, -2147483648);
	}
	else if (!strcmp(argv[1], "big"))
		big(0, 100000);
	else if (!strcmp(argv[1], "big-negative"))
		big(-50000, 50001);
	else
		return (2);
	return (0);
}

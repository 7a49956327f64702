#include <stdio.h>
#include <string.h>
#include <limits.h>

void	ft_swap(int *a, int *b);

static void	pair(int a, int b)
{
	ft_swap(&a, &b);
	printf("%d %d\n", a, b);
}

int	main(int argc, char **argv)
{
	const char	*c;

	if (argc < 2)
		return (2);
	c = argv[1];
	if (strcmp(c, "basic") == 0)
		pair(1, 2);
	else if (strcmp(c, "negative") == 0)
		pair(-42, 17);
	else if (strcmp(c, "zero") == 0)
		pair(0, 99);
	else if (strcmp(c, "equal") == 0)
		pair(7, 7);
	else if (strcmp(c, "limits") == 0)
		pair(INT_MAX, INT_MIN);
	else if (strcmp(c, "same") == 0)
	{
		int	x = 5;

		ft_swap(&x, &x);
		printf("%d %d\n", x, x);
	}
	else if (strcmp(c, "twice") == 0)
	{
		int	x = 123;
		int	y = -456;

		ft_swap(&x, &y);
		printf("%d %d\n", x, y);
		ft_swap(&x, &y);
		printf("%d %d\n", x, y);
	}
	else if (strcmp(c, "array") == 0)
	{
		int	t[4] = {10, 20, 30, 40};

		ft_swap(&t[1], &t[2]);
		printf("%d %d %d %d\n", t[0], t[1], t[2], t[3]);
		ft_swap(&t[3], &t[0]);
		printf("%d %d %d %d\n", t[0], t[1], t[2], t[3]);
	}
	else
	{
		printf("unknown case %s\n", c);
		return (2);
	}
	return (0);
}

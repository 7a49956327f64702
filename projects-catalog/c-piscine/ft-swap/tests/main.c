#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

void	ft_swap(int *a, int *b);

/* Every int reaches ft_swap in an exact-size heap block, so the memory checker sees
 * an access next to it. */
static int	*ints(int count)
{
	int	*p;

	p = malloc(sizeof(int) * count);
	if (!p)
		exit(3);
	return (p);
}

static void	pair(int x, int y)
{
	int	*a;
	int	*b;

	a = ints(1);
	b = ints(1);
	*a = x;
	*b = y;
	ft_swap(a, b);
	printf("%d %d\n", *a, *b);
	free(a);
	free(b);
}

static void	same(void)
{
	int	*x;

	x = ints(1);
	*x = 5;
	ft_swap(x, x);
	printf("%d %d\n", *x, *x);
	free(x);
}

static void	twice(void)
{
	int	*x;
	int	*y;

	x = ints(1);
	y = ints(1);
	*x = 123;
	*y = -456;
	ft_swap(x, y);
	printf("%d %d\n", *x, *y);
	ft_swap(x, y);
	printf("%d %d\n", *x, *y);
	free(x);
	free(y);
}

static void	array(void)
{
	int	*t;

	t = ints(4);
	t[0] = 10;
	t[1] = 20;
	t[2] = 30;
	t[3] = 40;
	ft_swap(&t[1], &t[2]);
	printf("%d %d %d %d\n", t[0], t[1], t[2], t[3]);
	ft_swap(&t[3], &t[0]);
	printf("%d %d %d %d\n", t[0], t[1], t[2], t[3]);
	free(t);
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
		same();
	else if (strcmp(c, "twice") == 0)
		twice();
	else if (strcmp(c, "array") == 0)
		array();
	else
	{
		printf("unknown case %s\n", c);
		return (2);
	}
	return (0);
}

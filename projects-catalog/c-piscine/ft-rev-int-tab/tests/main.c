#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

void	ft_rev_int_tab(int *tab, int size);

#define GUARD -777

/* Reverses a copy of src[0..size) placed between two guard cells, prints the result
 * and whether the guards (the cells just before and after the array) survived. */
static void	run(const int *src, int size)
{
	int	*buf;
	int	i;

	buf = malloc(sizeof(int) * (size + 2));
	if (!buf)
		exit(3);
	buf[0] = GUARD;
	buf[size + 1] = GUARD;
	i = 0;
	while (i < size)
	{
		buf[i + 1] = src[i];
		i++;
	}
	ft_rev_int_tab(buf + 1, size);
	printf("[");
	i = 0;
	while (i < size)
	{
		printf(i ? " %d" : "%d", buf[i + 1]);
		i++;
	}
	printf("]\n");
	printf("%s\n", (buf[0] == GUARD && buf[size + 1] == GUARD) ? "guards intact" : "guards overwritten");
	free(buf);
}

int	main(int argc, char **argv)
{
	const char	*c;

	if (argc < 2)
		return (2);
	c = argv[1];
	if (strcmp(c, "odd") == 0)
	{
		int	t[5] = {1, 2, 3, 4, 5};

		run(t, 5);
	}
	else if (strcmp(c, "even") == 0)
	{
		int	t[6] = {10, 20, 30, 40, 50, 60};

		run(t, 6);
	}
	else if (strcmp(c, "empty") == 0)
	{
		int	t[1] = {42};

		run(t, 0);
	}
	else if (strcmp(c, "one") == 0)
	{
		int	t[1] = {42};

		run(t, 1);
	}
	else if (strcmp(c, "two") == 0)
	{
		int	t[2] = {-1, 1};

		run(t, 2);
	}
	else if (strcmp(c, "three") == 0)
	{
		int	t[3] = {7, 8, 9};

		run(t, 3);
	}
	else if (strcmp(c, "four") == 0)
	{
		int	t[4] = {1, 2, 3, 4};

		run(t, 4);
	}
	else if (strcmp(c, "limits") == 0)
	{
		int	t[5] = {INT_MIN, -1, 0, 1, INT_MAX};

		run(t, 5);
	}
	else if (strcmp(c, "duplicates") == 0)
	{
		int	t[7] = {3, 3, 1, 2, 1, 3, 0};

		run(t, 7);
	}
	else if (strcmp(c, "large") == 0)
	{
		int	t[100];
		int	i;

		i = 0;
		while (i < 100)
		{
			t[i] = i * 3 - 50;
			i++;
		}
		run(t, 100);
	}
	else
	{
		printf("unknown case %s\n", c);
		return (2);
	}
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

void	ft_rev_int_tab(int *tab, int size);

/* Reverses an exact-size heap copy of src[0..size) (size ints and nothing more, so
 * the memory checker sees an access past either end), then prints the result. */
static void	run(const int *src, int size)
{
	int	*tab;
	int	i;

	tab = malloc(sizeof(int) * size);
	if (!tab && size > 0)
		exit(3);
	i = 0;
	while (i < size)
	{
		tab[i] = src[i];
		i++;
	}
	ft_rev_int_tab(tab, size);
	printf("[");
	i = 0;
	while (i < size)
	{
		printf(i ? " %d" : "%d", tab[i]);
		i++;
	}
	printf("]\n");
	free(tab);
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

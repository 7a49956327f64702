#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

void	ft_sort_int_tab(int *tab, int size);

static unsigned int	g_seed;

/* Fixed linear congruential generator: the same values on every run. */
static int	lcg(void)
{
	g_seed = g_seed * 1103515245u + 12345u;
	return ((int)g_seed);
}

/* Sorts an exact-size heap copy of src[0..size) (size ints and nothing more, so the
 * memory checker sees an access past either end). If full, prints the whole result;
 * else a summary (sorted or not, sum, order-sensitive hash, a few elements). */
static void	run(const int *src, int size, int full)
{
	int				*tab;
	int				i;
	int				sorted;
	long long		sum;
	unsigned int	hash;

	tab = malloc(sizeof(int) * size);
	if (!tab && size > 0)
		exit(3);
	i = 0;
	while (i < size)
	{
		tab[i] = src[i];
		i++;
	}
	ft_sort_int_tab(tab, size);
	if (full)
	{
		printf("[");
		i = 0;
		while (i < size)
		{
			printf(i ? " %d" : "%d", tab[i]);
			i++;
		}
		printf("]\n");
	}
	else
	{
		sorted = 1;
		sum = 0;
		hash = 2166136261u;
		i = 0;
		while (i < size)
		{
			if (i > 0 && tab[i - 1] > tab[i])
				sorted = 0;
			sum += tab[i];
			hash = (hash ^ (unsigned int)tab[i]) * 16777619u;
			i++;
		}
		printf("sorted: %s\n", sorted ? "yes" : "no");
		printf("sum: %lld\n", sum);
		printf("hash: %u\n", hash);
		printf("first: %d, middle: %d, last: %d\n", tab[0], tab[size / 2], tab[size - 1]);
	}
	free(tab);
}

static void	big(int mode)
{
	int	t[1000];
	int	i;

	g_seed = 42;
	i = 0;
	while (i < 1000)
	{
		if (mode == 0)
			t[i] = lcg();
		else if (mode == 1)
			t[i] = (int)(((unsigned int)lcg() >> 16) % 10);
		else
			t[i] = 500 - i;
		i++;
	}
	run(t, 1000, 0);
}

int	main(int argc, char **argv)
{
	const char	*c;

	if (argc < 2)
		return (2);
	c = argv[1];
	if (strcmp(c, "basic") == 0)
	{
		int	t[6] = {4, -2, 9, 0, -2, 7};

		run(t, 6, 1);
	}
	else if (strcmp(c, "reverse") == 0)
	{
		int	t[8] = {8, 7, 6, 5, 4, 3, 2, 1};

		run(t, 8, 1);
	}
	else if (strcmp(c, "sorted") == 0)
	{
		int	t[6] = {-5, -1, 0, 3, 3, 12};

		run(t, 6, 1);
	}
	else if (strcmp(c, "duplicates") == 0)
	{
		int	t[10] = {3, 1, 3, 1, 2, 2, 3, 1, 0, 3};

		run(t, 10, 1);
	}
	else if (strcmp(c, "negatives") == 0)
	{
		int	t[7] = {-3, -100, -1, -42, -7, -100, -2};

		run(t, 7, 1);
	}
	else if (strcmp(c, "limits") == 0)
	{
		int	t[7] = {INT_MAX, INT_MIN, 0, -1, 1, INT_MAX, INT_MIN};

		run(t, 7, 1);
	}
	else if (strcmp(c, "empty") == 0)
	{
		int	t[1] = {5};

		run(t, 0, 1);
	}
	else if (strcmp(c, "one") == 0)
	{
		int	t[1] = {5};

		run(t, 1, 1);
	}
	else if (strcmp(c, "two") == 0)
	{
		int	t[2] = {2, 1};

		run(t, 2, 1);
	}
	else if (strcmp(c, "random") == 0)
		big(0);
	else if (strcmp(c, "random-duplicates") == 0)
		big(1);
	else if (strcmp(c, "big-reverse") == 0)
		big(2);
	else
	{
		printf("unknown case %s\n", c);
		return (2);
	}
	return (0);
}

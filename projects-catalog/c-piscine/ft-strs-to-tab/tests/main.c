#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ft_stock_str.h"

struct s_stock_str	*ft_strs_to_tab(int ac, char **av);

/* An exact-size heap copy of a string (its bytes, '\0' included, and nothing more),
 * so the memory checker sees a read past its end. */
static char	*copy(const char *s)
{
	char	*c;

	c = malloc(strlen(s) + 1);
	if (!c)
		exit(3);
	memcpy(c, s, strlen(s) + 1);
	return (c);
}

/* An exact-size heap array of `count` heap strings (malloc(0) when count is 0). */
static char	**array(int count, const char **words)
{
	char	**av;
	int		i;

	av = malloc(sizeof(char *) * count);
	if (!av && count)
		exit(3);
	i = 0;
	while (i < count)
	{
		av[i] = copy(words[i]);
		i++;
	}
	return (av);
}

static void	free_array(char **av, int count)
{
	while (count > 0)
		free(av[--count]);
	free(av);
}

/* Frees what ft_strs_to_tab allocated: every copy that is one, then the array. */
static void	free_tab(t_stock_str *tab, int ac, char **av, int count)
{
	int	i;
	int	j;
	int	own;

	i = 0;
	while (i < ac)
	{
		own = tab[i].copy != NULL;
		j = 0;
		while (j < count)
		{
			if (tab[i].copy == av[j])
				own = 0;
			j++;
		}
		if (own)
			free(tab[i].copy);
		i++;
	}
	free(tab);
}

/* Prints every element of the array, then its last element, then (with `change`)
 * the copies once the original strings were changed. */
static void	show(int ac, int count, const char **words, int change)
{
	char		**av;
	t_stock_str	*tab;
	int			i;

	av = array(count, words);
	tab = ft_strs_to_tab(ac, av);
	if (tab == NULL)
	{
		printf("(null)\n");
		free_array(av, count);
		return ;
	}
	i = 0;
	while (i < ac)
	{
		printf("[%d] size %d, str \"%s\" (av[%d]: %s), copy \"%s\" (new block: %s)\n",
			i, tab[i].size, tab[i].str, i, tab[i].str == av[i] ? "yes" : "no",
			tab[i].copy, tab[i].copy == av[i] || tab[i].copy == tab[i].str ? "no" : "yes");
		i++;
	}
	printf("[%d] str %s\n", ac, tab[ac].str == NULL ? "NULL" : "not NULL");
	i = 0;
	while (change && i < ac)
	{
		if (av[i][0])
			av[i][0] = '#';
		printf("av[%d] changed to \"%s\": copy \"%s\"\n", i, av[i], tab[i].copy);
		i++;
	}
	free_tab(tab, ac, av, count);
	free_array(av, count);
}

/* `count` strings of growing length, every element checked. */
static void	many(int count)
{
	const char	**words;
	char		*buffer;
	char		**av;
	t_stock_str	*tab;
	int			bad;

	words = malloc(sizeof(char *) * count);
	buffer = malloc(count + 1);
	if (!words || !buffer)
		exit(3);
	memset(buffer, 'a', count);
	buffer[count] = '\0';
	bad = 0;
	while (bad < count)
	{
		words[bad] = buffer + count - bad;
		bad++;
	}
	av = array(count, words);
	tab = ft_strs_to_tab(count, av);
	bad = 0;
	while (tab && bad < count && tab[bad].size == bad && tab[bad].str == av[bad]
		&& tab[bad].copy != av[bad] && !strcmp(tab[bad].copy, av[bad]))
		bad++;
	printf("%d elements right of %d, last str %s\n", bad, count,
		tab && bad == count && tab[count].str == NULL ? "NULL" : "wrong");
	if (tab)
		free_tab(tab, count, av, count);
	free_array(av, count);
	free(words);
	free(buffer);
}

/* One string of 10000 characters. */
static void	one_long(void)
{
	char		**av;
	t_stock_str	*tab;

	av = malloc(sizeof(char *));
	if (!av)
		exit(3);
	av[0] = malloc(10001);
	if (!av[0])
		exit(3);
	memset(av[0], 'z', 10000);
	av[0][10000] = '\0';
	tab = ft_strs_to_tab(1, av);
	if (tab == NULL)
		printf("(null)\n");
	else
	{
		printf("size %d, str is av[0]: %s, copy equal: %s, new block: %s, last str %s\n",
			tab[0].size, tab[0].str == av[0] ? "yes" : "no",
			tab[0].copy && !strcmp(tab[0].copy, av[0]) ? "yes" : "no",
			tab[0].copy != av[0] ? "yes" : "no", tab[1].str ? "not NULL" : "NULL");
		free_tab(tab, 1, av, 1);
	}
	free_array(av, 1);
}

int	main(int argc, char **argv)
{
	static const char	*three[] = {"Hello", "world", "42"};
	static const char	*prog[] = {"./a.out", "forty", "two"};
	static const char	*empty[] = {"", "x", ""};
	static const char	*five[] = {"one", "two", "three", "four", "five"};
	static const char	*odd[] = {"tab\there", "new\nline", "été"};

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "three"))
		show(3, 3, three, 0);
	else if (!strcmp(argv[1], "example"))
		show(3, 3, prog, 0);
	else if (!strcmp(argv[1], "none"))
		show(0, 0, three, 0);
	else if (!strcmp(argv[1], "empty"))
		show(3, 3, empty, 0);
	else if (!strcmp(argv[1], "independent"))
		show(3, 3, three, 1);
	else if (!strcmp(argv[1], "first-of-more"))
		show(2, 5, five, 0);
	else if (!strcmp(argv[1], "special"))
		show(3, 3, odd, 0);
	else if (!strcmp(argv[1], "long"))
		one_long();
	else if (!strcmp(argv[1], "many"))
		many(500);
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ft_stock_str.h"

void	ft_show_tab(struct s_stock_str *par);

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

/* The array ft_strs_to_tab would make of `count` words: an exact-size heap array of
 * count + 1 elements, each with its own heap str and copy, the last one all zero. */
static t_stock_str	*make_tab(int count, const char **words)
{
	t_stock_str	*tab;
	int			i;

	tab = malloc(sizeof(t_stock_str) * (count + 1));
	if (!tab)
		exit(3);
	i = 0;
	while (i < count)
	{
		tab[i].size = (int)strlen(words[i]);
		tab[i].str = copy(words[i]);
		tab[i].copy = copy(words[i]);
		i++;
	}
	tab[i].size = 0;
	tab[i].str = NULL;
	tab[i].copy = NULL;
	return (tab);
}

static void	free_tab(t_stock_str *tab)
{
	int	i;

	i = 0;
	while (tab[i].str)
	{
		free(tab[i].str);
		free(tab[i].copy);
		i++;
	}
	free(tab);
}

/* Shows the array, then marks the end of what ft_show_tab wrote. */
static void	show(t_stock_str *tab)
{
	fflush(stdout);
	ft_show_tab(tab);
	printf("(end)\n");
	free_tab(tab);
}

/* Words of growing length: "" then "a", "ab"... up to `count` - 1 characters,
 * or only the lengths listed. */
static const char	**words_of_lengths(int count, const int *lengths, char *buffer)
{
	const char	**words;
	int			i;
	int			j;

	words = malloc(sizeof(char *) * count);
	if (!words)
		exit(3);
	j = 0;
	while (j < 2000)
	{
		buffer[j] = 'a' + j % 26;
		j++;
	}
	buffer[j] = '\0';
	i = 0;
	while (i < count)
	{
		words[i] = buffer + 2000 - (lengths ? lengths[i] : i);
		i++;
	}
	return (words);
}

static int	more(const char *name)
{
	static const int	around_ten[] = {9, 10, 11, 99, 100, 1000, 1999};
	static char			buffer[2001];
	const char			**words;
	t_stock_str			*tab;

	if (!strcmp(name, "around-ten"))
		words = words_of_lengths(7, around_ten, buffer);
	else if (!strcmp(name, "many"))
		words = words_of_lengths(30, NULL, buffer);
	else
		return (2);
	tab = make_tab(strcmp(name, "many") ? 7 : 30, words);
	free(words);
	show(tab);
	return (0);
}

int	main(int argc, char **argv)
{
	static const char	*three[] = {"Hello", "world", "42"};
	static const char	*prog[] = {"./a.out", "forty", "two"};
	static const char	*empty[] = {"", "x", ""};
	static const char	*odd[] = {"tab\there", "new\nline", "été"};
	t_stock_str			*tab;

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "three"))
		show(make_tab(3, three));
	else if (!strcmp(argv[1], "example"))
		show(make_tab(3, prog));
	else if (!strcmp(argv[1], "none"))
		show(make_tab(0, three));
	else if (!strcmp(argv[1], "empty"))
		show(make_tab(3, empty));
	else if (!strcmp(argv[1], "special"))
		show(make_tab(3, odd));
	else if (!strcmp(argv[1], "changed-copy"))
	{
		tab = make_tab(2, three);
		tab[0].copy[0] = 'J';
		tab[1].copy[4] = 'D';
		show(tab);
	}
	else
		return (more(argv[1]));
	return (0);
}

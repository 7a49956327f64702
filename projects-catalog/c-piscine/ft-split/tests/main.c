#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	**ft_split(char *str, char *charset);

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

/* Prints each word in brackets, then (null) for the end marker, then the count. */
static void	show(const char *s, const char *set)
{
	char	*str;
	char	*charset;
	char	**tab;
	int		i;

	str = copy(s);
	charset = copy(set);
	tab = ft_split(str, charset);
	free(str);
	free(charset);
	if (tab == NULL)
	{
		printf("(null) array\n");
		return ;
	}
	i = 0;
	while (tab[i] != NULL)
	{
		printf("[%s]\n", tab[i]);
		free(tab[i]);
		i++;
	}
	printf("(null)\ncount: %d\n", i);
	free(tab);
}

static int	run_long(int words)
{
	char	*str;
	char	*charset;
	char	**tab;
	int		i;
	int		bad;

	str = malloc(words * 6 + 1);
	if (!str)
		return (1);
	i = 0;
	while (i < words)
	{
		memcpy(str + i * 6, i % 2 ? "word, " : "  abc;", 6);
		i++;
	}
	str[words * 6] = '\0';
	charset = copy(" ,;");
	tab = ft_split(str, charset);
	free(str);
	free(charset);
	if (tab == NULL)
	{
		printf("(null) array\n");
		return (0);
	}
	bad = 0;
	i = 0;
	while (tab[i] != NULL)
	{
		if (strcmp(tab[i], i % 2 ? "word" : "abc"))
			bad++;
		free(tab[i]);
		i++;
	}
	printf("count: %d, %d wrong\n", i, bad);
	free(tab);
	return (0);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "basic"))
		show("hello world 42", " ");
	else if (!strcmp(argv[1], "example"))
		show("  hello,world  42", " ,");
	else if (!strcmp(argv[1], "empty"))
		show("", " ");
	else if (!strcmp(argv[1], "only-separators"))
		show(" ,, ,  ,", " ,");
	else if (!strcmp(argv[1], "ends"))
		show("   leading and trailing   ", " ");
	else if (!strcmp(argv[1], "in-a-row"))
		show("a---b--c-d", "-");
	else if (!strcmp(argv[1], "empty-charset"))
		show("  the whole string  ", "");
	else if (!strcmp(argv[1], "empty-both"))
		show("", "");
	else if (!strcmp(argv[1], "charset"))
		show("one;two,three four\tfive;;,six", ";, \t");
	else if (!strcmp(argv[1], "no-separator"))
		show("nothing_to_split", " ,");
	else if (!strcmp(argv[1], "single-chars"))
		show("xaxbxcx", "x");
	else if (!strcmp(argv[1], "long"))
		return (run_long(2000));
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strjoin(int size, char **strs, char *sep);

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
	char	**strs;
	int		i;

	strs = malloc(sizeof(char *) * count);
	if (!strs && count)
		exit(3);
	i = 0;
	while (i < count)
	{
		strs[i] = copy(words[i]);
		i++;
	}
	return (strs);
}

static void	free_array(char **strs, int count)
{
	while (count > 0)
		free(strs[--count]);
	free(strs);
}

/* Joins the first `size` of the `count` words and prints the result in brackets
 * (the result is freed: it must come from malloc). */
static void	show(int size, int count, const char **words, const char *separator)
{
	char	**strs;
	char	*sep;
	char	*joined;

	strs = array(count, words);
	sep = copy(separator);
	joined = ft_strjoin(size, strs, sep);
	if (joined == NULL)
		printf("(null)\n");
	else
		printf("[%s]\n", joined);
	free(joined);
	free(sep);
	free_array(strs, count);
}

/* 1000 words "w0" .. "w999" joined with "::", checked against the expected string. */
static void	many(void)
{
	const char	*words[1000];
	char		buffers[1000][8];
	char		expected[8000];
	char		**strs;
	char		*sep;
	char		*joined;
	int			i;

	expected[0] = '\0';
	i = 0;
	while (i < 1000)
	{
		sprintf(buffers[i], "w%d", i);
		words[i] = buffers[i];
		if (i > 0)
			strcat(expected, "::");
		strcat(expected, buffers[i]);
		i++;
	}
	strs = array(1000, words);
	sep = copy("::");
	joined = ft_strjoin(1000, strs, sep);
	if (joined == NULL)
		printf("(null)\n");
	else
		printf("length %lu, as expected: %s\n", (unsigned long)strlen(joined),
			strcmp(joined, expected) ? "no" : "yes");
	free(joined);
	free(sep);
	free_array(strs, 1000);
}

int	main(int argc, char **argv)
{
	static const char	*three[] = {"Hello", "world", "42"};
	static const char	*example[] = {"one", "two", "three", "four"};
	static const char	*holes[] = {"", "x", "", ""};
	static const char	*specials[] = {"tab\there", "new\nline", "été", " "};
	static const char	*five[] = {"a", "b", "c", "d", "e"};
	static const char	*empties[] = {"", "", ""};

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "three"))
		show(3, 3, three, ", ");
	else if (!strcmp(argv[1], "example"))
		show(4, 4, example, " - ");
	else if (!strcmp(argv[1], "size-zero"))
		show(0, 0, three, ", ");
	else if (!strcmp(argv[1], "one"))
		show(1, 1, three, "--");
	else if (!strcmp(argv[1], "empty-sep"))
		show(3, 3, three, "");
	else if (!strcmp(argv[1], "empty-strings"))
		show(4, 4, holes, "-");
	else if (!strcmp(argv[1], "all-empty"))
		show(3, 3, empties, "");
	else if (!strcmp(argv[1], "long-sep"))
		show(3, 3, three, " <==== forty-two ====> ");
	else if (!strcmp(argv[1], "specials"))
		show(4, 4, specials, "|");
	else if (!strcmp(argv[1], "first-of-more"))
		show(3, 5, five, "+");
	else if (!strcmp(argv[1], "size-zero-of-more"))
		show(0, 5, five, "+");
	else if (!strcmp(argv[1], "many"))
		many();
	else
		return (2);
	return (0);
}

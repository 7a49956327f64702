#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_strcmp(char *s1, char *s2);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

#define MAX_COPIES 16

static char	*g_copies[MAX_COPIES];
static int	g_count;

/* An exact-size heap copy of a string (its bytes, '\0' included, and nothing more),
 * so the memory checker sees a read past its end. The copies live until the end of
 * main, so no call gets a block an earlier one used. */
static char	*copy(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s || g_count == MAX_COPIES)
		exit(3);
	memcpy(s, bytes, size);
	g_copies[g_count++] = s;
	return (s);
}

static void	show(const char *b1, size_t n1, const char *b2, size_t n2)
{
	int	r;

	r = ft_strcmp(copy(b1, n1), copy(b2, n2));
	printf("%d\n", (r > 0) - (r < 0));
}

static int	run(const char *c)
{
	if (!strcmp(c, "equal"))
		show(BYTES("Hello"), BYTES("Hello"));
	else if (!strcmp(c, "less"))
		show(BYTES("abc"), BYTES("abd"));
	else if (!strcmp(c, "greater"))
		show(BYTES("abd"), BYTES("abc"));
	else if (!strcmp(c, "prefix"))
	{
		show(BYTES("abc"), BYTES("abcd"));
		show(BYTES("abcd"), BYTES("abc"));
	}
	else if (!strcmp(c, "empty"))
	{
		show(BYTES(""), BYTES(""));
		show(BYTES(""), BYTES("a"));
		show(BYTES("a"), BYTES(""));
	}
	else if (!strcmp(c, "first-char"))
	{
		show(BYTES("zebra"), BYTES("apple"));
		show(BYTES("apple"), BYTES("zebra"));
	}
	else if (!strcmp(c, "case"))
	{
		show(BYTES("Abc"), BYTES("abc"));
		show(BYTES("abc"), BYTES("ABC"));
	}
	else if (!strcmp(c, "late"))
	{
		show(BYTES("Hello, world!"), BYTES("Hello, world?"));
		show(BYTES("Hello, world?"), BYTES("Hello, world!"));
	}
	else if (!strcmp(c, "high"))
	{
		show(BYTES("\x80"), BYTES("a"));
		show(BYTES("a"), BYTES("\xff"));
		show(BYTES("caf\xc3\xa9"), BYTES("cafe"));
		show(BYTES("\xe9t\xe9"), BYTES("\xe9t\xe9"));
	}
	else if (!strcmp(c, "high-vs-empty"))
	{
		show(BYTES("\xc3"), BYTES(""));
		show(BYTES(""), BYTES("\xc3"));
	}
	else
		return (2);
	return (0);
}

int	main(int argc, char **argv)
{
	int	status;

	if (argc < 2)
		return (2);
	status = run(argv[1]);
	while (g_count > 0)
		free(g_copies[--g_count]);
	return (status);
}

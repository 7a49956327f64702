#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_strncmp(char *s1, char *s2, unsigned int n);

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

static void	show(const char *b1, size_t n1, const char *b2, size_t n2,
		unsigned int n)
{
	int	r;

	r = ft_strncmp(copy(b1, n1), copy(b2, n2), n);
	printf("%d\n", (r > 0) - (r < 0));
}

static int	run(const char *c)
{
	if (!strcmp(c, "equal"))
		show(BYTES("Hello"), BYTES("Hello"), 8);
	else if (!strcmp(c, "less"))
		show(BYTES("abc"), BYTES("abd"), 3);
	else if (!strcmp(c, "after-n"))
		show(BYTES("abcX"), BYTES("abcY"), 3);
	else if (!strcmp(c, "greater"))
	{
		show(BYTES("abd"), BYTES("abc"), 3);
		show(BYTES("b"), BYTES("abc"), 2);
	}
	else if (!strcmp(c, "n-zero"))
	{
		show(BYTES("abc"), BYTES("xyz"), 0);
		show(BYTES(""), BYTES("a"), 0);
		show(BYTES(""), BYTES(""), 0);
	}
	else if (!strcmp(c, "n-one"))
	{
		show(BYTES("abc"), BYTES("axy"), 1);
		show(BYTES("b"), BYTES("a"), 1);
	}
	else if (!strcmp(c, "same-length"))
	{
		show(BYTES("Hello"), BYTES("Hello"), 5);
		show(BYTES("Hello"), BYTES("Help!"), 5);
	}
	else if (!strcmp(c, "prefix"))
	{
		show(BYTES("abc"), BYTES("abcd"), 4);
		show(BYTES("abcd"), BYTES("abc"), 100);
		show(BYTES("abc"), BYTES("abcd"), 3);
	}
	else if (!strcmp(c, "empty"))
	{
		show(BYTES(""), BYTES(""), 5);
		show(BYTES(""), BYTES("a"), 5);
		show(BYTES("a"), BYTES(""), 5);
	}
	else if (!strcmp(c, "huge-n"))
	{
		show(BYTES("Hello"), BYTES("Hello"), 4294967295u);
		show(BYTES("Hello"), BYTES("Help"), 4294967295u);
	}
	else if (!strcmp(c, "high"))
	{
		show(BYTES("\x80"), BYTES("a"), 1);
		show(BYTES("a"), BYTES("\xff"), 1);
		show(BYTES("caf\xc3\xa9"), BYTES("cafe"), 5);
		show(BYTES("\xc3"), BYTES(""), 3);
	}
	else if (!strcmp(c, "high-after-n"))
		show(BYTES("caf\xc3"), BYTES("caf\xc4"), 3);
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

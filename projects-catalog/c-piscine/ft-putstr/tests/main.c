#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void	ft_putstr(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Every string reaches ft_putstr as an exact-size heap block (its bytes, '\0'
 * included, and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	ft_putstr(s);
	free(s);
}

static int	run_long(int len)
{
	char	*s;
	int		i;

	s = malloc(len + 1);
	if (!s)
		return (3);
	i = 0;
	while (i < len)
	{
		s[i] = (i % 50 == 49) ? '\n' : 'a' + i % 26;
		i++;
	}
	s[len] = '\0';
	ft_putstr(s);
	free(s);
	return (0);
}

int	main(int argc, char **argv)
{
	static const char	embedded[] = "abc\0def";
	char				big[64];

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "hello"))
		show(BYTES("Hello, world!"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "one"))
		show(BYTES("x"));
	else if (!strcmp(argv[1], "two-calls"))
	{
		show(BYTES("forty"));
		show(BYTES("-two\n"));
	}
	else if (!strcmp(argv[1], "newlines"))
		show(BYTES("line 1\nline 2\n\n"));
	else if (!strcmp(argv[1], "embedded"))
		show(BYTES(embedded));
	else if (!strcmp(argv[1], "utf8"))
		show(BYTES("caf\xc3\xa9 \xe2\x82\xac"));
	else if (!strcmp(argv[1], "buffer"))
	{
		/* a short string at the start of a larger block of 'Z's */
		memset(big, 'Z', sizeof(big));
		memcpy(big, "short", 6);
		show(big, sizeof(big));
	}
	else if (!strcmp(argv[1], "mixed"))
	{
		printf("<");
		fflush(stdout);
		show(BYTES("in between"));
		printf(">\n");
	}
	else if (!strcmp(argv[1], "long"))
		return (run_long(3000));
	else
		return (2);
	return (0);
}

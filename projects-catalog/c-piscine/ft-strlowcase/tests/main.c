#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strlowcase(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Prints a string between brackets: printable characters as they are, any other
 * byte as \xHH. */
static void	print_escaped(const char *s)
{
	printf("[");
	while (*s)
	{
		if (*s >= 32 && *s < 127)
			printf("%c", *s);
		else
			printf("\\x%02x", (unsigned char)*s);
		s++;
	}
	printf("]");
}

/* The string reaches ft_strlowcase as an exact-size heap block (its bytes, '\0'
 * included, and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *bytes, size_t size)
{
	char	*s;
	char	*ret;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	ret = ft_strlowcase(s);
	print_escaped(s);
	if (ret == s)
		printf(" returned str\n");
	else if (ret == NULL)
		printf(" returned (null)\n");
	else
		printf(" returned something else\n");
	free(s);
}

static int	run_long(int len)
{
	char	*s;
	int		i;
	int		ok;

	s = malloc(len + 1);
	if (!s)
		return (3);
	i = -1;
	while (++i < len)
		s[i] = (i % 3 == 2) ? ' ' : 'A' + i % 26;
	s[len] = '\0';
	ok = (ft_strlowcase(s) == s);
	i = -1;
	while (++i < len)
		if (s[i] != ((i % 3 == 2) ? ' ' : 'a' + i % 26))
			ok = 0;
	printf("%s\n", ok && s[len] == '\0' ? "all lowcased" : "wrong");
	free(s);
	return (0);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "words"))
		show(BYTES("HELLO WORLD"));
	else if (!strcmp(argv[1], "mixed"))
		show(BYTES("Hello, World! 42"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "alphabet"))
		show(BYTES("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
	else if (!strcmp(argv[1], "already"))
		show(BYTES("already lower"));
	else if (!strcmp(argv[1], "bounds"))
	{
		show(BYTES("A"));
		show(BYTES("Z"));
		show(BYTES("ZEBRA"));
	}
	else if (!strcmp(argv[1], "before-a"))
		show(BYTES("0A9B@C?"));
	else if (!strcmp(argv[1], "others"))
		show(BYTES("[\\]^_`{|}~ !#\t\n"));
	else if (!strcmp(argv[1], "high"))
		show(BYTES("CAF\xc3\x89 \xff\x80"));
	else if (!strcmp(argv[1], "long"))
		return (run_long(5000));
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_str_is_alpha(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Every string reaches ft_str_is_alpha as an exact-size heap block (its bytes, '\0'
 * included, and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	printf("%d\n", ft_str_is_alpha(s));
	free(s);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "hello"))
		show(BYTES("Hello"));
	else if (!strcmp(argv[1], "digit"))
		show(BYTES("Hello42"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "alphabet"))
		show(BYTES("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"));
	else if (!strcmp(argv[1], "space"))
		show(BYTES("hello world"));
	else if (!strcmp(argv[1], "bounds"))
	{
		show(BYTES("A"));
		show(BYTES("Z"));
		show(BYTES("a"));
		show(BYTES("z"));
		show(BYTES("AZaz"));
	}
	else if (!strcmp(argv[1], "neighbours"))
	{
		show(BYTES("@"));
		show(BYTES("["));
		show(BYTES("`"));
		show(BYTES("{"));
	}
	else if (!strcmp(argv[1], "between"))
	{
		show(BYTES("abc_def"));
		show(BYTES("abc^"));
		show(BYTES("\\"));
		show(BYTES("]x"));
	}
	else if (!strcmp(argv[1], "last"))
	{
		show(BYTES("abcdefgh1"));
		show(BYTES("abcdefgh!"));
		show(BYTES("abcdefgh\n"));
	}
	else if (!strcmp(argv[1], "high"))
	{
		show(BYTES("caf\xc3\xa9"));
		show(BYTES("\xff"));
		show(BYTES("\x80z"));
	}
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_str_is_lowercase(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Every string reaches ft_str_is_lowercase as an exact-size heap block (its bytes,
 * '\0' included, and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	printf("%d\n", ft_str_is_lowercase(s));
	free(s);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "lower"))
		show(BYTES("school"));
	else if (!strcmp(argv[1], "upper-inside"))
		show(BYTES("schOol"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "alphabet"))
		show(BYTES("abcdefghijklmnopqrstuvwxyz"));
	else if (!strcmp(argv[1], "bounds"))
	{
		show(BYTES("a"));
		show(BYTES("z"));
		show(BYTES("az"));
		show(BYTES("zzza"));
	}
	else if (!strcmp(argv[1], "neighbours"))
	{
		show(BYTES("`"));
		show(BYTES("{"));
		show(BYTES("abc{"));
		show(BYTES("`abc"));
	}
	else if (!strcmp(argv[1], "after-z"))
	{
		show(BYTES("|"));
		show(BYTES("xyz}"));
		show(BYTES("~"));
	}
	else if (!strcmp(argv[1], "uppercase"))
	{
		show(BYTES("A"));
		show(BYTES("Z"));
		show(BYTES("HELLO"));
	}
	else if (!strcmp(argv[1], "space"))
	{
		show(BYTES("hello world"));
		show(BYTES("abc1"));
		show(BYTES(" "));
	}
	else if (!strcmp(argv[1], "high"))
	{
		show(BYTES("caf\xc3\xa9"));
		show(BYTES("\xe9"));
		show(BYTES("abc\xff"));
	}
	else
		return (2);
	return (0);
}

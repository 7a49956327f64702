#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_str_is_uppercase(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Every string reaches ft_str_is_uppercase as an exact-size heap block (its bytes,
 * '\0' included, and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	printf("%d\n", ft_str_is_uppercase(s));
	free(s);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "upper"))
		show(BYTES("SCHOOL"));
	else if (!strcmp(argv[1], "lower-inside"))
		show(BYTES("SCHoOL"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "alphabet"))
		show(BYTES("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
	else if (!strcmp(argv[1], "bounds"))
	{
		show(BYTES("A"));
		show(BYTES("Z"));
		show(BYTES("AZ"));
		show(BYTES("ZZZA"));
	}
	else if (!strcmp(argv[1], "neighbours"))
	{
		show(BYTES("@"));
		show(BYTES("["));
		show(BYTES("ABC["));
		show(BYTES("@ABC"));
	}
	else if (!strcmp(argv[1], "lowercase"))
	{
		show(BYTES("a"));
		show(BYTES("z"));
		show(BYTES("hello"));
	}
	else if (!strcmp(argv[1], "between"))
	{
		show(BYTES("ABC_DEF"));
		show(BYTES("\\"));
		show(BYTES("A^`"));
	}
	else if (!strcmp(argv[1], "space"))
	{
		show(BYTES("HELLO WORLD"));
		show(BYTES("ABC1"));
		show(BYTES(" "));
	}
	else if (!strcmp(argv[1], "high"))
	{
		show(BYTES("CAF\xc3\x89"));
		show(BYTES("\xc9"));
		show(BYTES("ABC\xff"));
	}
	else
		return (2);
	return (0);
}

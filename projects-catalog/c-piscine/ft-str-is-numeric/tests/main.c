#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_str_is_numeric(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Every string reaches ft_str_is_numeric as an exact-size heap block (its bytes,
 * '\0' included, and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	printf("%d\n", ft_str_is_numeric(s));
	free(s);
}

/* len digits, then `last` if it is not '\0'. */
static void	show_long(int len, char last)
{
	char	*s;
	int		i;

	s = malloc(len + 2);
	if (!s)
		exit(3);
	i = 0;
	while (i < len)
	{
		s[i] = '0' + i % 10;
		i++;
	}
	s[len] = last;
	s[len + 1] = '\0';
	show(s, strlen(s) + 1);
	free(s);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "digits"))
		show(BYTES("0123456789"));
	else if (!strcmp(argv[1], "letter"))
		show(BYTES("12a34"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "bounds"))
	{
		show(BYTES("0"));
		show(BYTES("9"));
		show(BYTES("09"));
		show(BYTES("90"));
	}
	else if (!strcmp(argv[1], "neighbours"))
	{
		show(BYTES("/"));
		show(BYTES(":"));
		show(BYTES("12/"));
		show(BYTES(":12"));
	}
	else if (!strcmp(argv[1], "signs"))
	{
		show(BYTES("-42"));
		show(BYTES("+42"));
		show(BYTES(" 42"));
		show(BYTES("4 2"));
	}
	else if (!strcmp(argv[1], "last"))
	{
		show(BYTES("123456789a"));
		show(BYTES("2024\n"));
		show(BYTES("3.14"));
	}
	else if (!strcmp(argv[1], "high"))
	{
		show(BYTES("\xb2"));
		show(BYTES("\xd9\xa1"));
		show(BYTES("12\xff"));
	}
	else if (!strcmp(argv[1], "long"))
	{
		show_long(1000, '\0');
		show_long(999, 'x');
	}
	else
		return (2);
	return (0);
}

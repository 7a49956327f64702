#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_str_is_printable(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Every string reaches ft_str_is_printable as an exact-size heap block (its bytes,
 * '\0' included, and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	printf("%d\n", ft_str_is_printable(s));
	free(s);
}

/* The 95 printable characters, from ' ' to '~'. */
static void	show_all_printable(void)
{
	char	s[96];
	int		i;

	i = 0;
	while (i < 95)
	{
		s[i] = ' ' + i;
		i++;
	}
	s[95] = '\0';
	show(s, sizeof(s));
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "sentence"))
		show(BYTES("Hello, World! 42"));
	else if (!strcmp(argv[1], "newline"))
		show(BYTES("Hello\n"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "all-printable"))
		show_all_printable();
	else if (!strcmp(argv[1], "spaces"))
	{
		show(BYTES(" "));
		show(BYTES("    "));
	}
	else if (!strcmp(argv[1], "bounds"))
	{
		show(BYTES("~"));
		show(BYTES("~ ~"));
		show(BYTES("!"));
	}
	else if (!strcmp(argv[1], "controls"))
	{
		show(BYTES("\t"));
		show(BYTES("\x1f"));
		show(BYTES("\x01" "abc"));
		show(BYTES("abc\r"));
	}
	else if (!strcmp(argv[1], "del"))
	{
		show(BYTES("\x7f"));
		show(BYTES("abc\x7f"));
	}
	else if (!strcmp(argv[1], "high"))
	{
		show(BYTES("\x80"));
		show(BYTES("caf\xc3\xa9"));
		show(BYTES("\xff"));
	}
	else
		return (2);
	return (0);
}

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void	ft_putstr_non_printable(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Every string reaches ft_putstr_non_printable as an exact-size heap block (its
 * bytes, '\0' included, and nothing more), so the memory checker sees a read past its
 * end. A newline is written after each call. */
static void	show(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	ft_putstr_non_printable(s);
	write(1, "\n", 1);
	free(s);
}

/* Every byte from 1 to 255, in order. */
static void	show_all_bytes(void)
{
	char	s[256];
	int		i;

	i = 0;
	while (i < 255)
	{
		s[i] = (char)(i + 1);
		i++;
	}
	s[255] = '\0';
	show(s, sizeof(s));
}

int	main(int argc, char **argv)
{
	static const char	embedded[] = "ab\0\n";

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "newline"))
		show(BYTES("Hi there\nhow are you?"));
	else if (!strcmp(argv[1], "printable"))
		show(BYTES("Hello, World! ~42"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "controls"))
		show(BYTES("\x01\x1f\t\r"));
	else if (!strcmp(argv[1], "small"))
		show(BYTES("a\x05z\x0e"));
	else if (!strcmp(argv[1], "bounds"))
		show(BYTES("\x1f ~\x7f"));
	else if (!strcmp(argv[1], "del"))
		show(BYTES("\x7f" "DEL"));
	else if (!strcmp(argv[1], "high"))
	{
		show(BYTES("\x80\xff"));
		show(BYTES("caf\xc3\xa9"));
	}
	else if (!strcmp(argv[1], "backslash"))
		show(BYTES("a\\b\\0a"));
	else if (!strcmp(argv[1], "stops-at-nul"))
		show(BYTES(embedded));
	else if (!strcmp(argv[1], "all-bytes"))
		show_all_bytes();
	else
		return (2);
	return (0);
}

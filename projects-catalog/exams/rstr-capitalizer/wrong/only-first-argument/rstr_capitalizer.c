#include <unistd.h>

static int	ends_word(char c)
{
	return (c == ' ' || c == '\t' || c == '\0');
}

int	main(int argc, char **argv)
{
	int		i;
	char	c;

	if (argc >= 2)
	{
		i = 0;
		while (argv[1][i] != '\0')
		{
			c = argv[1][i];
			if (c >= 'A' && c <= 'Z')
				c = c - 'A' + 'a';
			if (c >= 'a' && c <= 'z' && ends_word(argv[1][i + 1]))
				c = c - 'a' + 'A';
			write(1, &c, 1);
			i++;
		}
	}
	write(1, "\n", 1);
	return (0);
}

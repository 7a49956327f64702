#include <unistd.h>

static char	rotate(char c)
{
	if (c >= 'a' && c <= 'z')
	{
		c = c + 13;
		if (c > 'z')
			c = c - 26;
	}
	else if (c >= 'A' && c <= 'Z')
	{
		c = c + 13;
		if (c > 'Z')
			c = c - 26;
	}
	return (c);
}

int	main(int argc, char **argv)
{
	int		i;
	char	c;

	if (argc == 2)
	{
		i = 0;
		while (argv[1][i] != '\0')
		{
			c = rotate(argv[1][i]);
			write(1, &c, 1);
			i++;
		}
	}
	write(1, "\n", 1);
	return (0);
}

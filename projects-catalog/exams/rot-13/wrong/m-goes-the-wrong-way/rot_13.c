#include <unistd.h>

static char	rotate(char c)
{
	if ((c >= 'a' && c < 'm') || (c >= 'A' && c < 'M'))
		return (c + 13);
	if ((c >= 'm' && c <= 'z') || (c >= 'M' && c <= 'Z'))
		return (c - 13);
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

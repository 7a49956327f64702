#include <unistd.h>

int	main(int argc, char **argv)
{
	int		i;
	int		len;
	char	c;

	if (argc == 2)
	{
		len = 0;
		while (argv[1][len] != '\0')
			len++;
		i = 0;
		while (i <= len)
		{
			c = argv[1][i];
			if (c >= 'a' && c <= 'z')
				c = c - 'a' + 'A';
			else if (c >= 'A' && c <= 'Z')
				c = c - 'A' + 'a';
			write(1, &c, 1);
			i++;
		}
	}
	write(1, "\n", 1);
	return (0);
}

#include <unistd.h>

int	main(int argc, char **argv)
{
	int		seen[256];
	int		i;
	char	c;

	if (argc == 3)
	{
		i = 0;
		while (i < 256)
			seen[i++] = 0;
		i = 0;
		while (argv[1][i] != '\0')
			seen[(unsigned char)argv[1][i++]] = 1;
		i = 0;
		while (argv[2][i] != '\0')
			seen[(unsigned char)argv[2][i++]] = 1;
		i = 1;
		while (i < 256)
		{
			c = i;
			if (seen[i])
				write(1, &c, 1);
			i++;
		}
	}
	write(1, "\n", 1);
	return (0);
}

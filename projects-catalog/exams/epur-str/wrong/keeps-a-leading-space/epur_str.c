#include <unistd.h>

static int	is_blank(char c)
{
	return (c == ' ' || c == '\t');
}

int	main(int argc, char **argv)
{
	int	i;

	if (argc == 2)
	{
		i = 0;
		while (argv[1][i] != '\0')
		{
			if (is_blank(argv[1][i]))
			{
				while (is_blank(argv[1][i]))
					i++;
				if (argv[1][i] != '\0')
					write(1, " ", 1);
			}
			else
				write(1, &argv[1][i++], 1);
		}
	}
	write(1, "\n", 1);
	return (0);
}

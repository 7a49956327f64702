#include <unistd.h>

static int	is_blank(char c)
{
	return (c == ' ' || c == '\t');
}

int	main(int argc, char **argv)
{
	int	i;
	int	printed;

	if (argc == 2)
	{
		i = 0;
		printed = 0;
		while (argv[1][i] != '\0')
		{
			while (is_blank(argv[1][i]))
				i++;
			if (argv[1][i] == '\0')
				break ;
			if (printed)
				write(1, " ", 1);
			while (argv[1][i] != '\0' && !is_blank(argv[1][i]))
				write(1, &argv[1][i++], 1);
			printed = 1;
		}
	}
	write(1, "\n", 1);
	return (0);
}

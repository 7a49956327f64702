#include <unistd.h>

static int	is_in(char c, char *str, int len)
{
	int	i;

	i = 0;
	while (i < len)
	{
		if (str[i] == c)
			return (1);
		i++;
	}
	return (0);
}

int	main(int argc, char **argv)
{
	int	len1;
	int	i;

	if (argc == 3)
	{
		len1 = 0;
		while (argv[1][len1] != '\0')
		{
			if (!is_in(argv[1][len1], argv[1], len1))
				write(1, &argv[1][len1], 1);
			len1++;
		}
		i = 0;
		while (argv[2][i] != '\0')
		{
			if (!is_in(argv[2][i], argv[1], len1))
				write(1, &argv[2][i], 1);
			i++;
		}
	}
	write(1, "\n", 1);
	return (0);
}

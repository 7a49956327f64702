#include <unistd.h>

static void	put_str(char *str)
{
	int	i;

	i = 0;
	while (str[i])
		i++;
	write(1, str, i);
}

int	main(int argc, char **argv)
{
	int	i;

	i = 1;
	while (i < argc)
	{
		put_str(argv[i]);
		if (i < argc - 1)
			write(1, " ", 1);
		i++;
	}
	if (argc > 1)
		write(1, "\n", 1);
	return (0);
}

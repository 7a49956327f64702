#include <unistd.h>

int	main(int argc, char **argv)
{
	int	i;
	int	start;

	(void)argc;
	i = 0;
	start = 0;
	while (argv[0][i])
	{
		if (argv[0][i] == '/')
			start = i + 1;
		i++;
	}
	write(1, argv[0] + start, i - start);
	write(1, "\n", 1);
	return (0);
}

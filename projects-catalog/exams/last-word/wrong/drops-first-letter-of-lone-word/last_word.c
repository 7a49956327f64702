#include <unistd.h>

static int	is_blank(char c)
{
	return (c == ' ' || c == '\t');
}

int	main(int argc, char **argv)
{
	int	end;
	int	i;

	if (argc == 2)
	{
		end = 0;
		while (argv[1][end] != '\0')
			end++;
		while (end > 0 && is_blank(argv[1][end - 1]))
			end--;
		i = end - 1;
		while (i > 0 && !is_blank(argv[1][i]))
			i--;
		if (end > 0)
			write(1, &argv[1][i + 1], end - i - 1);
	}
	write(1, "\n", 1);
	return (0);
}

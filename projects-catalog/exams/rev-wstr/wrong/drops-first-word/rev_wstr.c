#include <unistd.h>

static void	rev_wstr(char *str)
{
	int	end;
	int	i;
	int	first;

	end = 0;
	while (str[end] != '\0')
		end++;
	i = end - 1;
	first = 1;
	while (i > 0)
	{
		if (str[i] == ' ')
		{
			if (!first)
				write(1, " ", 1);
			write(1, &str[i + 1], end - i - 1);
			first = 0;
			end = i;
		}
		i--;
	}
}

int	main(int argc, char **argv)
{
	if (argc == 2)
		rev_wstr(argv[1]);
	write(1, "\n", 1);
	return (0);
}

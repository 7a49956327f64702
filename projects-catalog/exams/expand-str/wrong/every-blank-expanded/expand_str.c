#include <unistd.h>

static int	is_blank(char c)
{
	return (c == ' ' || c == '\t');
}

int	main(int argc, char **argv)
{
	int	start;
	int	end;

	if (argc == 2)
	{
		start = 0;
		while (is_blank(argv[1][start]))
			start++;
		end = start;
		while (argv[1][end] != '\0')
			end++;
		while (end > start && is_blank(argv[1][end - 1]))
			end--;
		while (start < end)
		{
			if (is_blank(argv[1][start]))
				write(1, "   ", 3);
			else
				write(1, &argv[1][start], 1);
			start++;
		}
	}
	write(1, "\n", 1);
	return (0);
}

#include <unistd.h>

static int	is_blank(char c)
{
	return (c == ' ' || c == '\t');
}

static void	rev_wstr(char *str)
{
	int	end;
	int	start;

	end = 0;
	while (str[end] != '\0')
		end++;
	while (end > 0)
	{
		while (end > 0 && is_blank(str[end - 1]))
			end--;
		start = end;
		while (start > 0 && !is_blank(str[start - 1]))
			start--;
		if (start < end)
		{
			write(1, &str[start], end - start);
			write(1, " ", 1);
		}
		end = start;
	}
}

int	main(int argc, char **argv)
{
	if (argc == 2)
		rev_wstr(argv[1]);
	write(1, "\n", 1);
	return (0);
}

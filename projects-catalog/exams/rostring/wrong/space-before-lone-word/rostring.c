#include <unistd.h>

static int	is_blank(char c)
{
	return (c == ' ' || c == '\t');
}

static int	put_words(char *str, int printed)
{
	int	i;

	i = 0;
	while (str[i] != '\0')
	{
		while (is_blank(str[i]))
			i++;
		if (str[i] == '\0')
			break ;
		if (printed)
			write(1, " ", 1);
		while (str[i] != '\0' && !is_blank(str[i]))
			write(1, &str[i++], 1);
		printed = 1;
	}
	return (printed);
}

int	main(int argc, char **argv)
{
	char	*str;
	int		start;
	int		end;

	if (argc >= 2)
	{
		str = argv[1];
		start = 0;
		while (is_blank(str[start]))
			start++;
		end = start;
		while (str[end] != '\0' && !is_blank(str[end]))
			end++;
		put_words(&str[end], 0);
		if (start < end)
			write(1, " ", 1);
		write(1, &str[start], end - start);
	}
	write(1, "\n", 1);
	return (0);
}

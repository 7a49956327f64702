#include <unistd.h>

static int	ends_word(char c)
{
	return (c == ' ' || c == '\t' || c == '\0');
}

static void	rstr_capitalize(char *str)
{
	int		i;
	char	c;

	i = 0;
	while (str[i] != '\0')
	{
		c = str[i];
		if (c >= 'a' && c <= 'z' && ends_word(str[i + 1]))
			c = c - 'a' + 'A';
		write(1, &c, 1);
		i++;
	}
	write(1, "\n", 1);
}

int	main(int argc, char **argv)
{
	int	i;

	if (argc == 1)
		write(1, "\n", 1);
	i = 1;
	while (i < argc)
	{
		rstr_capitalize(argv[i]);
		i++;
	}
	return (0);
}

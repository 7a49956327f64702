#include <unistd.h>

static void	rstr_capitalize(char *str)
{
	int		i;
	char	c;

	i = 0;
	while (str[i] != '\0')
	{
		c = str[i];
		if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		if (c >= 'a' && c <= 'z' && (str[i + 1] == ' ' || str[i + 1] == '\0'))
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

#include <stdio.h>
#include <stdlib.h>

char	*ft_itoa(int nbr);

/* Shows the string one character at a time up to its '\0': a string left without
 * its '\0' makes the memory checker report a read past the block. */
static void	show(const char *s)
{
	size_t	i;

	putchar('[');
	i = 0;
	while (s[i] != '\0')
	{
		putchar(s[i]);
		i++;
	}
	printf("]\n");
}

/* Usage: main N... : prints "[ft_itoa(N)]" for every N, and frees it. */
int	main(int argc, char **argv)
{
	int		i;
	char	*s;

	if (argc < 2)
		return (2);
	i = 1;
	while (i < argc)
	{
		s = ft_itoa((int)strtol(argv[i], NULL, 10));
		if (s == NULL)
			printf("(null)\n");
		else
			show(s);
		free(s);
		i++;
	}
	return (0);
}

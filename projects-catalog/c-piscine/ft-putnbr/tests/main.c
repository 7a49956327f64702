#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void	ft_putnbr(int nb);

/* Usage: program N...          -- ft_putnbr(N) for each N, a newline after each
 *        program raw N...      -- the same calls, with nothing printed between them
 *        program range FROM TO -- ft_putnbr(N) for every N from FROM to TO, one a line
 *        program framed N      -- "[", ft_putnbr(N), "]\n"
 * What the harness prints with printf is flushed before the next call, so that it
 * comes out in order with what ft_putnbr writes with write(2). */
static void	put_line(int n)
{
	ft_putnbr(n);
	printf("\n");
	fflush(stdout);
}

static int	number(const char *s)
{
	return ((int)strtol(s, NULL, 10));
}

int	main(int argc, char **argv)
{
	int	i;
	int	to;

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "range") && argc == 4)
	{
		i = number(argv[2]);
		to = number(argv[3]);
		put_line(i);
		while (i < to)
			put_line(++i);
	}
	else if (!strcmp(argv[1], "framed") && argc == 3)
	{
		printf("[");
		fflush(stdout);
		ft_putnbr(number(argv[2]));
		printf("]\n");
	}
	else if (!strcmp(argv[1], "raw"))
	{
		i = 2;
		while (i < argc)
			ft_putnbr(number(argv[i++]));
	}
	else
	{
		i = 1;
		while (i < argc)
			put_line(number(argv[i++]));
	}
	return (0);
}

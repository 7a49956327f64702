#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void	ft_is_negative(int n);

/* Usage: program N... -- calls ft_is_negative(N) for each N, and prints a newline
 *                        with printf after each call.
 *        program raw N... -- the same calls, with nothing printed between them.
 * printf's output is flushed before the next call, so that it comes out in order
 * with what ft_is_negative writes with write(2). */
int	main(int argc, char **argv)
{
	int	i;
	int	raw;

	if (argc < 2)
		return (2);
	raw = !strcmp(argv[1], "raw");
	i = 1 + raw;
	while (i < argc)
	{
		ft_is_negative((int)strtol(argv[i], NULL, 10));
		if (!raw)
		{
			printf("\n");
			fflush(stdout);
		}
		i++;
	}
	return (0);
}

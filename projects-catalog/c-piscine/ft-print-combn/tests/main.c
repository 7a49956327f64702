#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void	ft_print_combn(int n);

/* Usage: program N...      -- ft_print_combn(N) for each N, a newline after each
 *        program framed N  -- "<", ft_print_combn(N), ">\n"
 * What the harness prints with printf is flushed before the next call, so that it
 * comes out in order with what ft_print_combn writes with write(2). */
int	main(int argc, char **argv)
{
	int	i;

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "framed") && argc == 3)
	{
		printf("<");
		fflush(stdout);
		ft_print_combn((int)strtol(argv[2], NULL, 10));
		printf(">\n");
		return (0);
	}
	i = 1;
	while (i < argc)
	{
		ft_print_combn((int)strtol(argv[i], NULL, 10));
		printf("\n");
		fflush(stdout);
		i++;
	}
	return (0);
}

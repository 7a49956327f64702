#include <stdio.h>
#include <string.h>

void	ft_print_comb(void);

/* Usage: program MODE -- calls ft_print_comb as MODE says. What the harness writes with printf
 * is flushed before each call, so that it comes out in order with what the function
 * writes with write(2). */
static void	calls(int count, const char *between)
{
	int	i;

	i = 0;
	while (i < count)
	{
		ft_print_comb();
		printf("%s", between);
		fflush(stdout);
		i++;
	}
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "once"))
		ft_print_comb();
	else if (!strcmp(argv[1], "framed"))
	{
		printf("<");
		fflush(stdout);
		ft_print_comb();
		printf(">\n");
	}
	else if (!strcmp(argv[1], "then-newline"))
		calls(1, "\n");
	else if (!strcmp(argv[1], "twice"))
		calls(2, "");
	else if (!strcmp(argv[1], "separated"))
		calls(3, "|");
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <string.h>

void	ft_print_numbers(void);

/* Output written with printf is flushed before each call, so that it comes out in
   order with what ft_print_numbers writes with write(2). */
int	main(int argc, char **argv)
{
	int	i;

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "once"))
		ft_print_numbers();
	else if (!strcmp(argv[1], "framed"))
	{
		printf("<");
		fflush(stdout);
		ft_print_numbers();
		printf(">\n");
	}
	else if (!strcmp(argv[1], "twice"))
	{
		ft_print_numbers();
		ft_print_numbers();
	}
	else if (!strcmp(argv[1], "separated"))
	{
		i = 0;
		while (i < 3)
		{
			ft_print_numbers();
			printf("|");
			fflush(stdout);
			i++;
		}
		printf("\n");
	}
	else if (!strcmp(argv[1], "ten-times"))
	{
		i = 0;
		while (i < 10)
		{
			ft_print_numbers();
			i++;
		}
	}
	else if (!strcmp(argv[1], "then-newline"))
	{
		ft_print_numbers();
		printf("\n");
	}
	else
		return (2);
	return (0);
}

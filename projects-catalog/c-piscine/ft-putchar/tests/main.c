#include <stdio.h>
#include <string.h>

void	ft_putchar(char c);

int	main(int argc, char **argv)
{
	char	c;

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "a"))
		ft_putchar('a');
	else if (!strcmp(argv[1], "digit"))
		ft_putchar('7');
	else if (!strcmp(argv[1], "newline"))
		ft_putchar('\n');
	else if (!strcmp(argv[1], "space"))
		ft_putchar(' ');
	else if (!strcmp(argv[1], "nul"))
		ft_putchar('\0');
	else if (!strcmp(argv[1], "alphabet"))
	{
		c = 'a';
		while (c <= 'z')
			ft_putchar(c++);
		ft_putchar('\n');
	}
	else if (!strcmp(argv[1], "printable"))
	{
		c = ' ';
		while (c < 127)
			ft_putchar(c++);
	}
	else if (!strcmp(argv[1], "high"))
	{
		ft_putchar((char)0xc3);
		ft_putchar((char)0xa9);
		ft_putchar((char)0xe2);
		ft_putchar((char)0x82);
		ft_putchar((char)0xac);
	}
	else if (!strcmp(argv[1], "mixed"))
	{
		printf("[");
		fflush(stdout);
		ft_putchar('x');
		printf("]\n");
	}
	else
		return (2);
	return (0);
}

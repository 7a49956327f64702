#include <stdio.h>

void	ft_putchar(char c)
{
	printf("%c", c);
}

#include <stdio.h>

void	ft_print_alphabet(void)
{
	char	c;

	c = 'a';
	while (c <= 'z')
	{
		printf("%c", c);
		c++;
	}
}

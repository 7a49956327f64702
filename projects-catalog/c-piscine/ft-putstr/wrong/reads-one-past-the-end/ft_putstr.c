#include <unistd.h>

void	ft_putstr(char *str)
{
	int		i;
	char	c;
	char	next;

	i = 0;
	c = str[0];
	next = str[1];
	while (c != '\0')
	{
		write(1, &c, 1);
		i++;
		c = next;
		next = str[i + 1];
	}
}

#include <unistd.h>

static void	put_char(unsigned char c)
{
	char	*digits;

	digits = "0123456789abcdef";
	if (c >= ' ' && c <= '~')
	{
		write(1, &c, 1);
		return ;
	}
	write(1, "\\", 1);
	write(1, &digits[c / 16], 1);
	write(1, &digits[c % 16], 1);
}

void	ft_putstr_non_printable(char *str)
{
	int		i;
	char	c;
	char	next;

	i = 0;
	c = str[0];
	next = str[1];
	while (c != '\0')
	{
		put_char(c);
		i++;
		c = next;
		next = str[i + 1];
	}
}

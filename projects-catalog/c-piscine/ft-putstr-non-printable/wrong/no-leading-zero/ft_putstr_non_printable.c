#include <unistd.h>

static void	put_hex(unsigned char c)
{
	char	*digits;

	digits = "0123456789abcdef";
	write(1, "\\", 1);
	if (c >= 16)
		write(1, &digits[c / 16], 1);
	write(1, &digits[c % 16], 1);
}

void	ft_putstr_non_printable(char *str)
{
	int	i;

	i = 0;
	while (str[i] != '\0')
	{
		if (str[i] >= ' ' && str[i] <= '~')
			write(1, &str[i], 1);
		else
			put_hex((unsigned char)str[i]);
		i++;
	}
}

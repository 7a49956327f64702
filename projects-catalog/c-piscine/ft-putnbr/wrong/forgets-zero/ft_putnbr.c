#include <unistd.h>

static void	print_reversed(char *buf, int len)
{
	while (len > 0)
	{
		len--;
		write(1, &buf[len], 1);
	}
}

void	ft_putnbr(int nb)
{
	char	buf[11];
	int		len;
	long	n;

	n = nb;
	if (n < 0)
	{
		write(1, "-", 1);
		n = -n;
	}
	len = 0;
	while (n > 0)
	{
		buf[len] = n % 10 + '0';
		n = n / 10;
		len++;
	}
	print_reversed(buf, len);
}

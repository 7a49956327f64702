#include <unistd.h>

void	ft_putnbr(int nb)
{
	long	n;
	char	c;

	n = nb;
	if (n < 0)
	{
		write(1, "-", 1);
		n = -n;
	}
	if (n == 0)
		write(1, "0", 1);
	while (n > 0)
	{
		c = n % 10 + '0';
		write(1, &c, 1);
		n = n / 10;
	}
}

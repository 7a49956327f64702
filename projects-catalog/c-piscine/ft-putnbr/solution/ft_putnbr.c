#include <unistd.h>

static void	put_digit(int digit)
{
	char	c;

	c = digit + '0';
	write(1, &c, 1);
}

void	ft_putnbr(int nb)
{
	if (nb < 0)
	{
		write(1, "-", 1);
		if (nb <= -10)
			ft_putnbr(-(nb / 10));
		put_digit(-(nb % 10));
		return ;
	}
	if (nb >= 10)
		ft_putnbr(nb / 10);
	put_digit(nb % 10);
}

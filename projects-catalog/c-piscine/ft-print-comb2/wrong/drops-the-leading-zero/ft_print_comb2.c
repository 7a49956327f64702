#include <unistd.h>

static void	put_number(int n)
{
	char	c;

	if (n >= 10)
	{
		c = n / 10 + '0';
		write(1, &c, 1);
	}
	c = n % 10 + '0';
	write(1, &c, 1);
}

void	ft_print_comb2(void)
{
	int	a;
	int	b;

	a = 0;
	while (a <= 98)
	{
		b = a + 1;
		while (b <= 99)
		{
			put_number(a);
			write(1, " ", 1);
			put_number(b);
			if (a != 98)
				write(1, ", ", 2);
			b++;
		}
		a++;
	}
}

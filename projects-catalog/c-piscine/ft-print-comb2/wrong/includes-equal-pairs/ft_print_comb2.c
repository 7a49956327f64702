#include <unistd.h>

static void	put_two_digits(int n)
{
	char	digits[2];

	digits[0] = n / 10 + '0';
	digits[1] = n % 10 + '0';
	write(1, digits, 2);
}

void	ft_print_comb2(void)
{
	int	a;
	int	b;

	a = 0;
	while (a <= 99)
	{
		b = a;
		while (b <= 99)
		{
			put_two_digits(a);
			write(1, " ", 1);
			put_two_digits(b);
			if (a != 99)
				write(1, ", ", 2);
			b++;
		}
		a++;
	}
}

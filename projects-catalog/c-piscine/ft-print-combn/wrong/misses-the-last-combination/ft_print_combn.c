#include <unistd.h>

static void	put_digits(int *digits, int n)
{
	int		i;
	char	c;

	i = 0;
	while (i < n)
	{
		c = digits[i] + '0';
		write(1, &c, 1);
		i++;
	}
}

static void	next_comb(int *digits, int n)
{
	int	i;

	i = n - 1;
	while (i > 0 && digits[i] == 10 - n + i)
		i--;
	digits[i]++;
	i++;
	while (i < n)
	{
		digits[i] = digits[i - 1] + 1;
		i++;
	}
}

void	ft_print_combn(int n)
{
	int	digits[10];
	int	i;

	i = 0;
	while (i < n)
	{
		digits[i] = i;
		i++;
	}
	put_digits(digits, n);
	next_comb(digits, n);
	while (digits[0] < 10 - n)
	{
		write(1, ", ", 2);
		put_digits(digits, n);
		next_comb(digits, n);
	}
}

#include <unistd.h>

static void	put_comb(int *digits, int n)
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
	if (digits[0] != 10 - n)
		write(1, ", ", 2);
}

static void	fill_from(int *digits, int n, int pos)
{
	if (pos == n)
	{
		put_comb(digits, n);
		return ;
	}
	if (pos == 0)
		digits[pos] = 0;
	else
		digits[pos] = digits[pos - 1] + 1;
	while (digits[pos] <= 10 - n + pos)
	{
		fill_from(digits, n, pos + 1);
		digits[pos]++;
	}
}

void	ft_print_combn(int n)
{
	int	digits[10];

	if (n < 1 || n > 9)
		return ;
	fill_from(digits, n, 0);
}

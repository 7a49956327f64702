#include <unistd.h>

static int	is_comb(int nb, int n, char *digits)
{
	int	i;

	i = n - 1;
	while (i >= 0)
	{
		digits[i] = nb % 10 + '0';
		nb = nb / 10;
		i--;
	}
	i = 1;
	while (i < n)
	{
		if (digits[i - 1] >= digits[i])
			return (0);
		i++;
	}
	return (1);
}

static int	power_of_ten(int n)
{
	int	result;

	result = 1;
	while (n > 0)
	{
		result = result * 10;
		n--;
	}
	return (result);
}

void	ft_print_combn(int n)
{
	char	digits[9];
	int		nb;
	int		max;
	int		first;

	max = power_of_ten(n);
	first = 1;
	nb = 0;
	while (nb < max)
	{
		if (is_comb(nb, n, digits))
		{
			if (!first)
				write(1, ", ", 2);
			write(1, digits, n);
			first = 0;
		}
		nb++;
	}
}

#include <unistd.h>

static int	base_length(char *base)
{
	int	i;
	int	j;

	i = 0;
	while (base[i])
	{
		if (base[i] == '+' || base[i] == '-')
			return (0);
		j = i + 1;
		while (base[j])
		{
			if (base[i] == base[j])
				return (0);
			j++;
		}
		i++;
	}
	if (i < 2)
		return (0);
	return (i);
}

void	ft_putnbr_base(int nbr, char *base)
{
	int				len;
	unsigned int	n;

	len = base_length(base);
	if (len == 0)
		return ;
	n = nbr;
	if (nbr < 0)
	{
		write(1, "-", 1);
		n = -(unsigned int)nbr;
	}
	write(1, &base[n % len], 1);
	while (n >= (unsigned int)len)
	{
		n = n / len;
		write(1, &base[n % len], 1);
	}
}

#include <stdlib.h>

int	ft_is_space(char c);
int	ft_base_len(char *base);
int	ft_index(char c, char *base);

static long	ft_atoi_base(char *str, char *base, long len)
{
	long	result;
	long	sign;

	while (ft_is_space(*str))
		str++;
	sign = 1;
	if (*str == '+' || *str == '-')
	{
		if (*str == '-')
			sign = -1;
		str++;
	}
	result = 0;
	while (ft_index(*str, base) >= 0)
	{
		result = result * len + ft_index(*str, base);
		str++;
	}
	return (result * sign);
}

static int	ft_digit_count(long nbr, long len)
{
	int	count;

	count = 1;
	while (nbr >= len || nbr <= -len)
	{
		nbr /= len;
		count++;
	}
	return (count);
}

static char	*ft_itoa_base(long nbr, char *base, long len)
{
	char	*result;
	int		size;
	int		first;

	first = (nbr < 0);
	size = ft_digit_count(nbr, len) + first;
	result = malloc(size + 1);
	if (result == NULL)
		return (NULL);
	result[size] = '\0';
	if (nbr < 0)
	{
		result[0] = '-';
		nbr = -nbr;
	}
	while (size > first)
	{
		size--;
		result[size] = base[nbr % len];
		nbr /= len;
	}
	return (result);
}

char	*ft_convert_base(char *nbr, char *base_from, char *base_to)
{
	long	from_len;
	long	to_len;
	long	value;

	from_len = ft_base_len(base_from);
	to_len = ft_base_len(base_to);
	if (from_len == 0 || to_len == 0)
		return (NULL);
	value = ft_atoi_base(nbr, base_from, from_len);
	return (ft_itoa_base(value, base_to, to_len));
}

#include <stdlib.h>

static int	count_chars(long n)
{
	int	len;

	len = 1;
	if (n < 0)
	{
		len++;
		n = -n;
	}
	while (n >= 10)
	{
		n = n / 10;
		len++;
	}
	return (len);
}

char	*ft_itoa(int nbr)
{
	char	*str;
	long	n;
	int		len;
	int		first;

	n = nbr;
	len = count_chars(n);
	str = malloc(len + 1);
	if (str == NULL)
		return (NULL);
	first = 0;
	if (n < 0)
	{
		str[0] = '-';
		n = -n;
		first = 1;
	}
	while (len > first)
	{
		str[len - 1] = '0' + n % 10;
		n = n / 10;
		len--;
	}
	return (str);
}

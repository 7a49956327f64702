#include <stdlib.h>

static int	count_chars(int n)
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
	int		len;
	int		first;

	len = count_chars(nbr);
	str = malloc(len + 1);
	if (str == NULL)
		return (NULL);
	str[len] = '\0';
	first = 0;
	if (nbr < 0)
	{
		str[0] = '-';
		nbr = -nbr;
		first = 1;
	}
	while (len > first)
	{
		str[len - 1] = '0' + nbr % 10;
		nbr = nbr / 10;
		len--;
	}
	return (str);
}

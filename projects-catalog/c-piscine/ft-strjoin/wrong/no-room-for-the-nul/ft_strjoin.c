#include <stdlib.h>

static long	ft_len(char *str)
{
	long	len;

	len = 0;
	while (str[len])
		len++;
	return (len);
}

static char	*ft_append(char *dest, char *src)
{
	while (*src)
	{
		*dest = *src;
		dest++;
		src++;
	}
	return (dest);
}

static long	ft_total_length(int size, char **strs, char *sep)
{
	long	total;
	int		i;

	total = 0;
	i = 0;
	while (i < size)
	{
		total += ft_len(strs[i]);
		if (i < size - 1)
			total += ft_len(sep);
		i++;
	}
	return (total);
}

char	*ft_strjoin(int size, char **strs, char *sep)
{
	char	*result;
	char	*end;
	int		i;

	result = malloc(ft_total_length(size, strs, sep));
	if (result == NULL)
		return (NULL);
	end = result;
	i = 0;
	while (i < size)
	{
		end = ft_append(end, strs[i]);
		if (i < size - 1)
			end = ft_append(end, sep);
		i++;
	}
	*end = '\0';
	return (result);
}

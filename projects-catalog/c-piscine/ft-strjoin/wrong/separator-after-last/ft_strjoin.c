#include <stdlib.h>

static int	ft_len(char *str)
{
	int	len;

	len = 0;
	while (str[len])
		len++;
	return (len);
}

static int	ft_copy(char *dest, char *src)
{
	int	i;

	i = 0;
	while (src[i])
	{
		dest[i] = src[i];
		i++;
	}
	return (i);
}

char	*ft_strjoin(int size, char **strs, char *sep)
{
	char	*result;
	int		total;
	int		pos;
	int		i;

	total = 1;
	i = 0;
	while (i < size)
		total += ft_len(strs[i++]) + ft_len(sep);
	result = malloc(total);
	if (result == NULL)
		return (NULL);
	pos = 0;
	i = 0;
	while (i < size)
	{
		pos += ft_copy(result + pos, strs[i]);
		pos += ft_copy(result + pos, sep);
		i++;
	}
	result[pos] = '\0';
	return (result);
}

char	*ft_strstr(char *str, char *to_find)
{
	int	len;
	int	i;
	int	j;

	len = 0;
	while (to_find[len] != '\0')
		len++;
	if (len == 0)
		return (str);
	i = 0;
	while (str[i] != '\0')
	{
		j = 0;
		while (str[i + j] == to_find[j])
			j++;
		if (j >= len)
			return (str + i);
		i++;
	}
	return (0);
}

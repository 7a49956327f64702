char	*ft_strupcase(char *str)
{
	int	len;
	int	i;

	len = 0;
	while (str[len++] != '\0')
		;
	i = 0;
	while (i <= len)
	{
		if (str[i] >= 'a' && str[i] <= 'z')
			str[i] = str[i] - 32;
		i++;
	}
	return (str);
}

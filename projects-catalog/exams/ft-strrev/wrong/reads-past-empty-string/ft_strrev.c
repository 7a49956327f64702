char	*ft_strrev(char *str)
{
	int		i;
	int		last;
	char	tmp;

	last = 0;
	while (str[last + 1] != '\0')
		last++;
	i = 0;
	while (i < last - i)
	{
		tmp = str[i];
		str[i] = str[last - i];
		str[last - i] = tmp;
		i++;
	}
	return (str);
}

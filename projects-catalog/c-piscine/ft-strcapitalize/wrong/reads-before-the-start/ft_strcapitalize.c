static int	is_alnum(char c)
{
	return ((c >= '0' && c <= '9')
		|| (c >= 'a' && c <= 'z')
		|| (c >= 'A' && c <= 'Z'));
}

char	*ft_strcapitalize(char *str)
{
	int	i;

	i = 0;
	while (str[i] != '\0')
	{
		if (!is_alnum(str[i - 1]) && str[i] >= 'a' && str[i] <= 'z')
			str[i] = str[i] - 32;
		else if (is_alnum(str[i - 1]) && str[i] >= 'A' && str[i] <= 'Z')
			str[i] = str[i] + 32;
		i++;
	}
	return (str);
}

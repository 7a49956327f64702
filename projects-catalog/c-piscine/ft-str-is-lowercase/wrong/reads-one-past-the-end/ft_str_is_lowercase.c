static int	is_lower(char c)
{
	return (c >= 'a' && c <= 'z');
}

int	ft_str_is_lowercase(char *str)
{
	int	i;

	i = 0;
	while (str[i + 1] != '\0' && str[i] != '\0')
	{
		if (!is_lower(str[i]) || !is_lower(str[i + 1]))
			return (0);
		i += 2;
	}
	if (str[i] != '\0' && !is_lower(str[i]))
		return (0);
	return (1);
}

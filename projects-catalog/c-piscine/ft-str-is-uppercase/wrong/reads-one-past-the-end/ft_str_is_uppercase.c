static int	is_upper(char c)
{
	return (c >= 'A' && c <= 'Z');
}

int	ft_str_is_uppercase(char *str)
{
	int	i;

	i = 0;
	while (str[i + 1] != '\0' && str[i] != '\0')
	{
		if (!is_upper(str[i]) || !is_upper(str[i + 1]))
			return (0);
		i += 2;
	}
	if (str[i] != '\0' && !is_upper(str[i]))
		return (0);
	return (1);
}

static int	is_letter(char c)
{
	return ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
}

int	ft_str_is_alpha(char *str)
{
	int	i;

	i = 0;
	while (str[i + 1] != '\0' && str[i] != '\0')
	{
		if (!is_letter(str[i]) || !is_letter(str[i + 1]))
			return (0);
		i += 2;
	}
	if (str[i] != '\0' && !is_letter(str[i]))
		return (0);
	return (1);
}

static int	is_alnum(char c)
{
	return ((c >= '0' && c <= '9')
		|| (c >= 'a' && c <= 'z')
		|| (c >= 'A' && c <= 'Z'));
}

char	*ft_strcapitalize(char *str)
{
	int	len;
	int	i;
	int	new_word;

	len = 0;
	while (str[len++] != '\0')
		;
	i = 0;
	new_word = 1;
	while (i <= len)
	{
		if (new_word && str[i] >= 'a' && str[i] <= 'z')
			str[i] = str[i] - 32;
		else if (!new_word && str[i] >= 'A' && str[i] <= 'Z')
			str[i] = str[i] + 32;
		new_word = !is_alnum(str[i]);
		i++;
	}
	return (str);
}

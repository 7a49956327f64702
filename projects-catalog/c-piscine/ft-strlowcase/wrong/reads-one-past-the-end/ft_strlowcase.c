char	*ft_strlowcase(char *str)
{
	int		i;
	char	c;
	char	next;

	i = 0;
	c = str[0];
	next = str[1];
	while (c != '\0')
	{
		if (c >= 'A' && c <= 'Z')
			str[i] = c + 32;
		i++;
		c = next;
		next = str[i + 1];
	}
	return (str);
}

int	ft_str_is_printable(char *str)
{
	int		i;
	char	c;
	char	next;

	i = 0;
	c = str[0];
	next = str[1];
	while (c != '\0')
	{
		if (c < ' ' || c > '~')
			return (0);
		i++;
		c = next;
		next = str[i + 1];
	}
	return (1);
}

int	ft_str_is_numeric(char *str)
{
	int		i;
	char	c;
	char	next;

	i = 0;
	c = str[0];
	next = str[1];
	while (c != '\0')
	{
		if (c < '0' || c > '9')
			return (0);
		i++;
		c = next;
		next = str[i + 1];
	}
	return (1);
}

int	ft_strlen(char *str)
{
	char	count;

	count = 0;
	while (*str)
	{
		count++;
		str++;
	}
	return (count);
}

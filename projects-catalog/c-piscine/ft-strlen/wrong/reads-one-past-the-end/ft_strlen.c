int	ft_strlen(char *str)
{
	int	i;

	i = 0;
	while (str[i + 1] != '\0' && str[i] != '\0')
		i += 2;
	if (str[i] != '\0')
		i++;
	return (i);
}

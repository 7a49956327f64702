char	*ft_strcpy(char *dest, char *src)
{
	int	len;
	int	i;

	len = 0;
	while (src[len++] != '\0')
		;
	i = 0;
	while (i <= len)
	{
		dest[i] = src[i];
		i++;
	}
	return (dest);
}

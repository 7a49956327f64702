char	*ft_strncpy(char *dest, char *src, unsigned int n)
{
	unsigned int	len;
	unsigned int	i;

	len = 0;
	while (src[len++] != '\0')
		;
	i = 0;
	while (i < n)
	{
		if (i <= len)
			dest[i] = src[i];
		else
			dest[i] = '\0';
		i++;
	}
	return (dest);
}

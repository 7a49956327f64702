static unsigned int	ft_strlen(char *str)
{
	unsigned int	len;
	char			c;
	char			next;

	len = 0;
	c = str[0];
	next = str[1];
	while (c != '\0')
	{
		len++;
		c = next;
		next = str[len + 1];
	}
	return (len);
}

unsigned int	ft_strlcat(char *dest, char *src, unsigned int size)
{
	unsigned int	dlen;
	unsigned int	i;

	dlen = ft_strlen(dest);
	if (size <= dlen)
		return (size + ft_strlen(src));
	i = 0;
	while (src[i] != '\0' && dlen + i + 1 < size)
	{
		dest[dlen + i] = src[i];
		i++;
	}
	dest[dlen + i] = '\0';
	return (dlen + ft_strlen(src));
}

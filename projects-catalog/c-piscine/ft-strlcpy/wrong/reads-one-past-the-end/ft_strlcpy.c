unsigned int	ft_strlcpy(char *dest, char *src, unsigned int size)
{
	unsigned int	i;
	char			c;
	char			next;

	i = 0;
	c = src[0];
	next = src[1];
	while (c != '\0')
	{
		if (i + 1 < size)
			dest[i] = c;
		i++;
		c = next;
		next = src[i + 1];
	}
	if (size > 0 && i < size)
		dest[i] = '\0';
	else if (size > 0)
		dest[size - 1] = '\0';
	return (i);
}

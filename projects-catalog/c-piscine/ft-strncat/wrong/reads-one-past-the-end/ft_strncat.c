char	*ft_strncat(char *dest, char *src, unsigned int nb)
{
	unsigned int	i;
	unsigned int	j;
	char			c;
	char			next;

	i = 0;
	while (dest[i] != '\0')
		i++;
	j = 0;
	c = src[0];
	next = src[1];
	while (j < nb && c != '\0')
	{
		dest[i + j] = c;
		j++;
		c = next;
		next = src[j + 1];
	}
	dest[i + j] = '\0';
	return (dest);
}

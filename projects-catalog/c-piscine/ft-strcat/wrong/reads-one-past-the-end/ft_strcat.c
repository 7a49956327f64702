char	*ft_strcat(char *dest, char *src)
{
	int	i;
	int	len;
	int	j;

	i = 0;
	while (dest[i] != '\0')
		i++;
	len = 0;
	while (src[len++] != '\0')
		;
	j = 0;
	while (j <= len)
	{
		dest[i + j] = src[j];
		j++;
	}
	return (dest);
}

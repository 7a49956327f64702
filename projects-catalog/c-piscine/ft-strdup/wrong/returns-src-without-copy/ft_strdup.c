char	*ft_strdup(char *src)
{
	return (src);
}

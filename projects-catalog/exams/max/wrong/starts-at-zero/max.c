int	max(int *tab, unsigned int len)
{
	unsigned int	i;
	int				result;

	if (len == 0)
		return (0);
	result = 0;
	i = 0;
	while (i < len)
	{
		if (tab[i] > result)
			result = tab[i];
		i++;
	}
	return (result);
}

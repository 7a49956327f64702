int	ft_sqrt(int nb)
{
	int	i;

	if (nb <= 0)
		return (0);
	i = 1;
	while (i + 1 <= nb / (i + 1))
		i++;
	return (i);
}

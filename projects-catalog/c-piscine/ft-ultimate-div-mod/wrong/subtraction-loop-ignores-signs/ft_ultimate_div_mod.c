void	ft_ultimate_div_mod(int *a, int *b)
{
	int	count;

	count = 0;
	while (*b > 0 && *a >= *b)
	{
		*a = *a - *b;
		count++;
	}
	*b = *a;
	*a = count;
}

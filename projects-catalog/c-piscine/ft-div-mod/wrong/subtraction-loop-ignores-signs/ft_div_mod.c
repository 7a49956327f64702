void	ft_div_mod(int a, int b, int *div, int *mod)
{
	int	count;

	count = 0;
	while (b > 0 && a >= b)
	{
		a = a - b;
		count++;
	}
	*div = count;
	*mod = a;
}

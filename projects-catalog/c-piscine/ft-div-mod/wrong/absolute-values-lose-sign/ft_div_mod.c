void	ft_div_mod(int a, int b, int *div, int *mod)
{
	if (a < 0)
		a = -a;
	if (b < 0)
		b = -b;
	*div = a / b;
	*mod = a % b;
}

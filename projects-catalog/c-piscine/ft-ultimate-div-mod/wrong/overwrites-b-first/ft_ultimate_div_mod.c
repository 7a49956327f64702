void	ft_ultimate_div_mod(int *a, int *b)
{
	*b = *a % *b;
	*a = *a / *b;
}

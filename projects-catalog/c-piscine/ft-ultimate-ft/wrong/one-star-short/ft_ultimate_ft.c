void	ft_ultimate_ft(int *********nbr)
{
	********nbr = 42;
}

void	ft_ultimate_ft(int *********nbr)
{
	********nbr = (int *)42;
}

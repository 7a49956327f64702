int	is_power_of_2(unsigned int n)
{
	unsigned int	power;

	power = 1;
	while (power < n)
		power = power * 2;
	return (power == n);
}

int	ft_fibonacci(int index)
{
	int	previous;
	int	current;
	int	next;

	if (index < 0)
		return (-1);
	previous = 1;
	current = 0;
	while (index > 0)
	{
		next = previous + current;
		previous = current;
		current = next;
		index--;
	}
	return (current);
}

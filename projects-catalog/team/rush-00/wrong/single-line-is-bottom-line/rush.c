void	ft_putchar(char c);

static char	pick(int col, int row, int x, int y)
{
	if (row == y && col == 1)
		return ('C');
	if (row == y && col == x)
		return ('A');
	if (row == 1 && col == 1)
		return ('A');
	if (row == 1 && col == x)
		return ('C');
	if (row == 1 || row == y || col == 1 || col == x)
		return ('B');
	return (' ');
}

void	rush(int x, int y)
{
	int	row;
	int	col;

	if (x <= 0 || y <= 0)
		return ;
	row = 1;
	while (row <= y)
	{
		col = 1;
		while (col <= x)
		{
			ft_putchar(pick(col, row, x, y));
			col++;
		}
		ft_putchar('\n');
		row++;
	}
}

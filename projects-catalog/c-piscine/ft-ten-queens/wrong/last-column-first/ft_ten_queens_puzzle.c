#include <unistd.h>

static int	is_safe(int *rows, int column, int row)
{
	int	i;

	i = 0;
	while (i < column)
	{
		if (rows[i] == row)
			return (0);
		if (rows[i] - row == column - i || row - rows[i] == column - i)
			return (0);
		i++;
	}
	return (1);
}

static void	print_placement(int *rows)
{
	char	line[11];
	int		i;

	i = 0;
	while (i < 10)
	{
		line[9 - i] = '0' + rows[i];
		i++;
	}
	line[10] = '\n';
	write(1, line, 11);
}

static int	place(int *rows, int column)
{
	int	row;
	int	count;

	if (column == 10)
	{
		print_placement(rows);
		return (1);
	}
	count = 0;
	row = 0;
	while (row < 10)
	{
		if (is_safe(rows, column, row))
		{
			rows[column] = row;
			count += place(rows, column + 1);
		}
		row++;
	}
	return (count);
}

int	ft_ten_queens_puzzle(void)
{
	int	rows[10];

	return (place(rows, 0));
}

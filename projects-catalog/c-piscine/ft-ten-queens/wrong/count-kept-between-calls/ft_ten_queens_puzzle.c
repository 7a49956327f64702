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
		line[i] = '0' + rows[i];
		i++;
	}
	line[10] = '\n';
	write(1, line, 11);
}

static void	place(int *rows, int column, int *count)
{
	int	row;

	if (column == 10)
	{
		print_placement(rows);
		(*count)++;
		return ;
	}
	row = 0;
	while (row < 10)
	{
		if (is_safe(rows, column, row))
		{
			rows[column] = row;
			place(rows, column + 1, count);
		}
		row++;
	}
}

int	ft_ten_queens_puzzle(void)
{
	static int	count;
	int			rows[10];

	place(rows, 0, &count);
	return (count);
}

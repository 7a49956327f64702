#include "bsq.h"

static int	is_empty_square(t_map *m, long row, long col, long size)
{
	long	i;
	long	j;

	if (row + size > m->rows || col + size > m->cols)
		return (0);
	i = row;
	while (i < row + size)
	{
		j = col;
		while (j < col + size)
		{
			if (m->cells[i * (m->cols + 1) + j] != m->empty)
				return (0);
			j++;
		}
		i++;
	}
	return (1);
}

static void	try_corner(t_map *m, long row, long col)
{
	long	size;

	size = m->best + 1;
	while (is_empty_square(m, row, col, size))
		size++;
	size--;
	if (size > m->best)
	{
		m->best = size;
		m->best_row = row + size - 1;
		m->best_col = col + size - 1;
	}
}

static void	fill_square(t_map *m)
{
	long	row;
	long	col;

	row = m->best_row - m->best + 1;
	while (row <= m->best_row)
	{
		col = m->best_col - m->best + 1;
		while (col <= m->best_col)
		{
			m->cells[row * (m->cols + 1) + col] = m->full;
			col++;
		}
		row++;
	}
}

int	solve_map(t_map *m)
{
	long	row;
	long	col;

	m->best = 0;
	row = 0;
	while (row < m->rows)
	{
		col = 0;
		while (col < m->cols)
		{
			try_corner(m, row, col);
			col++;
		}
		row++;
	}
	fill_square(m);
	return (0);
}

#include <stdlib.h>
#include "bsq.h"

static long	min3(long a, long b, long c)
{
	if (b < a)
		a = b;
	if (c < a)
		a = c;
	return (a);
}

static void	scan_row(t_map *m, long *dp, long row)
{
	long	col;
	long	diag;
	long	up;
	char	*line;

	line = m->cells + row * (m->cols + 1);
	diag = 0;
	col = 0;
	while (col < m->cols)
	{
		up = dp[col + 1];
		if (line[col] == m->obstacle)
			dp[col + 1] = 0;
		else
			dp[col + 1] = 1 + min3(dp[col], up, diag);
		diag = up;
		if (dp[col + 1] > m->best)
		{
			m->best = dp[col + 1];
			m->best_row = row;
			m->best_col = col;
		}
		col++;
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
	long	*dp;
	long	i;

	dp = malloc(sizeof(long) * (m->cols + 1));
	if (dp == NULL)
		return (-1);
	i = 0;
	while (i <= m->cols)
	{
		dp[i] = 0;
		i++;
	}
	m->best = 0;
	i = 0;
	while (i < m->rows)
	{
		scan_row(m, dp, i);
		i++;
	}
	free(dp);
	fill_square(m);
	return (0);
}

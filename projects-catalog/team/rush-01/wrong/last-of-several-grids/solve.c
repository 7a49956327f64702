#include "rush01.h"

static int	visible(int *grid, int start, int step)
{
	int	count;
	int	highest;
	int	i;

	count = 0;
	highest = 0;
	i = 0;
	while (i < 4)
	{
		if (grid[start + i * step] > highest)
		{
			highest = grid[start + i * step];
			count++;
		}
		i++;
	}
	return (count);
}

static int	can_place(int *grid, int pos, int value)
{
	int	i;

	i = 0;
	while (i < 4)
	{
		if (grid[pos / 4 * 4 + i] == value || grid[i * 4 + pos % 4] == value)
			return (0);
		i++;
	}
	return (1);
}

static int	lines_ok(int *grid, int *clues, int pos)
{
	int	row;
	int	col;

	row = pos / 4;
	col = pos % 4;
	if (col == 3)
	{
		if (visible(grid, row * 4, 1) != clues[8 + row]
			|| visible(grid, row * 4 + 3, -1) != clues[12 + row])
			return (0);
	}
	if (row == 3)
	{
		if (visible(grid, col, 4) != clues[col]
			|| visible(grid, 12 + col, -4) != clues[4 + col])
			return (0);
	}
	return (1);
}

int	solve(int *grid, int *clues, int pos)
{
	int	value;

	if (pos == 16)
		return (1);
	value = 4;
	while (value >= 1)
	{
		if (can_place(grid, pos, value))
		{
			grid[pos] = value;
			if (lines_ok(grid, clues, pos) && solve(grid, clues, pos + 1))
				return (1);
			grid[pos] = 0;
		}
		value--;
	}
	return (0);
}

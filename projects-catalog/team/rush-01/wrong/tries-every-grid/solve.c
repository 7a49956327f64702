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

static int	all_different(int *grid, int start, int step)
{
	int	i;
	int	j;

	i = 0;
	while (i < 4)
	{
		j = i + 1;
		while (j < 4)
		{
			if (grid[start + i * step] == grid[start + j * step])
				return (0);
			j++;
		}
		i++;
	}
	return (1);
}

static int	grid_ok(int *grid, int *clues)
{
	int	i;

	i = 0;
	while (i < 4)
	{
		if (!all_different(grid, i * 4, 1) || !all_different(grid, i, 4))
			return (0);
		if (visible(grid, i * 4, 1) != clues[8 + i]
			|| visible(grid, i * 4 + 3, -1) != clues[12 + i]
			|| visible(grid, i, 4) != clues[i]
			|| visible(grid, 12 + i, -4) != clues[4 + i])
			return (0);
		i++;
	}
	return (1);
}

int	solve(int *grid, int *clues, int pos)
{
	int	value;

	if (pos == 16)
		return (grid_ok(grid, clues));
	value = 1;
	while (value <= 4)
	{
		grid[pos] = value;
		if (solve(grid, clues, pos + 1))
			return (1);
		value++;
	}
	grid[pos] = 0;
	return (0);
}

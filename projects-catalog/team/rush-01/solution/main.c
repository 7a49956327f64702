#include <unistd.h>
#include "rush01.h"

static void	print_grid(int *grid)
{
	char	c;
	int		i;

	i = 0;
	while (i < 16)
	{
		c = grid[i] + '0';
		write(1, &c, 1);
		if (i % 4 == 3)
			write(1, "\n", 1);
		else
			write(1, " ", 1);
		i++;
	}
}

static int	error(void)
{
	write(1, "Error\n", 6);
	return (1);
}

int	main(int argc, char **argv)
{
	int	clues[16];
	int	grid[16];
	int	i;

	if (argc != 2 || !parse_clues(argv[1], clues))
		return (error());
	i = 0;
	while (i < 16)
	{
		grid[i] = 0;
		i++;
	}
	if (!solve(grid, clues, 0))
		return (error());
	print_grid(grid);
	return (0);
}

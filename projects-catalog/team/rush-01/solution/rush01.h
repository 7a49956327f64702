#ifndef RUSH01_H
# define RUSH01_H

int	parse_clues(char *str, int *clues);
int	solve(int *grid, int *clues, int pos);

#endif

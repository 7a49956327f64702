#ifndef BSQ_H
# define BSQ_H

typedef struct s_map
{
	char	*buf;
	long	len;
	char	*cells;
	long	rows;
	long	cols;
	char	empty;
	char	obstacle;
	char	full;
	long	best;
	long	best_row;
	long	best_col;
}	t_map;

char	*read_all(int fd, long *len);
int		parse_map(t_map *map);
int		solve_map(t_map *map);
void	put_all(char *str, long len);

#endif

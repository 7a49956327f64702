#ifndef FT_POINT_H
# define FT_POINT_H

typedef struct s_point
{
	int	y;
	int	x;
}	t_point;

#endif

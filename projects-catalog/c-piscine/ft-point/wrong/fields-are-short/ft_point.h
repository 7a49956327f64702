#ifndef FT_POINT_H
# define FT_POINT_H

typedef struct s_point
{
	short	x;
	short	y;
}	t_point;

#endif

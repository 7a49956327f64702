typedef struct s_point
{
	int	x;
	int	y;
}	t_point;

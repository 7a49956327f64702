/* The student's header comes first, before any other. */
#include "ft_point.h"

#ifdef FT_POINT_H
# define GUARD_DEFINED 1
#else
# define GUARD_DEFINED 0
#endif

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define YES(c) ((c) ? "yes" : "no")
/* The tag is checked through pointers only: a missing or other tag leaves
 * struct s_point incomplete, which fails this test, not the build. */
#define TAG_OK _Generic((struct s_point *)0, t_point *: 1, default: 0)
#define IS_INT(e) _Generic((e), int: 1, default: 0)

/* 42's main for this exercise, as the subject gives it, then the fields. */
void	set_point(t_point *point)
{
	point->x = 42;
	point->y = 21;
}

static void	the_subject(void)
{
	t_point	point;

	set_point(&point);
	printf("point.x = %d\n", point.x);
	printf("point.y = %d\n", point.y);
}

static void	order(void)
{
	t_point	point = {1, 2};

	printf("t_point point = {1, 2}: x = %d, y = %d\n", point.x, point.y);
	printf("offsetof(t_point, x) == 0: %s\n", YES(offsetof(t_point, x) == 0));
	printf("offsetof(t_point, y) == sizeof(int): %s\n",
		YES(offsetof(t_point, y) == sizeof(int)));
}

static void	types(void)
{
	t_point	point;

	point.x = 0;
	point.y = 0;
	printf("x is an int: %s\n", YES(IS_INT(point.x)));
	printf("y is an int: %s\n", YES(IS_INT(point.y)));
	printf("sizeof(t_point) == 2 * sizeof(int): %s\n",
		YES(sizeof(t_point) == 2 * sizeof(int)));
}

static void	limits(void)
{
	t_point	point;

	point.x = INT_MIN;
	point.y = INT_MAX;
	printf("x = %d, y = %d\n", point.x, point.y);
	point.x = -100000;
	point.y = 100000;
	printf("x = %d, y = %d\n", point.x, point.y);
}

static void	array(void)
{
	t_point	points[3];
	int		i;

	i = 0;
	while (i < 3)
	{
		set_point(&points[i]);
		points[i].x += i;
		points[i].y -= i;
		i++;
	}
	i = 0;
	while (i < 3)
	{
		printf("points[%d] = {%d, %d}\n", i, points[i].x, points[i].y);
		i++;
	}
	printf("sizeof(points) == 6 * sizeof(int): %s\n", YES(sizeof(points) == 6 * sizeof(int)));
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		the_subject();
	else if (!strcmp(argv[1], "tag"))
		printf("struct s_point is the type t_point: %s\n", YES(TAG_OK));
	else if (!strcmp(argv[1], "order"))
		order();
	else if (!strcmp(argv[1], "types"))
		types();
	else if (!strcmp(argv[1], "limits"))
		limits();
	else if (!strcmp(argv[1], "array"))
		array();
	else if (!strcmp(argv[1], "guard"))
		printf("include guard FT_POINT_H: %s\n", GUARD_DEFINED ? "defined" : "missing");
	else
		return (2);
	return (0);
}

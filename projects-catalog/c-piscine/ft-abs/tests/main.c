/* The student's header comes first, before any other. */
#include "ft_abs.h"

#ifdef FT_ABS_H
# define GUARD_DEFINED 1
#else
# define GUARD_DEFINED 0
#endif

#include <stdio.h>
#include <string.h>

/* An expression as written, then its value: the cast keeps the printing right
 * whatever type the macro gives (its type is checked apart, by "type"). */
#define SHOW_INT(e) printf("%s = %d\n", #e, (int)(e))
#define SHOW_LONG(e) printf("%s = %ld\n", #e, (long)(e))
#define SHOW_DOUBLE(e) printf("%s = %g\n", #e, (double)(e))
#define TYPE_OF(e) _Generic((e), int: "int", long: "long", double: "double", default: "other")

static void	ints(void)
{
	SHOW_INT(ABS(5));
	SHOW_INT(ABS(-5));
	SHOW_INT(ABS(1));
	SHOW_INT(ABS(-1));
	SHOW_INT(ABS(42));
	SHOW_INT(ABS(-42));
}

static void	zero(void)
{
	SHOW_INT(ABS(0));
	SHOW_INT(ABS(-0));
}

static void	largest(void)
{
	SHOW_INT(ABS(2147483647));
	SHOW_INT(ABS(-2147483647));
}

static void	variables(void)
{
	int	n;
	int	m;

	n = -21;
	m = 21;
	SHOW_INT(ABS(n));
	SHOW_INT(ABS(m));
	SHOW_INT(ABS(-n));
	SHOW_INT(ABS(-m));
	SHOW_INT(ABS(n + m));
}

static void	argument_expressions(void)
{
	SHOW_INT(ABS(-3 - 4));
	SHOW_INT(ABS(2 - 5));
	SHOW_INT(ABS(10 - 4));
	SHOW_INT(ABS(1 - 1));
	SHOW_INT(ABS(-6 + 2));
	SHOW_INT(ABS(4 - 2 * 5));
}

static void	inside_expressions(void)
{
	SHOW_INT(ABS(-5) * 2);
	SHOW_INT(10 - ABS(-3));
	SHOW_INT(100 / ABS(-5));
	SHOW_INT(-ABS(-4));
	SHOW_INT(ABS(2 - 5) * 2);
	SHOW_INT(ABS(-7) % 4);
	SHOW_INT(ABS(-2) + ABS(3));
}

static void	longs(void)
{
	SHOW_LONG(ABS(-2147483647L));
	SHOW_LONG(ABS(-2147483648L));
	SHOW_LONG(ABS(-3000000000L));
	SHOW_LONG(ABS(3000000000L));
	SHOW_LONG(ABS(-9223372036854775807L));
	SHOW_LONG(ABS(0L));
}

static void	doubles(void)
{
	SHOW_DOUBLE(ABS(-2.5));
	SHOW_DOUBLE(ABS(2.5));
	SHOW_DOUBLE(ABS(-0.125));
	SHOW_DOUBLE(ABS(0.0));
	SHOW_DOUBLE(ABS(-1e10));
	SHOW_DOUBLE(ABS(-0.5 - 0.25));
}

static void	types(void)
{
	printf("ABS(-1) is %s\n", TYPE_OF(ABS(-1)));
	printf("ABS(-1L) is %s\n", TYPE_OF(ABS(-1L)));
	printf("ABS(-1.5) is %s\n", TYPE_OF(ABS(-1.5)));
}

int	main(int argc, char **argv)
{
	if (argc != 2)
		return (2);
	if (!strcmp(argv[1], "ints"))
		ints();
	else if (!strcmp(argv[1], "zero"))
		zero();
	else if (!strcmp(argv[1], "largest"))
		largest();
	else if (!strcmp(argv[1], "variables"))
		variables();
	else if (!strcmp(argv[1], "argument"))
		argument_expressions();
	else if (!strcmp(argv[1], "inside"))
		inside_expressions();
	else if (!strcmp(argv[1], "long"))
		longs();
	else if (!strcmp(argv[1], "double"))
		doubles();
	else if (!strcmp(argv[1], "type"))
		types();
	else if (!strcmp(argv[1], "guard"))
		printf("include guard FT_ABS_H: %s\n", GUARD_DEFINED ? "defined" : "missing");
	else
		return (2);
	return (0);
}

/* The student's header comes first, before any other: what it must include by
 * itself (<unistd.h>) is noted before the harness includes anything. */
#include "ft_boolean.h"

#if defined(_UNISTD_H) || defined(STDOUT_FILENO)
# define UNISTD_FROM_HEADER 1
#else
# define UNISTD_FROM_HEADER 0
#endif

#ifdef FT_BOOLEAN_H
# define GUARD_DEFINED 1
#else
# define GUARD_DEFINED 0
#endif

/* Without it in the header, the harness includes it itself: the missing include then
 * fails its own test only, not the build (gcc 12 would only warn about write). */
#include <unistd.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* An expression as written, then its value. */
#define SHOW(e) printf("%s = %d\n", #e, (int)(e))

/* 42's main for this exercise, as the subject gives it. */
void	ft_putstr(char *str)
{
	while (*str)
		write(1, str++, 1);
}

t_bool	ft_is_even(int nbr)
{
	return ((EVEN(nbr)) ? TRUE : FALSE);
}

static void	show_string(const char *name, const char *s)
{
	printf("%s = \"", name);
	while (*s)
	{
		if (*s == '\n')
			printf("\\n");
		else
			putchar(*s);
		s++;
	}
	printf("\"\n");
}

static void	show_even(const int *values, int count)
{
	int	i;
	int	n;

	i = 0;
	while (i < count)
	{
		n = values[i];
		printf("EVEN(%d) = %d\n", n, (int)EVEN(n));
		i++;
	}
}

static int	check(const char *what)
{
	static const int	positive[] = {0, 1, 2, 7, 42, 101, INT_MAX - 1, INT_MAX};
	static const int	negative[] = {-1, -2, -3, -42, -101, INT_MIN + 1, INT_MIN};

	if (!strcmp(what, "values"))
	{
		SHOW(TRUE);
		SHOW(FALSE);
		SHOW(SUCCESS);
	}
	else if (!strcmp(what, "type"))
	{
		printf("t_bool is int: %s\n", _Generic((t_bool)0, int: "yes", default: "no"));
		printf("sizeof(t_bool) == sizeof(int): %s\n",
			sizeof(t_bool) == sizeof(int) ? "yes" : "no");
	}
	else if (!strcmp(what, "messages"))
	{
		show_string("EVEN_MSG", EVEN_MSG);
		show_string("ODD_MSG", ODD_MSG);
	}
	else if (!strcmp(what, "positive"))
		show_even(positive, sizeof(positive) / sizeof(positive[0]));
	else if (!strcmp(what, "negative"))
		show_even(negative, sizeof(negative) / sizeof(negative[0]));
	else if (!strcmp(what, "expressions"))
	{
		SHOW(EVEN(3 + 1));
		SHOW(EVEN(5 - 1));
		SHOW(EVEN(2 + 1));
		SHOW(2 * EVEN(6));
		SHOW(EVEN(4) + 1);
		SHOW(!EVEN(3));
		SHOW(EVEN(7) == FALSE);
	}
	else if (!strcmp(what, "unistd"))
		printf("ft_boolean.h includes <unistd.h>: %s\n", UNISTD_FROM_HEADER ? "yes" : "no");
	else if (!strcmp(what, "guard"))
		printf("include guard FT_BOOLEAN_H: %s\n", GUARD_DEFINED ? "defined" : "missing");
	else
		return (2);
	return (0);
}

/* `--check <what>` prints one group of checks; any other arguments run 42's main,
 * whose output depends on their number only. */
int	main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--check"))
		return (check(argv[2]));
	if (ft_is_even(argc - 1) == TRUE)
		ft_putstr(EVEN_MSG);
	else
		ft_putstr(ODD_MSG);
	return (SUCCESS);
}

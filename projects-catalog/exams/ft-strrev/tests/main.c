#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strrev(char *str);

/* An exact-size heap copy of a string (its bytes, '\0' included, and nothing more),
 * so the memory checker sees a read past its end. */
static char	*copy(const char *s)
{
	char	*c;

	c = malloc(strlen(s) + 1);
	if (!c)
		exit(3);
	memcpy(c, s, strlen(s) + 1);
	return (c);
}

/* Reverses str in place, then shows the string and whether ft_strrev returned it. */
static void	check(char *str)
{
	char	*ret;

	ret = ft_strrev(str);
	printf("[%s]\n", str);
	printf("returns str: %s\n", ret == str ? "yes" : "no");
}

/* Usage: main once STRING | main twice STRING */
int	main(int argc, char **argv)
{
	char	*s;

	if (argc != 3)
		return (2);
	s = copy(argv[2]);
	if (strcmp(argv[1], "once") == 0)
		check(s);
	else if (strcmp(argv[1], "twice") == 0)
	{
		check(s);
		check(s);
	}
	else
	{
		free(s);
		return (2);
	}
	free(s);
	return (0);
}

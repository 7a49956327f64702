#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_atoi_base(char *str, char *base);

/* Usage: program STR BASE [STR BASE]... -- prints ft_atoi_base(STR, BASE) for each
 * pair, one a line. Both strings reach the function as exact-size heap blocks (their
 * bytes and the '\0', nothing more), so the memory checker sees a read past the end. */
static char	*heap_copy(const char *s)
{
	char	*copy;
	size_t	size;

	size = strlen(s) + 1;
	copy = malloc(size);
	if (!copy)
		exit(3);
	memcpy(copy, s, size);
	return (copy);
}

int	main(int argc, char **argv)
{
	int		i;
	char	*str;
	char	*base;

	if (argc < 3 || argc % 2 == 0)
		return (2);
	i = 1;
	while (i + 1 < argc)
	{
		str = heap_copy(argv[i]);
		base = heap_copy(argv[i + 1]);
		printf("%d\n", ft_atoi_base(str, base));
		free(str);
		free(base);
		i += 2;
	}
	return (0);
}

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void	ft_putnbr_base(int nbr, char *base);

/* Usage: program NBR BASE [NBR BASE]... -- for each pair, writes "[", what
 * ft_putnbr_base(NBR, BASE) writes, then "]\n". NBR is read with strtol; BASE
 * reaches the function as an exact-size heap block (its bytes and the '\0', nothing
 * more), so the memory checker sees a read past its end. Everything goes through
 * write(2), as the function's own output does, so the order is kept. */
static void	show(const char *number, const char *base)
{
	char	*copy;
	size_t	size;

	size = strlen(base) + 1;
	copy = malloc(size);
	if (!copy)
		exit(3);
	memcpy(copy, base, size);
	write(1, "[", 1);
	ft_putnbr_base((int)strtol(number, NULL, 10), copy);
	write(1, "]\n", 2);
	free(copy);
}

int	main(int argc, char **argv)
{
	int	i;

	if (argc < 3 || argc % 2 == 0)
		return (2);
	i = 1;
	while (i + 1 < argc)
	{
		show(argv[i], argv[i + 1]);
		i += 2;
	}
	return (0);
}

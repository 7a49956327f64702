#include <stdlib.h>

void	rush(int x, int y);

/* Hidden harness: the program draws rush(atoi(argv[1]), atoi(argv[2])). */
int	main(int argc, char **argv)
{
	if (argc != 3)
		return (2);
	rush(atoi(argv[1]), atoi(argv[2]));
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void	print_bits(unsigned char octet);

/* Output written with printf is flushed before each call, so that it comes out in
 * order with what print_bits writes with write(2).
 * Usage: main lines N...  : one call per line, "N: " then the bits
 *        main raw N       : one call and nothing else */
int	main(int argc, char **argv)
{
	int	i;

	if (argc < 3)
		return (2);
	if (strcmp(argv[1], "raw") == 0 && argc == 3)
	{
		print_bits((unsigned char)atoi(argv[2]));
		return (0);
	}
	if (strcmp(argv[1], "lines") != 0)
		return (2);
	i = 2;
	while (i < argc)
	{
		printf("%3d: ", atoi(argv[i]));
		fflush(stdout);
		print_bits((unsigned char)atoi(argv[i]));
		printf("\n");
		fflush(stdout);
		i++;
	}
	return (0);
}

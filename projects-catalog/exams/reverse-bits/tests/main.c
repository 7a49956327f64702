#include <stdio.h>
#include <stdlib.h>

unsigned char	reverse_bits(unsigned char octet);

static void	put_bits(unsigned char octet)
{
	int	i;

	i = 7;
	while (i >= 0)
	{
		putchar('0' + ((octet >> i) & 1));
		i--;
	}
}

/* Usage: main N... : prints "N in binary -> its reverse in binary (as a number)". */
int	main(int argc, char **argv)
{
	int				i;
	unsigned char	octet;
	unsigned char	rev;

	if (argc < 2)
		return (2);
	i = 1;
	while (i < argc)
	{
		octet = (unsigned char)atoi(argv[i]);
		rev = reverse_bits(octet);
		put_bits(octet);
		printf(" -> ");
		put_bits(rev);
		printf(" (%d)\n", rev);
		i++;
	}
	return (0);
}

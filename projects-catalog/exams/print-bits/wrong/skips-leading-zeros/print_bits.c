#include <unistd.h>

void	print_bits(unsigned char octet)
{
	char	bit;

	if (octet > 1)
		print_bits(octet / 2);
	bit = '0' + octet % 2;
	write(1, &bit, 1);
}

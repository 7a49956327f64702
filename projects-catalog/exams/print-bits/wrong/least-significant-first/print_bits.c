#include <unistd.h>

void	print_bits(unsigned char octet)
{
	int		i;
	char	bit;

	i = 0;
	while (i <= 7)
	{
		bit = '0' + ((octet >> i) & 1);
		write(1, &bit, 1);
		i++;
	}
}

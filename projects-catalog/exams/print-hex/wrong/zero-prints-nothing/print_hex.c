#include <unistd.h>

static int	to_int(char *str)
{
	int	n;
	int	i;

	n = 0;
	i = 0;
	while (str[i] >= '0' && str[i] <= '9')
	{
		n = n * 10 + (str[i] - '0');
		i++;
	}
	return (n);
}

static void	put_hex(int n)
{
	if (n == 0)
		return ;
	put_hex(n / 16);
	write(1, &"0123456789abcdef"[n % 16], 1);
}

int	main(int argc, char **argv)
{
	if (argc == 2)
		put_hex(to_int(argv[1]));
	write(1, "\n", 1);
	return (0);
}

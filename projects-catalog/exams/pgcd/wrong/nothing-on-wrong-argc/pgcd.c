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

static void	put_nbr(int n)
{
	char	c;

	if (n >= 10)
		put_nbr(n / 10);
	c = '0' + n % 10;
	write(1, &c, 1);
}

int	main(int argc, char **argv)
{
	int	a;
	int	b;
	int	r;

	if (argc == 3)
	{
		a = to_int(argv[1]);
		b = to_int(argv[2]);
		while (b != 0)
		{
			r = a % b;
			a = b;
			b = r;
		}
		put_nbr(a);
		write(1, "\n", 1);
	}
	return (0);
}

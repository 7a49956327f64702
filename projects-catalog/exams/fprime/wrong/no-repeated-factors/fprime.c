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

static void	fprime(int n)
{
	int	d;
	int	first;

	if (n == 1)
		write(1, "1", 1);
	first = 1;
	d = 2;
	while (n > 1)
	{
		if (n % d == 0)
		{
			if (!first)
				write(1, "*", 1);
			put_nbr(d);
			first = 0;
			while (n % d == 0)
				n = n / d;
		}
		d++;
	}
}

int	main(int argc, char **argv)
{
	if (argc == 2)
		fprime(to_int(argv[1]));
	write(1, "\n", 1);
	return (0);
}

#include <unistd.h>

static void	ft_putstr(char *str)
{
	while (*str)
	{
		write(1, str, 1);
		str++;
	}
}

static void	fill_from(char *buf, int n, int pos)
{
	if (pos == n)
	{
		buf[n] = '\0';
		ft_putstr(buf);
		if (buf[0] != '0' + 10 - n)
			write(1, ", ", 2);
		return ;
	}
	if (pos == 0)
		buf[pos] = '0';
	else
		buf[pos] = buf[pos - 1] + 1;
	while (buf[pos] <= '0' + 10 - n + pos)
	{
		fill_from(buf, n, pos + 1);
		buf[pos]++;
	}
}

void	ft_print_combn(int n)
{
	char	buf[9];

	if (n < 1 || n > 9)
		return ;
	fill_from(buf, n, 0);
}

#include <unistd.h>
#include "ft_stock_str.h"

static void	ft_putstr(char *str)
{
	int	len;

	len = 0;
	while (str[len])
		len++;
	write(1, str, len);
}

void	ft_show_tab(struct s_stock_str *par)
{
	int		i;
	char	c;

	i = 0;
	while (par[i].str != 0)
	{
		ft_putstr(par[i].str);
		write(1, "\n", 1);
		c = par[i].size + '0';
		write(1, &c, 1);
		write(1, "\n", 1);
		ft_putstr(par[i].copy);
		write(1, "\n", 1);
		i++;
	}
}

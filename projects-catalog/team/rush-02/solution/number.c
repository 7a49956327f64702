#include "rush02.h"

/* The last two digits of a group, "00" to "99". */
static void	say_tens(t_say *say, char *two)
{
	char	digits[3];

	digits[1] = '\0';
	digits[2] = '\0';
	if (two[0] == '1')
	{
		digits[0] = two[0];
		digits[1] = two[1];
		say_key(say, digits, 0);
		return ;
	}
	if (two[0] != '0')
	{
		digits[0] = two[0];
		say_key(say, digits, 1);
	}
	if (two[1] != '0')
	{
		digits[0] = two[1];
		say_key(say, digits, 0);
	}
}

/* Three digits, '0' to '9' each, that are not all '0'. */
static void	say_group(t_say *say, char *group)
{
	char	digits[2];

	if (group[0] != '0')
	{
		digits[0] = group[0];
		digits[1] = '\0';
		say_key(say, digits, 0);
		say_key(say, "1", 2);
	}
	say_tens(say, group + 1);
}

static void	take_group(char *group, char *nb, int size)
{
	int	i;

	i = 0;
	while (i < 3 - size)
	{
		group[i] = '0';
		i++;
	}
	while (i < 3)
	{
		group[i] = nb[i - 3 + size];
		i++;
	}
}

/* nb: len digits, without leading zeros (but "0" itself). */
void	say_number(t_say *say, char *nb, int len)
{
	char	group[3];
	int		size;

	if (len == 1 && nb[0] == '0')
	{
		say_key(say, "0", 0);
		return ;
	}
	size = len % 3;
	if (size == 0)
		size = 3;
	while (len > 0)
	{
		take_group(group, nb, size);
		if (group[0] != '0' || group[1] != '0' || group[2] != '0')
		{
			say_group(say, group);
			if (len > 3)
				say_key(say, "1", len - size);
		}
		nb += size;
		len -= size;
		size = 3;
	}
}

#include <unistd.h>
#include "rush02.h"

static int	only_zeros(char *str, int zeros)
{
	while (zeros > 0 && *str == '0')
	{
		str++;
		zeros--;
	}
	return (zeros == 0 && *str == '\0');
}

/* The word of the number written as digits followed by zeros times '0'. */
static char	*find(t_dict *dict, char *digits, int zeros)
{
	char	*key;
	int		i;
	int		j;

	i = 0;
	while (i < dict->size)
	{
		key = dict->entries[i].key;
		j = 0;
		while (digits[j] && key[j] == digits[j])
			j++;
		if (digits[j] == '\0' && only_zeros(key + j, zeros))
			return (dict->entries[i].value);
		i++;
	}
	return (NULL);
}

void	say_key(t_say *say, char *digits, int zeros)
{
	char	*value;

	value = find(say->dict, digits, zeros);
	if (!value)
		say->missing = 1;
	else if (say->print)
	{
		if (say->words > 0)
			write(1, " ", 1);
		write(1, value, ft_strlen(value));
	}
	say->words++;
}

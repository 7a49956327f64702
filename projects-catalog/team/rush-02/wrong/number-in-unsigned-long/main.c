#include <stdlib.h>
#include <unistd.h>
#include "rush02.h"

int	ft_strlen(char *str)
{
	int	len;

	len = 0;
	while (str[len])
		len++;
	return (len);
}

static int	parse_number(char *str, unsigned long *value)
{
	*value = 0;
	if (*str == '\0')
		return (0);
	while (*str >= '0' && *str <= '9')
	{
		*value = *value * 10 + (*str - '0');
		str++;
	}
	return (*str == '\0');
}

static int	finish(t_dict *dict, char *message, int status)
{
	free(dict->text);
	free(dict->entries);
	write(1, message, ft_strlen(message));
	return (status);
}

static void	say_all(t_dict *dict, t_say *say, unsigned long value, int print)
{
	char			buf[24];
	unsigned long	rest;
	int				len;

	say->dict = dict;
	say->print = print;
	say->missing = 0;
	say->words = 0;
	len = 1;
	rest = value;
	while (rest >= 10)
	{
		rest /= 10;
		len++;
	}
	buf[len] = '\0';
	while (len-- > 0)
	{
		buf[len] = value % 10 + '0';
		value /= 10;
	}
	say_number(say, buf, ft_strlen(buf));
}

int	main(int argc, char **argv)
{
	t_dict			dict;
	t_say			say;
	unsigned long	value;

	dict.text = NULL;
	dict.entries = NULL;
	dict.size = 0;
	if (argc < 2 || argc > 3 || !parse_number(argv[argc - 1], &value))
		return (finish(&dict, "Error\n", 1));
	if (argc == 3)
		dict.text = read_file(argv[1]);
	else
		dict.text = read_file("numbers.dict");
	if (!dict.text || !parse_dict(&dict))
		return (finish(&dict, "Dict Error\n", 1));
	say_all(&dict, &say, value, 0);
	if (say.missing)
		return (finish(&dict, "Dict Error\n", 1));
	say_all(&dict, &say, value, 1);
	return (finish(&dict, "\n", 0));
}

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

static int	valid_number(char *str)
{
	if (*str == '\0')
		return (0);
	while (*str >= '0' && *str <= '9')
		str++;
	return (*str == '\0');
}

static int	finish(t_dict *dict, char *message, int status)
{
	free(dict->text);
	free(dict->entries);
	write(1, message, ft_strlen(message));
	return (status);
}

static void	say_all(t_dict *dict, t_say *say, char *nb, int print)
{
	say->dict = dict;
	say->print = print;
	say->missing = 0;
	say->words = 0;
	while (nb[0] == '0' && nb[1] != '\0')
		nb++;
	say_number(say, nb, ft_strlen(nb));
}

int	main(int argc, char **argv)
{
	t_dict	dict;
	t_say	say;

	dict.text = NULL;
	dict.entries = NULL;
	dict.size = 0;
	if (argc < 2 || argc > 3 || !valid_number(argv[argc - 1]))
		return (finish(&dict, "Error\n", 1));
	if (argc == 3)
		dict.text = read_file(argv[1]);
	else
		dict.text = read_file("numbers.dict");
	if (!dict.text || !parse_dict(&dict))
		return (finish(&dict, "Dict Error\n", 1));
	say_all(&dict, &say, argv[argc - 1], 1);
	if (say.missing)
		return (finish(&dict, "Dict Error\n", 1));
	return (finish(&dict, "\n", 0));
}

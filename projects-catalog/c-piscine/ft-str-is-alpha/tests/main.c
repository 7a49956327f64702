#include <stdio.h>
#include <string.h>

int	ft_str_is_alpha(char *str);

static void	show(char *str)
{
	printf("%d\n", ft_str_is_alpha(str));
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "hello"))
		show("Hello");
	else if (!strcmp(argv[1], "digit"))
		show("Hello42");
	else if (!strcmp(argv[1], "empty"))
		show("");
	else if (!strcmp(argv[1], "alphabet"))
		show("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	else if (!strcmp(argv[1], "space"))
		show("hello world");
	else if (!strcmp(argv[1], "bounds"))
	{
		show("A");
		show("Z");
		show("a");
		show("z");
		show("AZaz");
	}
	else if (!strcmp(argv[1], "neighbours"))
	{
		show("@");
		show("[");
		show("`");
		show("{");
	}
	else if (!strcmp(argv[1], "between"))
	{
		show("abc_def");
		show("abc^");
		show("\\");
		show("]x");
	}
	else if (!strcmp(argv[1], "last"))
	{
		show("abcdefgh1");
		show("abcdefgh!");
		show("abcdefgh\n");
	}
	else if (!strcmp(argv[1], "high"))
	{
		show("caf\xc3\xa9");
		show("\xff");
		show("\x80z");
	}
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_atoi(char *str);

/* Every string reaches ft_atoi as an exact-size heap block (its bytes, '\0' included,
 * and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *s)
{
	char	*str;

	str = malloc(strlen(s) + 1);
	if (!str)
		exit(3);
	memcpy(str, s, strlen(s) + 1);
	printf("%d\n", ft_atoi(str));
	free(str);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "simple"))
	{
		show("42");
		show("-42");
	}
	else if (!strcmp(argv[1], "subject"))
		show(" ---+--+1234ab567");
	else if (!strcmp(argv[1], "empty"))
		show("");
	else if (!strcmp(argv[1], "only-spaces"))
		show("     ");
	else if (!strcmp(argv[1], "many-signs"))
	{
		show("  ---+--+1234ab567");
		show("+-+42");
		show("--42");
		show("++++7");
		show("-+-+-3");
	}
	else if (!strcmp(argv[1], "whitespace"))
	{
		show("\t\n\v\f\r 42");
		show("\r-17");
		show("\v\v+8");
	}
	else if (!strcmp(argv[1], "limits"))
	{
		show("  +2147483647 apples");
		show("\n-2147483648!");
	}
	else if (!strcmp(argv[1], "int-max"))
		show("2147483647");
	else if (!strcmp(argv[1], "int-min"))
		show("-2147483648");
	else if (!strcmp(argv[1], "no-digits"))
	{
		show("abc");
		show("-");
		show("+-");
		show("a42");
	}
	else if (!strcmp(argv[1], "space-after-sign"))
	{
		show(" - 1");
		show("+ 5");
		show("-\t7");
	}
	else if (!strcmp(argv[1], "zeros"))
	{
		show("0");
		show("-0");
		show("+0");
		show("0000042");
		show("-000123");
		show("   007x");
	}
	else if (!strcmp(argv[1], "stops"))
	{
		show("42 43");
		show("12-34");
		show("9+1");
		show("1.5");
	}
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_convert_base(char *nbr, char *base_from, char *base_to);

/* An exact-size heap copy of a string (its bytes, '\0' included, and nothing more),
 * so the memory checker sees a read past its end. */
static char	*copy(const char *s)
{
	char	*c;

	c = malloc(strlen(s) + 1);
	if (!c)
		exit(3);
	memcpy(c, s, strlen(s) + 1);
	return (c);
}

/* Prints the result in brackets, or (null); frees it (it must come from malloc). */
static void	show(const char *n, const char *from, const char *to)
{
	char	*nbr;
	char	*base_from;
	char	*base_to;
	char	*result;

	nbr = copy(n);
	base_from = copy(from);
	base_to = copy(to);
	result = ft_convert_base(nbr, base_from, base_to);
	if (result == NULL)
		printf("(null)\n");
	else
		printf("[%s]\n", result);
	free(result);
	free(nbr);
	free(base_from);
	free(base_to);
}

#define DEC "0123456789"
#define HEX "0123456789abcdef"

/* Every printable ASCII character but the signs: a base of 92 digits. */
static void	wide_base(char *base)
{
	int	c;
	int	i;

	i = 0;
	c = '!';
	while (c <= '~')
	{
		if (c != '+' && c != '-')
			base[i++] = (char)c;
		c++;
	}
	base[i] = '\0';
}

static void	invalid(const char *valid, int from_side)
{
	static const char	*bad[] = {"", "7", "0123456789a1", "01+", "-01",
		"01 ", "0\t1", "\n01", "ab\vc", "ab\fc", "ab\rc", "aa"};
	int					i;

	i = 0;
	while (i < (int)(sizeof(bad) / sizeof(bad[0])))
	{
		if (from_side)
			show("101", bad[i], valid);
		else
			show("101", valid, bad[i]);
		i++;
	}
}

static int	more(const char *name)
{
	char	wide[100];

	wide_base(wide);
	if (!strcmp(name, "invalid-from"))
		invalid(DEC, 1);
	else if (!strcmp(name, "invalid-to"))
		invalid(DEC, 0);
	else if (!strcmp(name, "wide"))
	{
		show("2147483647", DEC, wide);
		show("-2147483648", DEC, wide);
		show("~}|{", wide, DEC);
	}
	else if (!strcmp(name, "same-base"))
	{
		show("   -00012", DEC, DEC);
		show("ff", HEX, HEX);
	}
	else
		return (2);
	return (0);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "dec-to-bin"))
		show("42", DEC, "01");
	else if (!strcmp(argv[1], "example"))
	{
		show("42", DEC, "01");
		show(" --+-ff", HEX, DEC);
		show("12", DEC, "a");
		show("-101", "01", "poneyvif");
	}
	else if (!strcmp(argv[1], "bin-to-hex"))
		show("1111111111111111111111111111010", "01", HEX);
	else if (!strcmp(argv[1], "zero"))
	{
		show("0", DEC, "01");
		show("-0", DEC, HEX);
		show("000", "01", "poneyvif");
	}
	else if (!strcmp(argv[1], "int-max"))
	{
		show("2147483647", DEC, HEX);
		show("1111111111111111111111111111111", "01", DEC);
	}
	else if (!strcmp(argv[1], "int-min"))
	{
		show("-2147483648", DEC, HEX);
		show("-80000000", HEX, "01");
		show("-2147483648", DEC, DEC);
	}
	else if (!strcmp(argv[1], "spaces-and-signs"))
	{
		show("\t\n\v\f\r +-+--+42", DEC, DEC);
		show("  ---+--+1234ab567", DEC, HEX);
		show("+++7", DEC, "01");
	}
	else if (!strcmp(argv[1], "stops"))
	{
		show("123abc456", DEC, DEC);
		show("ffxff", HEX, DEC);
		show("FF", HEX, DEC);
		show("12 34", DEC, DEC);
	}
	else if (!strcmp(argv[1], "no-digit"))
	{
		show("", DEC, DEC);
		show("   -", DEC, "01");
		show("- 42", DEC, DEC);
		show("xyz", DEC, HEX);
	}
	else
		return (more(argv[1]));
	return (0);
}

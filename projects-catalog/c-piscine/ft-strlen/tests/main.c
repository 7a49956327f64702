#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_strlen(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Every string reaches ft_strlen as an exact-size heap block (its bytes, '\0'
 * included, and nothing more), so the memory checker sees a read past its end. */
static int	show(const char *bytes, size_t size)
{
	char	*s;

	s = malloc(size);
	if (!s)
		return (3);
	memcpy(s, bytes, size);
	printf("%d\n", ft_strlen(s));
	free(s);
	return (0);
}

static int	run_long(int len)
{
	char	*s;
	int		i;

	s = malloc(len + 1);
	if (!s)
		return (3);
	i = 0;
	while (i < len)
	{
		s[i] = 'a' + i % 26;
		i++;
	}
	s[len] = '\0';
	printf("%d\n", ft_strlen(s));
	free(s);
	return (0);
}

int	main(int argc, char **argv)
{
	static const char	embedded[] = "abc\0def";
	static const char	high[] = "\xc3\xa9t\xc3\xa9\xff";

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "empty"))
		return (show(BYTES("")));
	if (!strcmp(argv[1], "one"))
		return (show(BYTES("x")));
	if (!strcmp(argv[1], "hello"))
		return (show(BYTES("Hello")));
	if (!strcmp(argv[1], "sentence"))
		return (show(BYTES("Hello, world! How are you?")));
	if (!strcmp(argv[1], "spaces"))
		return (show(BYTES("  \t \n  ")));
	if (!strcmp(argv[1], "embedded"))
		return (show(BYTES(embedded)));
	if (!strcmp(argv[1], "high"))
		return (show(BYTES(high)));
	if (!strcmp(argv[1], "long"))
		return (run_long(1000));
	if (!strcmp(argv[1], "verylong"))
		return (run_long(1000000));
	return (2);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_strlen(char *str);

static int	run_long(int len)
{
	char	*s;
	int		i;

	s = malloc(len + 1);
	if (!s)
		return (1);
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
	char	embedded[] = "abc\0def";
	char	high[] = "\xc3\xa9t\xc3\xa9\xff";

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "empty"))
		printf("%d\n", ft_strlen(""));
	else if (!strcmp(argv[1], "one"))
		printf("%d\n", ft_strlen("x"));
	else if (!strcmp(argv[1], "hello"))
		printf("%d\n", ft_strlen("Hello"));
	else if (!strcmp(argv[1], "sentence"))
		printf("%d\n", ft_strlen("Hello, world! How are you?"));
	else if (!strcmp(argv[1], "spaces"))
		printf("%d\n", ft_strlen("  \t \n  "));
	else if (!strcmp(argv[1], "embedded"))
		printf("%d\n", ft_strlen(embedded));
	else if (!strcmp(argv[1], "high"))
		printf("%d\n", ft_strlen(high));
	else if (!strcmp(argv[1], "long"))
		return (run_long(1000));
	else if (!strcmp(argv[1], "verylong"))
		return (run_long(1000000));
	else
		return (2);
	return (0);
}

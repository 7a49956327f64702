#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void	ft_putstr(char *str);

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
		s[i] = (i % 50 == 49) ? '\n' : 'a' + i % 26;
		i++;
	}
	s[len] = '\0';
	ft_putstr(s);
	free(s);
	return (0);
}

int	main(int argc, char **argv)
{
	char	embedded[] = "abc\0def";
	char	big[64];

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "hello"))
		ft_putstr("Hello, world!");
	else if (!strcmp(argv[1], "empty"))
		ft_putstr("");
	else if (!strcmp(argv[1], "one"))
		ft_putstr("x");
	else if (!strcmp(argv[1], "two-calls"))
	{
		ft_putstr("forty");
		ft_putstr("-two\n");
	}
	else if (!strcmp(argv[1], "newlines"))
		ft_putstr("line 1\nline 2\n\n");
	else if (!strcmp(argv[1], "embedded"))
		ft_putstr(embedded);
	else if (!strcmp(argv[1], "utf8"))
		ft_putstr("caf\xc3\xa9 \xe2\x82\xac");
	else if (!strcmp(argv[1], "buffer"))
	{
		memset(big, 'Z', sizeof(big));
		memcpy(big, "short", 6);
		ft_putstr(big);
	}
	else if (!strcmp(argv[1], "mixed"))
	{
		printf("<");
		fflush(stdout);
		ft_putstr("in between");
		printf(">\n");
	}
	else if (!strcmp(argv[1], "long"))
		return (run_long(3000));
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strstr(char *str, char *to_find);

/* Runs ft_strstr on exact-size heap copies and prints the offset of the result in
 * str, or (null). A pointer outside str is reported as such. */
static void	run(const char *s, const char *f)
{
	char	*str;
	char	*find;
	char	*ret;

	str = malloc(strlen(s) + 1);
	find = malloc(strlen(f) + 1);
	if (!str || !find)
		exit(3);
	strcpy(str, s);
	strcpy(find, f);
	ret = ft_strstr(str, find);
	if (ret == NULL)
		printf("(null)\n");
	else if (ret >= str && ret <= str + strlen(str))
		printf("%ld\n", (long)(ret - str));
	else
		printf("pointer outside str\n");
	free(str);
	free(find);
}

int	main(int argc, char **argv)
{
	const char	*c;

	if (argc < 2)
		return (2);
	c = argv[1];
	if (strcmp(c, "basic") == 0)
		run("Hello World", "World");
	else if (strcmp(c, "absent") == 0)
		run("Hello World", "world");
	else if (strcmp(c, "empty-needle") == 0)
		run("Hello World", "");
	else if (strcmp(c, "both-empty") == 0)
		run("", "");
	else if (strcmp(c, "empty-str") == 0)
		run("", "a");
	else if (strcmp(c, "start") == 0)
		run("abcdef", "abc");
	else if (strcmp(c, "end") == 0)
		run("abcdef", "ef");
	else if (strcmp(c, "first") == 0)
		run("abcabcabc", "cab");
	else if (strcmp(c, "backtrack") == 0)
		run("aaab", "aab");
	else if (strcmp(c, "backtrack2") == 0)
		run("abcabcabd", "abcabd");
	else if (strcmp(c, "cut-by-end") == 0)
		run("Hello Wor", "World");
	else if (strcmp(c, "longer") == 0)
		run("abc", "abcd");
	else
	{
		printf("unknown case %s\n", c);
		return (2);
	}
	return (0);
}

#include <stdio.h>
#include <string.h>

int	ft_strcmp(char *s1, char *s2);

static void	show(char *s1, char *s2)
{
	int	r;

	r = ft_strcmp(s1, s2);
	printf("%d\n", (r > 0) - (r < 0));
}

int	main(int argc, char **argv)
{
	char	a[] = "Hello";
	char	b[] = "Hello";

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "equal"))
		show(a, b);
	else if (!strcmp(argv[1], "less"))
		show("abc", "abd");
	else if (!strcmp(argv[1], "greater"))
		show("abd", "abc");
	else if (!strcmp(argv[1], "prefix"))
	{
		show("abc", "abcd");
		show("abcd", "abc");
	}
	else if (!strcmp(argv[1], "empty"))
	{
		show("", "");
		show("", "a");
		show("a", "");
	}
	else if (!strcmp(argv[1], "first-char"))
	{
		show("zebra", "apple");
		show("apple", "zebra");
	}
	else if (!strcmp(argv[1], "case"))
	{
		show("Abc", "abc");
		show("abc", "ABC");
	}
	else if (!strcmp(argv[1], "late"))
	{
		show("Hello, world!", "Hello, world?");
		show("Hello, world?", "Hello, world!");
	}
	else if (!strcmp(argv[1], "high"))
	{
		show("\x80", "a");
		show("a", "\xff");
		show("caf\xc3\xa9", "cafe");
		show("\xe9t\xe9", "\xe9t\xe9");
	}
	else if (!strcmp(argv[1], "high-vs-empty"))
	{
		show("\xc3", "");
		show("", "\xc3");
	}
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <string.h>

char	*ft_strcat(char *dest, char *src);

#define BUF 256

/* dest buffer: the initial string, its '\0', then 'X' up to the end, so a result
 * missing its '\0' shows trailing X characters. */
static void	prepare(char *buf, const char *init)
{
	memset(buf, 'X', BUF - 1);
	buf[BUF - 1] = '\0';
	memcpy(buf, init, strlen(init) + 1);
}

static void	run(const char *init, const char *s)
{
	char	buf[BUF];
	char	src[BUF];
	char	*ret;

	prepare(buf, init);
	strcpy(src, s);
	ret = ft_strcat(buf, src);
	printf("[%s]\n", buf);
	printf("returns dest: %s\n", ret == buf ? "yes" : "no");
	printf("src: [%s]\n", src);
}

int	main(int argc, char **argv)
{
	const char	*c;

	if (argc < 2)
		return (2);
	c = argv[1];
	if (strcmp(c, "basic") == 0)
		run("Hello ", "World");
	else if (strcmp(c, "empty-src") == 0)
		run("abc", "");
	else if (strcmp(c, "empty-dest") == 0)
		run("", "abc");
	else if (strcmp(c, "both-empty") == 0)
		run("", "");
	else if (strcmp(c, "one-char") == 0)
		run("4", "2");
	else if (strcmp(c, "long") == 0)
		run("The quick brown fox jumps over the lazy dog. ",
			"Pack my box with five dozen liquor jugs! 0123456789 ~!@#$%^&*()");
	else if (strcmp(c, "spaces") == 0)
		run("  tab\there ", " new\nline  ");
	else if (strcmp(c, "chain") == 0)
	{
		char	buf[BUF];
		char	a[] = "42";
		char	b[] = " school";
		char	*ret;

		prepare(buf, "Hello ");
		ret = ft_strcat(ft_strcat(buf, a), b);
		printf("[%s]\n", buf);
		printf("returns dest: %s\n", ret == buf ? "yes" : "no");
	}
	else if (strcmp(c, "twice") == 0)
	{
		char	buf[BUF];
		char	a[] = "ab";

		prepare(buf, "");
		ft_strcat(buf, a);
		ft_strcat(buf, a);
		printf("[%s]\n", buf);
	}
	else
	{
		printf("unknown case %s\n", c);
		return (2);
	}
	return (0);
}

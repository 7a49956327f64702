#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strcat(char *dest, char *src);

#define BUF 256

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

/* dest: a heap buffer of BUF bytes holding the initial string, its '\0', then 'X'
 * up to the end, so a result missing its '\0' shows trailing X characters. */
static char	*prepare(const char *init)
{
	char	*buf;

	buf = malloc(BUF);
	if (!buf)
		exit(3);
	memset(buf, 'X', BUF - 1);
	buf[BUF - 1] = '\0';
	memcpy(buf, init, strlen(init) + 1);
	return (buf);
}

static void	run(const char *init, const char *s)
{
	char	*buf;
	char	*src;
	char	*ret;

	buf = prepare(init);
	src = copy(s);
	ret = ft_strcat(buf, src);
	printf("[%s]\n", buf);
	printf("returns dest: %s\n", ret == buf ? "yes" : "no");
	printf("src: [%s]\n", src);
	free(buf);
	free(src);
}

static void	chain(void)
{
	char	*buf;
	char	*a;
	char	*b;
	char	*ret;

	buf = prepare("Hello ");
	a = copy("42");
	b = copy(" school");
	ret = ft_strcat(ft_strcat(buf, a), b);
	printf("[%s]\n", buf);
	printf("returns dest: %s\n", ret == buf ? "yes" : "no");
	free(buf);
	free(a);
	free(b);
}

static void	twice(void)
{
	char	*buf;
	char	*a;

	buf = prepare("");
	a = copy("ab");
	ft_strcat(buf, a);
	ft_strcat(buf, a);
	printf("[%s]\n", buf);
	free(buf);
	free(a);
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
		chain();
	else if (strcmp(c, "twice") == 0)
		twice();
	else
	{
		printf("unknown case %s\n", c);
		return (2);
	}
	return (0);
}

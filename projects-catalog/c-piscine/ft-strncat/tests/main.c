#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strncat(char *dest, char *src, unsigned int nb);

/* Prints n bytes between brackets: '\0' as '.', other printable characters as they
 * are, any other byte as \xHH. */
static void	print_bytes(const char *s, size_t n)
{
	size_t	i;

	printf("[");
	i = 0;
	while (i < n)
	{
		if (s[i] == '\0')
			printf(".");
		else if (s[i] >= 32 && s[i] < 127)
			printf("%c", s[i]);
		else
			printf("\\x%02x", (unsigned char)s[i]);
		i++;
	}
	printf("]");
}

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

/* dest: a heap block of exactly `room` bytes, filled with 'X', starting with init
 * and its '\0': the memory checker sees any write past the room the result needs. */
static char	*prepare(const char *init, size_t room)
{
	char	*buf;

	buf = malloc(room);
	if (!buf)
		exit(3);
	memset(buf, 'X', room);
	memcpy(buf, init, strlen(init) + 1);
	return (buf);
}

static void	run(const char *init, const char *s, unsigned int nb)
{
	char	*buf;
	char	*src;
	char	*ret;
	size_t	room;

	room = strlen(s) < nb ? strlen(s) : nb;
	room += strlen(init) + 1;
	buf = prepare(init, room);
	src = copy(s);
	ret = ft_strncat(buf, src, nb);
	print_bytes(buf, room);
	printf(" returned %s\n", ret == buf ? "dest" : "something else");
	free(buf);
	free(src);
}

static void	chain(void)
{
	char	*buf;
	char	*a;
	char	*b;
	char	*ret;

	buf = prepare("", 4);
	a = copy("ab");
	b = copy("cd");
	ret = ft_strncat(ft_strncat(buf, a, 1), b, 5);
	print_bytes(buf, 4);
	printf(" returned %s\n", ret == buf ? "dest" : "something else");
	free(buf);
	free(a);
	free(b);
}

static int	run_long(size_t len, size_t src_len, unsigned int nb)
{
	char	*buf;
	char	*src;
	char	*want;

	buf = malloc(len + nb + 1);
	src = malloc(src_len + 1);
	want = malloc(len + nb + 1);
	if (!buf || !src || !want)
		return (3);
	memset(buf, 'a', len);
	buf[len] = '\0';
	memset(src, 'b', src_len);
	src[src_len] = '\0';
	memset(want, 'a', len);
	memset(want + len, 'b', nb);
	want[len + nb] = '\0';
	ft_strncat(buf, src, nb);
	printf("%s\n", memcmp(buf, want, len + nb + 1) ? "wrong" : "appended");
	free(buf);
	free(src);
	free(want);
	return (0);
}

int	main(int argc, char **argv)
{
	const char	*c;

	if (argc < 2)
		return (2);
	c = argv[1];
	if (!strcmp(c, "basic"))
		run("Hello ", "World", 10);
	else if (!strcmp(c, "cut"))
		run("Hello ", "World", 3);
	else if (!strcmp(c, "nb-zero"))
		run("abc", "def", 0);
	else if (!strcmp(c, "exact"))
		run("Hello ", "World", 5);
	else if (!strcmp(c, "nb-one"))
		run("abc", "def", 1);
	else if (!strcmp(c, "one-more"))
		run("abc", "def", 4);
	else if (!strcmp(c, "empty-src"))
		run("abc", "", 5);
	else if (!strcmp(c, "empty-dest"))
		run("", "abc", 2);
	else if (!strcmp(c, "both-empty"))
		run("", "", 3);
	else if (!strcmp(c, "chain"))
		chain();
	else if (!strcmp(c, "high"))
		run("caf", "\xc3\xa9!", 2);
	else if (!strcmp(c, "long"))
		return (run_long(3000, 5000, 1000));
	else
		return (2);
	return (0);
}

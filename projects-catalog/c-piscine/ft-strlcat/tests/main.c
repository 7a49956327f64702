#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned int	ft_strlcat(char *dest, char *src, unsigned int size);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

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

/* dest is a heap block of exactly `size` bytes (or of the length of init plus one when
 * size is smaller), filled with 'X', starting with init and its '\0': the memory
 * checker sees any write past it. src is an exact-size heap copy (its bytes, '\0'
 * included, and nothing more). Prints all of dest, then the return value. */
static void	show(const char *init, const char *src_bytes, size_t src_size,
		unsigned int size)
{
	char			*dest;
	char			*src;
	size_t			len;
	unsigned int	ret;

	len = strlen(init) + 1;
	if (len < size)
		len = size;
	dest = malloc(len);
	src = malloc(src_size);
	if (!dest || !src)
		exit(3);
	memset(dest, 'X', len);
	memcpy(dest, init, strlen(init) + 1);
	memcpy(src, src_bytes, src_size);
	ret = ft_strlcat(dest, src, size);
	print_bytes(dest, len);
	printf(" returned %u\n", ret);
	free(dest);
	free(src);
}

static void	chain(void)
{
	char			*dest;
	char			*a;
	char			*b;
	unsigned int	r1;
	unsigned int	r2;

	dest = malloc(10);
	a = malloc(6);
	b = malloc(6);
	if (!dest || !a || !b)
		exit(3);
	memset(dest, 'X', 10);
	dest[0] = '\0';
	memcpy(a, "Hello", 6);
	memcpy(b, "World", 6);
	r1 = ft_strlcat(dest, a, 10);
	r2 = ft_strlcat(dest, b, 10);
	print_bytes(dest, 10);
	printf(" returned %u then %u\n", r1, r2);
	free(dest);
	free(a);
	free(b);
}

static int	run_long(unsigned int dlen, unsigned int slen, unsigned int size)
{
	char			*dest;
	char			*src;
	unsigned int	ret;
	unsigned int	i;
	int				ok;

	dest = malloc(size);
	src = malloc(slen + 1);
	if (!dest || !src)
		return (3);
	memset(dest, 'a', dlen);
	dest[dlen] = '\0';
	memset(src, 'b', slen);
	src[slen] = '\0';
	ret = ft_strlcat(dest, src, size);
	ok = (dest[size - 1] == '\0');
	i = 0;
	while (i < size - 1)
	{
		if (dest[i] != (i < dlen ? 'a' : 'b'))
			ok = 0;
		i++;
	}
	printf("%s, returned %u\n", ok ? "appended and terminated" : "wrong", ret);
	free(dest);
	free(src);
	return (0);
}

int	main(int argc, char **argv)
{
	const char	*c;

	if (argc < 2)
		return (2);
	c = argv[1];
	if (!strcmp(c, "fits"))
		show("Hello ", BYTES("World"), 20);
	else if (!strcmp(c, "truncate"))
		show("Hello ", BYTES("World"), 9);
	else if (!strcmp(c, "empty-src"))
		show("abc", BYTES(""), 10);
	else if (!strcmp(c, "exact"))
		show("Hello ", BYTES("World"), 12);
	else if (!strcmp(c, "one-short"))
		show("Hello ", BYTES("World"), 11);
	else if (!strcmp(c, "no-room"))
		show("Hello ", BYTES("World"), 7);
	else if (!strcmp(c, "size-is-dest-len"))
		show("Hello ", BYTES("World"), 6);
	else if (!strcmp(c, "small-size"))
	{
		show("Hello ", BYTES("World"), 3);
		show("Hello ", BYTES("World"), 1);
	}
	else if (!strcmp(c, "size-zero"))
	{
		show("abc", BYTES("defg"), 0);
		show("", BYTES("defg"), 0);
	}
	else if (!strcmp(c, "empty-dest"))
		show("", BYTES("abc"), 3);
	else if (!strcmp(c, "chain"))
		chain();
	else if (!strcmp(c, "high"))
		show("caf", BYTES("\xc3\xa9s"), 5);
	else if (!strcmp(c, "long"))
		return (run_long(3000, 3000, 4000));
	else
		return (2);
	return (0);
}

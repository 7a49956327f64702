#include <stdio.h>
#include <stdlib.h>
#include <string.h>

unsigned int	ft_strlcpy(char *dest, char *src, unsigned int size);

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

/* dest is a heap block of exactly `size` bytes (malloc(0) for 0), filled with 'X':
 * the memory checker sees any write past it. src is an exact-size heap copy (its
 * bytes, '\0' included, and nothing more): it sees any read past it too. Prints all
 * of dest, then the return value. */
static void	show(const char *src_bytes, size_t src_size, unsigned int size)
{
	char			*dest;
	char			*src;
	unsigned int	ret;

	dest = malloc(size);
	src = malloc(src_size);
	if ((!dest && size) || !src)
		exit(3);
	memcpy(src, src_bytes, src_size);
	memset(dest, 'X', size);
	ret = ft_strlcpy(dest, src, size);
	print_bytes(dest, size);
	printf(" returned %u\n", ret);
	free(dest);
	free(src);
}

static int	run_long(unsigned int len, unsigned int size)
{
	char			*dest;
	char			*src;
	unsigned int	ret;
	unsigned int	i;
	int				ok;

	dest = malloc(size);
	src = malloc(len + 1);
	if (!dest || !src)
		return (3);
	i = 0;
	while (i < len)
	{
		src[i] = 'a' + i % 26;
		i++;
	}
	src[len] = '\0';
	memset(dest, 'X', size);
	ret = ft_strlcpy(dest, src, size);
	ok = (memcmp(dest, src, size - 1) == 0 && dest[size - 1] == '\0');
	printf("%s, returned %u\n", ok ? "copied and terminated" : "wrong content", ret);
	free(dest);
	free(src);
	return (0);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "fits"))
		show(BYTES("Hello"), 10);
	else if (!strcmp(argv[1], "truncate"))
		show(BYTES("Hello, world"), 6);
	else if (!strcmp(argv[1], "empty-src"))
		show(BYTES(""), 4);
	else if (!strcmp(argv[1], "exact"))
		show(BYTES("Hello"), 6);
	else if (!strcmp(argv[1], "one-short"))
		show(BYTES("Hello"), 5);
	else if (!strcmp(argv[1], "size-one"))
		show(BYTES("Hello"), 1);
	else if (!strcmp(argv[1], "size-zero"))
	{
		show(BYTES("Hello"), 0);
		show(BYTES(""), 0);
	}
	else if (!strcmp(argv[1], "stops-at-nul"))
		show(BYTES("abc\0def"), 8);
	else if (!strcmp(argv[1], "high"))
		show(BYTES("caf\xc3\xa9"), 5);
	else if (!strcmp(argv[1], "long"))
		return (run_long(5000, 100));
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strncpy(char *dest, char *src, unsigned int n);

#define SHOWN 16

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Calls ft_strncpy on a heap buffer full of 'X', then prints its first SHOWN bytes:
 * a '\0' is shown as '.', other non-printable bytes as \xHH. src is an exact-size
 * heap block (its bytes, '\0' included, and nothing more), so the memory checker
 * sees a read past its end. */
static void	show(const char *src_bytes, size_t src_size, unsigned int n)
{
	char	*buf;
	char	*src;
	char	*ret;
	int		i;

	buf = malloc(SHOWN + 16);
	src = malloc(src_size);
	if (!buf || !src)
		exit(3);
	memcpy(src, src_bytes, src_size);
	memset(buf, 'X', SHOWN + 16);
	ret = ft_strncpy(buf, src, n);
	printf("[");
	i = 0;
	while (i < SHOWN)
	{
		if (buf[i] == '\0')
			printf(".");
		else if (buf[i] >= 32 && buf[i] < 127)
			printf("%c", buf[i]);
		else
			printf("\\x%02x", (unsigned char)buf[i]);
		i++;
	}
	printf("] ");
	if (ret == NULL)
		printf("returned (null)\n");
	else if (ret == buf)
		printf("returned dest\n");
	else
		printf("returned something else\n");
	free(buf);
	free(src);
}

static int	run_long(unsigned int len)
{
	char			*src;
	char			*dest;
	unsigned int	i;
	int				ok;

	src = malloc(len / 2 + 1);
	dest = malloc(len + 1);
	if (!src || !dest)
		return (1);
	memset(src, 'a', len / 2);
	src[len / 2] = '\0';
	memset(dest, 'X', len + 1);
	ft_strncpy(dest, src, len);
	ok = 1;
	i = 0;
	while (i < len)
	{
		if (dest[i] != (i < len / 2 ? 'a' : '\0'))
			ok = 0;
		i++;
	}
	printf("%s %s\n", ok ? "copied and padded" : "wrong content",
		dest[len] == 'X' ? "untouched after n" : "written after n");
	free(src);
	free(dest);
	return (0);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "pad"))
		show(BYTES("abc"), 6);
	else if (!strcmp(argv[1], "truncate"))
		show(BYTES("abcdefgh"), 3);
	else if (!strcmp(argv[1], "exact"))
		show(BYTES("abc"), 3);
	else if (!strcmp(argv[1], "one-more"))
		show(BYTES("abc"), 4);
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""), 5);
	else if (!strcmp(argv[1], "zero"))
		show(BYTES("hello"), 0);
	else if (!strcmp(argv[1], "one"))
		show(BYTES("hello"), 1);
	else if (!strcmp(argv[1], "full"))
		show(BYTES("hello world"), SHOWN);
	else if (!strcmp(argv[1], "high"))
		show(BYTES("\xc3\xa9t\xc3\xa9"), 8);
	else if (!strcmp(argv[1], "long"))
		return (run_long(10000));
	else
		return (2);
	return (0);
}

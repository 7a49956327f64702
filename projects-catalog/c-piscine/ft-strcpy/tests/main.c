#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strcpy(char *dest, char *src);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Copies src into a 64-byte heap buffer that first holds `old` (the rest filled with
 * '#'), then prints the buffer as a string and whether dest was returned. src is an
 * exact-size heap block (its bytes, '\0' included, and nothing more), so the memory
 * checker sees a read past its end. */
static void	show(const char *old, const char *src_bytes, size_t src_size)
{
	char	*buf;
	char	*src;
	char	*ret;

	buf = malloc(64);
	src = malloc(src_size);
	if (!buf || !src)
		exit(3);
	memcpy(src, src_bytes, src_size);
	memset(buf, '#', 64);
	buf[63] = '\0';
	memcpy(buf, old, strlen(old));
	ret = ft_strcpy(buf, src);
	printf("[%s] ", buf);
	if (ret == NULL)
		printf("returned (null)\n");
	else if (ret == buf)
		printf("returned dest\n");
	else
		printf("returned something else\n");
	free(buf);
	free(src);
}

static int	run_long(int len)
{
	char	*src;
	char	*dest;
	char	*ret;
	int		i;

	src = malloc(len + 1);
	dest = malloc(len + 1);
	if (!src || !dest)
		return (1);
	i = 0;
	while (i < len)
	{
		src[i] = 'A' + i % 26;
		dest[i] = '#';
		i++;
	}
	src[len] = '\0';
	dest[len] = '#';
	ret = ft_strcpy(dest, src);
	printf("%s %s\n", dest[len] == '\0' ? "terminated" : "not terminated",
		memcmp(dest, src, len + 1) == 0 ? "same" : "different");
	printf("%s\n", ret == dest ? "returned dest" : "returned something else");
	free(src);
	free(dest);
	return (0);
}

int	main(int argc, char **argv)
{
	static const char	embedded[] = "abc\0def";

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "hello"))
		show("", BYTES("Hello"));
	else if (!strcmp(argv[1], "overwrite"))
		show("a much longer old string", BYTES("short"));
	else if (!strcmp(argv[1], "empty"))
		show("old", BYTES(""));
	else if (!strcmp(argv[1], "one"))
		show("xyz", BYTES("Q"));
	else if (!strcmp(argv[1], "same-length"))
		show("12345", BYTES("abcde"));
	else if (!strcmp(argv[1], "embedded"))
		show("xxxxxxxx", BYTES(embedded));
	else if (!strcmp(argv[1], "utf8"))
		show("", BYTES("na\xc3\xafve caf\xc3\xa9"));
	else if (!strcmp(argv[1], "spaces"))
		show("", BYTES("  with  spaces\tand\ttabs  "));
	else if (!strcmp(argv[1], "long"))
		return (run_long(5000));
	else
		return (2);
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strcapitalize(char *str);

/* A literal with its size, '\0' included. */
#define BYTES(literal) literal, sizeof(literal)

/* Prints a string between brackets: printable characters as they are, any other
 * byte as \xHH. */
static void	print_escaped(const char *s)
{
	printf("[");
	while (*s)
	{
		if (*s >= 32 && *s < 127)
			printf("%c", *s);
		else
			printf("\\x%02x", (unsigned char)*s);
		s++;
	}
	printf("]");
}

/* The string reaches ft_strcapitalize as an exact-size heap block (its bytes, '\0'
 * included, and nothing more), so the memory checker sees a read past its end. */
static void	show(const char *bytes, size_t size)
{
	char	*s;
	char	*ret;

	s = malloc(size);
	if (!s)
		exit(3);
	memcpy(s, bytes, size);
	ret = ft_strcapitalize(s);
	print_escaped(s);
	if (ret == s)
		printf(" returned str\n");
	else if (ret == NULL)
		printf(" returned (null)\n");
	else
		printf(" returned something else\n");
	free(s);
}

/* Words of 1 to 6 letters made of the pattern "hELLO wORLD ", capitalized. */
static int	run_long(int len)
{
	char	*s;
	char	*want;
	int		i;

	s = malloc(len + 1);
	want = malloc(len + 1);
	if (!s || !want)
		return (3);
	i = -1;
	while (++i < len)
	{
		s[i] = "hELLO wORLD "[i % 12];
		want[i] = "Hello World "[i % 12];
	}
	s[len] = '\0';
	want[len] = '\0';
	printf("%s\n", ft_strcapitalize(s) == s && !strcmp(s, want)
		? "all capitalized" : "wrong");
	free(s);
	free(want);
	return (0);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "subject"))
		show(BYTES("hi, how are you? 42words forty-two; fifty+and+one"));
	else if (!strcmp(argv[1], "shout"))
		show(BYTES("HELLO WORLD"));
	else if (!strcmp(argv[1], "empty"))
		show(BYTES(""));
	else if (!strcmp(argv[1], "single"))
	{
		show(BYTES("a"));
		show(BYTES("Z"));
		show(BYTES("7"));
	}
	else if (!strcmp(argv[1], "digits"))
		show(BYTES("42mots 4EVER x42Y 2b or not 2B"));
	else if (!strcmp(argv[1], "punctuation"))
		show(BYTES("a-b_c.d,e;f+g'h!i(j)k/l"));
	else if (!strcmp(argv[1], "blanks"))
		show(BYTES("  leading and   trailing  "));
	else if (!strcmp(argv[1], "tabs"))
		show(BYTES("one\ttwo\nthree\vfour"));
	else if (!strcmp(argv[1], "mixed-case"))
		show(BYTES("hElLo wOrLd, iT's 42!"));
	else if (!strcmp(argv[1], "high"))
		show(BYTES("caf\xc3\xa9 \xc3\xa9t\xc3\xa9 oK"));
	else if (!strcmp(argv[1], "already"))
		show(BYTES("Hello World 42"));
	else if (!strcmp(argv[1], "long"))
		return (run_long(6000));
	else
		return (2);
	return (0);
}

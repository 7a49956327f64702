#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char	*ft_strdup(char *src);

/* Leaves freed blocks full of 'Z' around size n, so that the allocator is likely to
 * hand one back to ft_strdup: a copy missing its '\0' then shows the 'Z's. */
static void	dirty_heap(size_t n)
{
	void	*blocks[16];
	size_t	i;

	i = 0;
	while (i < 16)
	{
		blocks[i] = malloc(n + i * 4 - 16);
		if (!blocks[i])
			exit(3);
		memset(blocks[i], 'Z', n + i * 4 - 16);
		i++;
	}
	while (i > 0)
	{
		i--;
		free(blocks[i]);
	}
}

/* Duplicates src, reports the copy; returns the copy (NULL if it was NULL or src
 * itself, since neither may be freed). */
static char	*check(char *src, int show)
{
	char	*dup;

	dup = ft_strdup(src);
	if (dup == NULL)
	{
		printf("(null)\n");
		return (NULL);
	}
	if (show)
		printf("[%s]\n", dup);
	else
		printf("length: %lu\n", (unsigned long)strlen(dup));
	printf("new pointer: %s\n", dup != src ? "yes" : "no");
	printf("same content: %s\n", strcmp(dup, src) == 0 ? "yes" : "no");
	if (dup == src)
		return (NULL);
	return (dup);
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

int	main(int argc, char **argv)
{
	const char	*c;
	char		*s;
	char		*dup;

	if (argc < 2)
		return (2);
	c = argv[1];
	s = NULL;
	dup = NULL;
	if (strcmp(c, "basic") == 0)
	{
		s = copy("Hello 42");
		dup = check(s, 1);
	}
	else if (strcmp(c, "empty") == 0)
	{
		s = copy("");
		dup = check(s, 1);
	}
	else if (strcmp(c, "one") == 0)
	{
		s = copy("x");
		dup = check(s, 1);
	}
	else if (strcmp(c, "special") == 0)
	{
		s = copy(" \ttabs,\nnewlines ~!@#$%^&*() \xc3\xa9t\xc3\xa9 ");
		dup = check(s, 1);
	}
	else if (strcmp(c, "long") == 0)
	{
		int		i;

		s = malloc(10001);
		if (!s)
			return (3);
		i = 0;
		while (i < 10000)
		{
			s[i] = 'a' + i % 26;
			i++;
		}
		s[i] = '\0';
		dup = check(s, 0);
	}
	else if (strcmp(c, "terminated") == 0)
	{
		s = copy("forty characters, no more and no less!!!");
		dirty_heap(strlen(s) + 1);
		dup = check(s, 1);
	}
	else if (strcmp(c, "independent") == 0)
	{
		s = copy("original");
		dup = check(s, 1);
		if (dup)
		{
			dup[0] = 'O';
			s[1] = 'R';
			printf("src: [%s], copy: [%s]\n", s, dup);
		}
	}
	else if (strcmp(c, "two") == 0)
	{
		char	*b;
		char	*d2;

		s = copy("first");
		b = copy("second");
		dup = check(s, 1);
		d2 = check(b, 1);
		printf("copies differ: %s\n", dup != d2 ? "yes" : "no");
		if (dup)
			printf("first copy still: [%s]\n", dup);
		free(d2);
		free(b);
	}
	else
	{
		printf("unknown case %s\n", c);
		return (2);
	}
	free(dup);
	free(s);
	return (0);
}

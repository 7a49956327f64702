#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int	ft_ten_queens_puzzle(void);

/* Usage: program all      -- lets the function write to the standard output, then
 *                            prints "returned N".
 *        program head N   -- prints the first N lines the function wrote.
 *        program return   -- prints only "returned N".
 *        program check    -- counts the lines written, the valid placements among them
 *                            (10 digits, one queen per row, column and diagonal, then
 *                            '\n') and the different valid ones.
 *        program twice    -- calls the function twice and compares.
 * Except for "all", what the function writes to fd 1 goes to a temporary file (no pipe
 * that a long output could fill), read back afterwards. */
#define MAX_OUTPUT (1 << 20)

static char	g_out[MAX_OUTPUT + 1];

static int	capture(size_t *size)
{
	FILE	*file;
	int		saved;
	int		result;
	ssize_t	got;

	fflush(stdout);
	file = tmpfile();
	saved = dup(1);
	if (!file || saved < 0 || dup2(fileno(file), 1) < 0)
		exit(3);
	result = ft_ten_queens_puzzle();
	if (dup2(saved, 1) < 0)
		exit(3);
	close(saved);
	lseek(fileno(file), 0, SEEK_SET);
	*size = 0;
	while (*size < MAX_OUTPUT
		&& (got = read(fileno(file), g_out + *size, MAX_OUTPUT - *size)) > 0)
		*size += got;
	g_out[*size] = '\0';
	fclose(file);
	return (result);
}

static int	valid(const char *line, size_t len)
{
	int	i;
	int	j;

	if (len != 10)
		return (0);
	for (i = 0; i < 10; i++)
	{
		if (line[i] < '0' || line[i] > '9')
			return (0);
		for (j = 0; j < i; j++)
			if (line[i] == line[j] || abs(line[i] - line[j]) == i - j)
				return (0);
	}
	return (1);
}

static int	compare(const void *a, const void *b)
{
	int	x;
	int	y;

	x = *(const int *)a;
	y = *(const int *)b;
	return ((x > y) - (x < y));
}

static void	check(void)
{
	size_t	size;
	size_t	start;
	size_t	end;
	int		lines;
	int		good;
	int		different;
	int		i;
	static int	codes[MAX_OUTPUT / 11 + 1];

	capture(&size);
	lines = 0;
	good = 0;
	start = 0;
	while (start < size)
	{
		end = start;
		while (end < size && g_out[end] != '\n')
			end++;
		lines++;
		/* A line counts only with its '\n'. */
		if (end < size && valid(g_out + start, end - start))
		{
			/* The first nine digits identify a placement (the tenth is the row left). */
			codes[good] = 0;
			for (i = 0; i < 9; i++)
				codes[good] = codes[good] * 10 + (g_out[start + i] - '0');
			good++;
		}
		start = end + 1;
	}
	qsort(codes, good, sizeof(int), compare);
	different = 0;
	for (i = 0; i < good; i++)
		if (i == 0 || codes[i] != codes[i - 1])
			different++;
	printf("lines: %d\nvalid placements: %d\ndifferent placements: %d\n", lines, good, different);
}

int	main(int argc, char **argv)
{
	size_t	size;
	size_t	i;
	int		n;
	int		first;
	char	*copy;

	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "all"))
	{
		n = ft_ten_queens_puzzle();
		printf("returned %d\n", n);
	}
	else if (!strcmp(argv[1], "head") && argc == 3)
	{
		n = atoi(argv[2]);
		capture(&size);
		i = 0;
		while (i < size && n > 0)
		{
			putchar(g_out[i]);
			if (g_out[i++] == '\n')
				n--;
		}
	}
	else if (!strcmp(argv[1], "return"))
		printf("returned %d\n", capture(&size));
	else if (!strcmp(argv[1], "check"))
		check();
	else if (!strcmp(argv[1], "twice"))
	{
		first = capture(&size);
		copy = malloc(size + 1);
		if (!copy)
			return (3);
		memcpy(copy, g_out, size + 1);
		n = capture(&i);
		printf("first call returned %d\nsecond call returned %d\n", first, n);
		printf("same output both times: %s\n",
			(i == size && !memcmp(copy, g_out, size)) ? "yes" : "no");
		free(copy);
	}
	else
		return (2);
	return (0);
}

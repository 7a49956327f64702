#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	ft_ultimate_range(int **range, int min, int max);

/* Under AddressSanitizer (with allocator_may_return_null=1, which the grader sets),
 * an allocation larger than this returns NULL: the way to make malloc fail. */
const char	*__asan_default_options(void)
{
	return ("max_allocation_size_mb=64");
}

/* What *range holds before the call: the function must overwrite it. */
static int	g_sentinel[1];

/* A pointer-sized heap block for the student to write through. */
static int	**new_range(void)
{
	int	**range;

	range = malloc(sizeof(int *));
	if (!range)
		exit(3);
	*range = g_sentinel;
	return (range);
}

/* Prints the returned size and the max - min values of the array, or what *range
 * is instead of an array. */
static void	show(int min, int max)
{
	int		**range;
	int		size;
	long	len;
	long	i;

	range = new_range();
	size = ft_ultimate_range(range, min, max);
	printf("ft_ultimate_range(&range, %d, %d) = %d, range = ", min, max, size);
	if (*range == g_sentinel)
		printf("(not set)\n");
	else if (*range == NULL)
		printf("NULL\n");
	else
	{
		len = (long)max - (long)min;
		i = 0;
		printf("{");
		while (i < len)
		{
			printf(i ? ", %d" : "%d", (*range)[i]);
			i++;
		}
		printf("}\n");
		free(*range);
	}
	free(range);
}

/* A range the allocation cannot hold: only the returned value is printed. */
static void	too_big(int min, int max)
{
	int	**range;
	int	size;

	range = new_range();
	size = ft_ultimate_range(range, min, max);
	printf("ft_ultimate_range(&range, %d, %d) = %d\n", min, max, size);
	if (*range != g_sentinel)
		free(*range);
	free(range);
}

/* Checks every value of a large range and prints their sum. */
static void	big(int min, int max)
{
	int			**range;
	int			size;
	long		i;
	long long	sum;
	long		bad;

	range = new_range();
	size = ft_ultimate_range(range, min, max);
	if (*range == g_sentinel || *range == NULL)
	{
		printf("size %d, range %s\n", size, *range ? "(not set)" : "NULL");
		free(range);
		return ;
	}
	sum = 0;
	bad = 0;
	i = 0;
	while (i < (long)max - min)
	{
		sum += (*range)[i];
		bad += ((*range)[i] != min + i);
		i++;
	}
	printf("size %d, sum %lld, first %d, last %d, %ld wrong\n",
		size, sum, (*range)[0], (*range)[i - 1], bad);
	free(*range);
	free(range);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "zero-five"))
		show(0, 5);
	else if (!strcmp(argv[1], "negative"))
		show(-3, 3);
	else if (!strcmp(argv[1], "equal"))
		show(5, 5);
	else if (!strcmp(argv[1], "reversed"))
		show(7, 2);
	else if (!strcmp(argv[1], "one"))
		show(41, 42);
	else if (!strcmp(argv[1], "all-negative"))
		show(-10, -4);
	else if (!strcmp(argv[1], "int-min"))
		show(-2147483648, -2147483645);
	else if (!strcmp(argv[1], "int-max"))
		show(2147483643, 2147483647);
	else if (!strcmp(argv[1], "more-empty"))
	{
		show(0, 0);
		show(-1, -2);
		show(2147483647, -2147483648);
	}
	else if (!strcmp(argv[1], "big"))
		big(0, 100000);
	else if (!strcmp(argv[1], "big-negative"))
		big(-50000, 50001);
	else if (!strcmp(argv[1], "malloc-fails"))
		too_big(0, 20000000);
	else if (!strcmp(argv[1], "widest"))
		too_big(-2147483648, 2147483647);
	else
		return (2);
	return (0);
}

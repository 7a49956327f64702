#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>

void	ft_ultimate_ft(int *********nbr);

/* Usage: program MODE -- builds the chain of eight pointers down to an int in nine
 * exact-size heap blocks (block[0] holds the int, block[k] the address of
 * block[k - 1]), calls ft_ultimate_ft(block[8]) and prints the int. A pointer of
 * the chain that the call changed is reported instead of followed. */
static void	*block[9];

static void	build(int start)
{
	int	k;

	block[0] = malloc(sizeof(int));
	if (!block[0])
		exit(3);
	*(int *)block[0] = start;
	k = 1;
	while (k < 9)
	{
		block[k] = malloc(sizeof(void *));
		if (!block[k])
			exit(3);
		*(void **)block[k] = block[k - 1];
		k++;
	}
}

static void	call_and_print(void)
{
	int	k;

	ft_ultimate_ft((int *********)block[8]);
	k = 8;
	while (k > 0)
	{
		if (*(void **)block[k] != block[k - 1])
		{
			printf("the pointer in block %d was changed\n", k);
			return ;
		}
		k--;
	}
	printf("%d\n", *(int *)block[0]);
}

static void	release(void)
{
	int	k;

	k = 0;
	while (k < 9)
		free(block[k++]);
}

int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!strcmp(argv[1], "zero"))
		build(0);
	else if (!strcmp(argv[1], "negative"))
		build(-1);
	else if (!strcmp(argv[1], "already"))
		build(42);
	else if (!strcmp(argv[1], "int-min"))
		build(INT_MIN);
	else if (!strcmp(argv[1], "int-max"))
		build(INT_MAX);
	else if (!strcmp(argv[1], "twice"))
	{
		build(-42);
		call_and_print();
	}
	else
		return (2);
	call_and_print();
	release();
	return (0);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

int	ft_fibonacci(int index);

/* Usage: program INDEX... -- prints ft_fibonacci(INDEX) for each INDEX, one a line.
 *        program recursion -- tells whether the function is recursive: it runs
 *        ft_fibonacci(1) and ft_fibonacci(20) each on a fresh stack of its own, painted
 *        with a pattern, and measures how deep each call went. At -O0 (the grader's
 *        pinned flags) every recursive call takes a stack frame of at least 16 bytes, so
 *        18 more levels go at least 288 bytes deeper (144 are asked for); a loop uses
 *        the same frame whatever the index. */
#define STACK_SIZE (1 << 20)
#define PATTERN 0xA5

static ucontext_t	g_caller;
static ucontext_t	g_callee;
static int			g_index;
static int			g_result;

static void	call_on_own_stack(void)
{
	g_result = ft_fibonacci(g_index);
}

static long	stack_used(int index)
{
	long			page;
	unsigned char	*mem;
	unsigned char	*stack;
	long			untouched;

	page = sysconf(_SC_PAGESIZE);
	mem = mmap(NULL, STACK_SIZE + page, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		exit(3);
	/* A guard page under the stack: running off it crashes instead of writing on. */
	if (mprotect(mem, page, PROT_NONE) != 0)
		exit(3);
	stack = mem + page;
	memset(stack, PATTERN, STACK_SIZE);
	if (getcontext(&g_callee) != 0)
		exit(3);
	g_callee.uc_stack.ss_sp = stack;
	g_callee.uc_stack.ss_size = STACK_SIZE;
	g_callee.uc_link = &g_caller;
	makecontext(&g_callee, call_on_own_stack, 0);
	g_index = index;
	if (swapcontext(&g_caller, &g_callee) != 0)
		exit(3);
	untouched = 0;
	while (untouched < STACK_SIZE && stack[untouched] == PATTERN)
		untouched++;
	munmap(mem, STACK_SIZE + page);
	return (STACK_SIZE - untouched);
}

static int	recursion(void)
{
	long	shallow;
	long	deep;

	shallow = stack_used(1);
	if (g_result != 1)
		return (printf("wrong result for 1: %d\n", g_result), 0);
	deep = stack_used(20);
	if (g_result != 6765)
		return (printf("wrong result for 20: %d\n", g_result), 0);
	if (deep - shallow >= 144)
		printf("recursive\n");
	else
		printf("not recursive: the stack is as deep for 20 as for 1\n");
	return (0);
}

int	main(int argc, char **argv)
{
	int	i;

	if (argc < 2)
		return (2);
	if (strcmp(argv[1], "recursion") == 0)
		return (recursion());
	i = 1;
	while (i < argc)
	{
		printf("%d\n", ft_fibonacci((int)strtol(argv[i], NULL, 10)));
		i++;
	}
	return (0);
}

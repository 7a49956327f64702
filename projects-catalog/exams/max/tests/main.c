#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	max(int *tab, unsigned int len);

/* An exact-size heap array (malloc(0) for no element), so the memory checker sees a
 * read past its end. */
static int	*new_tab(unsigned int len)
{
	int	*tab;

	tab = malloc(sizeof(int) * len);
	if (!tab && len > 0)
		exit(3);
	return (tab);
}

/* Usage: main list N... (the array is the numbers given, maybe none)
 *        main big POS  (100000 numbers, the largest one at index POS) */
int	main(int argc, char **argv)
{
	unsigned int	len;
	unsigned int	i;
	int				*tab;

	if (argc < 2)
		return (2);
	if (strcmp(argv[1], "list") == 0)
	{
		len = argc - 2;
		tab = new_tab(len);
		i = 0;
		while (i < len)
		{
			tab[i] = (int)strtol(argv[i + 2], NULL, 10);
			i++;
		}
	}
	else if (strcmp(argv[1], "big") == 0 && argc == 3)
	{
		len = 100000;
		tab = new_tab(len);
		i = 0;
		while (i < len)
		{
			tab[i] = (int)((i * 7919u) % 100000u) - 50000;
			i++;
		}
		tab[strtoul(argv[2], NULL, 10)] = 123456;
	}
	else
		return (2);
	printf("%d\n", max(tab, len));
	free(tab);
	return (0);
}

#include <unistd.h>

int	main(int argc, char **argv)
{
	int	seen[256];
	int	i;
	int	j;

	if (argc == 3)
	{
		i = 0;
		while (i < 256)
			seen[i++] = 0;
		j = 1;
		while (j < 3)
		{
			i = 0;
			while (argv[j][i] != '\0')
			{
				if (!seen[(unsigned char)argv[j][i]])
				{
					write(1, &argv[j][i], 1);
					seen[(unsigned char)argv[j][i]] = 1;
				}
				i++;
			}
			j++;
		}
	}
	write(1, "\n", 1);
	return (0);
}

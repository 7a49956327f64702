#include <fcntl.h>
#include <unistd.h>

/*
** Hidden harness of rush-02. The student's files are compiled with
** -Dmain=rush_02_main: their main() becomes this function.
*/
int	rush_02_main(int argc, char **argv);

/* Copies the test's standard input into the file path of the current folder. */
static int	copy_stdin(char *path)
{
	char	buf[4096];
	int		fd;
	int		n;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return (0);
	n = read(0, buf, sizeof(buf));
	while (n > 0)
	{
		if (write(fd, buf, n) != n)
			n = -1;
		else
			n = read(0, buf, sizeof(buf));
	}
	close(fd);
	return (n == 0);
}

/*
** argv[1]: the file of the test's folder (an empty folder, the program's current
** folder) that receives the test's standard input before the program starts, or
** "-" for none. The program then runs with the other arguments, as
** ./rush-02 [dictionary] number.
*/
int	main(int argc, char **argv)
{
	if (argc < 2)
		return (2);
	if (!(argv[1][0] == '-' && argv[1][1] == '\0') && !copy_stdin(argv[1]))
		return (3);
	argv[1] = "./rush-02";
	return (rush_02_main(argc - 1, argv + 1));
}

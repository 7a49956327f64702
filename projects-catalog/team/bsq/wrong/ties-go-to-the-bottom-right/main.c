#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "bsq.h"

static int	map_error(void)
{
	write(2, "map error\n", 10);
	return (1);
}

static int	solve_fd(int fd)
{
	t_map	m;
	int		status;

	m.buf = read_all(fd, &m.len);
	if (m.buf == NULL)
		return (map_error());
	status = 0;
	if (parse_map(&m) < 0 || solve_map(&m) < 0)
		status = map_error();
	else
		put_all(m.cells, m.rows * (m.cols + 1));
	free(m.buf);
	return (status);
}

static int	solve_file(char *path)
{
	int	fd;
	int	status;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return (map_error());
	status = solve_fd(fd);
	close(fd);
	return (status);
}

int	main(int argc, char **argv)
{
	int	i;
	int	status;

	if (argc < 2)
		return (solve_fd(0));
	status = 0;
	i = 1;
	while (i < argc)
	{
		if (i > 1)
			write(1, "\n", 1);
		if (solve_file(argv[i]) != 0)
			status = 1;
		i++;
	}
	return (status);
}

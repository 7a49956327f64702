#include "bsq.h"

static int	check_chars(t_map *m)
{
	if (m->rows <= 0)
		return (-1);
	if (m->empty < 32 || m->empty > 126)
		return (-1);
	if (m->obstacle < 32 || m->obstacle > 126)
		return (-1);
	if (m->full < 32 || m->full > 126)
		return (-1);
	if (m->empty == m->obstacle || m->empty == m->full)
		return (-1);
	if (m->obstacle == m->full)
		return (-1);
	return (0);
}

static int	parse_header(t_map *m, long *pos)
{
	long	h;
	long	i;

	h = 0;
	while (h < m->len && m->buf[h] != '\n')
		h++;
	if (h == m->len || h < 4)
		return (-1);
	m->empty = m->buf[h - 3];
	m->obstacle = m->buf[h - 2];
	m->full = m->buf[h - 1];
	m->rows = 0;
	i = 0;
	while (i < h - 3)
	{
		if (m->buf[i] < '0' || m->buf[i] > '9')
			return (-1);
		m->rows = m->rows * 10 + m->buf[i] - '0';
		if (m->rows > m->len)
			return (-1);
		i++;
	}
	*pos = h + 1;
	return (check_chars(m));
}

static int	check_cells(t_map *m)
{
	long	i;
	long	col;

	i = 0;
	col = 0;
	while (i < m->rows * (m->cols + 1))
	{
		if (col == m->cols && m->cells[i] != '\n')
			return (-1);
		if (col < m->cols && m->cells[i] != m->empty
			&& m->cells[i] != m->obstacle)
			return (-1);
		col++;
		if (col > m->cols)
			col = 0;
		i++;
	}
	return (0);
}

int	parse_map(t_map *m)
{
	long	pos;
	long	size;

	if (parse_header(m, &pos) < 0)
		return (-1);
	m->cells = m->buf + pos;
	size = m->len - pos;
	m->cols = 0;
	while (m->cols < size && m->cells[m->cols] != '\n')
		m->cols++;
	if (m->cols == 0 || m->cols == size)
		return (-1);
	if (size % (m->cols + 1) != 0 || size / (m->cols + 1) != m->rows)
		return (-1);
	return (check_cells(m));
}

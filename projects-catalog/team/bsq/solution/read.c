#include <stdlib.h>
#include <unistd.h>
#include "bsq.h"

static char	*grow(char *buf, long len, long *cap)
{
	char	*bigger;
	long	i;

	bigger = malloc(*cap * 2);
	if (bigger != NULL)
	{
		i = 0;
		while (i < len)
		{
			bigger[i] = buf[i];
			i++;
		}
		*cap = *cap * 2;
	}
	free(buf);
	return (bigger);
}

char	*read_all(int fd, long *len)
{
	char	*buf;
	long	cap;
	long	got;

	cap = 65536;
	buf = malloc(cap);
	*len = 0;
	got = 1;
	while (buf != NULL && got > 0)
	{
		if (*len == cap)
			buf = grow(buf, *len, &cap);
		if (buf == NULL)
			return (NULL);
		got = read(fd, buf + *len, cap - *len);
		if (got > 0)
			*len += got;
	}
	if (got < 0)
	{
		free(buf);
		return (NULL);
	}
	return (buf);
}

void	put_all(char *str, long len)
{
	long	done;

	while (len > 0)
	{
		done = write(1, str, len);
		if (done <= 0)
			return ;
		str += done;
		len -= done;
	}
}

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "rush02.h"

static char	*append(char *text, int len, char *buf, int n)
{
	char	*joined;
	int		i;

	joined = malloc(len + n + 1);
	if (joined)
	{
		i = 0;
		while (i < len)
		{
			joined[i] = text[i];
			i++;
		}
		while (i < len + n)
		{
			joined[i] = buf[i - len];
			i++;
		}
		joined[i] = '\0';
	}
	free(text);
	return (joined);
}

static char	*read_all(int fd)
{
	char	buf[4096];
	char	*text;
	int		len;
	int		n;

	text = append(NULL, 0, buf, 0);
	len = 0;
	n = 1;
	while (text && n > 0)
	{
		n = read(fd, buf, 4096);
		if (n > 0)
			text = append(text, len, buf, n);
		len += n;
	}
	if (n < 0)
	{
		free(text);
		return (NULL);
	}
	return (text);
}

char	*read_file(char *path)
{
	char	*text;
	int		fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return (NULL);
	text = read_all(fd);
	close(fd);
	return (text);
}

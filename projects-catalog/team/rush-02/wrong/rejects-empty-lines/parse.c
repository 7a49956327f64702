#include <stdlib.h>
#include "rush02.h"

static int	count_lines(char *text)
{
	int	count;

	count = 1;
	while (*text)
	{
		if (*text == '\n')
			count++;
		text++;
	}
	return (count);
}

static char	*skip_spaces(char *p, char *end)
{
	while (p < end && *p == ' ')
		p++;
	return (p);
}

/*
** One line that is not empty, from line to end (its '\n' or the end of the
** text): 1 for an entry, 0 for a line that breaks the format. Keys are kept
** without their leading zeros.
*/
static int	parse_line(char *line, char *end, t_entry *entry)
{
	char	*p;
	char	*key_end;
	char	*value_end;

	p = line;
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	key_end = p;
	p = skip_spaces(p, end);
	if (key_end == line || p == end || *p != ':')
		return (0);
	p = skip_spaces(p + 1, end);
	value_end = end;
	while (value_end > p && value_end[-1] == ' ')
		value_end--;
	if (value_end == p)
		return (0);
	*key_end = '\0';
	*value_end = '\0';
	while (line[0] == '0' && line[1] != '\0')
		line++;
	entry->key = line;
	entry->value = p;
	return (1);
}

static char	*line_end(char *line)
{
	while (*line && *line != '\n')
		line++;
	return (line);
}

int	parse_dict(t_dict *dict)
{
	char	*line;
	char	*end;
	char	*next;

	dict->entries = malloc(sizeof(t_entry) * count_lines(dict->text));
	if (!dict->entries)
		return (0);
	line = dict->text;
	while (*line)
	{
		end = line_end(line);
		next = end;
		if (*next == '\n')
			next++;
		if (!parse_line(line, end, dict->entries + dict->size))
			return (0);
		dict->size++;
		line = next;
	}
	return (1);
}

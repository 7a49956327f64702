#ifndef RUSH02_H
# define RUSH02_H

typedef struct s_entry
{
	char	*key;
	char	*value;
}	t_entry;

typedef struct s_dict
{
	char	*text;
	t_entry	*entries;
	int		size;
}	t_dict;

typedef struct s_say
{
	t_dict	*dict;
	int		print;
	int		missing;
	int		words;
}	t_say;

char	*read_file(char *path);
int		parse_dict(t_dict *dict);
void	say_number(t_say *say, char *nb, int len);
void	say_key(t_say *say, char *digits, int zeros);
int		ft_strlen(char *str);

#endif

#include <stdlib.h>

static int	is_sep(char c, char *charset)
{
	int	i;

	i = 0;
	while (charset[i] != '\0')
	{
		if (charset[i] == c)
			return (1);
		i++;
	}
	return (0);
}

static int	count_fields(char *str, char *charset)
{
	int	count;
	int	i;

	count = 1;
	i = -1;
	while (str[++i] != '\0')
		if (is_sep(str[i], charset))
			count++;
	return (count);
}

static char	*dup_word(char *str, int len)
{
	char	*word;
	int		i;

	word = malloc(sizeof(char) * (len + 1));
	if (word == NULL)
		return (NULL);
	i = 0;
	while (i < len)
	{
		word[i] = str[i];
		i++;
	}
	word[i] = '\0';
	return (word);
}

char	**ft_split(char *str, char *charset)
{
	char	**tab;
	int		count;
	int		w;
	int		i;
	int		start;

	count = count_fields(str, charset);
	tab = malloc(sizeof(char *) * (count + 1));
	if (tab == NULL)
		return (NULL);
	w = 0;
	start = 0;
	i = 0;
	while (w < count)
	{
		if (str[i] == '\0' || is_sep(str[i], charset))
		{
			tab[w++] = dup_word(&str[start], i - start);
			start = i + 1;
		}
		i++;
	}
	tab[w] = NULL;
	return (tab);
}

#include <stdlib.h>

static int	is_sep(char c, char *charset)
{
	return (c == charset[0]);
}

static int	count_words(char *str, char *charset)
{
	int	count;
	int	i;

	count = 0;
	i = 0;
	while (str[i] != '\0')
	{
		while (str[i] != '\0' && is_sep(str[i], charset))
			i++;
		if (str[i] != '\0')
			count++;
		while (str[i] != '\0' && !is_sep(str[i], charset))
			i++;
	}
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

static int	word_len(char *str, char *charset)
{
	int	len;

	len = 0;
	while (str[len] != '\0' && !is_sep(str[len], charset))
		len++;
	return (len);
}

char	**ft_split(char *str, char *charset)
{
	char	**tab;
	int		w;
	int		i;
	int		len;

	tab = malloc(sizeof(char *) * (count_words(str, charset) + 1));
	if (tab == NULL)
		return (NULL);
	w = 0;
	i = 0;
	while (str[i] != '\0')
	{
		while (str[i] != '\0' && is_sep(str[i], charset))
			i++;
		len = word_len(&str[i], charset);
		if (len > 0)
		{
			tab[w] = dup_word(&str[i], len);
			w++;
		}
		i += len;
	}
	tab[w] = NULL;
	return (tab);
}

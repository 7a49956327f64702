static int	is_space(char c)
{
	return (c == ' ' || (c >= '\t' && c <= '\r'));
}

static int	base_length(char *base)
{
	int	i;
	int	j;

	i = 0;
	while (base[i])
	{
		if (base[i] == '+' || base[i] == '-' || is_space(base[i]))
			return (0);
		j = i + 1;
		while (base[j])
		{
			if (base[i] == base[j])
				return (0);
			j++;
		}
		i++;
	}
	if (i < 2)
		return (0);
	return (i);
}

static int	digit_value(char c, char *base)
{
	int	i;

	i = 0;
	while (base[i])
	{
		if (base[i] == c)
			return (i);
		i++;
	}
	return (-1);
}

static int	skip_prefix(char **str)
{
	int	sign;

	while (is_space(**str))
		(*str)++;
	sign = 1;
	while (**str == '+' || **str == '-')
	{
		if (**str == '-')
			sign = -sign;
		(*str)++;
	}
	return (sign);
}

int	ft_atoi_base(char *str, char *base)
{
	int	len;
	int	sign;
	int	result;
	int	digit;

	len = base_length(base);
	if (len == 0)
		return (0);
	sign = skip_prefix(&str);
	result = 0;
	digit = digit_value(*str, base);
	while (digit >= 0)
	{
		result = result * len + digit;
		str++;
		digit = digit_value(*str, base);
	}
	return (result * sign);
}

unsigned char	reverse_bits(unsigned char octet)
{
	return (~octet);
}

/*
 * base64.c - a bounded base64 decoder.
 *
 * Input is untrusted (a client's SASL data, cut by the log).  Decoding
 * never writes past the output capacity, accepts a missing tail, and
 * stops at the first character outside the alphabet, saying so.
 */
#include "base64.h"

#include <stdint.h>

/* b64val - value of a base64 character, -1 otherwise */
static int b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* base64_char - c belongs to the alphabet or is the '=' pad */
bool base64_char(unsigned char c)
{
	return c == '=' || b64val(c) >= 0;
}

/* base64_decode - decode in into out (at most cap bytes); returns length.
 * *truncated: the input was cut short, damaged, or did not fit. */
size_t base64_decode(struct span in, unsigned char *out, size_t cap, bool *truncated)
{
	uint32_t acc = 0;
	int bits = 0;
	size_t n = 0;
	size_t i = 0;
	*truncated = false;
	for (; i < in.n; i++) {
		unsigned char c = (unsigned char)in.p[i];
		if (c == '=')
			break;
		int v = b64val(c);
		if (v < 0) {
			*truncated = true;
			break;
		}
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n < cap)
				out[n++] = (unsigned char)(acc >> bits);
			else
				*truncated = true;
		}
	}
	/* a length that is not a multiple of 4 without '=' padding: cut short */
	if (i == in.n && in.n % 4 != 0)
		*truncated = true;
	return n;
}

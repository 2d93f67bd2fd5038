/*
 * urlish.c - a word's occurrence in a URL or host name (urlish.h).
 * A URL: its token holds "://" or starts with "www.".  A host name: the
 * token (prose punctuation '.', ':', '!', '?' off its end) is letters,
 * digits, '-' and '.', its last '.' after the occurrence and followed by
 * two to six letters.
 */
#include "urlish.h"

#include <string.h>

static unsigned char low(unsigned char c)
{
	return (unsigned char)((unsigned)c - 'A' < 26u ? c + ('a' - 'A') : c);
}

static bool token_byte(unsigned char c)
{
	return c > ' ' && c != 0x7f && !strchr("<>()[]\"',;", c);
}

static bool letter(unsigned char c)
{
	c = low(c);
	return c >= 'a' && c <= 'z';
}

static bool host_byte(unsigned char c)
{
	return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool urlish_at(const char *start, const char *end, const char *at, size_t n)
{
	const char *b = at, *e = at + n;
	while (b > start && token_byte((unsigned char)b[-1]))
		b--;
	while (e < end && token_byte((unsigned char)e[0]))
		e++;
	size_t tn = (size_t)(e - b);
	if (memmem(b, tn, "://", 3))
		return true;
	if (tn >= 4 && low((unsigned char)b[0]) == 'w' && low((unsigned char)b[1]) == 'w' &&
	    low((unsigned char)b[2]) == 'w' && b[3] == '.')
		return true;
	while (e > at + n && strchr(".:!?", e[-1]))
		e--;
	const char *dot = NULL;
	for (const char *p = b; p < e; p++) {
		if (!host_byte((unsigned char)*p))
			return false;
		if (*p == '.')
			dot = p;
	}
	if (!dot || dot < at + n - 1 || e - dot < 3 || e - dot > 7)
		return false; /* a top-level label of 2 to 6 letters */
	for (const char *p = dot + 1; p < e; p++)
		if (!letter((unsigned char)*p))
			return false;
	return true;
}

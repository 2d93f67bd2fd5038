/*
 * span.c - searching and number conversion over spans.
 *
 * Bounds: every function reads only s.p[0..s.n).  Numbers saturate
 * instead of overflowing, since digits in a log line are untrusted.
 */
#include "span.h"

/* span_index - offset of needle in hay, or -1 */
ptrdiff_t span_index(struct span hay, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return 0;
	if (n > hay.n)
		return -1;
	const char *p = hay.p, *end = hay.p + hay.n - n + 1;
	while (p < end) {
		const char *q = memchr(p, needle[0], (size_t)(end - p));
		if (!q)
			return -1;
		if (memcmp(q, needle, n) == 0)
			return q - hay.p;
		p = q + 1;
	}
	return -1;
}

/* span_find - the rest of hay starting at needle, or SPAN_NULL */
struct span span_find(struct span hay, const char *needle)
{
	ptrdiff_t i = span_index(hay, needle);
	if (i < 0)
		return SPAN_NULL;
	return span_skip(hay, (size_t)i);
}

/* span_until - cut *cur at delim: out = before, *cur = after delim */
bool span_until(struct span *cur, const char *delim, struct span *out)
{
	ptrdiff_t i = span_index(*cur, delim);
	if (i < 0)
		return false;
	*out = span_head(*cur, (size_t)i);
	*cur = span_skip(*cur, (size_t)i + strlen(delim));
	return true;
}

/* span_until_chr - cut *cur at the byte c */
bool span_until_chr(struct span *cur, char c, struct span *out)
{
	ptrdiff_t i = span_chr(*cur, c);
	if (i < 0)
		return false;
	*out = span_head(*cur, (size_t)i);
	*cur = span_skip(*cur, (size_t)i + 1);
	return true;
}

/* span_digits - non-empty and all ASCII digits */
bool span_digits(struct span s)
{
	if (s.n == 0)
		return false;
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
	return true;
}

/* span_u64 - decimal digits to a number, saturating at UINT64_MAX */
bool span_u64(struct span s, uint64_t *out)
{
	if (s.n && s.n <= 19) {
		/* up to 19 digits cannot overflow: one pass, no division */
		uint64_t v = 0;
		for (size_t i = 0; i < s.n; i++) {
			unsigned d = (unsigned)(unsigned char)s.p[i] - '0';
			if (d > 9)
				return false;
			v = v * 10 + d;
		}
		*out = v;
		return true;
	}
	if (!span_digits(s))
		return false;
	uint64_t v = 0;
	for (size_t i = 0; i < s.n; i++) {
		unsigned d = (unsigned)(s.p[i] - '0');
		if (v > (UINT64_MAX - d) / 10) {
			v = UINT64_MAX;
			break;
		}
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* span_i64 - optional '-' then digits, saturating */
bool span_i64(struct span s, int64_t *out)
{
	bool neg = span_eat(&s, "-");
	uint64_t v;
	if (!span_u64(s, &v))
		return false;
	if (v > (uint64_t)INT64_MAX)
		v = (uint64_t)INT64_MAX;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return true;
}

/* span_hash_seed - 64-bit FNV-1a mixed with a seed and a final avalanche */
uint64_t span_hash_seed(struct span s, uint64_t seed)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ seed;
	for (size_t i = 0; i < s.n; i++) {
		h ^= (unsigned char)s.p[i];
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

/* span_hash - span_hash_seed with seed 0 */
uint64_t span_hash(struct span s)
{
	return span_hash_seed(s, 0);
}

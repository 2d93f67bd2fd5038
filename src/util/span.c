/*
 * span.c - searching and number conversion over spans.
 *
 * Bounds: every function reads only s.p[0..s.n).  Numbers saturate
 * instead of overflowing, since digits in a log line are untrusted.
 */
#include "span.h"

/* span_index_n - offset of needle[0..n) in hay, or -1 */
ptrdiff_t span_index_n(struct span hay, const char *needle, size_t n)
{
	if (n == 0)
		return 0;
	if (n > hay.n)
		return -1;
	const char *p = hay.p, *end = hay.p + hay.n - n + 1;
	const char first = needle[0], last = needle[n - 1];
	while (p < end) {
		const char *q = memchr(p, first, (size_t)(end - p));
		if (!q)
			return -1;
		/* the last byte first: most candidates fail there, without a call */
		if (q[n - 1] == last && memcmp(q, needle, n) == 0)
			return q - hay.p;
		p = q + 1;
	}
	return -1;
}

/* span_find_n - the rest of hay starting at needle[0..n), or SPAN_NULL */
struct span span_find_n(struct span hay, const char *needle, size_t n)
{
	ptrdiff_t i = span_index_n(hay, needle, n);
	if (i < 0)
		return SPAN_NULL;
	return span_skip(hay, (size_t)i);
}

/* span_until_n - cut *cur at delim[0..n): out = before, *cur = after it */
bool span_until_n(struct span *cur, const char *delim, size_t n, struct span *out)
{
	ptrdiff_t i = span_index_n(*cur, delim, n);
	if (i < 0)
		return false;
	*out = span_head(*cur, (size_t)i);
	*cur = span_skip(*cur, (size_t)i + n);
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

/* str_word_ok - s is 1 to max ASCII letters, digits or characters of
 * punct: a name safe to put in a command line or a configuration file */
bool str_word_ok(const char *s, size_t max, const char *punct)
{
	size_t n = strlen(s);
	if (!n || n > max)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      strchr(punct, *s)))
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

/* span_hash_seed - eight bytes per step (multiply and fold), the length
 * mixed in, and a final avalanche (MurmurHash3's fmix64) so that the low
 * bits the tables index with depend on every byte.  Not keyed: the
 * tables are capped, so a crafted collision flood costs probes, not
 * memory. */
uint64_t span_hash_seed(struct span s, uint64_t seed)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h = (0xcbf29ce484222325ULL ^ seed) + s.n * k;
	const char *p = s.p;
	size_t n = s.n;
	uint64_t w = 0;
	if (n > 8) {
		while (n > 8) {
			memcpy(&w, p, 8);
			h = (h ^ w) * k;
			h ^= h >> 32;
			p += 8;
			n -= 8;
		}
		memcpy(&w, s.p + s.n - 8, 8); /* the last 8, overlapping */
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		w = (uint64_t)a << 32 | b;
	} else if (n) {
		w = (uint64_t)(unsigned char)p[0] << 16 | (uint64_t)(unsigned char)p[n / 2] << 8 |
		    (unsigned char)p[n - 1];
	}
	h = (h ^ w) * k;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* span_hash - span_hash_seed with seed 0 */
uint64_t span_hash(struct span s)
{
	return span_hash_seed(s, 0);
}

/* utf8_cut - where to cut p[0..n) to at most k bytes (k < n): k, or the
 * start of the character that position k would split.  Only a complete
 * lead byte whose sequence crosses k moves the cut; invalid bytes are
 * cut where they are (they were invalid before the cut too). */
size_t utf8_cut(const char *p, size_t n, size_t k)
{
	const unsigned char *u = (const unsigned char *)p;
	if (k >= n || (u[k] & 0xc0) != 0x80)
		return k < n ? k : n;
	for (size_t i = k; i > 0 && k - i < 3;) {
		unsigned char c = u[--i];
		if ((c & 0xc0) == 0x80)
			continue;
		size_t len = c >= 0xf5 ? 0 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
		return len && i + len > k ? i : k;
	}
	return k;
}

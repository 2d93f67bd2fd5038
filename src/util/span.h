/*
 * span.h - borrowed byte ranges and cursor parsing over them.
 *
 * A span points into a buffer it does not own (usually the current log
 * line).  Every parser in src/parse works on spans and allocates nothing;
 * whatever must outlive the line is copied by the model (see DESIGN.md).
 * All helpers are bounds-checked: they never read past p + n, whatever
 * the bytes are (NUL, invalid UTF-8, control characters).
 */
#ifndef POSTSLEUTH_SPAN_H
#define POSTSLEUTH_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct span {
	const char *p;
	size_t n;
};

/* always inlined: a literal argument's strlen/memcmp then fold to constants */
#define SPAN_INLINE static inline __attribute__((always_inline))

#define SPAN_NULL ((struct span){NULL, 0})
#define SPAN_LIT(s) ((struct span){(s), sizeof(s) - 1})

/* span_of - a span over a NUL-terminated string */
SPAN_INLINE struct span span_of(const char *s)
{
	return (struct span){s, s ? strlen(s) : 0};
}

/* span_make - a span over p[0..n) */
SPAN_INLINE struct span span_make(const char *p, size_t n)
{
	return (struct span){p, n};
}

/* span_set - true when the span was filled in (possibly empty) */
SPAN_INLINE bool span_set(struct span s)
{
	return s.p != NULL;
}

/* bytes_eq - a[0..n) == b[0..n).  Short keys (queue IDs, host names,
 * the hash-table lookups of every line) are compared with overlapping
 * word loads in place of a memcmp call; reads stay inside both ranges. */
SPAN_INLINE bool bytes_eq(const char *a, const char *b, size_t n)
{
	uint64_t x, y, z, w;
	uint32_t c, d, e, f;
	if (n >= 8 && n <= 16) {
		memcpy(&x, a, 8), memcpy(&y, b, 8);
		memcpy(&z, a + n - 8, 8), memcpy(&w, b + n - 8, 8);
		return ((x ^ y) | (z ^ w)) == 0;
	}
	if (n >= 4 && n < 8) {
		memcpy(&c, a, 4), memcpy(&d, b, 4);
		memcpy(&e, a + n - 4, 4), memcpy(&f, b + n - 4, 4);
		return ((c ^ d) | (e ^ f)) == 0;
	}
	if (n < 4) {
		for (size_t i = 0; i < n; i++)
			if (a[i] != b[i])
				return false;
		return true;
	}
	return memcmp(a, b, n) == 0;
}

/* span_eq - byte equality of two spans */
SPAN_INLINE bool span_eq(struct span a, struct span b)
{
	return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

/* span_ieq - equality of two spans with ASCII letters folded (domains,
 * local parts); every byte compared, NULs included */
SPAN_INLINE bool span_ieq(struct span a, struct span b)
{
	if (a.n != b.n)
		return false;
	for (size_t i = 0; i < a.n; i++) {
		unsigned char x = (unsigned char)a.p[i], y = (unsigned char)b.p[i];
		if (x != y && ((x | 0x20) != (y | 0x20) || (x | 0x20) < 'a' || (x | 0x20) > 'z'))
			return false;
	}
	return true;
}
/* span_prec - a "%.*s" precision printing at most `most` bytes of s
 * (a key cut to its first bytes, never to a remainder) */
SPAN_INLINE int span_prec(struct span s, size_t most)
{
	return (int)(s.n < most ? s.n : most);
}

/* span_eqs - equality with a C string */
SPAN_INLINE bool span_eqs(struct span a, const char *s)
{
	size_t n = strlen(s);
	return a.n == n && (n == 0 || memcmp(a.p, s, n) == 0);
}

/* span_starts - does s begin with the C string pfx */
SPAN_INLINE bool span_starts(struct span s, const char *pfx)
{
	size_t n = strlen(pfx);
	return s.n >= n && memcmp(s.p, pfx, n) == 0;
}

/* span_ends - does s end with the C string sfx */
SPAN_INLINE bool span_ends(struct span s, const char *sfx)
{
	size_t n = strlen(sfx);
	return s.n >= n && memcmp(s.p + s.n - n, sfx, n) == 0;
}

/* span_skip - drop the first k bytes (clamped) */
SPAN_INLINE struct span span_skip(struct span s, size_t k)
{
	if (k > s.n)
		k = s.n;
	return (struct span){s.p + k, s.n - k};
}

/* span_eat - if s starts with pfx, consume it and return true */
SPAN_INLINE bool span_eat(struct span *s, const char *pfx)
{
	if (!span_starts(*s, pfx))
		return false;
	*s = span_skip(*s, strlen(pfx));
	return true;
}

/* span_chr - index of the first c in s, or -1 */
SPAN_INLINE ptrdiff_t span_chr(struct span s, char c)
{
	const char *q = s.n ? memchr(s.p, c, s.n) : NULL;
	return q ? q - s.p : -1;
}

/* load_le64 - eight bytes at p as a little-endian word: byte i is bits
 * 8i..8i+7 on any host, as the byte tests below need */
SPAN_INLINE uint64_t load_le64(const char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/* span_scan - the first c in [p, end), or end.  Eight bytes at a time
 * (no call, unlike memchr: the tokens scanned on every line are short);
 * never reads at or past end. */
SPAN_INLINE const char *span_scan(const char *p, const char *end, char c)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	const uint64_t pat = ones * (unsigned char)c;
	while (end - p >= 8) {
		uint64_t w = load_le64(p) ^ pat;
		uint64_t z = (w - ones) & ~w & highs;
		if (z)
			return p + (__builtin_ctzll(z) >> 3);
		p += 8;
	}
	while (p < end && *p != c)
		p++;
	return p;
}

/* span_scan2 - the first c1 or c2 in [p, end), or end (as span_scan:
 * the lowest flagged byte of either test is a true match) */
SPAN_INLINE const char *span_scan2(const char *p, const char *end, char c1, char c2)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	const uint64_t pat1 = ones * (unsigned char)c1, pat2 = ones * (unsigned char)c2;
	while (end - p >= 8) {
		uint64_t w = load_le64(p), a = w ^ pat1, b = w ^ pat2;
		uint64_t z = ((a - ones) & ~a & highs) | ((b - ones) & ~b & highs);
		if (z)
			return p + (__builtin_ctzll(z) >> 3);
		p += 8;
	}
	while (p < end && *p != c1 && *p != c2)
		p++;
	return p;
}

/* span_rchr - index of the last c in s, or -1 (libc's memrchr: a byte
 * loop cost 4-5 instructions a byte, pc_namaddr's '[' before every
 * client's address) */
SPAN_INLINE ptrdiff_t span_rchr(struct span s, char c)
{
	const char *q = s.n ? memrchr(s.p, c, s.n) : NULL;
	return q ? q - s.p : -1;
}

/* span_head - the first k bytes (clamped) */
SPAN_INLINE struct span span_head(struct span s, size_t k)
{
	return (struct span){s.p, k < s.n ? k : s.n};
}

size_t utf8_cut(const char *p, size_t n, size_t k);

/* span_cut - the first k bytes at most, shortened so as not to end
 * inside a UTF-8 character: cutting valid text to a byte budget keeps it
 * valid (every cap on log text goes through here, see utf8_cut) */
SPAN_INLINE struct span span_cut(struct span s, size_t k)
{
	return (struct span){s.p, k < s.n ? utf8_cut(s.p, s.n, k) : s.n};
}

/* span_trim - strip ASCII blanks at both ends */
SPAN_INLINE struct span span_trim(struct span s)
{
	while (s.n && (s.p[0] == ' ' || s.p[0] == '\t'))
		s.p++, s.n--;
	while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\t' ||
		       s.p[s.n - 1] == '\r'))
		s.n--;
	return s;
}

ptrdiff_t span_index_n(struct span hay, const char *needle, size_t n);
struct span span_find_n(struct span hay, const char *needle, size_t n);
bool span_until_n(struct span *cur, const char *delim, size_t n, struct span *out);

/* span_index - offset of needle in hay, or -1 (inline: a literal
 * needle's length is folded, not measured on every call) */
SPAN_INLINE ptrdiff_t span_index(struct span hay, const char *needle)
{
	return span_index_n(hay, needle, strlen(needle));
}

/* span_find - the rest of hay starting at needle, or SPAN_NULL */
SPAN_INLINE struct span span_find(struct span hay, const char *needle)
{
	return span_find_n(hay, needle, strlen(needle));
}

/* span_until - cut *cur at delim: out = before, *cur = after delim */
SPAN_INLINE bool span_until(struct span *cur, const char *delim, struct span *out)
{
	return span_until_n(cur, delim, strlen(delim), out);
}
/* span_cstr - s into dst[cap] (cap > 0), cut to fit, NUL-terminated */
SPAN_INLINE void span_cstr(char *dst, size_t cap, struct span s)
{
	if (s.n >= cap)
		s.n = cap - 1;
	if (s.n)
		memcpy(dst, s.p, s.n);
	dst[s.n] = 0;
}

bool span_until_chr(struct span *cur, char c, struct span *out);
bool span_u64(struct span s, uint64_t *out);
bool span_i64(struct span s, int64_t *out);
bool span_digits(struct span s);
bool str_word_ok(const char *s, size_t max, const char *punct);
uint64_t span_hash(struct span s);
uint64_t span_hash_seed(struct span s, uint64_t seed);

#endif

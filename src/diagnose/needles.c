/*
 * needles.c - case-blind search of untrusted text: a text lowered once
 * with the set of its byte pairs, the tables' needles lowered once, and
 * the searches that use them (needles.h).  Every search is bounded by
 * the text's length.
 */
#include "needles.h"
#include "../util/urlish.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ci_find - offset of needle in hay, ASCII case-blind, or -1 */
ptrdiff_t ci_find(struct span hay, const char *needle)
{
	size_t n = strlen(needle);
	if (!n || n > hay.n)
		return n ? -1 : 0;
	unsigned char f = lower((unsigned char)needle[0]);
	for (size_t i = 0; i + n <= hay.n; i++) {
		if (lower((unsigned char)hay.p[i]) != f)
			continue;
		size_t k = 1;
		while (k < n && lower((unsigned char)hay.p[i + k]) == lower((unsigned char)needle[k]))
			k++;
		if (k == n)
			return (ptrdiff_t)i;
	}
	return -1;
}

/* fold - t lowered into f (f->heap when it does not fit the stack) */
void fold(struct folded *f, struct span t)
{
	f->t = t;
	f->heap = NULL;
	memset(f->pairs, 0, sizeof f->pairs);
	char *d = f->stack;
	if (t.n > FOLD_STACK)
		d = f->heap = xmalloc(t.n);
	if (t.n) {
		/* the first byte apart: no test per byte for "has a pair" */
		unsigned char prev = lower((unsigned char)t.p[0]);
		d[0] = (char)prev;
		for (size_t i = 1; i < t.n; i++) {
			unsigned char c = lower((unsigned char)t.p[i]);
			d[i] = (char)c;
			unsigned h = pair_hash(prev, c);
			f->pairs[h / 64] |= 1ULL << (h % 64);
			prev = c;
		}
	}
	f->low = span_make(d, t.n);
}

/* fold_free - what fold took from the heap */
void fold_free(struct folded *f)
{
	free(f->heap);
}

/* fold_skip - f now holds its text from byte k on (k may be negative to
 * go back); the byte pairs of the whole text still rule needles out */
void fold_skip(struct folded *f, ptrdiff_t k)
{
	f->t = span_make(f->t.p + k, (size_t)((ptrdiff_t)f->t.n - k));
	f->low = span_make(f->low.p + k, (size_t)((ptrdiff_t)f->low.n - k));
}

/* ci_has_lit - does the folded text hold lit, case-blind (ci_find >= 0) */
bool ci_has_lit(const struct folded *f, const char *lit)
{
	size_t n = strlen(lit);
	if (n >= NEEDLE_MAX)
		return ci_find(f->t, lit) >= 0;
	char l[NEEDLE_MAX];
	for (size_t i = 0; i < n; i++)
		l[i] = (char)lower((unsigned char)lit[i]);
	return !n || (n <= f->low.n && memmem(f->low.p, f->low.n, l, n));
}

/* is_digit - an ASCII digit */
static bool is_digit(char ch)
{
	return (unsigned)ch - '0' < 10u;
}

/* ci_has_edged - ci_has for a needle with a condition on where it
 * stands: a digit at an edge (NEEDLE_DIGIT_*: no digit adjoins that
 * edge) or a word of prose (NEEDLE_NOT_IN_URL: outside URLs and host
 * names); any occurrence that meets it counts */
bool ci_has_edged(const struct folded *f, const struct cneedle *c)
{
	const char *p = f->low.p, *end = f->low.p + f->low.n;
	while ((size_t)(end - p) >= c->n) {
		const char *at = memmem(p, (size_t)(end - p), c->low, c->n);
		if (!at)
			return false;
		bool ok;
		if (c->edge & NEEDLE_NOT_IN_URL)
			ok = !urlish_at(f->low.p, end, at, c->n);
		else
			ok = (!(c->edge & NEEDLE_DIGIT_START) || at == f->low.p || !is_digit(at[-1])) &&
			     (!(c->edge & NEEDLE_DIGIT_END) || at + c->n == end || !is_digit(at[c->n]));
		if (ok)
			return true;
		p = at + 1;
	}
	return false;
}

/* needle_compile - one needle of a table, lowered */
void needle_compile(struct cneedle *c, const char *s)
{
	c->s = s;
	if (!s)
		return;
	bool prose = s[0] == '~';
	if (prose)
		c->s = ++s;
	size_t n = strlen(s);
	c->n = (uint16_t)(n < NEEDLE_MAX ? n : NEEDLE_MAX);
	for (size_t i = 0; i < n && i < NEEDLE_MAX; i++)
		c->low[i] = (char)lower((unsigned char)s[i]);
	c->edge = 0;
	if (n >= 2 && n < NEEDLE_MAX) {
		if (is_digit(s[0]))
			c->edge |= NEEDLE_DIGIT_START;
		if (is_digit(s[n - 1]))
			c->edge |= NEEDLE_DIGIT_END;
		if (prose)
			c->edge = NEEDLE_NOT_IN_URL;
	}
	if (n >= 2 && n < NEEDLE_MAX) {
		/* every pair, or 16 spread from the first to the last */
		const unsigned char *l = (const unsigned char *)c->low;
		size_t np = n - 1 < NEEDLE_PAIRS ? n - 1 : NEEDLE_PAIRS;
		for (size_t i = 0; i < np; i++) {
			size_t at = np > 1 ? i * (n - 2) / (np - 1) : 0;
			c->pair[i] = (uint16_t)pair_hash(l[at], l[at + 1]);
		}
		c->npairs = (uint16_t)np;
	}
}

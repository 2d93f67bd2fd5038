/*
 * needles.h - case-blind search of untrusted text for the rule tables'
 * fixed strings (rules.c).
 *
 * A rule table tries up to a hundred needles on the same text, which was
 * a third of report's time as a byte loop per needle.  Now the text is
 * lowered once, with the set of its byte pairs (struct folded); each
 * needle is lowered once, at the first use of its table (struct cneedle),
 * and looked for with memmem only when the text holds each of its byte
 * pairs (up to 16 of them), which rules out nearly all of them in a bit
 * test or two.
 */
#ifndef POSTSLEUTH_NEEDLES_H
#define POSTSLEUTH_NEEDLES_H

#include "../util/span.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define FOLD_STACK 1024
#define NEEDLE_MAX 64
#define PAIR_BITS 8192
#define NEEDLE_PAIRS 16

struct folded {
	struct span t;           /* the text as it is */
	struct span low;         /* the same bytes, ASCII lower case */
	uint64_t pairs[PAIR_BITS / 64]; /* pair_hash of each two bytes of low */
	char stack[FOLD_STACK];
	char *heap;
};

struct cneedle {
	const char *s;           /* as written in the table, or NULL */
	uint16_t n, npairs;
	uint16_t pair[NEEDLE_PAIRS]; /* pair_hash of its byte pairs (up to 16, spread) */
	char low[NEEDLE_MAX];    /* lowered (when n < NEEDLE_MAX) */
	uint8_t edge;            /* NEEDLE_DIGIT_*: where it is a number's edge */
};

/* a needle that starts (ends) with a digit is a status code or a number:
 * it matches only where no digit comes before (after) it, so that "5.2.1"
 * is not found in "5.2.121", nor "5.7.60" in "5.7.606" */
#define NEEDLE_DIGIT_START 1
#define NEEDLE_DIGIT_END 2
/* a table's needle written "~word" is a word of prose: it does not count
 * inside a URL or a host name ("https://spam.example.net/faq",
 * "antispam.example.org"), where a reply only points somewhere */
#define NEEDLE_NOT_IN_URL 4

/* lower - ASCII lower case (the C locale's tolower, without the call) */
static inline unsigned char lower(unsigned char c)
{
	return (unsigned char)((unsigned)c - 'A' < 26u ? c + ('a' - 'A') : c);
}

/* pair_hash - two lowered bytes to a bit of struct folded's set */
static inline unsigned pair_hash(unsigned char a, unsigned char b)
{
	return ((unsigned)a * 131 + b) & (PAIR_BITS - 1);
}

ptrdiff_t ci_find(struct span hay, const char *needle);
void fold(struct folded *f, struct span t);
void fold_free(struct folded *f);
void fold_skip(struct folded *f, ptrdiff_t k);
bool ci_has_lit(const struct folded *f, const char *lit);
void needle_compile(struct cneedle *c, const char *s);
bool ci_has_edged(const struct folded *f, const struct cneedle *c);

/* ci_has - does the folded text hold the needle, case-blind */
static inline bool ci_has(const struct folded *f, const struct cneedle *c)
{
	if (c->n >= NEEDLE_MAX)
		return ci_find(f->t, c->s) >= 0;
	if (c->n > f->low.n)
		return false;
	if (c->n < 2)
		return !c->n || memchr(f->low.p, c->low[0], f->low.n);
	for (unsigned i = 0; i < c->npairs; i++)
		if (!(f->pairs[c->pair[i] / 64] & 1ULL << (c->pair[i] % 64)))
			return false;
	if (c->edge)
		return ci_has_edged(f, c);
	return memmem(f->low.p, f->low.n, c->low, c->n) != NULL;
}

#endif

/*
 * suggest.c - edit distance and the nearest candidate to a mistyped word
 * (commands and options of the command line).
 *
 * Words longer than SUGGEST_MAX are never near anything: the distance
 * table stays on the stack and a hostile argument costs nothing.
 */
#include "suggest.h"

#include <string.h>

#define SUGGEST_MAX 64

/* lower - ASCII lower case of one byte */
static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* min3 - the least of three */
static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

/* suggest_distance - insertions, deletions, substitutions and swaps of
 * neighbours turning a into b (case ignored); words past SUGGEST_MAX
 * bytes are at a distance of SIZE_MAX from everything */
size_t suggest_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na > SUGGEST_MAX || nb > SUGGEST_MAX)
		return (size_t)-1;
	size_t d[SUGGEST_MAX + 1][SUGGEST_MAX + 1];
	for (size_t i = 0; i <= na; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= nb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= na; i++) {
		for (size_t j = 1; j <= nb; j++) {
			unsigned char x = lower((unsigned char)a[i - 1]), y = lower((unsigned char)b[j - 1]);
			size_t cost = x != y;
			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && x == lower((unsigned char)b[j - 2]) &&
			    lower((unsigned char)a[i - 2]) == y && d[i - 2][j - 2] + 1 < d[i][j])
				d[i][j] = d[i - 2][j - 2] + 1;
		}
	}
	return d[na][nb];
}

/* limit - how far a word of n bytes may be from its suggestion */
static size_t limit(size_t n)
{
	return n <= 2 ? 0 : n <= 5 ? 1 : n <= 8 ? 2 : 3;
}

/* is_prefix - word (case ignored) begins cand */
static int is_prefix(const char *word, const char *cand)
{
	for (; *word; word++, cand++)
		if (lower((unsigned char)*word) != lower((unsigned char)*cand))
			return 0;
	return 1;
}

/* suggest_nearest - the candidate nearest to word when it is near enough
 * (by the word's length), else the only candidate it begins; the first
 * of equals wins; NULL when nothing is close */
const char *suggest_nearest(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL, *prefixed = NULL;
	size_t best_d = (size_t)-1, nprefixed = 0, len = strlen(word);
	for (size_t i = 0; i < n; i++) {
		size_t d = suggest_distance(word, cands[i]);
		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
		if (len >= 2 && is_prefix(word, cands[i])) {
			prefixed = cands[i];
			nprefixed++;
		}
	}
	if (best && best_d <= limit(len))
		return best;
	return nprefixed == 1 ? prefixed : NULL;
}

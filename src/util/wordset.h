/*
 * wordset.h - does a text hold one of a few fixed words (case-sensitive,
 * as strstr): one pass over the text, a position compared only where
 * its two bytes are the first two of some word, instead of a strstr per
 * word.  Up to 64 words; made once (wordset_make), then read by any
 * thread.
 */
#ifndef POSTSLEUTH_WORDSET_H
#define POSTSLEUTH_WORDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WORDSET_MAX 64

struct wordset {
	const char *const *words;     /* NULL-ended, each non-empty */
	size_t n;
	size_t len[WORDSET_MAX];
	uint64_t first[256];          /* by a byte: the words that start with it */
	uint64_t second[256];         /* ... that have it second (one-byte words: every byte) */
	uint64_t single;              /* the one-byte words */
};

/* wordset_make - the tables for words (NULL-ended, at most WORDSET_MAX,
 * none empty; the caller keeps the array) */
void wordset_make(struct wordset *ws, const char *const *words);

/* wordset_any - does s[0..n) hold one of the words */
bool wordset_any(const struct wordset *ws, const char *s, size_t n);

#endif

/*
 * wordset.h - does a text hold one of a few fixed words (case-sensitive,
 * as strstr): one pass over the text, a position compared only where
 * its two bytes are the first two of some word, instead of a strstr per
 * word.  When every word has two bytes or more, the pass moves by the
 * byte where the shortest word would end, as Horspool's search does for
 * one word: a byte that is in no word's first m bytes (m the shortest
 * word's length, at most WORDSET_SKIP) moves it m positions on.  Up to 64
 * words; made once (wordset_make), then read by any thread.
 */
#ifndef POSTSLEUTH_WORDSET_H
#define POSTSLEUTH_WORDSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WORDSET_MAX 64
#define WORDSET_SKIP 16               /* the longest move of the pass */

struct wordset {
	const char *const *words;     /* NULL-ended, each non-empty */
	size_t n;
	size_t len[WORDSET_MAX];
	uint64_t first[256];          /* by a byte: the words that start with it */
	uint64_t second[256];         /* ... that have it second (one-byte words: every byte) */
	uint64_t single;              /* the one-byte words */
	/* m: the shortest word's length, at most WORDSET_SKIP; skip[c]: how
	 * far a start can move when c is the byte at start + m - 1: m - 1 -
	 * the last place before m where a word has c, or m when none has */
	size_t m;
	uint8_t skip[256];
};

/* wordset_make - the tables for words (NULL-ended, at most WORDSET_MAX,
 * none empty; the caller keeps the array) */
void wordset_make(struct wordset *ws, const char *const *words);

/* wordset_any - does s[0..n) hold one of the words */
bool wordset_any(const struct wordset *ws, const char *s, size_t n);

#endif

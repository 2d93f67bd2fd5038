/*
 * wordset.c - one pass over a text for a few fixed words (wordset.h).
 */
#include "wordset.h"

#include <string.h>

void wordset_make(struct wordset *ws, const char *const *words)
{
	memset(ws, 0, sizeof *ws);
	ws->words = words;
	ws->m = WORDSET_SKIP;
	for (size_t w = 0; words[w] && w < WORDSET_MAX; w++, ws->n++) {
		size_t len = strlen(words[w]);
		ws->len[w] = len;
		if (len < ws->m)
			ws->m = len;
		ws->first[(unsigned char)words[w][0]] |= 1ULL << w;
		if (len == 1)
			ws->single |= 1ULL << w;
		for (int c = 0; c < 256; c++)
			if (len == 1 || (unsigned char)words[w][1] == c)
				ws->second[c] |= 1ULL << w;
	}
	memset(ws->skip, (int)ws->m, sizeof ws->skip);
	for (size_t w = 0; w < ws->n; w++)
		for (size_t j = 0; j < ws->m; j++) {
			unsigned char c = (unsigned char)words[w][j];
			if (ws->skip[c] > ws->m - 1 - j)
				ws->skip[c] = (uint8_t)(ws->m - 1 - j);
		}
}

bool wordset_any(const struct wordset *ws, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t m = ws->m;
	if (m >= 2) {
		/* a word that starts at i has its first m bytes at i, the
		 * m-th at i + m - 1: a byte there that no word has at j < m
		 * leaves no start before i + m, and one that words have at
		 * j (the last such j) none before i + m - 1 - j */
		for (size_t i = 0; i + m <= n;) {
			size_t sh = ws->skip[p[i + m - 1]];
			if (sh) {
				i += sh;
				continue;
			}
			uint64_t cand = ws->first[p[i]] & ws->second[p[i + 1]];
			while (cand) {
				int w = __builtin_ctzll(cand);
				cand &= cand - 1;
				if (ws->len[w] <= n - i && !memcmp(s + i, ws->words[w], ws->len[w]))
					return true;
			}
			i++;
		}
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		/* at the last byte only a one-byte word can start */
		uint64_t cand = ws->first[p[i]] & (i + 1 < n ? ws->second[p[i + 1]] : ws->single);
		while (cand) {
			int w = __builtin_ctzll(cand);
			cand &= cand - 1;
			if (ws->len[w] <= n - i && !memcmp(s + i, ws->words[w], ws->len[w]))
				return true;
		}
	}
	return false;
}

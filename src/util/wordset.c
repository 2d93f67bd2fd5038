/*
 * wordset.c - one pass over a text for a few fixed words (wordset.h).
 */
#include "wordset.h"

#include <string.h>

void wordset_make(struct wordset *ws, const char *const *words)
{
	memset(ws, 0, sizeof *ws);
	ws->words = words;
	for (size_t w = 0; words[w] && w < WORDSET_MAX; w++, ws->n++) {
		size_t len = strlen(words[w]);
		ws->len[w] = len;
		ws->first[(unsigned char)words[w][0]] |= 1ULL << w;
		if (len == 1)
			ws->single |= 1ULL << w;
		for (int c = 0; c < 256; c++)
			if (len == 1 || (unsigned char)words[w][1] == c)
				ws->second[c] |= 1ULL << w;
	}
}

bool wordset_any(const struct wordset *ws, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
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

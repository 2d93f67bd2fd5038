/*
 * test_wordset_skip.c - wordset_any (util/wordset.c) moves by the byte
 * where the shortest word would end when every word has two bytes or
 * more (speed12): the same answer as the former pass over every position
 * (kept here with its tables), on sets whose shortest word has 2 to 20
 * bytes (the move is capped at WORDSET_SKIP), the content words of
 * analysis.c, words that share bytes at every place, and random texts of
 * the words' bytes and pieces, a word cut or at the very end, each text
 * in a buffer of its own size.
 */
#include "tap.h"
#include "util/wordset.h"

#include <stdlib.h>
#include <string.h>

/* the former tables and pass */
struct wordset_b {
	const char *const *words;
	size_t n;
	size_t len[WORDSET_MAX];
	uint64_t first[256], second[256], single;
};

static void make_b(struct wordset_b *ws, const char *const *words)
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

static bool any_b(const struct wordset_b *ws, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
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

static uint64_t rnd_state = 0xCBBB9D5DC1059ED8ULL;

TEST(wordset_skip_same_as_before)
{
	static const char *const sets[][16] = {
	    /* analysis.c's content words */
	    {"virus", "Virus", "spam", "Spam", "SPAM", "phish", "malware", "unsolicited", "blocked",
	     "blacklist", "blocklist", "block list", "reputation", "security issue", NULL},
	    {"ab", "ba", "aab", NULL},
	    {"xy", "yx", "xyxyxyxyxyxyxyxyxyxy", NULL},
	    {"abcabcabcabcabcabcab", "bcabcabcabcabcabcabc", NULL}, /* m past the cap */
	    {"aaaa", "aaab", "abab", NULL},
	    {"the", "then", "hen", "ent", NULL},
	    {"\xe9t\xe9", "t\xe9\xe9", NULL},
	    {NULL},
	};
	static const char *const pieces[] = {
	    "virus", "Vir", "spa", "SPA", "phis", "malwar", "unsolicite", "block", "blacklis", "block lis",
	    "reputatio", "security issu", "a", "b", "ab", "ba", "x", "y", "xy", "abc", "bca", "the", "hen",
	    "t", "\xe9", " ", "550 5.7.1 ", "Message rejected ", "\0", "e", "n", "aaa",
	};
	int bad = 0;
	for (size_t k = 0; k < sizeof sets / sizeof sets[0]; k++) {
		struct wordset ws;
		struct wordset_b wb;
		wordset_make(&ws, sets[k]);
		make_b(&wb, sets[k]);
		size_t nwords = 0;
		while (sets[k][nwords])
			nwords++;
		unsigned yes = 0;
		for (int iter = 0; iter < 60000 && bad < 5; iter++) {
			char tmp[160];
			size_t n = 0;
			tap_parts(tmp, &n, sizeof tmp, pieces, sizeof pieces / sizeof pieces[0],
				  (int)(tap_rnd(&rnd_state) % 12), &rnd_state);
			if (nwords && tap_rnd(&rnd_state) % 3 == 0) { /* a word, whole or cut */
				const char *w = sets[k][tap_rnd(&rnd_state) % nwords];
				size_t len = strlen(w) - (tap_rnd(&rnd_state) % 4 == 0);
				size_t at = n ? (size_t)(tap_rnd(&rnd_state) % (n + 1)) : 0;
				if (tap_rnd(&rnd_state) % 2)
					at = n; /* at the very end */
				if (at + len <= sizeof tmp) {
					memcpy(tmp + at, w, len);
					if (at + len > n)
						n = at + len;
				}
			}
			char *b = malloc(n ? n : 1); /* its own size: a read past it is seen */
			memcpy(b, tmp, n);
			bool got = wordset_any(&ws, b, n), want = any_b(&wb, b, n);
			if (got != want && bad++ < 5)
				test_fail(__FILE__, __LINE__, "set %zu, \"%.*s\": got %d, want %d", k, (int)n, b, got, want);
			yes += want;
			free(b);
		}
		if (nwords)
			CHECK(yes > 5000 && yes < 55000);
	}
	CHECK_INT(bad, 0);
}

/*
 * test_wordset.c - util/wordset.c's one pass against a strstr per word:
 * random texts of the words (whole, cut, a byte changed), their bytes
 * and others, one-byte words among them, a word at the very end.
 */
#include "tap.h"

#include <stdint.h>
#include "util/wordset.h"

/* any_ref - a strstr for each word */
static bool any_ref(const char *const *words, const char *t)
{
	for (int i = 0; words[i]; i++)
		if (strstr(t, words[i]))
			return true;
	return false;
}

TEST(wordset_same_as_strstr)
{
	static const char *const sets[][8] = {
	    {"virus", "Virus", "spam", "SPAM", "block list", "security issue", NULL},
	    {"ab", "b", "abc", "ca", NULL},
	    {"x", NULL},
	};
	static const char bytes[] = "virusVpamSPMblock ist\xe9y";
	static char t[128];
	uint64_t rnd = 0x2545F4914F6CDD1DULL;
	size_t bad = 0, yes = 0;
	for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
		struct wordset ws;
		wordset_make(&ws, sets[s]);
		size_t nwords = 0;
		while (sets[s][nwords])
			nwords++;
		for (int i = 0; i < 100000; i++) {
			rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
			size_t n = rnd % 40;
			for (size_t j = 0; j < n; j++) {
				rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
				t[j] = bytes[rnd % (sizeof bytes - 1)];
			}
			rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
			if (rnd & 1 && n) { /* a word, whole or cut, maybe at the end */
				const char *w = sets[s][(rnd >> 1) % nwords];
				size_t len = strlen(w) - ((rnd >> 8) % 3 == 0 && strlen(w) > 1);
				size_t at = rnd >> 12 & 1 ? n - (len < n ? len : n) : (rnd >> 16) % n;
				for (size_t j = 0; j < len && at + j < n; j++)
					t[at + j] = w[j];
				if (rnd >> 60 == 0) /* a byte changed */
					t[at + (rnd >> 24) % len % (n - at)] = bytes[(rnd >> 32) % (sizeof bytes - 1)];
			}
			t[n] = 0;
			bool want = any_ref(sets[s], t);
			yes += want;
			bad += wordset_any(&ws, t, n) != want;
		}
	}
	CHECK_INT(bad, 0);
	CHECK(yes > 60000);
	CHECK(yes < 250000);
}

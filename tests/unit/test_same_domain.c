/*
 * test_same_domain.c - a listed client's sender in its recipient's own
 * domain (refused_senders.c) is told by comparing the two domains
 * (analysis_same_domain), no longer by their two hashes: on random pairs
 * of domains, the same answer as analysis_domain_hash's equality (case
 * variants, bytes past the 256 hashed, empty ones).
 */
#include "tap.h"
#include "analyze/records.h"

#include <string.h>

static uint64_t rnd_state = 0xD1B54A32D192ED03ULL;

static uint64_t next(void)
{
	return tap_rnd(&rnd_state);
}

/* one_domain - a random domain into t (up to 300 bytes), often a case
 * variant or a cut of the other one o */
static size_t one_domain(char *t, const char *o, size_t on)
{
	static const char *const parts[] = {"example", ".", "com", "EXAMPLE", "Mail", "mail", "-",
					    "org", "x", "\xc3\x89", "\xe9", "a"};
	size_t n = 0;
	uint64_t how = next() % 4;
	if (o && how < 2) {
		memcpy(t, o, on);
		n = on;
		for (size_t i = 0; i < n; i++) /* the other case, here and there */
			if (next() % 3 == 0 && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z')))
				t[i] = (char)(t[i] ^ 0x20);
		if (how == 1 && n) { /* a byte changed, cut or added */
			uint64_t k = next() % 3;
			if (k == 0)
				t[next() % n] = 'q';
			else if (k == 1)
				n--;
			else if (n < 300)
				t[n++] = 'z';
		}
		return n;
	}
	if (next() % 8 == 0) { /* past the 256 bytes hashed */
		n = 250 + next() % 40;
		memset(t, 'a', n);
	}
	for (int k = (int)(next() % 5); k > 0; k--) {
		const char *w = parts[next() % (sizeof parts / sizeof *parts)];
		size_t len = strlen(w);
		if (n + len > 300)
			break;
		memcpy(t + n, w, len);
		n += len;
	}
	return n;
}

TEST(same_domain_as_hashes)
{
	char a[320], b[320];
	size_t same = 0;
	for (int round = 0; round < 300000; round++) {
		size_t an = one_domain(a, NULL, 0);
		size_t bn = one_domain(b, a, an);
		struct span sa = span_make(a, an), sb = span_make(b, bn);
		bool want = analysis_domain_hash(sa) == analysis_domain_hash(sb);
		if (analysis_same_domain(sa, sb) != want || analysis_same_domain(sb, sa) != want) {
			test_fail(__FILE__, __LINE__, "round %d: \"%.*s\" and \"%.*s\": want %d", round, (int)an, a,
				  (int)bn, b, want);
			return;
		}
		same += want;
	}
	CHECK(same > 50000);
	/* past 256 bytes only the first 256 count */
	memset(a, 'a', 300), memset(b, 'a', 300);
	b[280] = 'b';
	CHECK(analysis_same_domain(span_make(a, 300), span_make(b, 300)));
	CHECK(!analysis_same_domain(span_make(a, 256), span_make(b, 255)));
}

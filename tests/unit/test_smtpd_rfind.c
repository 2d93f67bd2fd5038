/*
 * test_smtpd_rfind.c - smtpd_rfind (parse/smtpd.c) searches from the end
 * since speed34 (memrchr of the needle's first byte, its last byte, then
 * memcmp): the same index as the former loop of forward searches, on
 * random and hostile texts (the needle's bytes, overlapping and cut
 * copies of it, blanks, any byte), each in a buffer of exactly its own
 * size (under ASan a byte read past it fails), with the needles the
 * parsers ask (" from ", " for service ") and short ones that overlap
 * themselves ("aa", "aba", " ").
 */
#include "tap.h"
#include "parse/smtpd_internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 0x6A09E667F3BCC908ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

/* the former function, as it was */
static ptrdiff_t rfind_before(struct span s, const char *needle)
{
	ptrdiff_t last = -1, off = 0;
	for (;;) {
		ptrdiff_t i = span_index(span_skip(s, (size_t)off), needle);
		if (i < 0)
			return last;
		last = off + i;
		off = last + 1;
	}
}

TEST(smtpd_rfind_same_as_forward_loop)
{
	static const char *const needles[] = {" from ", " for service ", "aa", "aba", " ", "from", "x"};
	static const char *const pieces[] = {" from ", " for service ", " fro", "m ", " from",
					     "from ", "a", "b", "aa", "ab", " ", "x",
					     "host.example[192.0.2.1]", "f", "\xff", ""};
	unsigned found = 0;
	for (int round = 0; round < 300000; round++) {
		const char *needle = needles[rnd() % (sizeof needles / sizeof *needles)];
		char tmp[256];
		size_t n = 0, parts = rnd() % 10;
		for (size_t k = 0; k < parts; k++) {
			const char *pc;
			char one[2] = {0, 0};
			if (rnd() % 5 == 0) {
				one[0] = (char)(rnd() % 256);
				pc = one;
			} else {
				pc = pieces[rnd() % (sizeof pieces / sizeof *pieces)];
			}
			size_t m = one[0] ? 1 : strlen(pc);
			if (rnd() % 4 == 0 && m)
				m = rnd() % m; /* cut */
			if (n + m > sizeof tmp)
				break;
			memcpy(tmp + n, pc, m);
			n += m;
		}
		/* a buffer of exactly n bytes (one when empty) */
		char *h = malloc(n ? n : 1);
		memcpy(h, tmp, n);
		struct span s = span_make(h, n);
		ptrdiff_t a = smtpd_rfind(s, needle), b = rfind_before(s, needle);
		if (a != b) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\" needle \"%s\": %td, want %td", round,
				  (int)n, h, needle, a, b);
			free(h);
			return;
		}
		found += a >= 0;
		free(h);
	}
	CHECK(found > 30000);
	CHECK(found < 270000);
}

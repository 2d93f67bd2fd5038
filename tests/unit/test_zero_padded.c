/*
 * test_zero_padded.c - addr_zero_padded (parse/masked.h) finds the last
 * octet's dot in one word since speed33: the same answer as the loop
 * back to the dot it replaces, on random and hostile bytes (digits,
 * dots, '/', whose xor with '.' is 0x01, a borrow's trap, and any byte),
 * each text in a buffer of exactly its own size (under ASan a byte read
 * past it fails).
 */
#include "tap.h"
#include "parse/masked.h"

#include <stdlib.h>
#include <string.h>

static uint64_t rnd_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

/* zero_padded_before - addr_zero_padded as it was (speed32) */
static bool zero_padded_before(struct span a)
{
	if (a.n < 2)
		return false;
	if (a.p[0] == '0' && a.p[1] >= '0' && a.p[1] <= '9')
		return true;
	size_t i = a.n;
	while (i > 0 && i + 4 > a.n && a.p[i - 1] != '.')
		i--;
	return i > 0 && a.p[i - 1] == '.' && i + 1 < a.n && a.p[i] == '0' && a.p[i + 1] >= '0' &&
	       a.p[i + 1] <= '9';
}

/* fill - n random bytes: mostly from alpha, sometimes any byte (the
 * bytes next to the tested one: '/' ^ '.' is 0x01, a borrow's trap) */
static void fill(char *p, size_t n, const char *alpha)
{
	size_t k = strlen(alpha);
	for (size_t i = 0; i < n; i++)
		p[i] = rnd() % 8 ? alpha[rnd() % k] : (char)(rnd() & 0xFF);
}

TEST(addr_zero_padded_same_as_loop)
{
	static const char *const alpha[] = {"0123456789.", "0.", "0123456789./", "09.x/", "1."};
	unsigned padded = 0;
	for (int round = 0; round < 400000; round++) {
		size_t n = rnd() % 21;
		char *p = malloc(n ? n : 1);
		fill(p, n, alpha[rnd() % 5]);
		if (n >= 3 && rnd() % 3 == 0) { /* a dot and a zero where the last octet starts */
			size_t d = n - 2 - rnd() % (n - 2 < 6 ? n - 2 : 6);
			p[d] = '.';
			p[d + 1] = '0';
		}
		struct span s = span_make(p, n);
		bool want = zero_padded_before(s), got = addr_zero_padded(s);
		if (got != want) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\": %d, want %d", round, (int)n, p, got,
				  want);
			free(p);
			return;
		}
		padded += want;
		free(p);
	}
	CHECK(padded > 20000);
	CHECK(addr_zero_padded(span_of("192.0.2.001")));
	CHECK(addr_zero_padded(span_of("10.20.30.0009")));
	CHECK(!addr_zero_padded(span_of("10.20.30.40")));
	CHECK(!addr_zero_padded(span_of("10.20.30.0")));
	CHECK(!addr_zero_padded(span_of("10.20.30.0/")));
}

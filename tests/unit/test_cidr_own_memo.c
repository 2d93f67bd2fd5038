/*
 * test_cidr_own_memo.c - cidr_own_network (util/cidr.c) keeps its last
 * text and answer (speed13; since speed15 one a slot of the text's last
 * two bytes, which own and other addresses here share: "10.1.2.3" and
 * "110.1.2.3", "::1" and "fd00::1" ...): the same answers as the
 * function without the memo, on sequences of addresses asked again in a
 * row, coming back between others, and new, own
 * and not, IPv4 and IPv6, their near misses (a byte more, a byte less, a
 * NUL inside), each text in a heap buffer of its own size.
 */
#include "tap.h"
#include "util/cidr.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* own_ref - cidr_own_network as it was: parsed every time (a text that
 * is no address: a private one masked before pasting, cidr_masked_own) */
static bool own_ref(const char *p, size_t n)
{
	char buf[CIDR_STRLEN];
	if (!n || n >= sizeof buf)
		return false;
	memcpy(buf, p, n);
	buf[n] = 0;
	struct cidr a;
	return cidr_addr(buf, &a) ? cidr_own(&a) : cidr_masked_own(p, n);
}

static uint64_t rnd_state = 0x3C6EF372FE94F82BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(cidr_own_network_same_as_parsed)
{
	static const char *const addrs[] = {
	    "10.1.2.3",	 "10.1.2.33", "10.1.2.",	"110.1.2.3", "192.168.0.1", "192.168.0.10", "192.169.0.1",
	    "172.16.5.4", "172.32.5.4", "127.0.0.1",	"8.8.8.8",   "8.8.8.88",    "100.64.0.1",   "100.128.0.1",
	    "169.254.1.1", "::1",	"::2",		"fd00::1",   "fe80::1",	    "2001:db8::1",  "::ffff:10.0.0.1",
	    "",		 "x",	      "10.0.0.1\0x", "unknown",   "203.0.113.9", "203.0.113.90",
	    "0123456789012345678901234567890123456789012345678901234567890123",
	    /* the slot of "10.1.2.3", the same length: its last byte alone differs */
	    "10.1.2.s"};
	const size_t na = sizeof addrs / sizeof addrs[0];
	size_t own = 0, asked = 0;
	size_t last = 0;
	for (int i = 0; i < 300000; i++) {
		uint64_t r = rnd();
		/* the one before again, most of the time */
		size_t k = r % 4 != 0 ? last : (size_t)(r >> 2) % na;
		last = k;
		const char *t = addrs[k];
		size_t n = k == 23 ? 10 : strlen(t); /* "10.0.0.1\0x" with its NUL */
		if ((r >> 20) % 8 == 0 && n) /* a byte less */
			n--;
		char *h = malloc(n ? n : 1);
		if (!h)
			return;
		memcpy(h, t, n);
		if ((r >> 24) % 16 == 0 && n) /* a byte changed */
			h[(r >> 28) % n] = "1.:0"[(r >> 40) % 4];
		bool a = cidr_own_network(h, n), b = own_ref(h, n);
		if (a != b) {
			test_fail(__FILE__, __LINE__, "ask %d \"%.*s\" (%zu bytes): %d, want %d", i, (int)n, h, n, a, b);
			free(h);
			return;
		}
		own += b;
		asked++;
		free(h);
	}
	CHECK(own > asked / 10);
	CHECK(own < asked - asked / 10);
}

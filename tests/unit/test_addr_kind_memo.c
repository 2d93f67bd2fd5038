/*
 * test_addr_kind_memo.c - diag_addr_kind (diagnose/accepted.c) keeps its
 * last text and answer (speed14; since speed31 one a slot of the text's
 * last two bytes, so texts asked in turn are kept too): the same kinds (none, loopback,
 * private, public) as the function without the memo, kept below, on
 * sequences of addresses asked again in a row and not, IPv4 and IPv6,
 * their near misses (a byte more, a byte less, a byte changed, a NUL
 * inside, a text too long), each text in a heap buffer of its own size.
 */
#include "tap.h"
#include "diagnose/diag_internal.h"
#include "util/cidr.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* kind_ref - diag_addr_kind as it was: parsed every time */
static enum addr_kind kind_ref(struct span ip)
{
	char buf[CIDR_STRLEN];
	if (!ip.n || ip.n >= sizeof buf)
		return ADDR_NONE;
	memcpy(buf, ip.p, ip.n);
	buf[ip.n] = 0;
	struct cidr a;
	if (!cidr_addr(buf, &a))
		return ADDR_NONE;
	if (!cidr_own(&a))
		return ADDR_PUBLIC;
	const char *why = cidr_special(&a);
	return why && !strcmp(why, "loopback") ? ADDR_LOOPBACK : ADDR_PRIVATE;
}

static uint64_t rnd_state = 0x6A09E667F3BCC908ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(addr_kind_same_as_parsed)
{
	static const char *const addrs[] = {
	    "10.1.2.3",	  "10.1.2.33",	 "10.1.2.",	"110.1.2.3",   "192.168.0.1", "192.168.0.10", "192.169.0.1",
	    "172.16.5.4",  "172.32.5.4",  "127.0.0.1",	"127.0.0.12",  "8.8.8.8",     "8.8.8.88",     "100.64.0.1",
	    "100.128.0.1", "169.254.1.1", "::1",	"::2",	       "::11",	      "fd00::1",      "fe80::1",
	    "2001:db8::1", "::ffff:10.0.0.1", "",	"x",	       "10.0.0.1\0x", "unknown",      "203.0.113.9",
	    "203.0.113.90", "0123456789012345678901234567890123456789012345678901234567890123"};
	const size_t na = sizeof addrs / sizeof addrs[0];
	size_t seen[4] = {0};
	size_t last = 0;
	for (int i = 0; i < 300000; i++) {
		uint64_t r = rnd();
		/* the one before again, most of the time */
		size_t k = r % 4 != 0 ? last : (size_t)(r >> 2) % na;
		last = k;
		const char *t = addrs[k];
		size_t n = k == 25 ? 10 : strlen(t); /* "10.0.0.1\0x" with its NUL */
		if ((r >> 20) % 8 == 0 && n) /* a byte less */
			n--;
		char *h = malloc(n ? n : 1);
		if (!h)
			return;
		memcpy(h, t, n);
		if ((r >> 24) % 16 == 0 && n) /* a byte changed */
			h[(r >> 28) % n] = "12.:0"[(r >> 40) % 5];
		enum addr_kind a = diag_addr_kind(span_make(h, n)), b = kind_ref(span_make(h, n));
		if (a != b) {
			test_fail(__FILE__, __LINE__, "ask %d \"%.*s\" (%zu bytes): %d, want %d", i, (int)n, h, n, a, b);
			free(h);
			return;
		}
		seen[b]++;
		free(h);
	}
	/* every kind was asked often */
	for (int k = 0; k < 4; k++)
		CHECK(seen[k] > 5000);
}

/*
 * test_namaddr.c - pc_namaddr (common.c) takes a text's last byte as its
 * ']' without searching when it is one (speed9): the same answer and the
 * same name, address and port spans as the search it skips, on random
 * "name[addr]:port" texts with brackets, colons, blanks, masked
 * addresses ("[IP]", "x.x.x.x") and junk, cut anywhere.
 */
#include "tap.h"
#include "parse/common.h"
#include "parse/masked.h"

#include <stdio.h>
#include <string.h>

/* namaddr_before - pc_namaddr as it was: the last ']' always searched for */
static bool namaddr_before(struct span s, struct span *name, struct span *ip, struct span *port)
{
	*port = SPAN_NULL;
	ptrdiff_t rb = span_rchr(s, ']');
	if (rb < 0)
		return false;
	if ((size_t)rb + 1 < s.n) {
		if (s.p[rb + 1] != ':')
			return false;
		*port = span_skip(s, (size_t)rb + 2);
		if (!span_digits(*port))
			return false;
	}
	struct span head = span_head(s, (size_t)rb);
	ptrdiff_t lb = span_rchr(head, '[');
	if (lb < 0)
		return false;
	*name = span_head(s, (size_t)lb);
	*ip = span_make(s.p + lb + 1, (size_t)(rb - lb - 1));
	if (span_eqs(*ip, "unknown") || addr_is_masked(*ip))
		ip->n = 0; /* smtpd's "unknown[unknown]" too: no address */
	return true;
}

static uint64_t rnd_state = 0xA54FF53A5F1D36F1ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

static bool same_span(struct span a, struct span b)
{
	return a.n == b.n && (a.n == 0 || a.p == b.p);
}

TEST(namaddr_same_as_search)
{
	static const char *const parts[] = {"mail.example.com", "unknown", "[", "]", ":", "25",
					    "192.0.2.1", "2001:db8::1", "IP", "x.x.x.x", " ", "junk",
					    "]:", "[]", "\0"};
	const size_t nparts = sizeof parts / sizeof *parts;
	char t[160];
	unsigned ok = 0;
	for (int round = 0; round < 300000; round++) {
		size_t n = 0;
		if (rnd() % 2) { /* the usual form, a byte perhaps changed below */
			static const char *const names[] = {"mail.example.com", "unknown", "", "a b", "x]"};
			static const char *const addrs[] = {"192.0.2.1", "2001:db8::1", "IP", "x.x.x.x", "",
							    "a[b"};
			static const char *const tails[] = {"", ":25", ":", ":x", " ", "]", ":587]"};
			n = (size_t)snprintf(t, sizeof t, "%s[%s]%s", names[rnd() % 5], addrs[rnd() % 6],
					     tails[rnd() % 7]);
			if (rnd() % 4 == 0)
				t[rnd() % n] = "[]: \0"[rnd() % 5];
		}
		tap_parts(t, &n, sizeof t, parts, nparts, n ? 0 : 1 + (int)(rnd() % 7), &rnd_state);
		if (rnd() % 5 == 0 && n)
			n -= 1 + rnd() % n < n ? 1 + rnd() % n : n; /* cut short */
		struct span s = span_make(t, n);
		struct span na = {0}, ia = {0}, pa = {0}, nb = {0}, ib = {0}, pb = {0};
		bool a = pc_namaddr(s, &na, &ia, &pa), b = namaddr_before(s, &nb, &ib, &pb);
		if (a != b || !same_span(pa, pb) || (a && (!same_span(na, nb) || !same_span(ia, ib)))) {
			test_fail(__FILE__, __LINE__, "round %d \"%.*s\": %d, want %d", round, (int)n, t, a,
				  b);
			return;
		}
		ok += a;
	}
	CHECK(ok > 30000);
	CHECK(ok < 270000);
}

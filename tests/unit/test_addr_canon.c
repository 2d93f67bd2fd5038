/*
 * test_addr_canon.c - pc_addr_canon (common.h) tells a text of digits and
 * dots by two word tests, inline, before the call (speed11): the same
 * span and the same bytes written as the former function (a byte loop
 * over a table, then inet_pton and inet_ntop), on random texts of the
 * bytes around '.', '/', '0' and '9', hex letters, ':', '%', "IPv6:",
 * high bytes and NULs, 0 to 24 bytes, each in a buffer of its own size.
 */
#include "tap.h"
#include "parse/common.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* the former function, as it was */
static const unsigned char v4_byte_before[256] = {
    ['.'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
    ['7'] = 1, ['8'] = 1, ['9'] = 1};

static bool all_digits_dots_before(struct span s)
{
	const unsigned char *p = (const unsigned char *)s.p;
	unsigned ok = 1;
	size_t i = 0;
	for (; i + 4 <= s.n; i += 4)
		ok &= v4_byte_before[p[i]] & v4_byte_before[p[i + 1]] & v4_byte_before[p[i + 2]] &
		      v4_byte_before[p[i + 3]];
	for (; i < s.n; i++)
		ok &= v4_byte_before[p[i]];
	return ok;
}

static bool zone_ok_before(struct span z)
{
	if (z.n == 0 || z.n >= 16)
		return false;
	for (size_t i = 0; i < z.n; i++) {
		char c = z.p[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      c == '.' || c == '-' || c == '_'))
			return false;
	}
	return true;
}

static void addr_canon_before(struct span *addr, char buf[EV_ADDR_MAX])
{
	struct span s = *addr;
	if (!s.n || all_digits_dots_before(s))
		return;
	if (s.n > 5 && (s.p[0] == 'I' || s.p[0] == 'i') && strncasecmp(s.p, "IPv6:", 5) == 0) {
		s = span_skip(s, 5);
		if (all_digits_dots_before(s)) {
			*addr = s;
			return;
		}
	}
	struct span zone = SPAN_NULL;
	ptrdiff_t pct = span_chr(s, '%');
	if (pct >= 0) {
		zone = span_skip(s, (size_t)pct + 1);
		s = span_head(s, (size_t)pct);
		if (!zone_ok_before(zone))
			return;
	}
	char tmp[INET6_ADDRSTRLEN];
	unsigned char a[16];
	if (s.n == 0 || s.n >= sizeof tmp || span_chr(s, ':') < 0)
		return;
	memcpy(tmp, s.p, s.n);
	tmp[s.n] = 0;
	if (inet_pton(AF_INET6, tmp, a) != 1)
		return;
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	bool v4 = memcmp(a, mapped, sizeof mapped) == 0;
	if (!inet_ntop(v4 ? AF_INET : AF_INET6, v4 ? a + 12 : a, buf, INET6_ADDRSTRLEN))
		return;
	size_t n = strlen(buf);
	if (zone.p && !v4) {
		buf[n++] = '%';
		memcpy(buf + n, zone.p, zone.n);
		n += zone.n;
	}
	struct span canon = span_make(buf, n);
	*addr = span_eq(canon, *addr) ? *addr : canon;
}

static uint64_t rnd_state = 0x2545F4914F6CDD1DULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(addr_canon_same_as_before)
{
	/* the bytes next to the classes' edges, and the pieces of addresses */
	static const char *const parts[] = {
	    "0", "1", "9", "25", "255", ".", "/", "-", ":", "::", "a", "F", "f", "ffff", "%",
	    "eth0", "IPv6:", "ipv6:", "192.0.2.1", "2001:db8::1", "::ffff:", "unknown", ";", "@",
	    "\x7f", "\x80", "\xae", "\xb0", "\xb9", "\xff", "\0"};
	const size_t nparts = sizeof parts / sizeof *parts;
	char t[32];
	unsigned dd = 0, rewritten = 0;
	for (int round = 0; round < 400000; round++) {
		size_t n = 0;
		tap_parts(t, &n, 24, parts, nparts, (int)(rnd() % 12), &rnd_state);
		if (rnd() % 3 == 0) { /* mostly digits and dots, one byte perhaps off */
			n = rnd() % 21;
			for (size_t i = 0; i < n; i++)
				t[i] = "0123456789...."[rnd() % 14];
			if (n && rnd() % 2)
				t[rnd() % n] = rnd() % 2 ? (char)(rnd() % 256) : "-/:\x80\xae\xb9\0"[rnd() % 7];
		}
		char *h = malloc(n ? n : 1);
		memcpy(h, t, n);
		struct span sa = span_make(h, n), sb = sa;
		char ba[EV_ADDR_MAX], bb[EV_ADDR_MAX];
		memset(ba, 0x5a, sizeof ba);
		memset(bb, 0x5a, sizeof bb);
		pc_addr_canon(&sa, ba);
		addr_canon_before(&sb, bb);
		bool same_span = sa.n == sb.n && (sa.p == sb.p || (sa.p == ba && sb.p == bb));
		if (!same_span || memcmp(ba, bb, sizeof ba) != 0 ||
		    pc_digits_dots(span_make(h, n)) != all_digits_dots_before(span_make(h, n))) {
			test_fail(__FILE__, __LINE__, "round %d, %zu bytes \"%.*s\": differs", round, n,
				  (int)n, h);
			free(h);
			return;
		}
		dd += n && all_digits_dots_before(span_make(h, n));
		rewritten += sb.p == bb;
		free(h);
	}
	CHECK(dd > 50000);
	CHECK(rewritten > 500);
}

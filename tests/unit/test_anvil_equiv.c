/*
 * test_anvil_equiv.c - parse_anvil (anvil.c) finds " rate " and " count "
 * in one pass over the blanks, stopping at the first (speed12): the same
 * answer, byte for byte in the event, as the former function (kept here
 * with its helpers, names ending in _b: three searches of the text), on
 * random statistics lines of anvil's shapes and their near misses (both
 * words, either first, one at the start, neither, "cache size" anywhere,
 * doubled blanks, cut anywhere, " for (" and its near misses after the
 * first blank or further: speed34), each text in a buffer of its own size.
 */
#include "tap.h"
#include "parse/common.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

/* the former anvil.c, from leading_number to parse_anvil */
/* leading_number_b - the decimal number at the start of s */
static int64_t leading_number_b(struct span s)
{
	size_t i = 0;
	uint64_t n;
	while (i < s.n && s.p[i] >= '0' && s.p[i] <= '9')
		i++;
	if (!span_u64(span_head(s, i), &n))
		return -1;
	return pc_count(n);
}

/* is_ip_b - an IPv4 or IPv6 address in text form */
static bool is_ip_b(struct span s)
{
	char buf[INET6_ADDRSTRLEN + 1];
	unsigned char bin[sizeof(struct in6_addr)];
	if (s.n == 0 || s.n >= sizeof buf)
		return false;
	memcpy(buf, s.p, s.n);
	buf[s.n] = 0;
	return inet_pton(AF_INET, buf, bin) == 1 || inet_pton(AF_INET6, buf, bin) == 1;
}

/*
 * ident_addr_b - the client address in "SERVICE:ADDR"; the service may be
 * "smtp" or an inet listener "127.0.0.1:2525", the address IPv6, so the
 * address is the first tail after a ':' that is an IP address.
 */
static bool ident_addr_b(struct span id, struct span *addr)
{
	for (size_t i = 0; i < id.n; i++)
		if (id.p[i] == ':' && is_ip_b(span_skip(id, i + 1))) {
			*addr = span_skip(id, i + 1);
			return true;
		}
	return false;
}

/* parse_anvil_b - fill ev from an anvil statistics line */
static void parse_anvil_b(const struct logline *l, struct event *ev)
{
	struct span t = l->text;
	if (l->severity.n || !span_eat(&t, "statistics: max "))
		return;
	struct span what = t;
	ptrdiff_t k = span_index(t, " rate ");
	ptrdiff_t c = span_index(t, " count ");
	ptrdiff_t z = span_index(t, "cache size ");
	if (z == 0) {
		what = span_head(t, 10);
		t = span_skip(t, 11);
	} else if (k > 0 && (c < 0 || k < c)) {
		what = span_head(t, (size_t)k + 5);
		t = span_skip(t, (size_t)k + 6);
	} else if (c > 0) {
		what = span_head(t, (size_t)c + 6);
		t = span_skip(t, (size_t)c + 7);
	} else {
		return;
	}
	ev->count = leading_number_b(t);
	if (ev->count < 0)
		return;
	/* "for (smtp:192.0.2.1)": the service, then the client address */
	struct span id = span_find(t, " for ("), ident, addr;
	if (id.p) {
		id = span_skip(id, 6);
		if (span_until_chr(&id, ')', &ident) && ident_addr_b(ident, &addr))
			ev->client_ip = addr;
	}
	ev->type = EV_ANVIL;
	ev->action = what;
	ev->text = l->text;
}

static uint64_t rnd_state = 0x9B05688C2B3E6C1FULL;

static const char *const heads[] = {
    "statistics: max connection rate ", "statistics: max connection count ", "statistics: max message rate ",
    "statistics: max recipient rate ", "statistics: max newtls rate ", "statistics: max auth rate ",
    "statistics: max cache size ", "statistics: max  rate ", "statistics: max  count ", "statistics: max ",
    "statistics: max cache size", "statistics: ma", "statistics: start interval ", "max connection rate ",
};

static const char *const parts[] = {
    "1/60s", "12", "0", "3/3600s", " for (", "smtp:", "submission:", "127.0.0.1:2525:", "121.8.124.131",
    "2001:db8::7", "192.0.2.1", ")", " at Nov  1 02:10:34", " rate ", " count ", "rate", "count", " ",
    "  ", "cache size ", "cache", " rate", " count", "x", ":", "\0", "99999999999999999999", "/", "s",
    /* near misses of a dotted quad, which anvil.c's is_ip reads by
     * cidr_dotted_quad before inet_pton since speed30 */
    "01.2.3.4", "1.2.3.256", "255.255.255.255", "1.2.3.4.5", "1.2.3", "1..2.3", "0.0.0.0", "1.2.3.4 ",
    "::ffff:1.2.3.4", "1.2.3.04",
    /* near misses of " for (", which anvil.c tries at the first blank
     * since speed34 before it searches */
    " for ", " for(", " fo", "for (", " for  (", "0123456789abcdef", " for (smtp:192.0.2.1)",
};

TEST(anvil_same_as_before)
{
	int bad = 0;
	unsigned typed = 0;
	for (int iter = 0; iter < 300000 && bad < 5; iter++) {
		char tmp[240];
		const char *h = heads[tap_rnd(&rnd_state) % (sizeof heads / sizeof heads[0])];
		size_t n = strlen(h);
		memcpy(tmp, h, n);
		tap_parts(tmp, &n, sizeof tmp, parts, sizeof parts / sizeof parts[0],
			  (int)(tap_rnd(&rnd_state) % 9), &rnd_state);
		if (tap_rnd(&rnd_state) % 5 == 0 && n)
			n = (size_t)(tap_rnd(&rnd_state) % (n + 1));
		char *b = malloc(n ? n : 1); /* its own size: a read past it is seen */
		memcpy(b, tmp, n);
		struct logline l;
		memset(&l, 0, sizeof l);
		l.text = span_make(b, n);
		l.postfix = true;
		l.daemon = span_of("anvil");
		if (tap_rnd(&rnd_state) % 16 == 0)
			l.severity = span_of("warning");
		static struct event x, y;
		memset(&x, 0, sizeof x);
		memset(&y, 0, sizeof y);
		ev_reset(&x, &l);
		ev_reset(&y, &l);
		x.type = y.type = EV_UNKNOWN;
		parse_anvil(&l, &x);
		parse_anvil_b(&l, &y);
		if (memcmp(&x, &y, sizeof x) != 0 && bad++ < 5)
			test_fail(__FILE__, __LINE__, "parse_anvil differs on \"%.*s\"", (int)n, b);
		typed += y.type == EV_ANVIL;
		free(b);
	}
	CHECK_INT(bad, 0);
	CHECK(typed > 30000 && typed < 270000);
}

/*
 * anvil.c - the periodic statistics of anvil (connection and rate limits
 * per client) and scache (the SMTP connection cache).
 *
 *   statistics: max connection rate N/Ts for (SERVICE:ADDR) at Mmm dd hh:mm:ss
 *       (SERVICE is a master.cf name: "smtp", "submission", "127.0.0.1:2525")
 *   statistics: max connection count N for (SERVICE:ADDR) at ...
 *   statistics: max message|recipient|newtls|auth|tlstrace rate N/Ts for (...)
 *   statistics: max cache size N at ...                  (anvil/anvil.c:525)
 *   statistics: start interval ..., domain lookup hits=N miss=N success=N%,
 *   address lookup ..., max simultaneous domains=N ...   (scache/scache.c:477)
 */
#include "common.h"
#include "../util/cidr.h"

#include <arpa/inet.h>

/* leading_number - the decimal number at the start of s */
static int64_t leading_number(struct span s)
{
	size_t i = 0;
	uint64_t n;
	while (i < s.n && s.p[i] >= '0' && s.p[i] <= '9')
		i++;
	if (!span_u64(span_head(s, i), &n))
		return -1;
	return pc_count(n);
}

/* is_ip - an IPv4 or IPv6 address in text form */
static bool is_ip(struct span s)
{
	char buf[INET6_ADDRSTRLEN + 1];
	unsigned char bin[sizeof(struct in6_addr)];
	if (s.n == 0 || s.n >= sizeof buf)
		return false;
	/* the usual dotted quad without a copy or inet_pton (speed30): what
	 * cidr_dotted_quad takes (no leading zeros, four parts up to 255)
	 * inet_pton takes too, and the rest is asked as before */
	if (cidr_dotted_quad(s.p, s.n, bin))
		return true;
	memcpy(buf, s.p, s.n);
	buf[s.n] = 0;
	return inet_pton(AF_INET, buf, bin) == 1 || inet_pton(AF_INET6, buf, bin) == 1;
}

/*
 * ident_addr - the client address in "SERVICE:ADDR"; the service may be
 * "smtp" or an inet listener "127.0.0.1:2525", the address IPv6, so the
 * address is the first tail after a ':' that is an IP address.
 */
static bool ident_addr(struct span id, struct span *addr)
{
	for (size_t i = 0; i < id.n; i++)
		if (id.p[i] == ':' && is_ip(span_skip(id, i + 1))) {
			*addr = span_skip(id, i + 1);
			return true;
		}
	return false;
}

/* rate_count - where " rate " (*k) and " count " (*c) are first in t, or
 * -1, as far as parse_anvil's choice between them needs: one pass over
 * the blanks, not a search of t for each (and none for "cache size ",
 * which counts only at the start).  The pass stops at the first of the
 * two words (a " rate " at 0 aside): a " rate " after the start with no
 * " count " before it is the rate's line whatever follows, and after a
 * " count " a later " rate " changes nothing (speed12) */
static void rate_count(struct span t, ptrdiff_t *k, ptrdiff_t *c)
{
	const char *p = t.p, *end = t.p + t.n;
	*k = *c = -1;
	while (*k <= 0 && *c < 0 && p < end && (p = memchr(p, ' ', (size_t)(end - p))) != NULL) {
		struct span rest = span_make(p, (size_t)(end - p));
		if (*k < 0 && span_starts(rest, " rate "))
			*k = p - t.p;
		else if (span_starts(rest, " count "))
			*c = p - t.p;
		p++;
	}
}

/* parse_anvil - fill ev from an anvil statistics line */
void parse_anvil(const struct logline *l, struct event *ev)
{
	struct span t = l->text;
	if (l->severity.n || !span_eat(&t, "statistics: max "))
		return;
	struct span what = t;
	ptrdiff_t k, c;
	rate_count(t, &k, &c);
	if (span_starts(t, "cache size ")) {
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
	ev->count = leading_number(t);
	if (ev->count < 0)
		return;
	/* "for (smtp:192.0.2.1)": the service, then the client address.
	 * speed34: tried first at the first blank (after "1" or "1/60s"),
	 * the usual place, without a call; there it is the first " for ("
	 * of t (an earlier one would start at an earlier blank), else
	 * searched as before (test_anvil_equiv.c holds it to the search) */
	struct span id = SPAN_NULL, ident, addr;
	size_t b = 0;
	while (b < t.n && b < 16 && t.p[b] != ' ')
		b++;
	if (t.n - b >= 6 && memcmp(t.p + b, " for (", 6) == 0)
		id = span_skip(t, b);
	else
		id = span_find(t, " for (");
	if (id.p) {
		id = span_skip(id, 6);
		if (span_until_chr(&id, ')', &ident) && ident_addr(ident, &addr))
			ev->client_ip = addr;
	}
	ev->type = EV_ANVIL;
	ev->action = what;
	ev->text = l->text;
}

/* parse_scache - the connection cache's statistics: informational */
void parse_scache(const struct logline *l, struct event *ev)
{
	struct span t = l->text;
	if (l->severity.n || !span_eat(&t, "statistics: "))
		return;
	if (span_starts(t, "start interval ") || span_starts(t, "domain lookup ") ||
	    span_starts(t, "address lookup ") || span_starts(t, "max simultaneous ")) {
		ev->type = EV_INFO;
		ev->action = SPAN_LIT("statistics");
		ev->text = l->text;
	}
}

/*
 * dnsbl.c - what a DNS blocklist's answer means.  A DNSBL answers an
 * address in 127.0.0.0/8: the last octet names the list that holds the
 * client, and 127.255.255.x is no listing at all but an error code (the
 * query was refused).  Spamhaus documents both (its "return codes"
 * page); the other lists answer 127.0.0.2 for "listed".
 */
#include "dnsbl.h"
#include "../util/i18n.h"

#include <string.h>
#include <strings.h>

/* ends_with - the list name is this zone or under it */
static bool ends_with(struct span s, const char *zone)
{
	size_t n = strlen(zone);
	return s.n >= n && !strncasecmp(s.p + s.n - n, zone, n) &&
	       (s.n == n || s.p[s.n - n - 1] == '.');
}

/* last_octet - the last number of 127.x.y.N, or -1 */
static int last_octet(struct span a, struct span *prefix)
{
	ptrdiff_t dot = span_rchr(a, '.');
	if (dot < 0 || (size_t)dot + 1 >= a.n || (size_t)dot + 4 < a.n)
		return -1;
	int v = 0;
	for (size_t i = (size_t)dot + 1; i < a.n; i++) {
		if (a.p[i] < '0' || a.p[i] > '9')
			return -1;
		v = v * 10 + (a.p[i] - '0');
	}
	*prefix = span_head(a, (size_t)dot + 1);
	return v;
}

/* dnsbl_meaning - the answer in words, or NULL when unknown; marked for
 * the catalogue, translated by the caller where it is printed (_()) */
const char *dnsbl_meaning(struct span list, struct span answer)
{
	struct span pfx;
	int n = last_octet(answer, &pfx);
	if (n < 0)
		return NULL;
	if (span_eqs(pfx, "127.255.255.")) {
		switch (n) {
		case 252: return N_("an error code, not a listing: the list name is mistyped or the zone is gone");
		case 254: return N_("an error code, not a listing: the list refuses queries from a public or open resolver (use your own resolver, or the list's paid access)");
		case 255: return N_("an error code, not a listing: too many queries (the free use limit is exceeded)");
		default: return N_("an error code, not a listing: the list refused the query");
		}
	}
	if (!span_eqs(pfx, "127.0.0.") && !span_eqs(pfx, "127.0.1.") && !span_eqs(pfx, "127.0.2."))
		return NULL;
	bool spamhaus = ends_with(list, "spamhaus.org") || ends_with(list, "spamhaus.net") ||
			ends_with(list, "dq.spamhaus.net");
	if (spamhaus && span_eqs(pfx, "127.0.0.")) {
		switch (n) {
		case 2: return N_("SBL: a known spam source or spam operation");
		case 3: return N_("SBL CSS: an address seen sending spam (snowshoe, compromised)");
		case 4: case 5: case 6: case 7:
			return N_("XBL: an infected machine, open proxy or exploited host");
		case 9: return N_("SBL DROP: a hijacked or criminal network");
		case 10: return N_("PBL (ISP): a dynamic or end-user address that should not send mail directly");
		case 11: return N_("PBL (Spamhaus): an end-user address that should not send mail directly");
		default: break;
		}
	}
	if (spamhaus && span_eqs(pfx, "127.0.1."))
		return N_("DBL: a domain listed as spam-related");
	if (n == 2 && span_eqs(pfx, "127.0.0."))
		return N_("listed");
	return N_("listed, with a return code of the list's own");
}

/* dnsbl_is_error - a 127.255.255.x answer */
bool dnsbl_is_error(struct span answer)
{
	return span_starts(answer, "127.255.255.");
}

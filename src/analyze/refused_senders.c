/*
 * refused_senders.c - what a refusal's sender says about the refused
 * client, kept in its detail as the refusals go by: for a client of this
 * server's own network (loopback, a private address) the sender domain of
 * its first refusal and whether another (or none) came, and whether the
 * mail stayed within one domain (analysis_own_app_refused, conclude.c);
 * for a client outside it refused by a blocklist, a sender in its
 * recipient's own domain (from=<x@D> to=<y@D>, often the same address):
 * spam forging the domain, or one of the domain's own users sending on
 * port 25 from a listed address instead of submission with a login; the
 * lines cannot tell which, the client's explanation names both
 * (verdict_explain.c); a domain typed over before pasting ("xxx") or
 * without a dot is no evidence of it.
 */
#include "records.h"
#include "../parse/reply_words.h"

#include <ctype.h>

/* domain_of - an address's domain, SPAN_NULL without an '@' (an empty
 * span after a trailing '@') */
static struct span domain_of(struct span addr)
{
	ptrdiff_t at = span_rchr(addr, '@');
	return at >= 0 ? span_skip(addr, (size_t)at + 1) : SPAN_NULL;
}

/* analysis_same_domain - two domains equal as analysis_domain_hash reads
 * them (case-blind by tolower, the first 256 bytes): what its two hashes
 * equal stood for, asked without hashing (speed23; test_same_domain.c) */
bool analysis_same_domain(struct span a, struct span b)
{
	size_t n = a.n < 256 ? a.n : 256;
	if (n != (b.n < 256 ? b.n : 256))
		return false;
	for (size_t i = 0; i < n; i++)
		if (a.p[i] != b.p[i] && tolower((unsigned char)a.p[i]) != tolower((unsigned char)b.p[i]))
			return false;
	return true;
}

/* masked_domain - a domain that whoever pasted the line typed over
 * ("xxx", "xxx.xxx", "***") or one without a dot (no domain of the
 * Internet has none: "domain", "name" typed for the real one): equal
 * placeholders say nothing of the real sender and recipient */
static bool masked_domain(struct span dom)
{
	bool dot = false, other = false;
	for (size_t i = 0; i < dom.n; i++) {
		char ch = dom.p[i];
		if (ch == '.')
			dot = true;
		else if (ch != 'x' && ch != 'X' && ch != '*')
			other = true;
	}
	return !dot || !other;
}

/* own_refused - smtpd refused a client of the own network */
static void own_refused(struct client_detail *d, uint32_t h, uint32_t rh)
{
	/* mail within one domain (a scanner's scan@example.com to
	 * alice@example.com): a domain this server receives, even when the
	 * log shows no delivery to tell it */
	if (h && h == rh)
		d->refused_intra = true;
	else
		d->refused_cross = true;
	if (!h)
		d->refused_from_other = true;
	else if (!d->refused_from_hash)
		d->refused_from_hash = h;
	else if (d->refused_from_hash != h)
		d->refused_from_other = true;
}

/* analysis_refused_sender - an EV_REJECT's sender noted for its client */
void analysis_refused_sender(struct analysis *a, const struct event *ev)
{
	if (!span_eqs(ev->action, "reject"))
		return;
	bool own = ev_client_own_network(ev);
	bool by_smtpd = own && span_eqs(ev->line->daemon, "smtpd");
	/* "blocked using " is the reply word RW_BLOCKED, kept when the
	 * refusal's words were scanned ahead (speed31) */
	int kept = ev_reply_holds(ev, RW_BIT(RW_BLOCKED));
	bool listed = !own && (kept >= 0 ? kept : span_find(ev->reason, "blocked using ").p != NULL);
	if (!by_smtpd && !listed)
		return;
	struct span dom = domain_of(ev->from), rdom = domain_of(ev->to);
	/* a listed client's sender in its recipient's domain: most are
	 * not, told apart without a hash */
	if (listed && (!dom.n || !rdom.n || !analysis_same_domain(dom, rdom) || masked_domain(dom)))
		return;
	/* analysis_domain_hash is never 0: 0 is "no '@'" */
	uint32_t h = 0, rh = 0;
	if (by_smtpd) {
		h = dom.p ? analysis_domain_hash(dom) : 0;
		rh = rdom.p ? analysis_domain_hash(rdom) : 0;
	}
	struct client *c = records_client_get(a, ev->client_ip);
	struct client_detail *d = c ? records_detail_get(a, c) : NULL;
	if (!d)
		return;
	if (by_smtpd)
		own_refused(d, h, rh);
	else
		d->blocked_self_sender = true;
}

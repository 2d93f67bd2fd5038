/*
 * verify_reply.c - address verification's refusals whose probe failed on
 * this server itself.  smtpd_check.c answers "<ADDR>: Recipient address
 * rejected: undeliverable address: REASON" (or "unverified address:
 * REASON", "Sender address rejected: ..."), REASON being the probe's own
 * delivery result.  A few reasons only this server's delivery writes:
 * smtp_connect.c's "mail for DOMAIN loops back to myself" (the domain's MX
 * is this host), the queue manager's "unknown mail transport error" and
 * "mail transport unavailable" (a transport master.cf lacks).  The client is then a victim of
 * this server's configuration, not the one at fault.
 *
 * The address (and the tail's to=/from=) is the client's to choose, and a
 * quoted local part may hold any words: the reply is read from its start,
 * the address skipped only when it is the event's own recipient or
 * sender, each word anchored where Postfix puts it.
 */
#include "event.h"

#include <string.h>

/* skip_addr - "<ADDR>: " at the start of *r, ADDR being a (the event's
 * recipient or sender as logged; none when it is empty) */
static bool skip_addr(struct span *r, struct span a)
{
	if (!a.n || r->n < a.n + 4 || r->p[0] != '<' || memcmp(r->p + 1, a.p, a.n) ||
	    memcmp(r->p + 1 + a.n, ">: ", 3))
		return false;
	*r = span_skip(*r, a.n + 4);
	return true;
}

/* ev_verify_probe_local - an EV_REJECT of address verification whose probe
 * failed here; *why (may be NULL) the probe's reason, to its ';' or end */
bool ev_verify_probe_local(const struct event *ev, struct span *why)
{
	struct span r = ev->reason;
	if (ev->type != EV_REJECT || !r.n)
		return false;
	if (r.p[0] == '<' && !skip_addr(&r, ev->to) && !skip_addr(&r, ev->from))
		return false;
	if (!span_eat(&r, "Recipient address rejected: ") && !span_eat(&r, "Sender address rejected: "))
		return false;
	if (!span_eat(&r, "undeliverable address: ") && !span_eat(&r, "unverified address: "))
		return false;
	ptrdiff_t end = span_chr(r, ';');
	if (end >= 0)
		r = span_head(r, (size_t)end);
	r = span_trim(r);
	struct span probe = r;
	/* the retry service's words before a dead transport's error */
	span_eat(&probe, "delivery temporarily suspended: ");
	bool here = (span_starts(probe, "mail for ") && span_ends(probe, " loops back to myself")) ||
		    span_starts(probe, "unknown mail transport error") ||
		    span_starts(probe, "mail transport unavailable");
	if (here && why)
		*why = r;
	return here;
}

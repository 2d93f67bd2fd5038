/*
 * forwarded.c - mail this server forwards, told apart when the target's
 * server refuses it.  A delivery is forwarded mail when its orig_to=
 * (the address written) is at another domain than to= (an alias, a
 * .forward file or a virtual alias sent it on), or when its envelope
 * sender is an SRS address (postsrsd's SRS0=/SRS1=, seen on qmgr's
 * "from=<...>" line of the same queue ID, or quoted in the reply).  A
 * refusal of such mail for sender authentication, for its sender or
 * for another policy reason is this server's forwarding to fix (SRS,
 * not forwarding spam, delivering here), not the target's fault nor
 * this server's own domain's DNS.  A few queue IDs are remembered: a
 * message's qmgr line comes just before its deliveries.
 */
#include "diag_internal.h"
#include "rules_internal.h"

#include <string.h>

/* srs_address - an SRS address: "SRS0" or "SRS1" and a separator
 * (postsrsd's "=", or "+" / "-"), in any case */
static bool srs_address(struct span a)
{
	if (a.n < 6 || (a.p[0] != 'S' && a.p[0] != 's') || (a.p[1] != 'R' && a.p[1] != 'r') ||
	    (a.p[2] != 'S' && a.p[2] != 's') || (a.p[3] != '0' && a.p[3] != '1'))
		return false;
	return a.p[4] == '=' || a.p[4] == '+' || a.p[4] == '-';
}

/* quotes_srs - the reply quotes an SRS sender ("<SRS0=...>") */
static bool quotes_srs(struct span t)
{
	for (struct span r = span_find(t, "<"); r.p; r = span_find(span_skip(r, 1), "<"))
		if (srs_address(span_skip(r, 1)))
			return true;
	return false;
}

/* forwarded_elsewhere - orig_to= and to= both full addresses, at two
 * domains: the address written was sent on to another domain */
static bool forwarded_elsewhere(const struct event *ev)
{
	if (span_chr(ev->orig_to, '@') <= 0 || span_chr(ev->to, '@') <= 0)
		return false;
	struct span od = diag_rcpt_domain(ev->orig_to), td = diag_rcpt_domain(ev->to);
	return od.n && td.n && !span_ieq(od, td);
}

/* memo_slot - the remembered queue ID, or -1 */
static int memo_slot(const struct diag *d, struct span qid)
{
	if (!qid.n || qid.n >= sizeof d->fwd_qids[0])
		return -1;
	for (int i = 0; i < DIAG_FWD_QIDS; i++)
		if (d->fwd_qids[i][0] && span_eqs(qid, d->fwd_qids[i]))
			return i;
	return -1;
}

/* diag_forward_note - qmgr's "QID: from=<SRS0=...>": that queue ID is
 * forwarded mail */
void diag_forward_note(struct diag *d, const struct event *ev)
{
	if (ev->type != EV_QUEUED || !srs_address(ev->from) || !ev->queue_id.n ||
	    ev->queue_id.n >= sizeof d->fwd_qids[0] || memo_slot(d, ev->queue_id) >= 0)
		return;
	char *slot = d->fwd_qids[d->fwd_next++ % DIAG_FWD_QIDS];
	memcpy(slot, ev->queue_id.p, ev->queue_id.n);
	slot[ev->queue_id.n] = '\0';
}

/* diag_forward_take - a refusal of forwarded mail becomes
 * forwarded-mail-refused, keyed as it was (the target's provider or
 * server) */
void diag_forward_take(const struct diag *d, const struct event *ev, struct diag_hit *hit)
{
	if (hit->id != F_OUT_AUTH_CHECKS && hit->id != F_OUT_REMOTE_PERM && hit->id != F_OUT_SENDER_REJECTED)
		return;
	if (ev->type != EV_DELIVERY && ev->type != EV_SMTP_ERROR)
		return;
	if (forwarded_elsewhere(ev) || memo_slot(d, ev->queue_id) >= 0 || quotes_srs(ev->reason) ||
	    (ev->type == EV_SMTP_ERROR && quotes_srs(ev->line->text)))
		hit->id = F_OUT_FORWARD_REFUSED;
}

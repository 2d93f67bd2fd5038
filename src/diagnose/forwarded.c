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
 * this server's own domain's DNS.  A refusal under the DMARC policy of
 * a domain that is not the envelope sender's (a mailing list keeping
 * the poster's From:) is outbound-dmarc-foreign-from.  A few queue IDs
 * are remembered: a message's qmgr line comes just before its
 * deliveries.
 */
#include "diag_internal.h"
#include "rules_internal.h"
#include "needles.h"

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

static void from_note(struct diag *d, const struct event *ev);

/* diag_forward_note - qmgr's "QID: from=<SRS0=...>": that queue ID is
 * forwarded mail; every sender's domain noted too (from_note) */
void diag_forward_note(struct diag *d, const struct event *ev)
{
	if (ev->type != EV_QUEUED)
		return;
	from_note(d, ev);
	if (!srs_address(ev->from) || !ev->queue_id.n ||
	    ev->queue_id.n >= sizeof d->fwd_qids[0] || memo_slot(d, ev->queue_id) >= 0)
		return;
	char *slot = d->fwd_qids[d->fwd_next++ % DIAG_FWD_QIDS];
	memcpy(slot, ev->queue_id.p, ev->queue_id.n);
	slot[ev->queue_id.n] = '\0';
}

/* dmarc_domain - the domain whose DMARC policy the reply names (Gmail's
 * "Unauthenticated email from D is not accepted due to domain's DMARC
 * policy", Microsoft's 5.7.509 "sending domain [D] does not pass DMARC
 * verification", "DMARC policy for D"); SPAN_NULL when none */
static struct span dmarc_domain(struct span t)
{
	static const char *const marks[] = {"Unauthenticated email from ", "sending domain ", "DMARC policy for "};
	if (ci_find(t, "DMARC") < 0)
		return SPAN_NULL;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		ptrdiff_t k = ci_find(t, marks[i]);
		if (k < 0)
			continue;
		struct span r = span_skip(t, (size_t)k + strlen(marks[i]));
		if (r.n && r.p[0] == '[')
			r = span_skip(r, 1);
		size_t n = 0;
		while (n < r.n && n < 63 && r.p[n] != ' ' && r.p[n] != ']' && r.p[n] != ',' && r.p[n] != ';' &&
		       r.p[n] != ')')
			n++;
		while (n && r.p[n - 1] == '.')
			n--;
		if (n && span_chr(span_make(r.p, n), '.') > 0)
			return span_make(r.p, n);
	}
	return SPAN_NULL;
}

/* same_org - a and b are one domain or one is under the other (DMARC's
 * relaxed alignment, without the public suffix list) */
static bool same_org(struct span a, struct span b)
{
	if (a.n < b.n) {
		struct span x = a;
		a = b;
		b = x;
	}
	if (span_ieq(a, b))
		return true;
	return a.n > b.n && a.p[a.n - b.n - 1] == '.' && span_ieq(span_make(a.p + a.n - b.n, b.n), b);
}

/* from_note - qmgr's "QID: from=<local@domain>": the envelope sender's
 * domain of that queue ID, remembered a while */
static void from_note(struct diag *d, const struct event *ev)
{
	if (!ev->queue_id.n || ev->queue_id.n >= sizeof d->from_qids[0])
		return;
	struct span dom = diag_rcpt_domain(ev->from);
	if (!dom.n || dom.n >= sizeof d->from_doms[0])
		return;
	uint32_t i = d->from_next++ % DIAG_FWD_QIDS;
	memcpy(d->from_qids[i], ev->queue_id.p, ev->queue_id.n);
	d->from_qids[i][ev->queue_id.n] = '\0';
	memcpy(d->from_doms[i], dom.p, dom.n);
	d->from_doms[i][dom.n] = '\0';
}

/* foreign_from - a DMARC refusal naming a domain that is not the
 * envelope sender's of the same queue ID: the message carries another
 * domain's From: (a list that keeps the poster's, an application that
 * writes a customer's) */
static bool foreign_from(const struct diag *d, const struct event *ev)
{
	struct span named = dmarc_domain(ev->reason);
	if (!named.n || !ev->queue_id.n)
		return false;
	for (int i = 0; i < DIAG_FWD_QIDS; i++)
		if (d->from_qids[i][0] && span_eqs(ev->queue_id, d->from_qids[i]))
			return !same_org(named, span_make(d->from_doms[i], strlen(d->from_doms[i])));
	return false;
}

/* diag_forward_take - a refusal of forwarded mail becomes
 * forwarded-mail-refused, keyed as it was (the target's provider or
 * server) */
void diag_forward_take(const struct diag *d, const struct event *ev, struct diag_hit *hit)
{
	if (hit->id != F_OUT_AUTH_CHECKS && hit->id != F_OUT_DMARC_UNALIGNED && hit->id != F_OUT_REMOTE_PERM &&
	    hit->id != F_OUT_SENDER_REJECTED)
		return;
	if (ev->type != EV_DELIVERY && ev->type != EV_SMTP_ERROR)
		return;
	if (forwarded_elsewhere(ev) || memo_slot(d, ev->queue_id) >= 0 || quotes_srs(ev->reason) ||
	    (ev->type == EV_SMTP_ERROR && quotes_srs(ev->line->text)))
		hit->id = F_OUT_FORWARD_REFUSED;
	else if (hit->id == F_OUT_AUTH_CHECKS && ev->type == EV_DELIVERY && foreign_from(d, ev))
		hit->id = F_OUT_DMARC_FOREIGN_FROM;
}

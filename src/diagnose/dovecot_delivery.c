/*
 * dovecot_delivery.c - the message's end after Postfix hands it to
 * Dovecot, by Dovecot's own delivery lines (parse/dovecot.c: its LDA's
 * and LMTP server's "msgid=<ID>: saved mail to BOX", Sieve's actions and
 * failures) and by the LMTP reply Pigeonhole gives Postfix when Sieve
 * fails.  What each tells:
 *   - a store refused for the user's quota: local-mailbox-full (the
 *     recipient's own full mailbox; the user counted for
 *     mailbox-limit-refuses-all as the Postfix line's recipient is);
 *   - a Sieve script aborted or failed (lda-sieve-plugin.c), and LMTP's
 *     "Execution of Sieve filters was aborted due to temporary failure",
 *     "Temporarily unable to access necessary Sieve scripts":
 *     sieve-script-failing, keyed by the script (the backend for the
 *     reply), unless Dovecot could not store the message for the same
 *     user just before: the abort is then that failure's (its own line
 *     and Postfix's tell it), not the script's;
 *   - the user's own rule filing the message into a folder other than
 *     INBOX, discarding, forwarding or refusing it: mailbox-sieve-action,
 *     benign (tell the user), keyed by what was done;
 *   - the rest (saved into INBOX, a vacation reply, a store failure of
 *     another cause, the compiled script not saved) no finding: the
 *     Postfix line beside it tells the delivery's fate.
 * Untrusted: every field is log text, copied bounded (diag_copy_key).
 * The memo of recent store failures is a fixed ring (DV_STORE_RING).
 */
#include "diag_internal.h"
#include "needles.h"

#include <string.h>

/* dv_line - a delivery line of Dovecot (its syslog tag, or its own
 * log_path's process in the tag's place), as parse/dovecot.c marks it */
static bool dv_line(const struct event *ev)
{
	struct span d = ev->line->daemon;
	return ev->action.n && (span_eqs(d, "dovecot") || span_starts(d, "lmtp(") || span_starts(d, "lda(") ||
				span_starts(d, "deliver(") || span_starts(d, "dovecot-lda("));
}

/* dv_quota - a store failure's error says the user's quota or mailbox
 * is full (quota-settings.c's quota_exceeded_message and the words
 * admins set in its place, EDQUOT's text) */
static bool dv_quota(struct span err)
{
	static const char *const w[] = {"Quota exceeded", "quota exceeded", "over quota", "Mailbox is full",
					"mailbox is full", "mailbox full", "Disk quota exceeded", "Not enough disk quota"};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (ci_find(err, w[i]) >= 0)
			return true;
	return false;
}

/* dv_subject - the user's domain (or the user) as the hit's subject */
static void dv_subject(const struct event *ev, struct diag_hit *hit)
{
	ptrdiff_t at = span_rchr(ev->to, '@');
	diag_copy_key(hit->subject, at >= 0 ? span_skip(ev->to, (size_t)at + 1) : ev->to);
	hit->recipient = ev->to.n > 0;
}

bool diag_dovecot_hit(const struct event *ev, struct diag_hit *hit)
{
	if (ev->type != EV_OTHER || !dv_line(ev))
		return false;
	memset(hit, 0, sizeof *hit);
	struct span a = ev->action;
	if (span_eqs(a, "store_failed") && dv_quota(ev->reason)) {
		hit->id = F_OWN_MAILBOX_FULL;
		memcpy(hit->key, "dovecot", 8);
	} else if (span_eqs(a, "script_aborted") || span_eqs(a, "script_failed")) {
		hit->id = F_SIEVE_FAILING;
		diag_copy_key(hit->key, ev->relay.n ? ev->relay : span_of("sieve"));
	} else if (span_eqs(a, "saved") && ev->relay.n && !span_ieq(ev->relay, span_of("INBOX"))) {
		hit->id = F_SIEVE_ACTION;
		diag_copy_key(hit->key, ev->relay);
	} else if (span_eqs(a, "discarded") || span_eqs(a, "forwarded") || span_eqs(a, "rejected")) {
		hit->id = F_SIEVE_ACTION;
		memcpy(hit->key, span_eqs(a, "discarded") ? "discard" : span_eqs(a, "forwarded") ? "redirect" : "reject",
		       span_eqs(a, "discarded") ? 8 : span_eqs(a, "forwarded") ? 9 : 7);
	} else {
		return false;
	}
	dv_subject(ev, hit);
	return true;
}

bool diag_sieve_reply(struct span t)
{
	return span_find(t, "Execution of Sieve filters was aborted").p ||
	       span_find(t, "unable to access necessary Sieve scripts").p;
}

/* dv_user - the user of a store failure as the ring keeps it */
static void dv_user(struct span to, char *out, size_t n)
{
	size_t k = to.n < n - 1 ? to.n : n - 1;
	memcpy(out, to.p, k);
	out[k] = 0;
}

bool diag_dovecot_take(struct diag *d, const struct event *ev, const struct diag_hit *hit)
{
	if (ev->type != EV_OTHER || !dv_line(ev))
		return true;
	int64_t now = ev->line->ts.us;
	char user[sizeof d->dv_store[0].user];
	dv_user(ev->to, user, sizeof user);
	if (span_eqs(ev->action, "store_failed")) {
		struct dv_store *s = &d->dv_store[d->dv_store_next++ % DV_STORE_RING];
		memcpy(s->user, user, sizeof user);
		s->at = now;
		s->live = true;
		return true;
	}
	if (!hit || hit->id != F_SIEVE_FAILING)
		return true;
	for (size_t i = 0; i < DV_STORE_RING; i++) {
		const struct dv_store *s = &d->dv_store[i];
		if (s->live && !strcmp(s->user, user) && now - s->at <= 60LL * 1000000 && now >= s->at)
			return false;
	}
	return true;
}

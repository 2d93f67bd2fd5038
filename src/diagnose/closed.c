/*
 * closed.c - a remote server's 421 that closes the connection, and the
 * "lost connection with NAME" that follows it: smtp's "host NAME[ADDR]
 * said: 421 ..." is kept by process (struct diag's closed ring), and the
 * same process' lost connection with that server is the 421's effect,
 * not a second problem (diag_hit_event asks).
 */
#include "diag_internal.h"

#include <string.h>

/* peer_after - the host name after WORD in text ("host NAME[" or "with
 * NAME["), empty when none or too long */
static struct span peer_after(struct span text, const char *word)
{
	struct span w = span_find(text, word);
	if (!w.p)
		return SPAN_NULL;
	struct span in = span_skip(w, strlen(word));
	ptrdiff_t lb = span_chr(in, '[');
	if (lb <= 0 || (size_t)lb >= sizeof ((struct diag_closed *)0)->peer)
		return SPAN_NULL;
	struct span name = span_head(in, (size_t)lb);
	return span_chr(name, ' ') >= 0 ? SPAN_NULL : name;
}

/* diag_said_421 - t holds " said: 421", found by its ": 421" (speed31:
 * a search that starts with a blank stops at every word of the reason,
 * about 280 instructions a delivery deferred; ':' is rare); each ": 421"
 * with " said" before it (test_said_421.c holds it to span_find) */
bool diag_said_421(struct span t)
{
	for (size_t from = 0;;) {
		ptrdiff_t k = span_index(span_skip(t, from), ": 421");
		if (k < 0)
			return false;
		size_t at = from + (size_t)k;
		if (at >= 5 && !memcmp(t.p + at - 5, " said", 5))
			return true;
		from = at + 1;
	}
}

/* diag_closed_note - smtp's "host NAME[ADDR] said: 421 ..." (smtp_trouble.c):
 * the remote server closes the connection after this reply; kept by
 * process for the "lost connection with NAME" that may follow */
void diag_closed_note(struct diag *d, const struct event *ev)
{
	/* a 421 defers: a delivery of another status, or whose DSN is not
	 * 4.x.x, holds none, and the reason is searched, not the line */
	if (ev->line->pid < 0 || (ev->type == EV_DELIVERY && !span_eqs(ev->status, "deferred")) ||
	    (ev->dsn.n && ev->dsn.p[0] != '4') || !span_eqs(ev->line->daemon, "smtp"))
		return;
	/* an SMTP client error holds the reply's code apart; a delivery's
	 * reason is "host NAME[ADDR] said: 421 ..." (shorter than the line) */
	struct span t = ev->line->text, r = ev->reason;
	if (!(span_eqs(ev->code, "421") || diag_said_421(r.n ? r : t)))
		return;
	struct span peer = peer_after(t, "host ");
	if (!peer.n)
		return;
	struct diag_closed *c = &d->closed[d->closed_next++ % 8];
	c->pid = ev->line->pid;
	c->host = span_hash(ev->line->host);
	memcpy(c->peer, peer.p, peer.n);
	c->peer[peer.n] = 0;
}

/* diag_closed_by_421 - "lost connection with NAME[ADDR] while sending ..." from
 * the process whose last word from NAME was a 421: with pipelining the
 * client reads the next reply from a connection the server closed with
 * that 421 (Yahoo's [TSS04] to MAIL FROM, then "while sending RCPT TO"):
 * the 421's effect, no second problem */
bool diag_closed_by_421(struct diag *d, const struct event *ev)
{
	struct span peer = peer_after(ev->line->text, "lost connection with ");
	if (!peer.n || ev->line->pid < 0)
		return false;
	uint64_t host = span_hash(ev->line->host);
	for (size_t i = 0; i < 8; i++) {
		struct diag_closed *c = &d->closed[i];
		if (c->pid == ev->line->pid && c->host == host && c->peer[0] && span_eqs(peer, c->peer)) {
			c->peer[0] = 0;
			return true;
		}
	}
	return false;
}

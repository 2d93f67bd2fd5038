/*
 * bounce_reply.c - a refusal of Postfix's SMTP server pasted alone: the
 * reply a client was given ("550 5.1.1 <a@example.com>: Recipient address
 * rejected: undeliverable address: mail for example.com loops back to
 * myself"), without the "NOQUEUE: reject: RCPT from C: " of the log line
 * that carried it.  Admins paste it as their mail program or a bounce
 * showed it.
 *
 * Its words are smtpd_check.c's ("Recipient address rejected: ", "Sender
 * address rejected: ": a refusal for the address, which the reply names),
 * so it is read as smtpd's refusal of a client whose address is not given
 * (unknown[unknown], as a postmaster transcript's): "NOQUEUE: reject:
 * STAGE from unknown[unknown]: REPLY; from=<S> to=<R>", the address the
 * reply names as its recipient or sender.  Whose server gave it is not in
 * the words; the findings read from it say so where it matters (a verify
 * probe's own failure is the answering server's).  The refusals for the
 * client itself ("Relay access denied", "Client host rejected", "Helo
 * command rejected") are not read so: without the client they would make
 * an unnamed client a relay tester, when such a paste is most often the
 * admin's own user asking why a send failed.  The reply's status
 * code, its enhanced code and the address are optional, each where
 * Postfix puts it; the words must come right after them, so prose that
 * quotes a reply midway, mail headers and a transcript's "Out:" lines
 * stay text.  Untrusted input: bounded, each field checked, the reply cut
 * at BM_TEXT_MAX and at a control byte.
 */
#include "bounce_mailq.h"

#include <stdio.h>
#include <string.h>

static inline bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* skip_code - "DDD " or "DDD-" (a 4XX or 5XX reply), then "D.D.D " with
 * one to three digits in the last two parts */
static void skip_code(struct span *cur)
{
	struct span c = *cur;
	if (c.n >= 4 && (c.p[0] == '4' || c.p[0] == '5') && digit(c.p[1]) && digit(c.p[2]) &&
	    (c.p[3] == ' ' || c.p[3] == '-')) {
		c = span_skip(c, 4);
		*cur = c;
	}
	if (c.n < 6 || (c.p[0] != '4' && c.p[0] != '5') || c.p[1] != '.')
		return;
	size_t i = 2;
	for (int part = 0; part < 2; part++) {
		size_t k = 0;
		while (i + k < c.n && k < 3 && digit(c.p[i + k]))
			k++;
		if (!k)
			return;
		i += k;
		if (i >= c.n || c.p[i] != (part ? ' ' : '.'))
			return;
		i++;
	}
	*cur = span_skip(c, i);
}

/* the words a refusal starts with, the command it answers and whether
 * its address is the sender */
static const struct {
	const char *words, *stage;
	bool sender;
} reply_starts[] = {
    {"Recipient address rejected: ", "RCPT", false},
    {"Sender address rejected: ", "MAIL", true},
};

/* bm_reply_line - a refusal of smtpd pasted alone: made into its log
 * line's message in bm->out, kept as BM_REPLY; false for any other line */
bool bm_reply_line(struct bounce_mailq *bm, struct span line)
{
	struct span cur = line, reply;
	while (cur.n && (cur.p[cur.n - 1] == ' ' || cur.p[cur.n - 1] == '\t' || cur.p[cur.n - 1] == '\r'))
		cur.n--;
	skip_code(&cur);
	reply = span_make(line.p, (size_t)(cur.p - line.p) + cur.n);
	struct span addr = SPAN_NULL;
	if (cur.n && cur.p[0] == '<') {
		ptrdiff_t end = span_index(cur, ">: ");
		if (end < 2 || end >= BM_ADDR_MAX)
			return false;
		addr = span_make(cur.p + 1, (size_t)end - 1);
		for (size_t i = 0; i < addr.n; i++)
			if (addr.p[i] == '<' || addr.p[i] == '>' || (unsigned char)addr.p[i] <= ' ' ||
			    addr.p[i] == 0x7f)
				return false;
		cur = span_skip(cur, (size_t)end + 3);
	}
	size_t w = 0, nw = sizeof reply_starts / sizeof *reply_starts;
	while (w < nw && !span_starts(cur, reply_starts[w].words))
		w++;
	if (w == nw)
		return false;
	/* the reply up to a control byte, a ';' that began the log line's
	 * tail (a paste cut there) dropped */
	size_t n = 0;
	while (n < reply.n && n < BM_TEXT_MAX && (unsigned char)reply.p[n] >= 0x20 && reply.p[n] != 0x7f)
		n++;
	reply = span_head(reply, n);
	while (reply.n && (reply.p[reply.n - 1] == ';' || reply.p[reply.n - 1] == ' '))
		reply.n--;
	int at = snprintf(bm->out, sizeof bm->out, "NOQUEUE: reject: %s from unknown[unknown]: %.*s",
			  reply_starts[w].stage, (int)reply.n, reply.p);
	if (addr.n && at > 0 && (size_t)at < sizeof bm->out)
		snprintf(bm->out + at, sizeof bm->out - (size_t)at, "; %s=<%.*s>",
			 reply_starts[w].sender ? "from" : "to", (int)addr.n, addr.p);
	bm->kind = BM_REPLY;
	return true;
}

/* bm_reply_flush - the refusal read by bm_reply_line, handed on */
void bm_reply_flush(struct bounce_mailq *bm, bm_emit_fn emit, void *ctx)
{
	emit(ctx, "smtpd", span_of(bm->out), bm->lineno, bm->ts);
}

/*
 * dialogue.c - the SMTP dialogue of a session as -v (debug_peer_list)
 * and TLS debug (smtpd_tls_loglevel 2+) log it, merged into one list of
 * lines: a command or reply that both views tell is kept once, the -v
 * text preferred; capped per session (SESSION_MAX_DIALOGUE).
 */
#include "model_internal.h"
#include "../util/xalloc.h"

#include <string.h>

/* dialogue_add - append a verbose/TLS-debug dialogue line, capped;
 * its index, or -1 when it was dropped */
int64_t dialogue_add(struct session *s, char dir, bool tls, bool cut, struct span text)
{
	if (s->ndialogue >= SESSION_MAX_DIALOGUE) {
		s->dialogue_dropped++;
		return -1;
	}
	if (s->ndialogue == s->dialogue_cap) {
		s->dialogue_cap = s->dialogue_cap ? s->dialogue_cap * 2 : 16;
		s->dialogue = xrealloc(s->dialogue, s->dialogue_cap * sizeof *s->dialogue);
	}
	s->dialogue[s->ndialogue] = (struct dialogue_line){dir, tls, pool_dup(&s->pool, text), cut};
	return s->ndialogue++;
}

/*
 * The same dialogue, twice.  With -v (debug_peer_list) and TLS debug
 * both on, each command is logged as "Read N chars: CMD??" and then
 * "< PEER: CMD", each reply as "> PEER: REPLY" and then, once flushed,
 * "Write N chars: REPLY??REPLY??..." (one record for several lines,
 * cut at 40 characters).  The -v line is the complete one: it takes the
 * place of the Read that came before it, and a Write whose lines -v has
 * told is not kept.  A record -v does not repeat stays.
 */

/* tls_line - the k-th line of a TLS-debug record ("??" is CR LF); *last
 * when it is the record's last */
static bool tls_line(struct span t, uint32_t k, struct span *out, bool *last)
{
	struct span part;
	for (uint32_t i = 0; i <= k; i++) {
		if (!t.n && i)
			return false;
		if (!span_until(&t, "??", &part)) {
			part = t;
			t = span_skip(t, t.n);
		}
		if (i == k) {
			*out = part;
			*last = !t.n;
			return true;
		}
	}
	return false;
}

/* same_line - a TLS-debug line and a -v one say the same; a cut line
 * only has to begin the other */
static bool same_line(struct span tls, bool cut, struct span full)
{
	while (tls.n && tls.p[tls.n - 1] == ' ')
		tls.n--;
	if (full.n > MODEL_STR_MAX) /* as kept */
		full.n = MODEL_STR_MAX;
	if (!tls.n)
		return false;
	return span_eq(tls, full) || (cut && full.n > tls.n && memcmp(full.p, tls.p, tls.n) == 0);
}

/* dialogue_tls_read - a TLS Read: kept until -v tells the same */
void dialogue_tls_read(struct osess *o, const struct event *ev)
{
	struct session *s = &o->s;
	/* the server reads only once it has written everything: no reply
	 * before this point is still waiting for its Write */
	o->out_from = s->ndialogue;
	bool cut = ev_tls_cut(ev) || ev->command.n > MODEL_STR_MAX; /* or by the copy */
	int64_t at = dialogue_add(s, '<', true, cut, ev->command);
	o->read_at = at < 0 ? 0 : (uint32_t)at + 1;
	o->read_seg = 0;
	o->read_text = at < 0 ? NULL : s->dialogue[at].text;
	o->read_cut = at >= 0 && s->dialogue[at].cut;
}

/* dialogue_in - a -v command: it takes the place of the Read that
 * carried it (the Read's later lines are told by the -v lines to come) */
void dialogue_in(struct osess *o, struct span cmd)
{
	struct session *s = &o->s;
	struct span part;
	bool last;
	if (o->read_at && tls_line(span_of(o->read_text), o->read_seg, &part, &last) &&
	    same_line(part, o->read_cut && last, cmd)) {
		if (o->read_seg == 0) {
			struct dialogue_line *d = &s->dialogue[o->read_at - 1];
			d->text = pool_dup(&s->pool, cmd);
			d->tls = d->cut = false;
		} else {
			dialogue_add(s, '<', false, false, cmd);
		}
		o->read_seg++;
		if (last)
			o->read_at = 0;
		return;
	}
	o->read_at = 0;
	dialogue_add(s, '<', false, false, cmd);
}

/* dialogue_tls_write - a TLS Write: not kept when -v has told its lines */
void dialogue_tls_write(struct osess *o, const struct event *ev)
{
	struct session *s = &o->s;
	bool cut = ev_tls_cut(ev);
	/* as it would be kept, so that each tls_line() below costs at most
	 * MODEL_STR_MAX bytes whatever the line */
	struct span rec = ev->command;
	if (rec.n > MODEL_STR_MAX) {
		rec.n = MODEL_STR_MAX;
		cut = true;
	}
	struct span part;
	bool last;
	uint32_t i = o->out_from, k = 0;
	while (tls_line(rec, k, &part, &last)) {
		/* the first line may follow replies no Write repeats (those
		 * sent before STARTTLS); the others follow one another */
		while (i < s->ndialogue &&
		       (s->dialogue[i].dir != '>' || s->dialogue[i].tls ||
			(k == 0 && !same_line(part, cut && last, span_of(s->dialogue[i].text)))))
			i++;
		if (i == s->ndialogue || !same_line(part, cut && last, span_of(s->dialogue[i].text)))
			break;
		i++;
		k++;
	}
	if (k) {
		o->out_from = i;
		return;
	}
	dialogue_add(s, '>', true, cut, rec);
}

/* dialogue_reply_text - a -v reply as logged: "250-PIPELINING", "535 5.7.8 ..." */
struct span dialogue_reply_text(const struct event *ev)
{
	struct span r = ev->reason.p ? ev->reason : ev->command;
	if (!ev->code.p || !r.p || r.p < ev->code.p)
		return ev->code.p ? ev->code : r;
	return span_make(ev->code.p, (size_t)(r.p + r.n - ev->code.p));
}

/* dialogue_strip_crlf - TLS debug shows CR LF as "??" at the end */
struct span dialogue_strip_crlf(struct span t)
{
	while (t.n && (t.p[t.n - 1] == '?' || t.p[t.n - 1] == '\r' || t.p[t.n - 1] == '\n'))
		t.n--;
	return t;
}

/* dialogue_helo_from - take the HELO name from an EHLO/HELO command line */
void dialogue_helo_from(struct session *s, struct span cmd)
{
	if (s->helo || cmd.n < 5)
		return;
	char c0 = cmd.p[0] & ~0x20, c1 = cmd.p[1] & ~0x20, c2 = cmd.p[2] & ~0x20,
	     c3 = cmd.p[3] & ~0x20;
	if (!((c0 == 'E' || c0 == 'H') && c1 == 'H' && c2 == 'L' && c3 == 'O' && cmd.p[4] == ' '))
		return;
	s->helo = pool_dup(&s->pool, span_trim(span_skip(cmd, 5)));
}

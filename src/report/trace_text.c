/*
 * trace_text.c - the story of a session or a message in plain words.
 *
 * Layout: a heading line, then "  label  value" lines.  Everything that
 * came from the log is neutralised by buf_term (no control characters,
 * no escape sequences reach the terminal).
 */
#include "trace_text.h"
#include "model_json.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/* text_str - untrusted text for the terminal; "-" when absent */
void text_str(struct buf *b, const char *s)
{
	buf_term(b, span_of(s ? s : "-"));
}

/* text_heading - a bold heading when colour is on */
void text_heading(struct buf *b, bool color, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (color)
		buf_puts(b, "\033[1m");
	buf_term(b, span_of(tmp));
	if (color)
		buf_puts(b, "\033[0m");
	buf_putc(b, '\n');
}

/* label - "  label     ": padded to 10 characters, not bytes (a
 * translated label may hold accented letters) */
static void label(struct buf *b, const char *l)
{
	int chars = 0;
	for (const char *p = l; *p; p++)
		chars += ((unsigned char)*p & 0xc0) != 0x80;
	buf_printf(b, "  %s%*s ", l, chars < 10 ? 10 - chars : 0, "");
}

/* termed - s made safe for the terminal ("-" when absent), as a string
 * held in t (reused) */
static const char *termed(struct buf *t, const char *s)
{
	t->n = 0;
	text_str(t, s);
	buf_putc(t, 0);
	return t->p;
}

/* client - "name[ip]" */
static void client(struct buf *b, const char *name, const char *ip)
{
	text_str(b, name ? name : "unknown");
	buf_putc(b, '[');
	text_str(b, ip);
	buf_putc(b, ']');
}

/* trace_text_session - one smtpd session */
void trace_text_session(struct buf *b, const struct session *s, bool color)
{
	struct buf t[3] = {{0}};
	buf_stamp_short(&t[0], s->start);
	buf_putc(&t[0], 0);
	termed(&t[1], s->host && *s->host ? s->host : "-");
	termed(&t[2], s->service);
	/* TRANSLATORS: "Session #12 2026-11-22 11:41:04 on mx1
	 * postfix/smtpd[4242]": number, start, host, service and pid */
	text_heading(b, color, _("Session #%llu %s on %s %s[%lld]"), (unsigned long long)s->id, t[0].p,
		     t[1].p, t[2].p, (long long)s->pid);
	label(b, C_("trace label", "client"));
	client(b, s->client_name, s->client_ip);
	if (!s->saw_connect)
		buf_puts(b, _("  (the log begins inside this session)"));
	buf_putc(b, '\n');
	if (s->helo) {
		label(b, C_("trace label", "helo"));
		text_str(b, s->helo);
		buf_putc(b, '\n');
	}
	if (s->tls) {
		label(b, C_("trace label", "tls"));
		/* TRANSLATORS: "Anonymous TLSv1.3 with TLS_AES_256_GCM_SHA384":
		 * the trust, protocol and cipher, as logged */
		buf_printf(b, _("%s %s with %s\n"), termed(&t[0], s->tls_trust), termed(&t[1], s->tls_proto),
			   termed(&t[2], s->tls_cipher));
	}
	if (s->sasl_username) {
		label(b, C_("trace label", "auth"));
		/* TRANSLATORS: the SASL username and mechanism: "alice (LOGIN)" */
		buf_printf(b, _("logged in as %s (%s)\n"), termed(&t[0], s->sasl_username),
			   termed(&t[1], s->sasl_method));
	}
	if (s->auth_failures) {
		label(b, C_("trace label", "auth"));
		if (s->last_auth_reason)
			/* TRANSLATORS: %s is the reason Postfix logged */
			buf_printf(b, P_("%u failed attempt: %s\n", "%u failed attempts: %s\n", s->auth_failures),
				   s->auth_failures, termed(&t[0], s->last_auth_reason));
		else
			buf_printf(b, P_("%u failed attempt\n", "%u failed attempts\n", s->auth_failures),
				   s->auth_failures);
	}
	if (s->rejects) {
		label(b, C_("trace label", "rejected"));
		/* TRANSLATORS: %s is the last refusal as Postfix logged it */
		buf_printf(b, P_("%u time, last: %s\n", "%u times, last: %s\n", s->rejects), s->rejects,
			   termed(&t[0], s->last_reject));
	}
	if (s->nqids) {
		label(b, C_("trace label", "queued"));
		for (uint32_t i = 0; i < s->nqids; i++) {
			if (i)
				buf_puts(b, ", ");
			text_str(b, s->qids[i]);
		}
		buf_putc(b, '\n');
	}
	label(b, C_("trace label", "ended"));
	buf_stamp_short(b, s->end);
	buf_putc(b, ' ');
	if (s->lost_reason)
		/* TRANSLATORS: "lost connection after DATA, then ": how Postfix
		 * named the end and the stage, as logged; how the session was
		 * closed follows ("disconnected") */
		buf_printf(b, _("%s after %s, then "), termed(&t[0], s->lost_reason), termed(&t[1], s->lost_stage));
	for (int i = 0; i < 3; i++)
		buf_free(&t[i]);
	buf_puts(b, s->end_kind == END_DISCONNECT ? _("disconnected")
		    : s->end_kind == END_REPLACED ? _("no disconnect logged (process reused)")
		    : s->end_kind == END_EVICTED ? _("no disconnect logged (given up)")
						  : _("still open at the end of the log"));
	if (s->have_stats) {
		buf_puts(b, ":");
		for (uint32_t i = 0; i < s->nstats; i++) {
			buf_putc(b, ' ');
			text_str(b, s->stats[i].name);
			if (s->stats[i].ok == s->stats[i].total)
				buf_printf(b, "=%u", s->stats[i].ok);
			else
				buf_printf(b, "=%u/%u", s->stats[i].ok, s->stats[i].total);
		}
	}
	buf_putc(b, '\n');
}

/* status_phrase - a recipient's fate in words */
static const char *status_phrase(const char *st)
{
	if (!st)
		return _("no delivery attempt logged");
	if (!strcmp(st, "sent"))
		return _("delivered");
	if (!strcmp(st, "bounced"))
		return _("bounced (permanent failure)");
	if (!strcmp(st, "deferred"))
		return _("deferred (will retry)");
	if (!strcmp(st, "expired"))
		return _("expired in the queue");
	return st;
}

/* kind_phrase - how a child relates to its parent */
static const char *kind_phrase(enum link_kind k)
{
	switch (k) {
	case LINK_BOUNCE: return _("non-delivery notice (bounce)");
	case LINK_DELAY: return _("delay notice");
	case LINK_DSN: return _("delivery status notice");
	case LINK_POSTMASTER: return _("postmaster notice");
	case LINK_FILTER: return _("re-injected copy (content filter)");
	case LINK_FORWARD: return _("forwarded copy");
	default: return _("related message");
	}
}

/* mailbox_end - where Dovecot put the message, by its delivery line
 * naming the message's Message-ID (the model's mailbox_*) */
static void mailbox_end(struct buf *b, const struct message *m, struct buf t[3])
{
	const char *k = m->mailbox_kind;
	if (!k)
		return;
	const char *user = m->mailbox_user ? termed(&t[0], m->mailbox_user) : "?";
	const char *box = termed(&t[1], m->mailbox_box ? m->mailbox_box : "");
	const char *why = termed(&t[2], m->mailbox_reason ? m->mailbox_reason : "");
	label(b, C_("trace label", "mailbox"));
	if (!strcmp(k, "saved"))
		/* TRANSLATORS: Dovecot's delivery: the mailbox ("INBOX", "Junk"), the user */
		buf_printf(b, _("Dovecot put it into %s for %s"), box, user);
	else if (!strcmp(k, "store_failed"))
		/* TRANSLATORS: the mailbox, the user, Dovecot's error */
		buf_printf(b, _("Dovecot could not store it into %s for %s: %s"), box, user, why);
	else if (!strcmp(k, "discarded"))
		/* TRANSLATORS: %s is the user */
		buf_printf(b, _("discarded for %s by the user's own Sieve rule: in no mailbox"), user);
	else if (!strcmp(k, "forwarded"))
		/* TRANSLATORS: the user, the address it was forwarded to */
		buf_printf(b, _("forwarded for %s to %s by the user's own Sieve rule"), user, box);
	else
		/* TRANSLATORS: the user, Sieve's words */
		buf_printf(b, _("refused for %s by the user's own Sieve rule: %s"), user, why);
	buf_putc(b, '\n');
}

/* trace_text_message - one message's life */
void trace_text_message(struct buf *b, const struct message *m, bool color)
{
	struct buf t[3] = {{0}};
	termed(&t[0], m->qid);
	buf_stamp_short(&t[1], m->start);
	buf_putc(&t[1], 0);
	termed(&t[2], m->host && *m->host ? m->host : "-");
	/* TRANSLATORS: "Message 4A1B2C3D4E 2026-11-22 11:41:04 on mx1": the
	 * queue ID, when it was first seen and the host */
	text_heading(b, color, _("Message %s %s on %s"), t[0].p, t[1].p, t[2].p);
	label(b, C_("trace label", "came from"));
	switch (m->origin) {
	case ORIGIN_SMTPD:
		client(b, m->client_name, m->client_ip);
		if (m->session_id)
			buf_printf(b, _(" (session #%llu)"), (unsigned long long)m->session_id);
		if (m->sasl_username)
			/* TRANSLATORS: %s is the SASL username */
			buf_printf(b, _(", authenticated as %s"), termed(&t[0], m->sasl_username));
		else
			buf_puts(b, _(", not authenticated"));
		break;
	case ORIGIN_PICKUP:
		/* TRANSLATORS: %s is the Unix user id that submitted it */
		buf_printf(b, _("local submission (sendmail/pickup), uid %s"), termed(&t[0], m->uid));
		break;
	case ORIGIN_NOTIFICATION:
		/* TRANSLATORS: "Postfix itself: delay notice about 4A1B2C3D4E":
		 * the kind of notice and the queue ID of the message it is about */
		buf_printf(b, _("Postfix itself: %s about %s"), kind_phrase(m->parent_kind),
			   termed(&t[0], m->parent_qid));
		break;
	case ORIGIN_REINJECTED:
		/* TRANSLATORS: %s is the queue ID of the original message */
		buf_printf(b, _("content filter re-injection of %s"), termed(&t[0], m->parent_qid));
		if (m->client_ip) {
			t[1].n = 0;
			client(&t[1], m->client_name, m->client_ip);
			buf_putc(&t[1], 0);
			/* TRANSLATORS: %s is the client that re-injected it: "name[address]" */
			buf_printf(b, _(" (via %s)"), t[1].p);
		}
		if (m->sasl_username)
			/* TRANSLATORS: %s is the SASL username */
			buf_printf(b, _(", originally authenticated as %s"), termed(&t[0], m->sasl_username));
		break;
	case ORIGIN_POSTFIX:
		buf_puts(b, msg_verify_probe(m) ? _("Postfix itself: an address verification probe (sender double-bounce): nothing is delivered")
					  : _("Postfix itself: a notice to the postmaster (sender double-bounce)"));
		break;
	default:
		/* TRANSLATORS: both %s are the queue ID; the lines go on under
		 * the value column (13 spaces) */
		buf_printf(b, _("unknown: the log has no line where this queue ID was received\n"
				"             (no smtpd \"%s: client=\" line and no pickup \"uid=\" line), so the client address\n"
				"             and SASL account are not in this log; search older logs for \"%s: client=\""),
			   termed(&t[0], m->qid), termed(&t[1], m->qid));
	}
	buf_putc(b, '\n');
	if (m->message_id) {
		label(b, C_("trace label", "message-id"));
		text_str(b, m->message_id);
		buf_putc(b, '\n');
	}
	if (m->have_from) {
		label(b, C_("trace label", "from"));
		buf_putc(b, '<');
		text_str(b, m->from && *m->from ? m->from : "");
		buf_putc(b, '>');
		if (m->from && !*m->from)
			buf_puts(b, _(" (null sender: a notification)"));
		if (m->size >= 0)
			buf_printf(b, P_(", %lld bytes", ", %lld bytes", (unsigned long long)m->size), (long long)m->size);
		if (m->nrcpt >= 0)
			buf_printf(b, P_(", %lld recipient", ", %lld recipients", (unsigned long long)m->nrcpt),
				   (long long)m->nrcpt);
		buf_putc(b, '\n');
	}
	if (m->cleanup_action) {
		label(b, C_("trace label", "stopped"));
		text_str(b, m->cleanup_action);
		buf_puts(b, ": ");
		text_str(b, m->cleanup_reason);
		buf_putc(b, '\n');
	}
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		label(b, C_("trace label", "to"));
		buf_putc(b, '<');
		text_str(b, r->to);
		buf_putc(b, '>');
		if (r->orig_to)
			/* TRANSLATORS: %s is the address before rewriting (orig_to) */
			buf_printf(b, _(" (was <%s>)"), termed(&t[0], r->orig_to));
		buf_puts(b, ": ");
		buf_puts(b, status_phrase(r->status));
		if (r->attempts > 1)
			buf_printf(b, P_(" after %u attempts", " after %u attempts", r->attempts), r->attempts);
		if (r->relay)
			/* TRANSLATORS: %s is the relay the mail went to, as logged */
			buf_printf(b, _(" via %s"), termed(&t[0], r->relay));
		if (r->dsn) {
			buf_puts(b, ", dsn ");
			text_str(b, r->dsn);
		}
		buf_putc(b, '\n');
		if (r->reason) {
			buf_puts(b, "             ");
			text_str(b, r->reason);
			buf_putc(b, '\n');
		}
	}
	mailbox_end(b, m, t);
	if (m->rcpts_dropped)
		buf_printf(b, P_("             (%u more recipients not kept)\n",
				 "             (%u more recipients not kept)\n", m->rcpts_dropped),
			   m->rcpts_dropped);
	if (m->expired) {
		label(b, C_("trace label", "expired"));
		buf_puts(b, _("returned to the sender after the maximal queue lifetime\n"));
	}
	if (m->last_error && !m->nrcpts) {
		label(b, C_("trace label", "error"));
		text_str(b, m->last_error);
		buf_putc(b, '\n');
	}
	for (uint32_t i = 0; i < m->nchildren; i++) {
		label(b, C_("trace label", "caused"));
		buf_puts(b, kind_phrase(m->children[i].kind));
		buf_putc(b, ' ');
		text_str(b, m->children[i].qid);
		buf_putc(b, '\n');
	}
	label(b, m->end_kind == MEND_REMOVED ? C_("trace label", "removed") : C_("trace label", "last seen"));
	buf_stamp_short(b, m->end);
	if (m->end_kind == MEND_OPEN)
		buf_puts(b, _(" (still in the queue at the end of the log)"));
	else if (m->end_kind == MEND_EVICTED)
		buf_puts(b, _(" (no longer followed: too many open messages)"));
	else if (m->end_kind == MEND_REPLACED)
		buf_puts(b, _(" (its \"removed\" line is missing: the queue ID began another message)"));
	buf_putc(b, '\n');
	for (int i = 0; i < 3; i++)
		buf_free(&t[i]);
}

/* trace_text_reject - a rejected attempt that never got a queue ID */
void trace_text_reject(struct buf *b, const struct event *ev, bool color)
{
	struct buf t[2] = {{0}};
	buf_stamp_short(&t[0], ev->line->ts);
	buf_putc(&t[0], 0);
	buf_term(&t[1], ev->stage.p ? ev->stage : SPAN_LIT("?"));
	buf_putc(&t[1], 0);
	/* TRANSLATORS: "Rejected 2026-11-22 11:41:04 at RCPT": when, and the
	 * SMTP stage (as logged) */
	text_heading(b, color, _("Rejected %s at %s"), t[0].p, t[1].p);
	buf_free(&t[0]);
	buf_free(&t[1]);
	label(b, C_("trace label", "client"));
	buf_term(b, ev->client_name.p ? ev->client_name : SPAN_LIT("unknown"));
	buf_putc(b, '[');
	buf_term(b, ev->client_ip);
	buf_puts(b, "]\n");
	label(b, C_("trace label", "reply"));
	if (ev->code.p) {
		buf_term(b, ev->code);
		buf_putc(b, ' ');
	}
	if (ev->dsn.p) {
		buf_term(b, ev->dsn);
		buf_putc(b, ' ');
	}
	buf_term(b, ev->reason);
	buf_putc(b, '\n');
	if (ev->from.p) {
		label(b, C_("trace label", "from"));
		buf_putc(b, '<');
		buf_term(b, ev->from);
		buf_puts(b, ">\n");
	}
	if (ev->to.p) {
		label(b, C_("trace label", "to"));
		buf_putc(b, '<');
		buf_term(b, ev->to);
		buf_puts(b, ">\n");
	}
}

/* reject_json - a rejected attempt as a JSON object */
static void reject_json(struct buf *b, const struct event *ev)
{
	bool f = true;
	buf_putc(b, '{');
	json_kv_stamp(b, &f, "ts", ev->line->ts);
	json_key(b, &f, "host");
	buf_json(b, ev->line->host);
	json_key(b, &f, "service");
	buf_json(b, ev->line->prog);
	json_kv_int(b, &f, "pid", ev->line->pid);
	static const struct {
		const char *k;
		size_t off;
	} fields[] = {
	    {"action", offsetof(struct event, action)},   {"stage", offsetof(struct event, stage)},
	    {"client_name", offsetof(struct event, client_name)},
	    {"client_ip", offsetof(struct event, client_ip)},
	    {"code", offsetof(struct event, code)},       {"dsn", offsetof(struct event, dsn)},
	    {"reason", offsetof(struct event, reason)},   {"from", offsetof(struct event, from)},
	    {"to", offsetof(struct event, to)},           {"helo", offsetof(struct event, helo)},
	};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const struct span *sp = (const struct span *)((const char *)ev + fields[i].off);
		if (!sp->p)
			continue;
		json_key(b, &f, fields[i].k);
		buf_json(b, *sp);
	}
	buf_putc(b, '}');
}

/* render_session, render_message, render_reject - trace's renderer */
static void render_session(struct buf *text, struct buf *json, const struct session *s, bool color,
			   bool show_secrets)
{
	trace_text_session(text, s, color);
	session_json(json, s, show_secrets);
}

static void render_message(struct buf *text, struct buf *json, const struct message *m, bool color)
{
	trace_text_message(text, m, color);
	message_json(json, m);
}

static void render_reject(struct buf *text, struct buf *json, const struct event *ev, bool color)
{
	trace_text_reject(text, ev, color);
	reject_json(json, ev);
}

const struct trace_render trace_render_default = {render_session, render_message, render_reject};

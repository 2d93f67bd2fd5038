/*
 * trace_text.c - the story of a session or a message in plain words.
 *
 * Layout: a heading line, then "  label  value" lines.  Everything that
 * came from the log is neutralised by buf_term (no control characters,
 * no escape sequences reach the terminal).
 */
#include "trace_text.h"
#include "model_json.h"
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

/* label - "  label     " */
static void label(struct buf *b, const char *l)
{
	buf_printf(b, "  %-10s ", l);
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
	struct buf h = {0};
	buf_printf(&h, "Session #%llu ", (unsigned long long)s->id);
	buf_stamp_short(&h, s->start);
	buf_puts(&h, " on ");
	buf_term(&h, span_of(s->host && *s->host ? s->host : "-"));
	buf_putc(&h, ' ');
	buf_term(&h, span_of(s->service));
	buf_printf(&h, "[%lld]", (long long)s->pid);
	buf_putc(&h, 0);
	text_heading(b, color, "%s", h.p);
	buf_free(&h);
	label(b, "client");
	client(b, s->client_name, s->client_ip);
	if (!s->saw_connect)
		buf_puts(b, "  (the log begins inside this session)");
	buf_putc(b, '\n');
	if (s->helo) {
		label(b, "helo");
		text_str(b, s->helo);
		buf_putc(b, '\n');
	}
	if (s->tls) {
		label(b, "tls");
		text_str(b, s->tls_trust);
		buf_putc(b, ' ');
		text_str(b, s->tls_proto);
		buf_puts(b, " with ");
		text_str(b, s->tls_cipher);
		buf_putc(b, '\n');
	}
	if (s->sasl_username) {
		label(b, "auth");
		buf_puts(b, "logged in as ");
		text_str(b, s->sasl_username);
		buf_puts(b, " (");
		text_str(b, s->sasl_method);
		buf_puts(b, ")\n");
	}
	if (s->auth_failures) {
		label(b, "auth");
		buf_printf(b, "%u failed attempt%s", s->auth_failures, s->auth_failures == 1 ? "" : "s");
		if (s->last_auth_reason) {
			buf_puts(b, ": ");
			text_str(b, s->last_auth_reason);
		}
		buf_putc(b, '\n');
	}
	if (s->rejects) {
		label(b, "rejected");
		buf_printf(b, "%u time%s, last: ", s->rejects, s->rejects == 1 ? "" : "s");
		text_str(b, s->last_reject);
		buf_putc(b, '\n');
	}
	if (s->nqids) {
		label(b, "queued");
		for (uint32_t i = 0; i < s->nqids; i++) {
			if (i)
				buf_puts(b, ", ");
			text_str(b, s->qids[i]);
		}
		buf_putc(b, '\n');
	}
	label(b, "ended");
	buf_stamp_short(b, s->end);
	buf_putc(b, ' ');
	if (s->lost_reason) {
		text_str(b, s->lost_reason);
		buf_puts(b, " after ");
		text_str(b, s->lost_stage);
		buf_puts(b, ", then ");
	}
	buf_puts(b, s->end_kind == END_DISCONNECT ? "disconnected"
		    : s->end_kind == END_REPLACED ? "no disconnect logged (process reused)"
		    : s->end_kind == END_EVICTED ? "no disconnect logged (given up)"
						  : "still open at the end of the log");
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
		return "no delivery attempt logged";
	if (!strcmp(st, "sent"))
		return "delivered";
	if (!strcmp(st, "bounced"))
		return "bounced (permanent failure)";
	if (!strcmp(st, "deferred"))
		return "deferred (will retry)";
	if (!strcmp(st, "expired"))
		return "expired in the queue";
	return st;
}

/* kind_phrase - how a child relates to its parent */
static const char *kind_phrase(enum link_kind k)
{
	switch (k) {
	case LINK_BOUNCE: return "non-delivery notice (bounce)";
	case LINK_DELAY: return "delay notice";
	case LINK_DSN: return "delivery status notice";
	case LINK_POSTMASTER: return "postmaster notice";
	case LINK_FILTER: return "re-injected copy (content filter)";
	case LINK_FORWARD: return "forwarded copy";
	default: return "related message";
	}
}

/* trace_text_message - one message's life */
void trace_text_message(struct buf *b, const struct message *m, bool color)
{
	struct buf h = {0};
	buf_puts(&h, "Message ");
	buf_term(&h, span_of(m->qid));
	buf_puts(&h, " ");
	buf_stamp_short(&h, m->start);
	buf_puts(&h, " on ");
	buf_term(&h, span_of(m->host && *m->host ? m->host : "-"));
	buf_putc(&h, 0);
	text_heading(b, color, "%s", h.p);
	buf_free(&h);
	label(b, "came from");
	switch (m->origin) {
	case ORIGIN_SMTPD:
		client(b, m->client_name, m->client_ip);
		if (m->session_id)
			buf_printf(b, " (session #%llu)", (unsigned long long)m->session_id);
		if (m->sasl_username) {
			buf_puts(b, ", authenticated as ");
			text_str(b, m->sasl_username);
		} else {
			buf_puts(b, ", not authenticated");
		}
		break;
	case ORIGIN_PICKUP:
		buf_puts(b, "local submission (sendmail/pickup), uid ");
		text_str(b, m->uid);
		break;
	case ORIGIN_NOTIFICATION:
		buf_puts(b, "Postfix itself: ");
		buf_puts(b, kind_phrase(m->parent_kind));
		buf_puts(b, " about ");
		text_str(b, m->parent_qid);
		break;
	case ORIGIN_REINJECTED:
		buf_puts(b, "content filter re-injection of ");
		text_str(b, m->parent_qid);
		if (m->client_ip) {
			buf_puts(b, " (via ");
			client(b, m->client_name, m->client_ip);
			buf_putc(b, ')');
		}
		if (m->sasl_username) {
			buf_puts(b, ", originally authenticated as ");
			text_str(b, m->sasl_username);
		}
		break;
	case ORIGIN_POSTFIX:
		buf_puts(b, "Postfix itself: a notice to the postmaster (sender double-bounce)");
		break;
	default:
		buf_puts(b, "unknown: the log has no line where this queue ID was received\n");
		buf_puts(b, "             (no smtpd \"");
		text_str(b, m->qid);
		buf_puts(b, ": client=\" line and no pickup \"uid=\" line), so the client address\n"
			    "             and SASL account are not in this log; search older logs for \"");
		text_str(b, m->qid);
		buf_puts(b, ": client=\"");
	}
	buf_putc(b, '\n');
	if (m->message_id) {
		label(b, "message-id");
		text_str(b, m->message_id);
		buf_putc(b, '\n');
	}
	if (m->have_from) {
		label(b, "from");
		buf_putc(b, '<');
		text_str(b, m->from && *m->from ? m->from : "");
		buf_putc(b, '>');
		if (m->from && !*m->from)
			buf_puts(b, " (null sender: a notification)");
		if (m->size >= 0)
			buf_printf(b, ", %lld bytes", (long long)m->size);
		if (m->nrcpt >= 0)
			buf_printf(b, ", %lld recipient%s", (long long)m->nrcpt, m->nrcpt == 1 ? "" : "s");
		buf_putc(b, '\n');
	}
	if (m->cleanup_action) {
		label(b, "stopped");
		text_str(b, m->cleanup_action);
		buf_puts(b, ": ");
		text_str(b, m->cleanup_reason);
		buf_putc(b, '\n');
	}
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		label(b, "to");
		buf_putc(b, '<');
		text_str(b, r->to);
		buf_putc(b, '>');
		if (r->orig_to) {
			buf_puts(b, " (was <");
			text_str(b, r->orig_to);
			buf_puts(b, ">)");
		}
		buf_puts(b, ": ");
		buf_puts(b, status_phrase(r->status));
		if (r->attempts > 1)
			buf_printf(b, " after %u attempts", r->attempts);
		if (r->relay) {
			buf_puts(b, " via ");
			text_str(b, r->relay);
		}
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
	if (m->rcpts_dropped)
		buf_printf(b, "             (%u more recipients not kept)\n", m->rcpts_dropped);
	if (m->expired) {
		label(b, "expired");
		buf_puts(b, "returned to the sender after the maximal queue lifetime\n");
	}
	if (m->last_error && !m->nrcpts) {
		label(b, "error");
		text_str(b, m->last_error);
		buf_putc(b, '\n');
	}
	for (uint32_t i = 0; i < m->nchildren; i++) {
		label(b, "caused");
		buf_puts(b, kind_phrase(m->children[i].kind));
		buf_putc(b, ' ');
		text_str(b, m->children[i].qid);
		buf_putc(b, '\n');
	}
	label(b, m->end_kind == MEND_REMOVED ? "removed" : "last seen");
	buf_stamp_short(b, m->end);
	if (m->end_kind == MEND_OPEN)
		buf_puts(b, " (still in the queue at the end of the log)");
	else if (m->end_kind == MEND_EVICTED)
		buf_puts(b, " (no longer followed: too many open messages)");
	else if (m->end_kind == MEND_REPLACED)
		buf_puts(b, " (its \"removed\" line is missing: the queue ID began another message)");
	buf_putc(b, '\n');
}

/* trace_text_reject - a rejected attempt that never got a queue ID */
void trace_text_reject(struct buf *b, const struct event *ev, bool color)
{
	struct buf h = {0};
	buf_puts(&h, "Rejected ");
	buf_stamp_short(&h, ev->line->ts);
	buf_puts(&h, " at ");
	buf_term(&h, ev->stage.p ? ev->stage : SPAN_LIT("?"));
	buf_putc(&h, 0);
	text_heading(b, color, "%s", h.p);
	buf_free(&h);
	label(b, "client");
	buf_term(b, ev->client_name.p ? ev->client_name : SPAN_LIT("unknown"));
	buf_putc(b, '[');
	buf_term(b, ev->client_ip);
	buf_puts(b, "]\n");
	label(b, "reply");
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
		label(b, "from");
		buf_putc(b, '<');
		buf_term(b, ev->from);
		buf_puts(b, ">\n");
	}
	if (ev->to.p) {
		label(b, "to");
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

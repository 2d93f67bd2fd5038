/*
 * model_json.c - sessions and messages as JSON objects (one line each).
 * Every string is untrusted and goes through buf_json().  Absent values
 * are left out rather than written as null; the schema is in
 * docs/events.md.
 */
#include "model_json.h"
#include "../parse/redact.h"

/* json_key - "," when needed, then "key": */
void json_key(struct buf *b, bool *first, const char *key)
{
	if (!*first)
		buf_putc(b, ',');
	*first = false;
	buf_putc(b, '"');
	buf_puts(b, key);
	buf_puts(b, "\":");
}

/* json_kv_str - "key":"value", skipped when val is NULL */
void json_kv_str(struct buf *b, bool *first, const char *key, const char *val)
{
	if (!val)
		return;
	json_key(b, first, key);
	buf_jsons(b, val);
}

/* json_kv_int - "key":N */
void json_kv_int(struct buf *b, bool *first, const char *key, int64_t val)
{
	json_key(b, first, key);
	buf_i64(b, val);
}

/* json_cmd_stat - one command's count in a "stats" object: "ehlo":[1,1],
 * the same for an event's disconnect line and a closed session */
void json_cmd_stat(struct buf *b, bool first, struct span name, uint32_t ok, uint32_t total)
{
	if (!first)
		buf_putc(b, ',');
	buf_json(b, name);
	buf_puts(b, ":[");
	buf_u64(b, ok);
	buf_putc(b, ',');
	buf_u64(b, total);
	buf_putc(b, ']');
}

/* json_kv_bool - "key":true|false */
void json_kv_bool(struct buf *b, bool *first, const char *key, bool val)
{
	json_key(b, first, key);
	buf_puts(b, val ? "true" : "false");
}

/* json_kv_stamp - "key":"ISO-8601" */
void json_kv_stamp(struct buf *b, bool *first, const char *key, struct stamp t)
{
	json_key(b, first, key);
	buf_putc(b, '"');
	buf_stamp(b, t);
	buf_putc(b, '"');
}

/* json_kv_client - "key":"client input quoted after stage", secrets hidden */
static void json_kv_client(struct buf *b, bool *first, const char *key, const char *val,
			   const char *stage, bool show_secrets)
{
	if (!val)
		return;
	json_key(b, first, key);
	struct redact_mask m;
	redact_client_text(span_of(stage), span_of(val), &m);
	redact_json(b, span_of(val), show_secrets ? NULL : &m);
}

/* dialogue_json - ["<", "line"] pairs, each line through the redactor */
static void dialogue_json(struct buf *b, const struct session *s, bool show_secrets)
{
	struct redact st;
	redact_init(&st, s->saw_connect);
	buf_putc(b, '[');
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		const struct dialogue_line *d = &s->dialogue[i];
		struct redact_mask m;
		redact_dialogue(&st, d->dir == '<', d->cut, span_of(d->text), &m);
		if (i)
			buf_putc(b, ',');
		buf_puts(b, d->dir == '<' ? "[\"<\"," : "[\">\",");
		redact_json(b, span_of(d->text), show_secrets ? NULL : &m);
		buf_putc(b, ']');
	}
	buf_putc(b, ']');
}

/* session_json - one session as a JSON object */
void session_json(struct buf *b, const struct session *s, bool show_secrets)
{
	bool f = true;
	buf_putc(b, '{');
	json_kv_stamp(b, &f, "ts", s->end);
	json_kv_str(b, &f, "host", s->host);
	json_kv_str(b, &f, "service", s->service);
	json_kv_int(b, &f, "pid", s->pid);
	json_kv_str(b, &f, "type", "session");
	json_kv_int(b, &f, "session_id", (int64_t)s->id);
	json_kv_stamp(b, &f, "start", s->start);
	json_kv_stamp(b, &f, "end", s->end);
	json_kv_str(b, &f, "end_kind", session_end_name(s->end_kind));
	json_kv_bool(b, &f, "saw_connect", s->saw_connect);
	json_kv_str(b, &f, "client_name", s->client_name);
	json_kv_str(b, &f, "client_ip", s->client_ip);
	json_kv_str(b, &f, "client_port", s->client_port);
	json_kv_str(b, &f, "helo", s->helo);
	json_kv_bool(b, &f, "tls", s->tls);
	json_kv_str(b, &f, "tls_trust", s->tls_trust);
	json_kv_str(b, &f, "tls_proto", s->tls_proto);
	json_kv_str(b, &f, "tls_cipher", s->tls_cipher);
	json_kv_str(b, &f, "sasl_method", s->sasl_method);
	json_kv_str(b, &f, "sasl_username", s->sasl_username);
	json_kv_int(b, &f, "auth_failures", s->auth_failures);
	if (s->auth_aborts)
		json_kv_int(b, &f, "auth_aborts", s->auth_aborts);
	if (s->ntried) {
		json_key(b, &f, "usernames_tried");
		buf_putc(b, '{');
		for (uint32_t i = 0; i < s->ntried; i++) {
			if (i)
				buf_putc(b, ',');
			buf_jsons(b, s->tried[i].name);
			buf_putc(b, ':');
			buf_u64(b, s->tried[i].count);
		}
		buf_putc(b, '}');
	}
	json_kv_str(b, &f, "last_auth_reason", s->last_auth_reason);
	json_kv_int(b, &f, "rejects", s->rejects);
	if (s->reject_warnings)
		json_kv_int(b, &f, "reject_warnings", s->reject_warnings);
	if (s->relay_denied)
		json_kv_int(b, &f, "relay_denied", s->relay_denied);
	json_kv_str(b, &f, "last_reject", s->last_reject);
	json_kv_str(b, &f, "last_reject_stage", s->last_reject_stage);
	json_kv_int(b, &f, "messages", s->messages);
	if (s->nqids) {
		json_key(b, &f, "queue_ids");
		buf_putc(b, '[');
		for (uint32_t i = 0; i < s->nqids; i++) {
			if (i)
				buf_putc(b, ',');
			buf_jsons(b, s->qids[i]);
		}
		buf_putc(b, ']');
	}
	json_kv_str(b, &f, "lost_reason", s->lost_reason);
	json_kv_str(b, &f, "lost_stage", s->lost_stage);
	json_kv_client(b, &f, "non_smtp", s->non_smtp, NULL, show_secrets);
	if (s->non_smtp_count)
		json_kv_int(b, &f, "non_smtp_count", s->non_smtp_count);
	json_kv_client(b, &f, "pipelining", s->pipelining, s->pipelining_stage, show_secrets);
	json_kv_str(b, &f, "pipelining_stage", s->pipelining_stage);
	if (s->rate_limited)
		json_kv_bool(b, &f, "rate_limited", true);
	if (s->hostname_unverified)
		json_kv_bool(b, &f, "hostname_unverified", true);
	if (s->have_stats) {
		json_key(b, &f, "stats");
		buf_putc(b, '{');
		for (uint32_t i = 0; i < s->nstats; i++)
			json_cmd_stat(b, i == 0, span_of(s->stats[i].name), s->stats[i].ok,
				      s->stats[i].total);
		buf_putc(b, '}');
	}
	if (s->ndialogue) {
		json_key(b, &f, "dialogue");
		dialogue_json(b, s, show_secrets);
		if (s->dialogue_dropped)
			json_kv_int(b, &f, "dialogue_dropped", s->dialogue_dropped);
	}
	buf_putc(b, '}');
}

/* message_json - one message as a JSON object */
void message_json(struct buf *b, const struct message *m)
{
	bool f = true;
	buf_putc(b, '{');
	json_kv_stamp(b, &f, "ts", m->end);
	json_kv_str(b, &f, "host", m->host);
	json_kv_str(b, &f, "type", "message");
	json_kv_str(b, &f, "queue_id", m->qid);
	if (m->instance && *m->instance)
		json_kv_str(b, &f, "instance", m->instance);
	json_kv_stamp(b, &f, "start", m->start);
	json_kv_stamp(b, &f, "end", m->end);
	json_kv_str(b, &f, "end_kind", m->end_kind == MEND_REMOVED    ? "removed"
				      : m->end_kind == MEND_EVICTED  ? "evicted"
				      : m->end_kind == MEND_REPLACED ? "replaced"
								     : "open");
	json_kv_str(b, &f, "origin", msg_origin_name(m->origin));
	if (m->session_id)
		json_kv_int(b, &f, "session_id", (int64_t)m->session_id);
	json_kv_str(b, &f, "client_name", m->client_name);
	json_kv_str(b, &f, "client_ip", m->client_ip);
	json_kv_str(b, &f, "helo", m->helo);
	json_kv_str(b, &f, "sasl_method", m->sasl_method);
	json_kv_str(b, &f, "sasl_username", m->sasl_username);
	json_kv_str(b, &f, "sasl_sender", m->sasl_sender);
	if (m->origin == ORIGIN_SMTPD)
		json_kv_bool(b, &f, "tls", m->tls);
	json_kv_str(b, &f, "uid", m->uid);
	json_kv_str(b, &f, "parent_queue_id", m->parent_qid);
	if (m->parent_qid)
		json_kv_str(b, &f, "parent_kind", link_kind_name(m->parent_kind));
	json_kv_str(b, &f, "message_id", m->message_id);
	if (m->have_from)
		json_kv_str(b, &f, "from", m->from ? m->from : "");
	if (m->size >= 0)
		json_kv_int(b, &f, "size", m->size);
	if (m->nrcpt >= 0)
		json_kv_int(b, &f, "nrcpt", m->nrcpt);
	json_kv_str(b, &f, "cleanup_action", m->cleanup_action);
	json_kv_str(b, &f, "cleanup_reason", m->cleanup_reason);
	json_kv_str(b, &f, "mailbox_end", m->mailbox_kind);
	json_kv_str(b, &f, "mailbox_user", m->mailbox_user);
	json_kv_str(b, &f, "mailbox", m->mailbox_box);
	json_kv_str(b, &f, "mailbox_reason", m->mailbox_reason);
	if (m->expired)
		json_kv_bool(b, &f, "expired", true);
	json_key(b, &f, "recipients");
	buf_putc(b, '[');
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		bool g = true;
		buf_puts(b, i ? ",{" : "{");
		json_kv_str(b, &g, "to", r->to);
		json_kv_str(b, &g, "orig_to", r->orig_to);
		json_kv_str(b, &g, "status", r->status);
		json_kv_str(b, &g, "dsn", r->dsn);
		json_kv_str(b, &g, "relay", r->relay);
		json_kv_str(b, &g, "delay", r->delay);
		json_kv_str(b, &g, "delays", r->delays);
		json_kv_int(b, &g, "attempts", r->attempts);
		if (r->deferrals)
			json_kv_int(b, &g, "deferrals", r->deferrals);
		json_kv_str(b, &g, "reason", r->reason);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	if (m->rcpts_dropped)
		json_kv_int(b, &f, "recipients_dropped", m->rcpts_dropped);
	if (m->nchildren) {
		json_key(b, &f, "children");
		buf_putc(b, '[');
		for (uint32_t i = 0; i < m->nchildren; i++) {
			bool g = true;
			buf_puts(b, i ? ",{" : "{");
			json_kv_str(b, &g, "queue_id", m->children[i].qid);
			json_kv_str(b, &g, "kind", link_kind_name(m->children[i].kind));
			buf_putc(b, '}');
		}
		buf_putc(b, ']');
	}
	json_kv_str(b, &f, "last_error", m->last_error);
	buf_putc(b, '}');
}

/*
 * report_json.c - the report as one JSON document (docs/report.md):
 * {"generator", "period", "input", "model", "findings":[...], "clients":[...],
 *  "accounts":[...], then the traffic summary's members ("totals", ...)}.
 * Every string from the log goes through buf_json.
 */
#include "report.h"
#include "model_json.h"
#include "findings.h"

#include <math.h>
#include <strings.h>

/* evidence_json - the lines behind a client's verdict */
static void evidence_json(struct buf *b, const struct client_detail *d, const struct evidence_set *ev)
{
	buf_putc(b, '[');
	bool first = true;
	for (uint32_t i = 0; ev && d && i < d->nevidence; i++) {
		const struct evidence_lines *e = evidence_for(ev, &d->evidence[i]);
		if (!e)
			continue;
		if (!first)
			buf_putc(b, ',');
		first = false;
		bool f = true;
		buf_putc(b, '{');
		json_kv_int(b, &f, "session_id", (int64_t)d->evidence[i].session_id);
		json_kv_str(b, &f, "verdict", verdict_id(d->evidence[i].verdict));
		json_key(b, &f, "lines");
		buf_putc(b, '[');
		for (uint32_t j = 0; j < e->n; j++) {
			if (j)
				buf_putc(b, ',');
			buf_jsons(b, e->line[j]);
		}
		buf_putc(b, ']');
		if (e->more)
			json_kv_int(b, &f, "more_lines", e->more);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}

/* client_json - one client */
void client_json(struct buf *b, const struct analysis *a, const struct client *c,
		 const struct evidence_set *ev)
{
	static const struct client_detail none = {0};
	const struct client_detail *d = client_detail(a, c) ? client_detail(a, c) : &none;
	struct client_addr ip = client_addr(c);
	bool f = true;
	buf_putc(b, '{');
	json_kv_str(b, &f, "ip", ip.s);
	json_kv_str(b, &f, "verdict", verdict_id(c->verdict));
	json_kv_int(b, &f, "severity", verdict_severity(c->verdict));
	json_kv_int(b, &f, "sessions", (int64_t)c->sessions);
	if (c->sessions) {
		json_kv_stamp(b, &f, "first_seen", client_first(c));
		json_kv_stamp(b, &f, "last_seen", client_last(c));
	}
	uint32_t med, mad;
	if (client_period(d, &med, &mad)) {
		json_key(b, &f, "interval_s");
		buf_printf(b, "{\"median\":%.1f,\"mad\":%.1f,\"mean\":", med / 1000.0, mad / 1000.0);
		buf_json_num(b, d->iv_mean, 1);
		buf_puts(b, ",\"stddev\":");
		buf_json_num(b, sqrt(d->iv_m2 / (double)(d->nintervals - 1)), 1);
		buf_printf(b, ",\"n\":%llu}", (unsigned long long)d->nintervals);
	}
	json_key(b, &f, "ptr");
	if (d->ptr)
		buf_jsons(b, d->ptr);
	else
		buf_puts(b, "null");
	json_kv_bool(b, &f, "ptr_generic", ptr_is_generic(d->ptr, ip.s));
	json_key(b, &f, "helo");
	buf_putc(b, '[');
	for (uint32_t i = 0; i < d->nhelo; i++) {
		bool g = true;
		buf_puts(b, i ? ",{" : "{");
		json_kv_str(b, &g, "name", d->helo[i].name);
		json_kv_int(b, &g, "count", d->helo[i].count);
		json_kv_bool(b, &g, "fqdn", helo_is_fqdn(d->helo[i].name));
		json_kv_bool(b, &g, "matches_ptr", d->ptr && !strcasecmp(d->ptr, d->helo[i].name));
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	json_key(b, &f, "services");
	buf_putc(b, '[');
	for (uint32_t i = 0; i < d->nservice; i++) {
		if (i)
			buf_putc(b, ',');
		buf_jsons(b, d->service[i].name);
	}
	buf_putc(b, ']');
	json_kv_int(b, &f, "tls_sessions", (int64_t)c->tls_sessions);
	json_kv_int(b, &f, "auth_failures", (int64_t)c->auth_failures);
	json_kv_int(b, &f, "auth_successes", (int64_t)c->auth_successes);
	json_key(b, &f, "usernames_tried");
	buf_putc(b, '[');
	for (uint32_t i = 0; i < d->ntried; i++) {
		const struct tried_user *t = &d->tried[i];
		bool g = true;
		buf_puts(b, i ? ",{" : "{");
		json_kv_str(b, &g, "username", t->name);
		json_kv_int(b, &g, "count", t->from_postfix > t->from_dovecot ? t->from_postfix : t->from_dovecot);
		json_kv_int(b, &g, "logged_by_postfix", t->from_postfix);
		json_kv_int(b, &g, "logged_by_dovecot", t->from_dovecot);
		json_kv_int(b, &g, "successes", t->successes);
		json_kv_str(b, &g, "result", t->result);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	json_key(b, &f, "logins");
	buf_putc(b, '{');
	for (uint32_t i = 0; i < c->nlogin; i++) {
		const struct login *l = client_login(a, c, i);
		if (i)
			buf_putc(b, ',');
		buf_jsons(b, login_account(a, l)->name);
		buf_printf(b, ":%u", l->logins);
	}
	buf_putc(b, '}');
	json_kv_int(b, &f, "messages", (int64_t)c->messages);
	json_kv_int(b, &f, "recipients", (int64_t)c->recipients);
	json_kv_int(b, &f, "rejects", (int64_t)c->rejects);
	json_kv_int(b, &f, "relay_denied", (int64_t)c->relay_denied);
	json_kv_int(b, &f, "non_smtp_commands", (int64_t)c->non_smtp);
	json_kv_int(b, &f, "pregreet", (int64_t)c->pregreet);
	json_kv_int(b, &f, "pipelining", (int64_t)c->pipelining);
	json_key(b, &f, "commands");
	static const char *const names[] = {"ehlo", "helo", "starttls", "auth", "mail", "rcpt",
					    "data", "quit", "rset", "noop", "unknown", "other"};
	buf_putc(b, '{');
	bool g = true;
	for (int i = 0; i < 12; i++)
		if (d->cmd[i])
			json_kv_int(b, &g, names[i], (int64_t)d->cmd[i]);
	buf_putc(b, '}');
	json_kv_str(b, &f, "offered", d->offered);
	json_key(b, &f, "replies");
	buf_putc(b, '[');
	for (uint32_t i = 0; i < d->nreject_text; i++) {
		if (i)
			buf_putc(b, ',');
		buf_jsons(b, d->reject_text[i].name);
	}
	buf_putc(b, ']');
	json_key(b, &f, "sessions_by_verdict");
	buf_putc(b, '{');
	g = true;
	for (int i = 0; i < V__SESSION_COUNT; i++)
		if (c->by_verdict[i])
			json_kv_int(b, &g, verdict_id((enum verdict)i), c->by_verdict[i]);
	buf_putc(b, '}');
	struct buf t = {0};
	client_explain(a, c, &t);
	json_key(b, &f, "explanation");
	buf_json(b, buf_span(&t));
	buf_free(&t);
	if (c->flags & CF_DETAIL_LOST)
		json_kv_bool(b, &f, "detail_incomplete", true);
	json_key(b, &f, "evidence");
	evidence_json(b, client_detail(a, c), ev);
	buf_putc(b, '}');
}

/* account_json - one account */
void account_json(struct buf *b, const struct analysis *a, const struct account *ac)
{
	bool f = true;
	uint64_t done = (uint64_t)ac->sent + ac->bounced + ac->expired;
	bool at_least; /* the detail_incomplete flag says so */
	size_t domains = account_domains(a, ac, &at_least);
	buf_putc(b, '{');
	json_kv_str(b, &f, "username", ac->name);
	json_kv_str(b, &f, "verdict", ac->compromised ? "compromised-suspect" : "normal");
	json_kv_int(b, &f, "logins", (int64_t)ac->logins);
	json_kv_int(b, &f, "messages", (int64_t)ac->messages);
	json_kv_int(b, &f, "recipients", (int64_t)ac->recipients);
	json_kv_int(b, &f, "recipient_domains", (int64_t)domains);
	json_kv_int(b, &f, "sent", (int64_t)ac->sent);
	json_kv_int(b, &f, "bounced", (int64_t)ac->bounced);
	json_kv_int(b, &f, "deferred", (int64_t)ac->deferred);
	json_kv_int(b, &f, "expired", (int64_t)ac->expired);
	json_key(b, &f, "bounce_ratio");
	buf_json_num(b, done ? (double)(ac->bounced + ac->expired) / (double)done : 0.0, 3);
	json_kv_int(b, &f, "peak_messages_10min", ac->peak_10min);
	json_kv_int(b, &f, "remote_content_rejects", (int64_t)ac->remote_content_rejects);
	double spread_secs;
	json_kv_int(b, &f, "networks_within_2h", account_spread(a, ac, &spread_secs));
	if (ac->messages) {
		json_kv_stamp(b, &f, "first_message", ac->first);
		json_kv_stamp(b, &f, "last_message", ac->last);
	}
	json_key(b, &f, "source_ips");
	buf_putc(b, '[');
	for (uint32_t i = 0; i < ac->nlogin; i++) {
		const struct login *ip = account_login(a, ac, i);
		bool g = true;
		buf_puts(b, i ? ",{" : "{");
		json_kv_str(b, &g, "ip", client_addr(login_client(a, ip)).s);
		json_kv_int(b, &g, "logins", ip->logins);
		json_kv_int(b, &g, "messages", ip->messages);
		json_kv_int(b, &g, "recipients", ip->recipients);
		json_kv_stamp(b, &g, "first_seen", ip->first);
		json_kv_stamp(b, &g, "last_seen", ip->last);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	json_kv_str(b, &f, "new_source_ip",
		    ac->new_ip ? client_addr(spillvec_at(&a->clients, ac->new_ip - 1)).s : NULL);
	struct buf t = {0};
	account_explain(a, ac, &t);
	json_key(b, &f, "explanation");
	buf_json(b, buf_span(&t));
	buf_free(&t);
	if (ac->flags & AF_DETAIL_LOST)
		json_kv_bool(b, &f, "detail_incomplete", true);
	buf_putc(b, '}');
}

/* report_json - the whole document */
void report_json(struct buf *b, const struct report_input *in)
{
	const struct analysis *a = in->a;
	const struct feed_stats *fs = in->feed;
	bool f = true;
	buf_putc(b, '{');
	json_kv_str(b, &f, "generator", "postsleuth " POSTSLEUTH_VERSION);
	if (in->problem) {
		json_kv_str(b, &f, "input_problem", in->problem);
		/* no Postfix line read: every count below is zero for want of
		 * lines, not because all is well */
		json_kv_bool(b, &f, "no_postfix_line", true);
	}
	if (a->have_time) {
		json_key(b, &f, "period");
		bool g = true;
		buf_putc(b, '{');
		json_kv_stamp(b, &g, "first", a->first);
		json_kv_stamp(b, &g, "last", a->last);
		buf_putc(b, '}');
	}
	json_key(b, &f, "input");
	{
		bool g = true;
		buf_putc(b, '{');
		json_kv_int(b, &g, "files", (int64_t)fs->files);
		json_kv_int(b, &g, "lines", (int64_t)fs->lines);
		json_kv_int(b, &g, "postfix_lines", (int64_t)fs->postfix);
		json_kv_int(b, &g, "recognised", (int64_t)fs->recognised);
		json_kv_int(b, &g, "noise", (int64_t)fs->noise);
		json_kv_int(b, &g, "unknown", (int64_t)fs->unknown);
		json_kv_int(b, &g, "other_programs", (int64_t)fs->other);
		json_kv_int(b, &g, "no_syslog_prefix", (int64_t)fs->no_prefix);
		json_kv_int(b, &g, "truncated", (int64_t)fs->truncated);
		json_kv_int(b, &g, "transcripts", (int64_t)fs->transcripts);
		if (fs->pasted) /* only when there were some: the usual log's keys stay as they were */
			json_kv_int(b, &g, "pasted_lines", (int64_t)fs->pasted);
		json_kv_int(b, &g, "file_errors", (int64_t)fs->file_errors);
		buf_putc(b, '}');
	}
	if (in->model) {
		const struct model_stats *m = in->model;
		json_key(b, &f, "model");
		bool g = true;
		buf_putc(b, '{');
		json_kv_int(b, &g, "sessions", (int64_t)m->sessions);
		json_kv_int(b, &g, "sessions_partial", (int64_t)m->sessions_partial);
		json_kv_int(b, &g, "sessions_unclosed", (int64_t)m->sessions_unclosed);
		json_kv_int(b, &g, "sessions_replaced", (int64_t)m->sessions_replaced);
		json_kv_int(b, &g, "sessions_evicted", (int64_t)m->sessions_evicted);
		json_kv_int(b, &g, "sessions_idle", (int64_t)m->sessions_idle);
		json_kv_int(b, &g, "sessions_open_peak", (int64_t)m->sessions_open_peak);
		json_kv_int(b, &g, "messages", (int64_t)m->messages);
		json_kv_int(b, &g, "messages_unclosed", (int64_t)m->messages_unclosed);
		json_kv_int(b, &g, "messages_evicted", (int64_t)m->messages_evicted);
		json_kv_int(b, &g, "messages_replaced", (int64_t)m->messages_replaced);
		json_kv_int(b, &g, "messages_open_peak", (int64_t)m->messages_open_peak);
		json_kv_int(b, &g, "links", (int64_t)m->links);
		json_kv_int(b, &g, "links_dropped", (int64_t)m->links_pending_dropped);
		json_kv_int(b, &g, "clients_untracked", 0);
		json_kv_int(b, &g, "accounts_untracked", 0);
		if (a->clients_detail_lost)
			json_kv_int(b, &g, "clients_detail_incomplete", (int64_t)a->clients_detail_lost);
		if (a->accounts_detail_lost)
			json_kv_int(b, &g, "accounts_detail_incomplete", (int64_t)a->accounts_detail_lost);
		if (a->budget.spilled)
			json_kv_int(b, &g, "spilled_bytes", (int64_t)a->budget.spilled);
		buf_putc(b, '}');
	}
	sections_json(b, &f, in); /* the text report's two first sections */
	if (in->diag) {
		json_key(b, &f, "findings");
		findings_json(b, in->diag);
		if (in->diag->dropped)
			json_kv_int(b, &f, "findings_dropped", (int64_t)in->diag->dropped);
	}
	json_key(b, &f, "campaigns");
	campaigns_json(b, a, in->campaigns);
	json_key(b, &f, "clients");
	buf_putc(b, '[');
	for (size_t i = 0; i < a->nclist; i++) {
		if (i)
			buf_putc(b, ',');
		client_json(b, a, a->clist[i], in->evidence);
		const struct campaign *k = campaign_of(in->campaigns, i);
		if (k && b->n && b->p[b->n - 1] == '}') {
			/* its campaign's place in "campaigns", inside the client's object */
			b->n--;
			buf_printf(b, ",\"campaign\":%zu}", (size_t)(k - in->campaigns->list));
		}
		if (in->out && b->n > (1 << 16))
			buf_flush(b, in->out);
	}
	buf_putc(b, ']');
	json_key(b, &f, "accounts");
	buf_putc(b, '[');
	for (size_t i = 0; i < a->nalist; i++) {
		if (i)
			buf_putc(b, ',');
		account_json(b, a, a->alist[i]);
	}
	buf_putc(b, ']');
	if (a->orphans.messages) {
		const struct orphans *o = &a->orphans;
		json_key(b, &f, "unknown_origin");
		bool g = true;
		buf_putc(b, '{');
		json_kv_int(b, &g, "messages", (int64_t)o->messages);
		json_kv_int(b, &g, "recipients", (int64_t)o->recipients);
		json_kv_int(b, &g, "sent", (int64_t)o->sent);
		json_kv_int(b, &g, "bounced", (int64_t)o->bounced);
		json_kv_int(b, &g, "deferred", (int64_t)o->deferred);
		json_kv_int(b, &g, "filtered", (int64_t)o->filtered);
		json_kv_int(b, &g, "filter_discarded", (int64_t)o->filter_discarded);
		json_kv_int(b, &g, "remote_content_rejects", (int64_t)o->remote_content_rejects);
		json_kv_int(b, &g, "remote_ip_rejects", (int64_t)o->remote_ip_rejects);
		json_key(b, &g, "queue_ids");
		buf_putc(b, '[');
		for (uint32_t i = 0; i < o->nqids; i++) {
			if (i)
				buf_putc(b, ',');
			buf_jsons(b, o->qids[i]);
		}
		buf_puts(b, "],\"missing\":\"the smtpd client= or pickup uid= lines of these queue IDs\"}");
	}
	if (in->extra_json) {
		buf_putc(b, ',');
		in->extra_json(b, in->extra_ctx);
	}
	buf_puts(b, "}\n");
}

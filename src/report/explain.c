/*
 * explain.c - a session in plain words.  The dialogue (from -v or TLS
 * debug logs) is shown line by line with what each command and reply
 * means; without it the story is rebuilt from the disconnect statistics
 * and the warnings.  AUTH payloads are decoded; passwords are hidden
 * unless --show-secrets.  Log text passes buf_term / buf_json.
 */
#include "explain.h"
#include "model_json.h"
#include "report.h"
#include "trace_text.h"
#include "../analyze/auth.h"
#include "../util/strset.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define EXPLAIN_MAX_ITEMS 2000
#define DEFAULT_PER_CLIENT 1

struct xitem {
	struct buf text, json;
	char *ip;
	enum verdict v;
};

struct explain {
	char *select, *value;
	bool show_secrets, color;
	struct xitem *items;
	size_t n, cap, dropped;
	struct strset kept;      /* "verdict ip" of the stories kept (no selector) */
};

/* explain_new - what to explain: ip, account, session, queue-id or all */
struct explain *explain_new(const char *select, const char *value, bool show_secrets, bool color)
{
	struct explain *x = xcalloc(1, sizeof *x);
	x->select = xstrdup(select);
	x->value = value ? xstrdup(value) : NULL;
	x->show_secrets = show_secrets;
	x->color = color;
	strset_init(&x->kept, 0);
	return x;
}

/* selected - does this session belong to the request */
static bool selected(const struct explain *x, const struct session *s)
{
	if (!x->value)
		return true;
	if (!strcmp(x->select, "ip"))
		return s->client_ip && !strcmp(s->client_ip, x->value);
	if (!strcmp(x->select, "session"))
		return (uint64_t)strtoull(x->value, NULL, 10) == s->id;
	if (!strcmp(x->select, "account")) {
		if (s->sasl_username && !strcmp(s->sasl_username, x->value))
			return true;
		for (uint32_t i = 0; i < s->ntried; i++)
			if (!strcmp(s->tried[i].name, x->value))
				return true;
		return false;
	}
	if (!strcmp(x->select, "queue-id")) {
		for (uint32_t i = 0; i < s->nqids; i++)
			if (!strcmp(s->qids[i], x->value))
				return true;
		return false;
	}
	return true;
}

/* reply_meaning - what an SMTP reply code says */
static const char *reply_meaning(const char *t)
{
	if (!t || strlen(t) < 3)
		return "";
	switch (t[0]) {
	case '2': return "accepted";
	case '3': return t[0] == '3' && t[1] == '3' && t[2] == '4' ? "go on (the server waits for more)" : "go on, send the data";
	case '4': return "temporary refusal: try again later";
	case '5': return !strncmp(t, "500", 3) || !strncmp(t, "502", 3) ? "not a command the server knows" : "refused";
	default: return "";
	}
}

/* command_meaning - what a client command is for */
static const char *command_meaning(struct span c)
{
	static const struct { const char *w; const char *m; } k[] = {
	    {"EHLO", "introduces itself and asks for the list of extensions"},
	    {"HELO", "introduces itself (old style, no extensions)"},
	    {"STARTTLS", "asks to switch to an encrypted connection"},
	    {"AUTH", "tries to log in"},
	    {"MAIL", "starts a message: the envelope sender"},
	    {"RCPT", "names a recipient"},
	    {"DATA", "starts the message content"},
	    {"BDAT", "sends message content in chunks"},
	    {"RSET", "abandons the current message"},
	    {"NOOP", "does nothing (keeps the connection alive)"},
	    {"VRFY", "asks whether an address exists"},
	    {"QUIT", "says goodbye"},
	    {"GET", "an HTTP request: not SMTP at all"},
	    {"POST", "an HTTP request: not SMTP at all"},
	    {NULL, NULL}};
	for (int i = 0; k[i].w; i++) {
		size_t n = strlen(k[i].w);
		if (c.n >= n && !strncasecmp(c.p, k[i].w, n) && (c.n == n || c.p[n] == ' ' || c.p[n] == ':'))
			return k[i].m;
	}
	if (c.n == 1 && c.p[0] == '*')
		return "cancels the login exchange";
	if (c.n == 1 && c.p[0] == '.')
		return "a lone \".\": ends message content, meaningless outside DATA (a probe)";
	if (c.n == 0)
		return "an empty line";
	return "not an SMTP command";
}

/* clean - strip the "??" CR LF marks of TLS-debug lines */
static struct span clean(const char *t)
{
	struct span s = span_of(t);
	while (s.n && (s.p[s.n - 1] == '?' || s.p[s.n - 1] == '\r' || s.p[s.n - 1] == '\n'))
		s.n--;
	return s;
}

/* dialogue_text - the conversation with meanings; AUTH payloads hidden */
static void dialogue_text(struct buf *b, const struct session *s, bool show_secrets)
{
	struct auth_try tries[AUTH_MAX_TRIES];
	size_t ntries = auth_from_dialogue(s, tries, AUTH_MAX_TRIES);
	size_t next_try = 0;
	bool in_auth = false;
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		const struct dialogue_line *d = &s->dialogue[i];
		struct span t = clean(d->text);
		if (d->dir == '<') {
			bool is_auth = t.n >= 4 && !strncasecmp(t.p, "AUTH", 4);
			buf_puts(b, "    client: ");
			if (is_auth || in_auth) {
				/* never echo credentials: show what was decoded instead */
				if (is_auth) {
					struct span mech = span_skip(t, 5);
					ptrdiff_t sp = span_chr(mech, ' ');
					buf_puts(b, "AUTH ");
					buf_term(b, sp < 0 ? mech : span_head(mech, (size_t)sp));
					if (next_try < ntries) {
						const struct auth_try *a = &tries[next_try++];
						buf_puts(b, "  (tries to log in");
						if (a->user[0]) {
							buf_puts(b, " as \"");
							buf_term(b, span_of(a->user));
							buf_putc(b, '"');
						}
						if (a->have_secret) {
							buf_puts(b, ", password ");
							if (show_secrets) {
								buf_putc(b, '"');
								buf_term(b, span_of(a->secret));
								buf_putc(b, '"');
							} else {
								buf_puts(b, auth_secret_mask());
							}
						}
						if (a->truncated)
							buf_puts(b, "; the log cut the data short");
						buf_putc(b, ')');
					}
					in_auth = true;
				} else {
					buf_puts(b, "(base64 credentials, decoded above)");
				}
				buf_putc(b, '\n');
				continue;
			}
			buf_term(b, t);
			buf_puts(b, "  -- ");
			buf_puts(b, command_meaning(t));
			buf_putc(b, '\n');
		} else {
			struct buf tmp = {0};
			buf_term(&tmp, t);
			buf_putc(&tmp, 0);
			if (tmp.p[0] == '3' && tmp.p[1] == '3' && tmp.p[2] == '4')
				;
			else
				in_auth = false;
			buf_puts(b, "    server: ");
			buf_puts(b, tmp.p);
			const char *m = reply_meaning(tmp.p);
			if (*m && (tmp.p[3] == ' ' || tmp.p[3] == 0)) {
				buf_puts(b, "  -- ");
				buf_puts(b, m);
			}
			buf_putc(b, '\n');
			buf_free(&tmp);
		}
	}
	if (s->dialogue_dropped)
		buf_printf(b, "    ... %u more lines not kept\n", s->dialogue_dropped);
}

/* stats_text - the story from the disconnect statistics */
static void stats_text(struct buf *b, const struct session *s)
{
	static const struct { const char *name, *what; } k[] = {
	    {"ehlo", "EHLO (introduced itself, asked for extensions)"},
	    {"helo", "HELO (introduced itself)"},
	    {"starttls", "STARTTLS (switched to encryption)"},
	    {"auth", "AUTH (tried to log in)"},
	    {"mail", "MAIL FROM (started a message)"},
	    {"rcpt", "RCPT TO (named recipients)"},
	    {"data", "DATA (sent message content)"},
	    {"bdat", "BDAT (sent message content)"},
	    {"rset", "RSET"}, {"noop", "NOOP"}, {"vrfy", "VRFY (asked whether addresses exist)"},
	    {"etrn", "ETRN"}, {"quit", "QUIT (said goodbye)"},
	    {"unknown", "lines that are not SMTP commands"},
	    {NULL, NULL}};
	for (int i = 0; k[i].name; i++) {
		uint32_t ok, total;
		if (!session_stat(s, k[i].name, &ok, &total))
			continue;
		buf_printf(b, "    %u × %s", total, k[i].what);
		if (ok != total)
			buf_printf(b, ": %u refused", total - ok);
		buf_putc(b, '\n');
	}
}

/* session_story - one session told step by step */
static void session_story(struct buf *b, const struct session *s, bool show_secrets, bool color)
{
	enum verdict v = verdict_session(s);
	struct buf h = {0};
	buf_printf(&h, "Session #%llu, ", (unsigned long long)s->id);
	buf_stamp_short(&h, s->start);
	buf_printf(&h, " (%.1f s), ", (double)(s->end.us - s->start.us) / 1e6);
	buf_term(&h, span_of(s->client_name ? s->client_name : "unknown"));
	buf_putc(&h, '[');
	buf_term(&h, span_of(s->client_ip ? s->client_ip : "?"));
	buf_puts(&h, "] to ");
	buf_term(&h, span_of(s->service));
	buf_printf(&h, ": %s", verdict_id(v));
	buf_putc(&h, 0);
	text_heading(b, color, "%s", h.p);
	buf_free(&h);
	if (!s->saw_connect)
		buf_puts(b, "  The log begins in the middle of this session.\n");
	else if (!s->client_name || !strcmp(s->client_name, "unknown"))
		buf_puts(b, "  It connected; its address has no PTR name that resolves back to it.\n");
	else {
		buf_puts(b, "  It connected from ");
		buf_term(b, span_of(s->client_name));
		buf_puts(b, ".\n");
	}
	if (s->hostname_unverified)
		buf_puts(b, "  Its PTR name does not resolve back to its address (logged as a warning).\n");
	if (s->ndialogue) {
		buf_puts(b, "  The conversation (from the verbose/TLS-debug lines):\n");
		dialogue_text(b, s, show_secrets);
	} else if (s->have_stats) {
		buf_puts(b, "  What it sent (from the disconnect line's command counts):\n");
		stats_text(b, s);
	}
	if (s->tls) {
		buf_puts(b, "  The connection was encrypted: ");
		text_str(b, s->tls_proto);
		buf_puts(b, " with ");
		text_str(b, s->tls_cipher);
		buf_puts(b, ".\n");
	}
	if (s->non_smtp) {
		buf_puts(b, "  It sent something that is not SMTP: \"");
		text_str(b, s->non_smtp);
		buf_puts(b, "\", and the server hung up.\n");
	}
	if (s->pipelining) {
		buf_puts(b, "  It sent \"");
		text_str(b, s->pipelining);
		buf_puts(b, "\" without waiting for the server");
		if (s->pipelining_stage && !strcmp(s->pipelining_stage, "CONNECT"))
			buf_puts(b, "'s greeting (a bot's habit)");
		buf_puts(b, ".\n");
	}
	if (s->auth_failures) {
		buf_printf(b, "  Login failed %u time%s", s->auth_failures, s->auth_failures == 1 ? "" : "s");
		if (s->last_auth_reason && *s->last_auth_reason) {
			buf_puts(b, " (");
			text_str(b, s->last_auth_reason);
			buf_putc(b, ')');
		}
		buf_puts(b, ".\n");
	}
	if (s->sasl_username) {
		buf_puts(b, "  It logged in as ");
		text_str(b, s->sasl_username);
		buf_puts(b, ".\n");
	}
	if (s->rejects) {
		buf_printf(b, "  The server refused %u command%s; the last: ", s->rejects, s->rejects == 1 ? "" : "s");
		text_str(b, s->last_reject);
		buf_puts(b, ".\n");
	}
	if (s->nqids) {
		buf_printf(b, "  It handed over %u message%s: ", s->nqids, s->nqids == 1 ? "" : "s");
		for (uint32_t i = 0; i < s->nqids; i++) {
			buf_puts(b, i ? ", " : "");
			text_str(b, s->qids[i]);
		}
		buf_puts(b, ".\n");
	}
	if (s->lost_reason) {
		buf_puts(b, "  It ended with a ");
		text_str(b, s->lost_reason);
		buf_puts(b, " after ");
		text_str(b, s->lost_stage);
		buf_puts(b, !strcmp(s->lost_reason, "lost connection") ? ": the client hung up without QUIT.\n"
			     : !strcmp(s->lost_reason, "timeout") ? ": the client stopped talking and the server gave up.\n"
								  : ": the server hung up on it.\n");
	} else if (s->end_kind == END_DISCONNECT) {
		buf_puts(b, "  It disconnected normally.\n");
	}
}

/* push - keep a rendered item */
static struct xitem *push(struct explain *x)
{
	if (x->n >= EXPLAIN_MAX_ITEMS) {
		x->dropped++;
		return NULL;
	}
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 32;
		x->items = xrealloc(x->items, x->cap * sizeof *x->items);
	}
	struct xitem *it = &x->items[x->n++];
	memset(it, 0, sizeof *it);
	return it;
}

/* explain_session - render a selected session */
void explain_session(struct explain *x, const struct session *s)
{
	if (!selected(x, s))
		return;
	/* with no selector: one session per client and kind is enough */
	char key[600];
	struct span k = SPAN_NULL;
	if (!x->value && s->client_ip) {
		/* a set of the kept (verdict, address) pairs: a linear look
		 * through the stories made explain quadratic in the clients */
		int n = snprintf(key, sizeof key, "%d %s", (int)verdict_session(s), s->client_ip);
		k = span_make(key, n < 0 ? 0 : (size_t)n < sizeof key ? (size_t)n : sizeof key - 1);
		if (strset_has(&x->kept, k))
			return;
	}
	struct xitem *it = push(x);
	if (!it)
		return;
	if (k.p)
		strset_add(&x->kept, k);
	it->ip = s->client_ip ? xstrdup(s->client_ip) : NULL;
	it->v = verdict_session(s);
	session_story(&it->text, s, x->show_secrets, x->color);
	session_json(&it->json, s, x->show_secrets);
}

/* explain_message - messages of a --queue-id or --account request */
void explain_message(struct explain *x, const struct message *m)
{
	if (!x->value)
		return;
	bool hit = (!strcmp(x->select, "queue-id") && !strcmp(m->qid, x->value)) ||
		   (!strcmp(x->select, "account") && m->sasl_username &&
		    !strcmp(m->sasl_username, x->value));
	if (!hit)
		return;
	struct xitem *it = push(x);
	if (!it)
		return;
	trace_text_message(&it->text, m, x->color);
	message_json(&it->json, m);
}

/* explain_write - the rendered stories, then the client's verdict */
void explain_write(struct explain *x, const struct analysis *a, struct buf *out, bool json)
{
	if (json) {
		buf_puts(out, "{\"select\":");
		buf_jsons(out, x->select);
		buf_puts(out, ",\"value\":");
		buf_jsons(out, x->value);
		buf_puts(out, ",\"items\":[");
		for (size_t i = 0; i < x->n; i++) {
			if (i)
				buf_putc(out, ',');
			buf_putspan(out, buf_span(&x->items[i].json));
		}
		buf_puts(out, "]");
		if (!strcmp(x->select, "ip") && x->value) {
			struct client *c = analysis_client((struct analysis *)a, x->value);
			if (c) {
				struct buf t = {0};
				client_explain(a, c, &t);
				buf_puts(out, ",\"verdict\":");
				buf_jsons(out, verdict_id(c->verdict));
				buf_puts(out, ",\"explanation\":");
				buf_json(out, buf_span(&t));
				buf_free(&t);
			}
		}
		buf_puts(out, "}\n");
		return;
	}
	if (!strcmp(x->select, "ip") && x->value) {
		struct client *c = analysis_client((struct analysis *)a, x->value);
		if (c) {
			text_heading(out, x->color, "In short: %s", verdict_id(c->verdict));
			wrap_explanation(out, a, c, 2);
			buf_putc(out, '\n');
		}
	}
	if (!x->n)
		buf_puts(out, "No session matches.\n");
	for (size_t i = 0; i < x->n; i++) {
		if (i)
			buf_putc(out, '\n');
		buf_putspan(out, buf_span(&x->items[i].text));
	}
	if (x->dropped)
		buf_printf(out, "\n(%zu more not shown)\n", x->dropped);
}

/* explain_free - everything */
void explain_free(struct explain *x)
{
	for (size_t i = 0; i < x->n; i++) {
		buf_free(&x->items[i].text);
		buf_free(&x->items[i].json);
		free(x->items[i].ip);
	}
	free(x->items);
	free(x->select);
	free(x->value);
	strset_free(&x->kept);
	free(x);
}

/*
 * explain_story.c - one session told step by step, for "explain".  The
 * dialogue (from -v or TLS debug logs) is shown line by line with what
 * each command and reply means; without it the story is rebuilt from
 * the disconnect statistics and the warnings.  AUTH payloads are
 * decoded; passwords, and every SASL answer in the lines shown, are
 * hidden unless show_secrets (the redactor, parse/redact.h).  Log text
 * passes buf_term.
 */
#include "explain_story.h"
#include "trace_text.h"
#include "../analyze/analysis.h"
#include "../analyze/auth.h"
#include "../parse/redact.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"

#include <string.h>
#include <strings.h>

/* reply_meaning - what an SMTP reply code says */
static const char *reply_meaning(const char *t)
{
	if (!t || strlen(t) < 3)
		return "";
	switch (t[0]) {
	case '2': return _("accepted");
	case '3': return t[0] == '3' && t[1] == '3' && t[2] == '4' ? _("go on (the server waits for more)") : _("go on, send the data");
	case '4': return _("temporary refusal: try again later");
	case '5': return !strncmp(t, "500", 3) || !strncmp(t, "502", 3) ? _("not a command the server knows") : _("refused");
	default: return "";
	}
}

/* command_meaning - what a client command is for */
static const char *command_meaning(struct span c)
{
	static const struct { const char *w; const char *m; } k[] = {
	    {"EHLO", N_("introduces itself and asks for the list of extensions")},
	    {"HELO", N_("introduces itself (old style, no extensions)")},
	    {"STARTTLS", N_("asks to switch to an encrypted connection")},
	    {"AUTH", N_("tries to log in")},
	    {"MAIL", N_("starts a message: the envelope sender")},
	    {"RCPT", N_("names a recipient")},
	    {"DATA", N_("starts the message content")},
	    {"BDAT", N_("sends message content in chunks")},
	    {"RSET", N_("abandons the current message")},
	    {"NOOP", N_("does nothing (keeps the connection alive)")},
	    {"VRFY", N_("asks whether an address exists")},
	    {"QUIT", N_("says goodbye")},
	    {"GET", N_("an HTTP request: not SMTP at all")},
	    {"POST", N_("an HTTP request: not SMTP at all")},
	    {NULL, NULL}};
	for (int i = 0; k[i].w; i++) {
		size_t n = strlen(k[i].w);
		if (c.n >= n && !strncasecmp(c.p, k[i].w, n) && (c.n == n || c.p[n] == ' ' || c.p[n] == ':'))
			return _(k[i].m);
	}
	if (c.n == 1 && c.p[0] == '*')
		return _("cancels the login exchange");
	if (c.n == 1 && c.p[0] == '.')
		return _("a lone \".\": ends message content, meaningless outside DATA (a probe)");
	if (c.n == 0)
		return _("an empty line");
	return _("not an SMTP command");
}

/* clean - strip the "??" CR LF marks of TLS-debug lines */
static struct span clean(const char *t)
{
	struct span s = span_of(t);
	while (s.n && (s.p[s.n - 1] == '?' || s.p[s.n - 1] == '\r' || s.p[s.n - 1] == '\n'))
		s.n--;
	return s;
}

/* termed - s made safe for the terminal, as a string held in t (reused) */
static const char *termed(struct buf *t, struct span s)
{
	t->n = 0;
	buf_term(t, s);
	buf_putc(t, 0);
	return t->p;
}

/* try_text - what an AUTH command tried, as decoded */
static void try_text(struct buf *b, const struct auth_try *a, bool show_secrets)
{
	struct buf t = {0};
	if (a->user[0])
		/* TRANSLATORS: %s is the username the client sent, decoded */
		buf_printf(b, _("tries to log in as \"%s\""), termed(&t, span_of(a->user)));
	else
		buf_puts(b, _("tries to log in"));
	if (a->have_secret) {
		if (show_secrets) {
			t.n = 0;
			buf_putc(&t, '"');
			buf_term(&t, span_of(a->secret));
			buf_putc(&t, '"');
			buf_putc(&t, 0);
		}
		/* TRANSLATORS: %s is the password, quoted, or the mark that hides it */
		buf_printf(b, _(", password %s"), show_secrets ? t.p : _(auth_secret_mask()));
	}
	buf_free(&t);
	if (a->truncated)
		buf_puts(b, _("; the log cut the data short"));
}

/* answer_meaning - what a SASL answer line is, by the redactor's kind */
static const char *answer_meaning(int kind)
{
	switch (kind) {
	case RK_USER: return _("the username, in base64 (decoded above)");
	case RK_PASS: return _("the password, in base64");
	case RK_RESPONSE: return _("login data, in base64 (decoded above when the mechanism is known)");
	case RK_GUESS: return _("base64, most likely the answer to a login prompt logged before");
	default: return _("login data");
	}
}

/*
 * dialogue_text - the conversation with meanings.  Each line is printed
 * through the redactor (SASL data hidden unless show_secrets); an AUTH
 * command is followed by what it tried, decoded, the answers by what
 * they are.  The redactor and auth_from_dialogue read the dialogue the
 * same way, so the n-th AUTH command here is the n-th try there.
 */
static void dialogue_text(struct buf *b, const struct session *s, bool show_secrets)
{
	struct auth_try tries[AUTH_MAX_TRIES];
	size_t ntries = auth_from_dialogue(s, tries, AUTH_MAX_TRIES);
	size_t next_try = 0;
	struct redact st;
	redact_init(&st, s->saw_connect);
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		const struct dialogue_line *d = &s->dialogue[i];
		struct span t = clean(d->text);
		struct redact_mask m;
		redact_dialogue(&st, d->dir == '<', d->cut, span_of(d->text), &m);
		if (d->dir == '<') {
			/* TRANSLATORS: the client's line of the SMTP conversation follows */
			buf_puts(b, _("    client: "));
			redact_term(b, t, show_secrets ? NULL : &m);
			buf_puts(b, "  -- ");
			if (m.n && m.hit[0].kind == RK_AUTH && next_try < ntries)
				try_text(b, &tries[next_try++], show_secrets);
			else if (m.n && m.hit[0].kind == RK_AUTH)
				buf_puts(b, _("tries to log in"));
			else if (m.n && m.hit[0].p == t.p)
				buf_puts(b, answer_meaning(m.hit[0].kind));
			else
				buf_puts(b, command_meaning(t));
			buf_putc(b, '\n');
		} else {
			struct buf tmp = {0};
			buf_term(&tmp, t);
			buf_putc(&tmp, 0);
			/* TRANSLATORS: the server's reply in the SMTP conversation follows */
			buf_puts(b, _("    server: "));
			buf_puts(b, tmp.p);
			const char *mn = reply_meaning(tmp.p);
			if (*mn && (tmp.p[3] == ' ' || tmp.p[3] == 0)) {
				buf_puts(b, "  -- ");
				buf_puts(b, mn);
			}
			buf_putc(b, '\n');
			buf_free(&tmp);
		}
	}
	if (s->dialogue_dropped)
		buf_printf(b, P_("    ... %u more lines not kept\n", "    ... %u more lines not kept\n",
				 s->dialogue_dropped),
			   s->dialogue_dropped);
}

/* stats_text - the story from the disconnect statistics */
static void stats_text(struct buf *b, const struct session *s)
{
	static const struct { const char *name, *what; } k[] = {
	    {"ehlo", N_("EHLO (introduced itself, asked for extensions)")},
	    {"helo", N_("HELO (introduced itself)")},
	    {"starttls", N_("STARTTLS (switched to encryption)")},
	    {"auth", N_("AUTH (tried to log in)")},
	    {"mail", N_("MAIL FROM (started a message)")},
	    {"rcpt", N_("RCPT TO (named recipients)")},
	    {"data", N_("DATA (sent message content)")},
	    {"bdat", N_("BDAT (sent message content)")},
	    {"rset", "RSET"}, {"noop", "NOOP"}, {"vrfy", N_("VRFY (asked whether addresses exist)")},
	    {"etrn", "ETRN"}, {"quit", N_("QUIT (said goodbye)")},
	    {"unknown", N_("lines that are not SMTP commands")},
	    {NULL, NULL}};
	for (int i = 0; k[i].name; i++) {
		uint32_t ok, total;
		if (!session_stat(s, k[i].name, &ok, &total))
			continue;
		if (ok != total)
			/* TRANSLATORS: "3 × AUTH (tried to log in): 3 refused" */
			buf_printf(b, P_("    %u × %s: %u refused\n", "    %u × %s: %u refused\n", total - ok),
				   total, _(k[i].what), total - ok);
		else
			buf_printf(b, "    %u × %s\n", total, _(k[i].what));
	}
}

/* client_str - client input quoted after a command, SASL data hidden */
static void client_str(struct buf *b, const char *text, const char *stage, bool show_secrets)
{
	struct redact_mask m;
	redact_client_text(span_of(stage), span_of(text), &m);
	redact_term(b, span_of(text), show_secrets ? NULL : &m);
}

/* explain_story - one session told step by step */
void explain_story(struct buf *b, const struct session *s, bool show_secrets, bool color)
{
	enum verdict v = verdict_session(s);
	struct buf t[3] = {{0}};
	char secs[32];
	buf_stamp_short(&t[0], s->start);
	buf_putc(&t[0], 0);
	buf_term(&t[1], span_of(s->client_name ? s->client_name : "unknown"));
	buf_putc(&t[1], '[');
	buf_term(&t[1], span_of(s->client_ip ? s->client_ip : "?"));
	buf_puts(&t[1], "]");
	buf_putc(&t[1], 0);
	buf_term(&t[2], span_of(s->service));
	buf_putc(&t[2], 0);
	/* TRANSLATORS: "Session #12, 2026-11-22 11:41:04 (3.2 s),
	 * unknown[192.0.2.7] to postfix/smtpd: auth-bruteforce": its number,
	 * start, length in seconds, client, Postfix service and verdict id */
	text_heading(b, color, _("Session #%llu, %s (%s s), %s to %s: %s"), (unsigned long long)s->id,
		     t[0].p, i18n_decimal(secs, sizeof secs, (double)(s->end.us - s->start.us) / 1e6, 1),
		     t[1].p, t[2].p, verdict_id(v));
	if (!s->saw_connect)
		buf_puts(b, _("  The log begins in the middle of this session.\n"));
	else if (!s->client_name || !strcmp(s->client_name, "unknown"))
		buf_puts(b, _("  It connected; its address has no PTR name that resolves back to it.\n"));
	else
		/* TRANSLATORS: %s is the client's host name */
		buf_printf(b, _("  It connected from %s.\n"), termed(&t[0], span_of(s->client_name)));
	if (s->hostname_unverified)
		buf_puts(b, _("  Its PTR name does not resolve back to its address (logged as a warning).\n"));
	if (s->ndialogue) {
		buf_puts(b, _("  The conversation (from the verbose/TLS-debug lines):\n"));
		dialogue_text(b, s, show_secrets);
	} else if (s->have_stats) {
		buf_puts(b, _("  What it sent (from the disconnect line's command counts):\n"));
		stats_text(b, s);
	}
	if (s->tls)
		/* TRANSLATORS: the TLS protocol and cipher, as logged */
		buf_printf(b, _("  The connection was encrypted: %s with %s.\n"),
			   termed(&t[0], span_of(s->tls_proto ? s->tls_proto : "-")),
			   termed(&t[1], span_of(s->tls_cipher ? s->tls_cipher : "-")));
	if (s->non_smtp) {
		t[0].n = 0;
		client_str(&t[0], s->non_smtp, NULL, show_secrets);
		buf_putc(&t[0], 0);
		/* TRANSLATORS: %s is what the client sent, as logged */
		buf_printf(b, _("  It sent something that is not SMTP: \"%s\", and the server hung up.\n"), t[0].p);
	}
	if (s->pipelining) {
		t[0].n = 0;
		client_str(&t[0], s->pipelining, s->pipelining_stage, show_secrets);
		buf_putc(&t[0], 0);
		if (s->pipelining_stage && !strcmp(s->pipelining_stage, "CONNECT"))
			/* TRANSLATORS: %s is what the client sent, as logged */
			buf_printf(b, _("  It sent \"%s\" without waiting for the server's greeting (a bot's habit).\n"),
				   t[0].p);
		else
			/* TRANSLATORS: %s is what the client sent, as logged */
			buf_printf(b, _("  It sent \"%s\" without waiting for the server.\n"), t[0].p);
	}
	if (s->auth_failures) {
		if (s->last_auth_reason && *s->last_auth_reason)
			/* TRANSLATORS: %s is the reason Postfix logged, e.g. "authentication failure" */
			buf_printf(b, P_("  Login failed %u time (%s).\n", "  Login failed %u times (%s).\n",
					 s->auth_failures),
				   s->auth_failures, termed(&t[0], span_of(s->last_auth_reason)));
		else
			buf_printf(b, P_("  Login failed %u time.\n", "  Login failed %u times.\n", s->auth_failures),
				   s->auth_failures);
		if (s->auth_backend_failures)
			buf_printf(b, P_("  %u of these failed because the server's own authentication "
					 "backend did not answer (saslauthd, Dovecot's auth), not because of "
					 "the password.\n",
					 "  %u of these failed because the server's own authentication "
					 "backend did not answer (saslauthd, Dovecot's auth), not because of "
					 "the password.\n",
					 s->auth_backend_failures),
				   s->auth_backend_failures);
	}
	if (s->sasl_username)
		/* TRANSLATORS: %s is the SASL username */
		buf_printf(b, _("  It logged in as %s.\n"), termed(&t[0], span_of(s->sasl_username)));
	if (s->rejects)
		/* TRANSLATORS: the last %s is Postfix's reply to the last refused command, as logged */
		buf_printf(b, P_("  The server refused %u command; the last: %s.\n",
				 "  The server refused %u commands; the last: %s.\n", s->rejects),
			   s->rejects, termed(&t[0], span_of(s->last_reject ? s->last_reject : "-")));
	if (s->nqids) {
		t[0].n = 0;
		for (uint32_t i = 0; i < s->nqids; i++) {
			buf_puts(&t[0], i ? ", " : "");
			text_str(&t[0], s->qids[i]);
		}
		buf_putc(&t[0], 0);
		/* TRANSLATORS: %s is the list of queue ids */
		buf_printf(b, P_("  It handed over %u message: %s.\n", "  It handed over %u messages: %s.\n",
				 s->nqids),
			   s->nqids, t[0].p);
	}
	if (s->lost_reason) {
		const char *stage = termed(&t[1], span_of(s->lost_stage ? s->lost_stage : "-"));
		/* TRANSLATORS: %s is the SMTP command or stage after which the
		 * connection ended (CONNECT, EHLO, AUTH, DATA...) */
		if (!strcmp(s->lost_reason, "lost connection"))
			buf_printf(b, _("  It ended with a lost connection after %s: the client hung up without QUIT.\n"),
				   stage);
		else if (!strcmp(s->lost_reason, "timeout"))
			buf_printf(b, _("  It ended with a timeout after %s: the client stopped talking and the server gave up.\n"),
				   stage);
		else
			/* TRANSLATORS: "It ended with a too many errors after DATA": the
			 * first %s is how Postfix names the end, the second the stage */
			buf_printf(b, _("  It ended with a %s after %s: the server hung up on it.\n"),
				   termed(&t[0], span_of(s->lost_reason)), stage);
	} else if (s->anvil_cut) {
		buf_puts(b, s->anvil_cut == 1
				? _("  This server turned it away at once with 421 4.7.0 \"too many connections\": "
				    "anvil's limit on connections at once from one address "
				    "(smtpd_client_connection_count_limit).\n")
				: _("  This server turned it away at once with 421 4.7.0 \"too many connections\": "
				    "anvil's limit on connections per time unit from one address "
				    "(smtpd_client_connection_rate_limit).\n"));
	} else if (s->end_kind == END_DISCONNECT) {
		buf_puts(b, _("  It disconnected normally.\n"));
	}
	for (int i = 0; i < 3; i++)
		buf_free(&t[i]);
}

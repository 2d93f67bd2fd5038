/*
 * dovecot.c - the Dovecot lines that name a client, for the SASL
 * failures Postfix does not see (Dovecot is its SASL server) and for
 * one address text per host across programs.  They stay EV_OTHER.
 *
 *   auth: DRIVER(USER,ADDR[,<SESSION>]): RESULT       client_ip,
 *   (not "auth: Debug: ...": auth_debug's steps, no result)
 *   auth-worker(PID): DRIVER(USER,ADDR[,...]): RESULT  sasl_username, reason
 *   imap-login: Login: user=<U>, method=M, rip=ADDR, lip=ADDR, ...
 *   pop3-login: Disconnected (...): user=<U>, ..., rip=ADDR, ...   client_ip
 *
 * and the delivery lines of its LDA and LMTP server (deliver_log_format's
 * default "msgid=%m: %$", Pigeonhole's Sieve actions), in every version's
 * shape:
 *   lmtp(USER)<PID><SESSION>: [Error: ][sieve: ]msgid=<ID>: MESSAGE   (2.3, 2.4)
 *   lmtp(USER): Info: SESSION: sieve: msgid=<ID>: MESSAGE           (2.2)
 *   lda(USER)..., deliver(USER): msgid=<ID>: MESSAGE                 (LDA; 1.x, 2.0)
 *   lmtp(USER)...: Error: sieve: Execution of script S was aborted ... (no msgid)
 * and the same after no "dovecot:" tag (Dovecot's own log_path: the
 * process is the tag).  MESSAGE is mail-deliver.c's "saved mail to BOX",
 * "save failed to BOX: ERR", lda's "rejected: ...", or sieve-actions.c's
 * "[NAME action: ]stored mail into mailbox 'BOX'", "failed to store into
 * mailbox 'BOX': ERR", cmd-discard.c's "[Mm]arked message to be discarded
 * if not explicitly delivered (discard action)", cmd-redirect.c's
 * "forwarded to <ADDR>", ext-reject.c's "rejected message from <ADDR>
 * (...)", cmd-vacation.c's "sent vacation response to <ADDR>", and
 * lda-sieve-plugin.c's "Execution of script S failed, but implicit keep
 * was successful" / "... was aborted due to temporary failure" / "...
 * failed with unsuccessful implicit keep".  Filled: to (the user), message_id,
 * action (the kind: saved, store_failed, discarded, forwarded, rejected,
 * vacation, script_failed, script_aborted, sieve_binary), relay (the
 * mailbox, or the address forwarded to), reason (the error).  Debug
 * lines (mail_debug) are steps, not outcomes: none.
 *
 * Untrusted: the username (any bytes the client sent) and so anything
 * before the address; "rip=" is taken from the right, after the user.
 */
#include "common.h"
#include "masked.h"

#include <string.h>

/* auth - "auth: DRIVER(user,addr[,id]): result", "auth-worker(N): ..." */
static bool auth(struct span t, struct event *ev)
{
	if (!span_eat(&t, "auth: ") && !span_eat(&t, "auth-worker"))
		return false;
	/* "auth: Debug: passwd-file(user,addr): Performing passdb lookup":
	 * auth_debug's steps of one attempt, not its result; counted, they
	 * made one try of a guesser five, each "failed" with a step's name */
	if (span_starts(t, "Debug: "))
		return false;
	ptrdiff_t lp = span_index(t, "(");
	ptrdiff_t rp = span_index(t, "): ");
	if (lp < 0 || rp < lp)
		return false;
	struct span inner = span_make(t.p + lp + 1, (size_t)(rp - lp - 1));
	struct span result = span_skip(t, (size_t)rp + 3);
	if (span_digits(inner)) {
		/* "auth-worker(123): " first: the driver's parenthesis follows */
		t = result;
		lp = span_index(t, "(");
		rp = span_index(t, "): ");
		if (lp < 0 || rp < lp)
			return false;
		inner = span_make(t.p + lp + 1, (size_t)(rp - lp - 1));
		result = span_skip(t, (size_t)rp + 3);
	}
	struct span user, ip;
	if (!span_until_chr(&inner, ',', &user))
		return false;
	if (!span_until_chr(&inner, ',', &ip))
		ip = inner;
	ev->sasl_username = user;
	/* "passwd-file(bob@example.com,malicious ip)": a placeholder typed
	 * over the address is no client of its own */
	ev->client_ip = ip.n && addr_is_masked(ip) ? SPAN_NULL : ip;
	ev->reason = span_trim(result);
	return true;
}

/* login - the last ", rip=ADDR" of a login process's line */
static bool login(struct span t, struct event *ev)
{
	ptrdiff_t k = -1, at;
	struct span s = t;
	while ((at = span_index(s, ", rip=")) >= 0) {
		k = (s.p - t.p) + at;
		s = span_skip(s, (size_t)at + 6);
	}
	if (k < 0)
		return false;
	struct span v = span_skip(t, (size_t)k + 6);
	size_t i = 0;
	while (i < v.n && v.p[i] != ',' && v.p[i] != ' ')
		i++;
	if (!i)
		return false;
	ev->client_ip = addr_is_masked(span_head(v, i)) ? SPAN_NULL : span_head(v, i);
	return true;
}

/* the delivery processes whose lines tell a message's end */
static const char *const dlv_procs[] = {"lmtp(", "lda(", "deliver(", "dovecot-lda("};

/* dlv_proc - "lmtp(USER)<PID><SESSION>" at the start of t: the user
 * (empty when the parenthesis holds a pid: 2.2's "lmtp(19672)"), t moved
 * past the process and its ": " (colon), or the process the whole of t
 * (!colon: a tag) */
static bool dlv_proc(struct span *t, struct span *user, bool colon)
{
	size_t i = 0;
	while (i < sizeof dlv_procs / sizeof dlv_procs[0] && !span_starts(*t, dlv_procs[i]))
		i++;
	if (i == sizeof dlv_procs / sizeof dlv_procs[0])
		return false;
	struct span s = span_skip(*t, strlen(dlv_procs[i]));
	ptrdiff_t rp = span_index(s, ")");
	if (rp <= 0 || rp > 320)
		return false;
	*user = span_head(s, (size_t)rp);
	if (span_digits(*user) || span_index(*user, " ") >= 0)
		*user = SPAN_NULL;
	s = span_skip(s, (size_t)rp + 1);
	/* "<PID><SESSION>" (2.3 and later), each bracket bounded */
	for (int k = 0; k < 3 && s.n && s.p[0] == '<'; k++) {
		ptrdiff_t gt = span_index(span_head(s, 128), ">");
		if (gt < 0)
			return false;
		s = span_skip(s, (size_t)gt + 1);
	}
	if (!colon)
		return s.n == 0;
	if (!span_eat(&s, ": "))
		return false;
	*t = s;
	return true;
}

/* session_token - 2.2's "SESSION: " before "sieve:"/"msgid=": a token of
 * base64 bytes (and ':' digits) with no blank, 12 to 40 bytes */
static bool session_token(struct span *t)
{
	size_t i = 0;
	while (i < t->n && i < 48 && t->p[i] != ' ')
		i++;
	if (i < 13 || i > 41 || t->p[i - 1] != ':' || i >= t->n)
		return false;
	for (size_t k = 0; k + 1 < i; k++) {
		char c = t->p[k];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
		      c == '/' || c == ':'))
			return false;
	}
	*t = span_skip(*t, i + 1);
	return true;
}

/* box_name - "'BOX'" or "BOX" up to end (or ": " when upto_colon) */
static struct span box_name(struct span s, bool upto_colon, struct span *rest)
{
	*rest = SPAN_NULL;
	if (s.n && s.p[0] == '\'') {
		/* the last "': " or the closing quote at the end: a name may hold quotes */
		ptrdiff_t q = upto_colon ? span_index(span_skip(s, 1), "': ") : (ptrdiff_t)s.n - 2;
		if (q < 0 || (!upto_colon && (s.n < 2 || s.p[s.n - 1] != '\'')))
			return span_skip(s, 1);
		if (upto_colon)
			*rest = span_skip(s, (size_t)q + 4);
		return span_head(span_skip(s, 1), (size_t)q);
	}
	if (upto_colon) {
		ptrdiff_t c = span_index(s, ": ");
		if (c >= 0) {
			*rest = span_skip(s, (size_t)c + 2);
			return span_head(s, (size_t)c);
		}
	}
	return s;
}

/* angle_addr - the address in "<ADDR>" at the start of s */
static struct span angle_addr(struct span s)
{
	if (!s.n || s.p[0] != '<')
		return SPAN_NULL;
	ptrdiff_t gt = span_rchr(span_head(s, 512), '>');
	return gt > 0 ? span_head(span_skip(s, 1), (size_t)gt - 1) : SPAN_NULL;
}

/* script_name - S of "Execution of script S was aborted|failed": quoted
 * in 2.4 ('S'), bare before */
static struct span script_name(struct span s, const char *end)
{
	ptrdiff_t e = span_index(s, end);
	if (e < 0)
		return SPAN_NULL;
	struct span n = span_head(s, (size_t)e);
	if (n.n >= 2 && n.p[0] == '\'' && n.p[n.n - 1] == '\'')
		n = span_head(span_skip(n, 1), n.n - 2);
	return n;
}

/* dlv_message - the outcome of MESSAGE into ev (action, relay, reason) */
static bool dlv_message(struct span m, struct event *ev)
{
	struct span rest;
	/* Pigeonhole 0.5's "fileinto action: ", "redirect action: "... */
	ptrdiff_t act = span_index(span_head(m, 40), " action: ");
	if (act > 0 && span_index(span_head(m, (size_t)act), " ") < 0)
		m = span_skip(m, (size_t)act + 9);
	if (span_eat(&m, "saved mail to ") || span_eat(&m, "stored mail into mailbox ")) {
		ev->action = span_of("saved");
		ev->relay = box_name(m, false, &rest);
	} else if (span_eat(&m, "save failed to open mailbox ") || span_eat(&m, "save failed to ") ||
		   span_eat(&m, "failed to store into mailbox ")) {
		ev->action = span_of("store_failed");
		ev->relay = box_name(m, true, &rest);
		ev->reason = rest;
	} else if (span_starts(m, "marked message to be discarded") || span_starts(m, "Marked message to be discarded")) {
		ev->action = span_of("discarded");
	} else if (span_eat(&m, "forwarded to ")) {
		ev->action = span_of("forwarded");
		ev->relay = angle_addr(m);
	} else if (span_eat(&m, "rejected message from ") || span_eat(&m, "rejected: ")) {
		ev->action = span_of("rejected");
		ev->reason = m;
	} else if (span_eat(&m, "sent vacation response to ")) {
		ev->action = span_of("vacation");
		ev->relay = angle_addr(m);
	} else if (span_eat(&m, "Execution of script ")) {
		struct span n;
		if ((n = script_name(m, " was aborted due to temporary failure")).p ||
		    (n = script_name(m, " failed with unsuccessful implicit keep")).p)
			ev->action = span_of("script_aborted");
		else if ((n = script_name(m, " failed, but implicit keep was successful")).p ||
			 (n = script_name(m, " failed")).p)
			ev->action = span_of("script_failed");
		else
			return false;
		ev->relay = n;
	} else if (span_starts(m, "binary save: ")) {
		ev->action = span_of("sieve_binary");
		ev->reason = m;
	} else {
		return false;
	}
	return true;
}

/* delivery_text - the rest of a delivery line, after its process's ": " */
static bool delivery_text(struct span user, struct span t, struct event *ev)
{
	if (span_starts(t, "Debug: "))
		return false;
	static const char *const sev[] = {"Info: ", "Error: ", "Warning: ", "Fatal: ", "Panic: "};
	for (size_t i = 0; i < sizeof sev / sizeof sev[0]; i++)
		if (span_eat(&t, sev[i]))
			break;
	if (!span_starts(t, "sieve: ") && !span_starts(t, "msgid="))
		session_token(&t);
	span_eat(&t, "sieve: ");
	struct span msgid = SPAN_NULL;
	if (span_eat(&t, "msgid=")) {
		/* "<ID>: " (an ID may hold ": ") or "unspecified: " */
		ptrdiff_t e = t.n && t.p[0] == '<' ? span_index(t, ">: ") : span_index(t, ": ");
		if (e < 0)
			return false;
		if (t.p[0] == '<')
			e++;
		msgid = span_head(t, (size_t)e);
		t = span_skip(t, (size_t)e + 2);
	}
	if (!dlv_message(t, ev))
		return false;
	ev->to = user;
	/* as cleanup's message-id= is kept: without its angle brackets */
	if (msgid.n > 2 && msgid.p[0] == '<' && msgid.p[msgid.n - 1] == '>')
		ev->message_id = span_make(msgid.p + 1, msgid.n - 2);
	return true;
}

/* delivery - a delivery line of Dovecot's LDA or LMTP server: t is the
 * text from the process's name on ("lmtp(USER)...: ...") */
static bool delivery(struct span t, struct event *ev)
{
	struct span user;
	return dlv_proc(&t, &user, true) && delivery_text(user, t, ev);
}

/* parse_dovecot - the client of a Dovecot line, when it names one, or
 * the message's end that a delivery line tells */
void parse_dovecot(const struct logline *l, struct event *ev)
{
	if (!auth(l->text, ev) && !delivery(l->text, ev))
		login(l->text, ev);
}

/* parse_dovecot_own - a line of Dovecot's own log file (log_path), its
 * process in the tag's place: "lmtp(USER): Info: ..." */
bool parse_dovecot_own(const struct logline *l, struct event *ev)
{
	/* the tag and the text apart (a journal's fields are two buffers) */
	struct span d = l->daemon, user;
	return dlv_proc(&d, &user, false) && delivery_text(user, l->text, ev);
}

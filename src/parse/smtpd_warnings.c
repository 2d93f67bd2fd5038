/*
 * smtpd_warnings.c - the warnings, errors, fatals and panics an smtpd
 * writes (a line with a Postfix severity): failed and aborted SASL logins,
 * failed forward-confirmed reverse DNS in its three forms, anvil's rate
 * limits, TLS trouble logged as a warning, non-SMTP commands; any other
 * is EV_WARNING with the queue ID and client it names.  The shapes are
 * listed atop smtpd.c; the client readers are smtpd.c's
 * (smtpd_internal.h).  Untrusted input: every field is a span into the
 * line, bounded by it.
 */
#include "common.h"
#include "smtpd_internal.h"

#include <string.h>
#include <strings.h>

/* take_placeholder_sasl - at *t "WORD: SASL ": a client an admin typed
 * over whole before pasting ("IP", "xxx", "<client>"), one word of no
 * blank, colon or bracket, where Postfix writes name[address]
 * (smtpd_sasl_glue.c).  Its name is the word, its address empty:
 * "(address not logged)", as take_placeholder's for a reply code. */
static bool take_placeholder_sasl(struct span *t, struct event *ev)
{
	size_t i = 0;
	while (i < t->n && i < 64 && t->p[i] != ' ' && t->p[i] != ':' && t->p[i] != '\t' &&
	       t->p[i] != '[' && t->p[i] != ']')
		i++;
	if (!i || !span_starts(span_skip(*t, i), ": SASL "))
		return false;
	ev->client_name = span_head(*t, i);
	ev->client_ip = span_make(t->p + i, 0);
	*t = span_skip(*t, i + 2);
	return true;
}

/* parse_sasl - "NAMADDR: SASL METHOD authentication failed|aborted..." */
static bool parse_sasl(struct span t, struct event *ev)
{
	if (!smtpd_take_client(&t, ev) && !take_placeholder_sasl(&t, ev))
		return false;
	if (!span_eat(&t, "SASL "))
		goto no;
	ptrdiff_t a = span_index(t, " authentication ");
	if (a <= 0)
		goto no;
	ev->sasl_method = span_head(t, (size_t)a);
	t = span_skip(t, (size_t)a + 16);
	if (span_starts(t, "aborted")) {
		ev->type = EV_SASL_ABORT;
		return true;
	}
	if (!span_eat(&t, "failed:"))
		goto no;
	ev->type = EV_SASL_FAIL;
	/* 3.9+: ", sasl_username=U" ("(unavailable)" when unknown) */
	ptrdiff_t u = span_index(t, ", sasl_username=");
	if (u >= 0) {
		struct span user = span_trim(span_skip(t, (size_t)u + 16));
		if (!span_eqs(user, "(unavailable)"))
			ev->sasl_username = user;
		t = span_head(t, (size_t)u);
	}
	ev->reason = span_trim(t);
	return true;
no:
	ev->client_name = ev->client_ip = ev->client_port = ev->sasl_method = SPAN_NULL;
	return false;
}

/* parse_hostname - the three forms of failed forward-confirmed reverse DNS */
static bool parse_hostname(struct span t, struct event *ev)
{
	if (span_eat(&t, "hostname ")) {
		/* "hostname H does not resolve to address A[: R]" */
		ptrdiff_t d = span_index(t, " does not resolve to address ");
		if (d <= 0)
			return false;
		ev->client_name = span_head(t, (size_t)d);
		t = span_skip(t, (size_t)d + 29);
		ptrdiff_t c = span_index(t, ": ");
		ev->client_ip = span_trim(c < 0 ? t : span_head(t, (size_t)c));
		if (c >= 0)
			ev->reason = span_trim(span_skip(t, (size_t)c + 2));
		ev->action = SPAN_LIT("unresolved");
		ev->type = EV_HOSTNAME_VERIFY;
		return true;
	}
	/* "A: address not listed for hostname H", "A: hostname H verification failed: R" */
	ptrdiff_t c = span_index(t, ": ");
	if (c <= 0 || c > 45 || span_chr(span_head(t, (size_t)c), ' ') >= 0)
		return false;
	struct span addr = span_head(t, (size_t)c);
	struct span r = span_skip(t, (size_t)c + 2);
	if (span_eat(&r, "address not listed for hostname ")) {
		ev->client_name = span_trim(r);
		ev->action = SPAN_LIT("not_listed");
	} else if (span_eat(&r, "hostname ")) {
		ptrdiff_t v = span_index(r, " verification failed");
		if (v <= 0)
			return false;
		ev->client_name = span_head(r, (size_t)v);
		r = span_skip(r, (size_t)v + 20);
		if (span_eat(&r, ": "))
			ev->reason = span_trim(r);
		ev->action = SPAN_LIT("verify_failed");
	} else {
		return false;
	}
	ev->client_ip = addr;
	ev->type = EV_HOSTNAME_VERIFY;
	return true;
}

/* parse_rate_limit - "KIND limit exceeded: N from NAMADDR for service S" */
static bool parse_rate_limit(struct span t, struct event *ev)
{
	ptrdiff_t k = span_index(t, " limit exceeded: ");
	if (k <= 0 || k > 40)
		return false;
	struct span kind = span_head(t, (size_t)k + 15);
	struct span r = span_skip(t, (size_t)k + 17);
	ptrdiff_t f = span_index(r, " from ");
	uint64_t n;
	if (f <= 0 || !span_u64(span_head(r, (size_t)f), &n))
		return false;
	r = span_skip(r, (size_t)f + 6);
	ptrdiff_t s = smtpd_rfind(r, " for service ");
	if (!smtpd_client(s < 0 ? r : span_head(r, (size_t)s), ev))
		return false;
	ev->type = EV_RATE_LIMIT;
	ev->reason = kind;
	ev->count = pc_count(n);
	return true;
}

/* parse_tls_warning - TLS trouble logged as a warning */
static bool parse_tls_warning(struct span t, struct event *ev)
{
	if (span_eat(&t, "TLS library problem: ") || span_starts(t, "tlsproxy handshake failed")) {
		ev->type = EV_TLS_ERROR;
		ev->reason = span_trim(t);
		return true;
	}
	/* "Refusing STARTTLS request from NAMADDR for service S",
	 * "Wrapper-mode request dropped from NAMADDR for service S. ...",
	 * "Refusing TLS service request from NAMADDR for service S",
	 * "TLS SNI from NAMADDR is invalid: SNI" */
	static const char *const forms[] = {"Refusing STARTTLS request from ",
					    "Wrapper-mode request dropped from ",
					    "Refusing TLS service request from ", "TLS SNI from ",
					    "TLS SNI changed from ", NULL};
	for (int i = 0; forms[i]; i++) {
		if (!span_starts(t, forms[i]))
			continue;
		struct span r = span_skip(t, strlen(forms[i]));
		ptrdiff_t sp = span_chr(r, ' ');
		smtpd_client(sp < 0 ? r : span_head(r, (size_t)sp), ev);
		ev->type = EV_TLS_ERROR;
		ev->reason = t;
		return true;
	}
	return false;
}

/* ev_message_header - is a "non-SMTP command" a line of a message: a
 * header field that a mail program sends as a command (its MAIL, RCPT or
 * DATA refused, or sent before the 354), not a scanner's probe; HTTP's
 * own headers (Host:, User-Agent:) follow a GET, logged first */
bool ev_message_header(struct span cmd)
{
	static const char *const names[] = {
	    "To:",       "From:",	     "Subject:",		   "Date:",
	    "Cc:",       "Bcc:",	     "Reply-To:",		   "Sender:",
	    "Message-ID:", "MIME-Version:", "Content-Type:", "Content-Transfer-Encoding:",
	    "Received:", "Return-Path:",  "X-Mailer:",		   "X-Priority:",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t k = strlen(names[i]);
		if (cmd.n >= k && !strncasecmp(cmd.p, names[i], k))
			return true;
	}
	return false;
}

/* parse_warning - warning/error/fatal/panic lines */
void smtpd_parse_warning(const struct logline *l, struct span t, struct event *ev)
{
	if (parse_sasl(t, ev) || parse_hostname(t, ev) || parse_rate_limit(t, ev) ||
	    parse_tls_warning(t, ev))
		return;
	if (span_starts(t, "non-SMTP command from ")) {
		struct span r = span_skip(t, 22);
		if (smtpd_take_client(&r, ev)) {
			ev->type = EV_NON_SMTP;
			ev->command = r;
			return;
		}
	}
	/* anything else: a warning, with what context we can find */
	ev->type = EV_WARNING;
	ev->action = l->severity;
	struct span qid;
	if (pc_take_queue_id(&t, &qid))
		ev->queue_id = qid;
	ev->text = t;
	struct span r = t;
	if (smtpd_take_client(&r, ev))
		return;
	/* "Illegal address syntax from NAMADDR in MAIL command: ...",
	 * "QID: malformed BDAT command syntax from NAMADDR: ...", ... */
	ptrdiff_t f = span_index(t, " from ");
	if (f >= 0) {
		r = span_skip(t, (size_t)f + 6);
		ptrdiff_t e = span_chr(r, ']');
		if (e >= 0) {
			struct span tok = span_head(r, (size_t)e + 1);
			if (span_chr(tok, ' ') < 0)
				smtpd_client(tok, ev);
		}
	}
}

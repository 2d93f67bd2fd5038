/*
 * bare_tls.c - the TLS library's handshake lines read without a syslog
 * program (pasted alone, or under journalctl -o with-unit's unit), and
 * the "TLS library problem" warnings after a failure:
 *
 *   SSL_connect error to smtp.example.net[192.0.2.7]:465: -1
 *   warning: TLS library problem: error:0A00010B:SSL routines::wrong version number
 *   Anonymous TLS connection established from unknown[192.0.2.9]: TLSv1.3 with ...
 *
 * tls/tls_client.c writes "SSL_connect error to %s: %d" with the SMTP
 * client's namaddr (name[address]:port), tls/tls_server.c "SSL_accept
 * error from %s: %d" (or ": lost connection", ": %m") with the SMTP
 * server's (name[address]), tls/tls_misc.c the handshake's summary
 * "... TLS connection established from|to %s: ..." with the same
 * namaddr; tls_print_errors() writes the warnings that
 * follow, in the same process, at once.  The TLS library serves
 * tlsproxy and posttls-finger too: the lines are read as the usual
 * writers', smtp and smtpd (as bare.c reads "server certificate
 * verification failed").  A tagless warning takes the program of the
 * handshake line just before it only: any other line between them ends
 * the pairing (prefix.c clears it on every line).  Untrusted input:
 * every access is bounds-checked.
 */
#include "prefix.h"
#include "prefix_internal.h"

#include <string.h>

/* established - tls/tls_misc.c's summary of a handshake, "%s TLS
 * connection %s %s %s%s%s: %s": "Anonymous|Untrusted|Trusted|Verified
 * TLS connection established from NAME[ADDR]: " (smtpd, tlsproxy) or
 * "... established to NAME[ADDR]:PORT: " (smtp, lmtp); the span after
 * "from "/"to ", or a null span */
static struct span established(struct span cur, const char **d, bool *want_port)
{
	static const char *const trust[] = {"Anonymous ", "Untrusted ", "Trusted ", "Verified "};
	size_t i = 0;
	while (i < sizeof trust / sizeof *trust && !span_eat(&cur, trust[i]))
		i++;
	if (i == sizeof trust / sizeof *trust || !span_eat(&cur, "TLS connection established "))
		return SPAN_NULL;
	if (span_eat(&cur, "from "))
		*d = "smtpd", *want_port = false;
	else if (span_eat(&cur, "to "))
		*d = "smtp", *want_port = true;
	else
		return SPAN_NULL;
	return cur;
}

/* syslog_bare_tls_daemon - "smtp" for an SSL_connect error line, "smtpd"
 * for an SSL_accept error line (the peer, ": ", a reason), else NULL */
const char *syslog_bare_tls_daemon(struct span text)
{
	struct span cur = text;
	const char *d;
	bool want_port;
	if (span_eat(&cur, "SSL_connect error to "))
		d = "smtp", want_port = true;
	else if (span_eat(&cur, "SSL_accept error from "))
		d = "smtpd", want_port = false;
	else if (!(cur = established(cur, &d, &want_port)).p)
		return NULL;
	bool port;
	size_t n = syslog_bare_client_at(cur, &port);
	if (!n || port != want_port || n + 2 >= cur.n || cur.p[n] != ':' || cur.p[n + 1] != ' ')
		return NULL;
	return d;
}

/* syslog_tls_note - after a line read without its prefix: a handshake
 * failure line starts a pairing with the warnings that follow it */
void syslog_tls_note(struct syslog_state *st, const struct logline *out)
{
	if (out->postfix && out->inferred && span_starts(out->text, "SSL_") && syslog_bare_tls_daemon(out->text))
		st->tls_daemon = syslog_bare_tls_daemon(out->text);
}

/* syslog_tls_warning - the program of a tagless "TLS library problem:"
 * warning right after a handshake failure line (or after another such
 * warning), or NULL */
const char *syslog_tls_warning(struct syslog_state *st, struct span text)
{
	if (!st->tls_prev || !span_starts(text, "TLS library problem: "))
		return NULL;
	st->tls_daemon = st->tls_prev;
	return st->tls_prev;
}

/*
 * client_words.c - what of a client-facing daemon's warning is Postfix's
 * own words.  smtpd quotes what a client sent inside some of its
 * warnings: the username of a failed login (Postfix 3.9's ", sasl_username=
 * NAME"), the address of "Illegal address syntax from C in MAIL command:
 * <ADDR>", the bytes after "non-SMTP command from C: " and "improper
 * command pipelining after CMD from C: ", the name a client asked for in
 * its TLS handshake (SNI).  The rows that read the server's
 * own problems (rule_diag) must not take those words for its own: a
 * password guesser whose username is "No space left on device" has not
 * filled this host's disk.  The words before them stay whole.
 */
#include "rules_internal.h"

/* client_facing - a daemon whose warnings may quote a client */
static bool client_facing(struct span daemon)
{
	return span_eqs(daemon, "smtpd") || span_eqs(daemon, "postscreen") || span_eqs(daemon, "tlsproxy");
}

/* diag_server_words - text up to the first words it quotes from the
 * client (all of it for another daemon, or when it quotes none) */
struct span diag_server_words(struct span daemon, struct span text)
{
	if (!client_facing(daemon))
		return text;
	ptrdiff_t at = span_index(text, ", sasl_username=");
	if (at >= 0)
		text.n = (size_t)at;
	/* "Illegal address syntax from C in MAIL command: <ADDR>" */
	if (span_starts(text, "Illegal address syntax from ") && (at = span_index(text, " command: ")) >= 0)
		text.n = (size_t)at + 8; /* " command" kept */
	/* "... from NAME[ADDR]: WORDS": the client's reference kept */
	if ((span_starts(text, "non-SMTP command from ") || span_starts(text, "improper command pipelining ")) &&
	    (at = span_index(text, "]: ")) >= 0)
		text.n = (size_t)at + 1;
	/* the name a client asked for: "TLS SNI NAME from C not matched",
	 * "TLS SNI from C is invalid: NAME" (tls_server.c) */
	if (span_starts(text, "TLS SNI "))
		text.n = 7;
	return text;
}

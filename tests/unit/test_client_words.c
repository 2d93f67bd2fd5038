/*
 * test_client_words.c - a client's words quoted in smtpd's warnings (a
 * failed login's username, an address, a command's bytes) never make a
 * finding about this server (diagnose/client_words.c): a password
 * guesser's username "No space left on device" is no full disk.  The
 * same words in Postfix's own text of another daemon still are.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"

/* finding_of - the finding a complete line makes, or F__COUNT for none */
static int finding_of(const char *line)
{
	struct diag_hit hit;
	const struct event *ev = progs_line(line);
	return diag_classify(ev, &hit) ? (int)hit.id : -1;
}

TEST(client_words_not_the_server_s)
{
	static const char *const quoted[] = {
	    /* Postfix 3.9's username after a failed login */
	    "Mar 10 08:02:05 mx postfix/smtpd[813]: warning: unknown[203.0.113.11]: SASL LOGIN authentication "
	    "failed: UGFzc3dvcmQ6, sasl_username=No space left on device",
	    "Mar 10 08:02:06 mx postfix/smtpd[813]: warning: unknown[203.0.113.11]: SASL LOGIN authentication "
	    "failed: UGFzc3dvcmQ6, sasl_username=SASL: Connect to Dovecot auth socket 'x' failed",
	    "Mar 10 08:02:07 mx postfix/smtpd[813]: warning: unknown[203.0.113.11]: SASL PLAIN authentication "
	    "failed: authentication failure, sasl_username=deferred/queue file",
	    "Mar 10 08:02:07 mx postfix/submission/smtpd[813]: warning: unknown[203.0.113.11]: SASL PLAIN "
	    "authentication failed: , sasl_username=cannot connect to saslauthd server",
	    /* an address, a command's bytes */
	    "Mar 10 08:01:05 mx postfix/smtpd[812]: warning: Illegal address syntax from unknown[203.0.113.10] "
	    "in MAIL command: <No space left on device@x>",
	    "Mar 10 08:01:05 mx postfix/smtpd[812]: warning: improper command pipelining after EHLO from "
	    "unknown[203.0.113.10]: MAIL FROM:<a@maildrop/x> queue file write error",
	    /* the name asked for in a TLS handshake */
	    "Mar 10 08:00:00 mx postfix/smtpd[815]: warning: TLS SNI No space left on device from "
	    "unknown[203.0.113.13] not matched, using default chain",
	    "Mar 10 08:00:00 mx postfix/smtpd[815]: warning: TLS SNI from unknown[203.0.113.13] is invalid: "
	    "SASL: Connect to Dovecot auth socket 'x' failed",
	};
	for (size_t i = 0; i < sizeof quoted / sizeof *quoted; i++) {
		int id = finding_of(quoted[i]);
		if (id == F_DISK_FULL || id == F_SASL_BACKEND_DOWN || id == F_QUEUE_FILE)
			test_fail(__FILE__, __LINE__, "line %zu: a client's words made %s", i, finding_id(id));
	}
	/* the address refused for its syntax is still the client's finding */
	CHECK(finding_of(quoted[4]) == F_IN_ADDR_SYNTAX);
	/* the server's own words before the quote, and other daemons' lines,
	 * are read as before */
	CHECK(finding_of("Mar 10 08:02:05 mx postfix/smtpd[813]: warning: SASL: Connect to Dovecot auth socket "
			 "'private/auth' failed: No such file or directory") == F_SASL_BACKEND_DOWN);
	CHECK(finding_of("Mar 10 08:02:05 mx postfix/smtpd[813]: warning: unknown[203.0.113.11]: SASL LOGIN "
			 "authentication failed: cannot connect to saslauthd server: No such file or directory, "
			 "sasl_username=bob") == F_SASL_BACKEND_DOWN);
	CHECK(finding_of("Mar 10 08:02:05 mx postfix/postdrop[44]: warning: mail_queue_enter: create file "
			 "maildrop/123.456: No space left on device") == F_DISK_FULL);
	CHECK(finding_of("Mar 10 08:02:05 mx postfix/cleanup[45]: warning: corrupt queue file "
			 "deferred/A/A1B2C3") == F_QUEUE_FILE);
	CHECK(finding_of("Mar 10 08:02:05 mx postfix/smtpd[45]: fatal: queue file write error: "
			 "No space left on device") == F_DISK_FULL);
}

/*
 * test_relay_blank_login.c - the SASL library's "All-whitespace username"
 * of smtp (the password table's login for the relay is blank) told as
 * relayhost-login-blank, with the deferral "generic failure" that follows
 * in the same process; the same library words from smtpd (a client's
 * blank login) and a "generic failure" alone are not it (threads AV 12);
 * fed through the whole front of the pipeline (blame_pipe.h).
 */
#include "blame_pipe.h"

TEST(relay_blank_login_takes_its_deferral)
{
	const char *const lines[] = {
	    "Jan 25 11:49:38 relay postfix/qmgr[436]: CB7251661E1: from=<app@example.com>, size=503, nrcpt=1 (queue active)",
	    "Jan 25 11:49:39 relay postfix/smtp[512]: Trusted TLS connection established to smtp.office365.com[52.98.143.98]:587: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
	    "Jan 25 11:49:39 relay postfix/smtp[512]: warning: SASL authentication failure: All-whitespace username.",
	    "Jan 25 11:49:41 relay postfix/smtp[512]: CB7251661E1: to=<ann@example.org>, relay=smtp.office365.com[52.98.140.2]:587, delay=2.5, delays=0.02/0.12/2.3/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.office365.com[52.98.140.2]: generic failure)",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(has_finding(p, F_OUT_RELAY_BLANK_LOGIN));
	CHECK(!has_finding(p, F_OUT_RELAY_PLUGIN));
	CHECK(!has_finding(p, F_OTHER_WARNING));
	const struct diag_group *g = group_with(p, F_OUT_RELAY_BLANK_LOGIN);
	CHECK(g != NULL);
	pipe_free(p);
}

/* another process' deferral keeps its own finding: the warning names the
 * process it came from, not every smtp of the host */
TEST(relay_blank_login_only_its_process)
{
	const char *const lines[] = {
	    "Jan 25 11:49:39 relay postfix/smtp[512]: warning: SASL authentication failure: All-whitespace username.",
	    "Jan 25 11:49:41 relay postfix/smtp[513]: AB7251661E1: to=<ann@example.org>, relay=smtp.gmail.com[142.250.1.108]:587, delay=2.5, delays=0.02/0.12/2.3/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp.gmail.com[142.250.1.108]: generic failure)",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(has_finding(p, F_OUT_RELAY_BLANK_LOGIN));
	CHECK(has_finding(p, F_OUT_RELAY_PLUGIN));
	pipe_free(p);
}

/* smtpd's library echo of a client's blank login is no relay login of
 * this server's */
TEST(relay_blank_login_not_from_smtpd)
{
	const char *const lines[] = {
	    "Jan 25 11:50:00 mx postfix/smtpd[600]: connect from unknown[203.0.113.9]",
	    "Jan 25 11:50:01 mx postfix/smtpd[600]: warning: SASL authentication failure: All-whitespace username.",
	    "Jan 25 11:50:01 mx postfix/smtpd[600]: warning: unknown[203.0.113.9]: SASL PLAIN authentication failed: generic failure",
	    "Jan 25 11:50:02 mx postfix/smtpd[600]: disconnect from unknown[203.0.113.9] ehlo=1 auth=0/1 quit=1 commands=2/3",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(!has_finding(p, F_OUT_RELAY_BLANK_LOGIN));
	pipe_free(p);
}

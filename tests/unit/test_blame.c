/*
 * test_blame.c - the right side blamed, on real line shapes fed through
 * the whole front of the pipeline (blame_pipe.h) as the report command
 * does: TLS handshake failures apart from capability probes (the
 * pid-only library warning tied to its session), health checks from
 * this server's own network, clients refused by the server's own
 * configuration or a DNSBL's error answer, SASL failures of the
 * server's own backend, postscreen's PREGREET and dnsblog answers, a
 * pasted line's bullet, strict HELO checks.  The admin's own users,
 * apps and known senders are in test_blame_own.c.
 */
#include "blame_pipe.h"

/* a client with no cipher in common: SSL_accept says -1, the library warning
 * (pid only, no client) says why, then it hangs up after STARTTLS */
static const char *const tls_lines[] = {
    "Mar  3 10:00:01 mx postfix/smtpd[2001]: connect from unknown[203.0.113.5]",
    "Mar  3 10:00:01 mx postfix/smtpd[2001]: SSL_accept error from unknown[203.0.113.5]: -1",
    "Mar  3 10:00:01 mx postfix/smtpd[2001]: warning: TLS library problem: error:0A0000C1:SSL routines::no shared cipher:../ssl/statem/statem_srvr.c:2220:",
    "Mar  3 10:00:01 mx postfix/smtpd[2001]: lost connection after STARTTLS from unknown[203.0.113.5]",
    "Mar  3 10:00:01 mx postfix/smtpd[2001]: disconnect from unknown[203.0.113.5] ehlo=1 starttls=0/1 commands=1/2",
    "Mar  3 10:01:01 mx postfix/smtpd[2002]: connect from mail.example.net[198.51.100.7]",
    "Mar  3 10:01:01 mx postfix/smtpd[2002]: SSL_accept error from mail.example.net[198.51.100.7]: -1",
    "Mar  3 10:01:01 mx postfix/smtpd[2002]: warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol:../ssl/statem/statem_srvr.c:1719:",
    "Mar  3 10:01:01 mx postfix/smtpd[2002]: lost connection after STARTTLS from mail.example.net[198.51.100.7]",
    "Mar  3 10:01:01 mx postfix/smtpd[2002]: disconnect from mail.example.net[198.51.100.7] ehlo=1 starttls=0/1 commands=1/2",
    "Mar  3 10:02:01 mx postfix/smtpd[2001]: connect from mx.other.org[192.0.2.77]",
    "Mar  3 10:02:01 mx postfix/smtpd[2001]: SSL_accept error from mx.other.org[192.0.2.77]: lost connection",
    "Mar  3 10:02:01 mx postfix/smtpd[2001]: warning: TLS library problem: error:1408A10B:SSL routines:ssl3_get_client_hello:wrong version number:s3_srvr.c:1093:",
    "Mar  3 10:02:01 mx postfix/smtpd[2001]: lost connection after STARTTLS from mx.other.org[192.0.2.77]",
    "Mar  3 10:02:01 mx postfix/smtpd[2001]: disconnect from mx.other.org[192.0.2.77] ehlo=1 starttls=0/1 commands=1/2",
    /* a capability probe, for contrast: EHLO, QUIT */
    "Mar  3 10:03:01 mx postfix/smtpd[2003]: connect from unknown[192.0.2.200]",
    "Mar  3 10:03:01 mx postfix/smtpd[2003]: disconnect from unknown[192.0.2.200] ehlo=1 quit=1 commands=2",
    NULL};

TEST(blame_tls_failure_apart_from_probe)
{
	struct pipe *p = pipe_new();
	pipe_lines(p, tls_lines);
	CHECK_INT(p->nsess, 4);
	/* the pid-only warning belongs to the session its process serves */
	CHECK(p->sess_tls_error[0] && strstr(p->sess_tls_error[0], "no shared cipher"));
	CHECK(p->sess_tls_error[2] && strstr(p->sess_tls_error[2], "wrong version number"));
	for (size_t i = 0; i < 3; i++)
		CHECK_STR(verdict_id(p->sess_v[i]), "tls-failure");
	CHECK_STR(verdict_id(p->sess_v[3]), "capability-probe");
	CHECK_INT(verdict_of(p, "203.0.113.5"), V_TLS_FAILURE);
	CHECK_INT(verdict_of(p, "192.0.2.200"), V_CAPABILITY_PROBE);
	CHECK(strstr(explanation(p, "198.51.100.7"), "no TLS protocol version or cipher in common"));
	/* three different clients with nothing in common: this server's settings */
	CHECK(has_finding(p, F_TLS_SETTINGS_IN));
	pipe_free(p);
}

/* threads18J: a pasted excerpt that begins after the connect line: the
 * library's warning comes while no session of its process is open; the
 * "lost connection after STARTTLS" just after opens the session, and the
 * reason is its (not "it hung up in the middle of the handshake") */
TEST(blame_tls_reason_before_the_session_opens)
{
	const char *const lines[] = {
	    "Mar  3 10:00:01 mx postfix/smtpd[3001]: warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol:../ssl/statem/statem_srvr.c:1657:",
	    "Mar  3 10:00:01 mx postfix/smtpd[3001]: lost connection after STARTTLS from mail.example.net[198.51.100.7]",
	    /* another process's session does not take a reason left unused */
	    "Mar  3 10:00:02 mx postfix/smtpd[3002]: warning: TLS library problem: error:0A000102:SSL routines::unsupported protocol:../ssl/statem/statem_srvr.c:1657:",
	    "Mar  3 10:00:02 mx postfix/smtpd[3003]: lost connection after STARTTLS from mx.example.org[192.0.2.77]",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(p->nsess, 2);
	CHECK(p->sess_tls_error[0] && strstr(p->sess_tls_error[0], "unsupported protocol"));
	CHECK(!p->sess_tls_error[1] || !strstr(p->sess_tls_error[1], "unsupported protocol"));
	CHECK(strstr(explanation(p, "198.51.100.7"), "no TLS protocol version or cipher in common"));
	CHECK(!strstr(explanation(p, "198.51.100.7"), "hung up in the middle"));
	pipe_free(p);
}

TEST(blame_tls_one_client_is_no_config_problem)
{
	const char *const lines[] = {tls_lines[0], tls_lines[1], tls_lines[2], tls_lines[3],
				     tls_lines[4], NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(!has_finding(p, F_TLS_SETTINGS_IN));
	CHECK(has_finding(p, F_TLS_HANDSHAKE_IN));
	pipe_free(p);
}

TEST(blame_health_checks)
{
	const char *const lines[] = {
	    "Mar  3 10:05:00 mx postfix/smtpd[3001]: connect from localhost[127.0.0.1]",
	    "Mar  3 10:05:00 mx postfix/smtpd[3001]: disconnect from localhost[127.0.0.1] ehlo=1 quit=1 commands=2",
	    "Mar  3 10:10:00 mx postfix/smtpd[3001]: connect from localhost[127.0.0.1]",
	    "Mar  3 10:10:00 mx postfix/smtpd[3001]: disconnect from localhost[127.0.0.1] ehlo=1 quit=1 commands=2",
	    "Mar  3 10:15:00 mx postfix/smtpd[3001]: connect from localhost[127.0.0.1]",
	    "Mar  3 10:15:00 mx postfix/smtpd[3001]: disconnect from localhost[127.0.0.1] ehlo=1 quit=1 commands=2",
	    /* a load balancer on the own network: connect, hang up */
	    "Mar  3 10:05:00 mx postfix/smtpd[3002]: connect from unknown[10.0.0.2]",
	    "Mar  3 10:05:00 mx postfix/smtpd[3002]: lost connection after CONNECT from unknown[10.0.0.2]",
	    "Mar  3 10:05:00 mx postfix/smtpd[3002]: disconnect from unknown[10.0.0.2] commands=0/0",
	    /* the same from outside is no health check */
	    "Mar  3 10:05:00 mx postfix/smtpd[3003]: connect from unknown[198.51.100.99]",
	    "Mar  3 10:05:00 mx postfix/smtpd[3003]: disconnect from unknown[198.51.100.99] ehlo=1 quit=1 commands=2",
	    /* a Docker gateway whose session the excerpt cuts: not a health check,
	     * and not "a port scanner or a monitoring check" either */
	    "Feb 16 11:03:54 mail postfix/smtpd[13007]: connect from unknown[172.21.0.1]",
	    "Feb 16 11:03:54 mail postfix/smtpd[13007]: Anonymous TLS connection established from unknown[172.21.0.1]: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "127.0.0.1"), V_HEALTH_CHECK);
	CHECK_INT(verdict_of(p, "10.0.0.2"), V_HEALTH_CHECK);
	CHECK_INT(verdict_of(p, "198.51.100.99"), V_CAPABILITY_PROBE);
	CHECK_INT(verdict_of(p, "172.21.0.1"), V_UNKNOWN);
	const char *x = explanation(p, "127.0.0.1");
	CHECK(strstr(x, "health check") && !strstr(x, "reconnaissance"));
	x = explanation(p, "172.21.0.1");
	CHECK(!strstr(x, "port scanner"));
	CHECK(strstr(x, "own network") && strstr(x, "gateway"));
	pipe_free(p);
}

TEST(blame_own_configuration_refusals)
{
	const char *const lines[] = {
	    /* a missing access table: 451 4.3.5 to a real sender */
	    "Feb 16 11:03:54 mail postfix/smtpd[13007]: connect from mail-qk1-f170.google.com[209.85.222.170]",
	    "Feb 16 11:03:55 mail postfix/smtpd[13007]: NOQUEUE: reject: RCPT from mail-qk1-f170.google.com[209.85.222.170]: 451 4.3.5 <a@example.org>: Sender address rejected: Server configuration problem; from=<a@gmail.com> to=<b@example.com> proto=ESMTP helo=<mail-qk1-f170.google.com>",
	    "Feb 16 11:03:55 mail postfix/smtpd[13007]: disconnect from mail-qk1-f170.google.com[209.85.222.170] ehlo=2 starttls=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=4/6",
	    /* smtpd's reject_rbl_client: the list answers its open-resolver error */
	    "Feb 16 11:04:00 mail postfix/smtpd[13008]: connect from mx.example.net[198.51.100.20]",
	    "Feb 16 11:04:00 mail postfix/smtpd[13008]: NOQUEUE: reject: RCPT from mx.example.net[198.51.100.20]: 554 5.7.1 Service unavailable; Client host [198.51.100.20] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/172.64.36.1; from=<x@example.net> to=<b@example.com> proto=ESMTP helo=<mx.example.net>",
	    "Feb 16 11:04:00 mail postfix/smtpd[13008]: disconnect from mx.example.net[198.51.100.20] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* postscreen: dnsblog's error answer, the rank, the refusal */
	    "Feb 16 11:05:00 mail postfix/postscreen[900]: CONNECT from [192.0.2.50]:40000 to [192.0.2.1]:25",
	    "Feb 16 11:05:00 mail postfix/dnsblog[901]: addr 192.0.2.50 listed by domain zen.spamhaus.org as 127.255.255.254",
	    "Feb 16 11:05:00 mail postfix/postscreen[900]: DNSBL rank 3 for [192.0.2.50]:40000",
	    "Feb 16 11:05:06 mail postfix/postscreen[900]: NOQUEUE: reject: RCPT from [192.0.2.50]:40000: 550 5.7.1 Service unavailable; client [192.0.2.50] blocked using zen.spamhaus.org; from=<a@example.org>, to=<b@example.com>, proto=ESMTP, helo=<mx.example.org>",
	    /* and a client really listed (XBL) */
	    "Feb 16 11:06:00 mail postfix/postscreen[900]: CONNECT from [192.0.2.60]:40001 to [192.0.2.1]:25",
	    "Feb 16 11:06:00 mail postfix/dnsblog[901]: addr 192.0.2.60 listed by domain zen.spamhaus.org as 127.0.0.4",
	    "Feb 16 11:06:00 mail postfix/postscreen[900]: DNSBL rank 3 for [192.0.2.60]:40001",
	    "Feb 16 11:06:06 mail postfix/postscreen[900]: NOQUEUE: reject: RCPT from [192.0.2.60]:40001: 550 5.7.1 Service unavailable; client [192.0.2.60] blocked using zen.spamhaus.org; from=<a@example.org>, to=<b@example.com>, proto=ESMTP, helo=<x>",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_STR(verdict_id(p->sess_v[0]), "unknown");
	CHECK_STR(verdict_id(p->sess_v[1]), "unknown");
	CHECK(verdict_of(p, "209.85.222.170") != V_SPAM_REJECTED);
	CHECK(verdict_of(p, "198.51.100.20") != V_SPAM_REJECTED);
	CHECK(verdict_of(p, "192.0.2.50") != V_SPAM_REJECTED);
	CHECK_INT(verdict_of(p, "192.0.2.60"), V_SPAM_REJECTED);
	CHECK(strstr(explanation(p, "209.85.222.170"), "this server's own fault"));
	const char *x = explanation(p, "192.0.2.50");
	CHECK(strstr(x, "error code") && !strstr(x, "PTR"));
	CHECK(strstr(explanation(p, "192.0.2.60"), "XBL"));
	CHECK(has_finding(p, F_IN_CONFIG_PROBLEM));
	CHECK(has_finding(p, F_IN_DNSBL_ERROR));
	/* the postscreen-only client has its line as evidence */
	struct client *c = analysis_client(p->a, "192.0.2.50");
	const struct client_detail *d = c ? client_detail(p->a, c) : NULL;
	CHECK(d && d->nevidence >= 1 && d->evidence[0].first_line > 0);
	pipe_free(p);
}

TEST(blame_sasl_backend_session_label)
{
	const char *const lines[] = {
	    "Mar  3 10:20:00 mx postfix/smtpd[4001]: connect from unknown[192.0.2.9]",
	    "Mar  3 10:20:00 mx postfix/smtpd[4001]: warning: SASL authentication failure: cannot connect to saslauthd server: No such file or directory",
	    "Mar  3 10:20:00 mx postfix/smtpd[4001]: warning: unknown[192.0.2.9]: SASL LOGIN authentication failed: generic failure",
	    "Mar  3 10:20:01 mx postfix/smtpd[4001]: disconnect from unknown[192.0.2.9] ehlo=1 auth=0/1 quit=1 commands=2/3",
	    /* a guess with a wrong password stays one */
	    "Mar  3 10:21:00 mx postfix/smtpd[4002]: connect from unknown[203.0.113.40]",
	    "Mar  3 10:21:00 mx postfix/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Mar  3 10:21:01 mx postfix/smtpd[4002]: disconnect from unknown[203.0.113.40] ehlo=1 auth=0/1 quit=1 commands=2/3",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(p->nsess, 2);
	CHECK(p->sess_v[0] != V_AUTH_BRUTEFORCE);
	CHECK_STR(verdict_id(p->sess_v[1]), "auth-bruteforce");
	CHECK(verdict_of(p, "192.0.2.9") != V_AUTH_BRUTEFORCE);
	CHECK(has_finding(p, F_SASL_BACKEND_DOWN));
	pipe_free(p);
}

/* Dovecot's auth broke off (xsasl_dovecot_server.c's own words): a user's
 * logins fail, then succeed; a guesser whose answers Dovecot delays meets
 * the same words after its ordinary failures */
TEST(blame_sasl_connection_lost)
{
	const char *const lines[] = {
	    "Mar  3 10:00:00 mx postfix/submission/smtpd[4001]: connect from dsl-7.example.net[198.51.100.7]",
	    "Mar  3 10:00:10 mx postfix/submission/smtpd[4001]: warning: dsl-7.example.net[198.51.100.7]: SASL PLAIN authentication failed: Connection lost to authentication server, sasl_username=(unavailable)",
	    "Mar  3 10:00:20 mx postfix/submission/smtpd[4001]: warning: dsl-7.example.net[198.51.100.7]: SASL PLAIN authentication failed: Connection lost to authentication server, sasl_username=(unavailable)",
	    "Mar  3 10:00:30 mx postfix/submission/smtpd[4001]: warning: dsl-7.example.net[198.51.100.7]: SASL PLAIN authentication failed: Can't connect to authentication server, sasl_username=(unavailable)",
	    "Mar  3 10:00:31 mx postfix/submission/smtpd[4001]: disconnect from dsl-7.example.net[198.51.100.7] ehlo=1 auth=0/3 quit=1 commands=2/5",
	    "Mar  3 10:05:00 mx postfix/submission/smtpd[4001]: connect from dsl-7.example.net[198.51.100.7]",
	    "Mar  3 10:05:01 mx postfix/submission/smtpd[4001]: disconnect from dsl-7.example.net[198.51.100.7] ehlo=1 auth=1 quit=1 commands=3",
	    "Mar  3 10:21:00 mx postfix/submission/smtpd[4002]: connect from unknown[203.0.113.40]",
	    "Mar  3 10:21:00 mx postfix/submission/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Mar  3 10:21:05 mx postfix/submission/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Mar  3 10:21:20 mx postfix/submission/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: Connection lost to authentication server",
	    "Mar  3 10:21:30 mx postfix/submission/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Mar  3 10:21:31 mx postfix/submission/smtpd[4002]: disconnect from unknown[203.0.113.40] ehlo=1 auth=0/4 quit=1 commands=2/6",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_STR(verdict_id(verdict_of(p, "198.51.100.7")), "legitimate");
	CHECK_STR(verdict_id(verdict_of(p, "203.0.113.40")), "auth-bruteforce");
	CHECK(has_finding(p, F_SASL_BACKEND_FAILS));
	CHECK(!has_finding(p, F_SASL_BACKEND_DOWN));
	pipe_free(p);
}

/* the same words from the guesser alone: no finding against the server */
TEST(blame_sasl_connection_lost_guesser_only)
{
	const char *const lines[] = {
	    "Mar  3 10:21:00 mx postfix/submission/smtpd[4002]: connect from unknown[203.0.113.40]",
	    "Mar  3 10:21:00 mx postfix/submission/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Mar  3 10:21:20 mx postfix/submission/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: Connection lost to authentication server",
	    "Mar  3 10:21:30 mx postfix/submission/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Mar  3 10:21:40 mx postfix/submission/smtpd[4002]: warning: unknown[203.0.113.40]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Mar  3 10:21:41 mx postfix/submission/smtpd[4002]: disconnect from unknown[203.0.113.40] ehlo=1 auth=0/4 quit=1 commands=2/6",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_STR(verdict_id(verdict_of(p, "203.0.113.40")), "auth-bruteforce");
	CHECK(!has_finding(p, F_SASL_BACKEND_FAILS));
	pipe_free(p);
}

/* a dying policy server: spawn's exit line, smtpd's socket lines and the
 * 451 4.3.5 it answers are one cause, told once (fold_effects) */
TEST(blame_policy_server_told_once)
{
	const char *const lines[] = {
	    "Mar  4 16:10:02 mx postfix/smtpd[5901]: connect from mail-wr1-f54.google.com[209.85.221.54]",
	    "Mar  4 16:10:02 mx postfix/spawn[5902]: warning: command /usr/bin/policyd-spf exit status 1",
	    "Mar  4 16:10:02 mx postfix/smtpd[5901]: warning: premature end-of-input on private/policyd-spf while reading input attribute name",
	    "Mar  4 16:10:02 mx postfix/smtpd[5901]: warning: problem talking to server private/policyd-spf: Connection reset by peer",
	    "Mar  4 16:10:03 mx postfix/smtpd[5901]: NOQUEUE: reject: RCPT from mail-wr1-f54.google.com[209.85.221.54]: 451 4.3.5 Server configuration problem; from=<friend@gmail.com> to=<alice@example.org> proto=ESMTP helo=<mail-wr1-f54.google.com>",
	    "Mar  4 16:10:03 mx postfix/smtpd[5901]: disconnect from mail-wr1-f54.google.com[209.85.221.54] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(has_finding(p, F_POLICY_DOWN));
	CHECK(!has_finding(p, F_IN_CONFIG_PROBLEM));
	CHECK_INT(p->diag->nlist, 1);
	pipe_free(p);
}

/* the look-alike: a 451 4.3.5 of a process whose cause the log does not
 * show, beside two causes in other processes, stays its own */
TEST(blame_config_problem_cause_unknown)
{
	const char *const lines[] = {
	    "Mar  4 16:10:02 mx postfix/smtpd[6001]: warning: problem talking to server private/policyd-spf: Connection refused",
	    "Mar  4 16:10:02 mx postfix/cleanup[6003]: warning: hash:/etc/postfix/header_checks is unavailable. open database /etc/postfix/header_checks.db: No such file or directory",
	    "Mar  4 16:20:03 mx postfix/smtpd[6101]: NOQUEUE: reject: RCPT from mail-wr1-f54.google.com[209.85.221.54]: 451 4.3.5 Server configuration problem; from=<friend@gmail.com> to=<alice@example.org> proto=ESMTP helo=<mail-wr1-f54.google.com>",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(has_finding(p, F_POLICY_DOWN));
	CHECK(has_finding(p, F_MAP_MISSING));
	CHECK(has_finding(p, F_IN_CONFIG_PROBLEM));
	pipe_free(p);
}

/* two smtpd processes, one refusing for a missing table, the other for a
 * dead policy server, each with its own 451 4.3.5: each refusal is told
 * with its own process' cause (causes.c), not both with the first cause
 * (the whole key-less group was folded into the table's before) */
TEST(blame_config_problem_each_its_cause)
{
	const char *const lines[] = {
	    "Dec 04 12:21:35 mx1 postfix/smtpd[449]: error: open database /etc/postfix/sender_access.db: No such file or directory",
	    "Dec 04 12:21:35 mx1 postfix/smtpd[452]: connect from unknown[198.51.100.63]",
	    "Dec 04 12:21:35 mx1 postfix/smtpd[449]: connect from unknown[198.51.100.62]",
	    "Dec 04 12:21:35 mx1 postfix/smtpd[449]: warning: hash:/etc/postfix/sender_access is unavailable. open database /etc/postfix/sender_access.db: No such file or directory",
	    "Dec 04 12:21:35 mx1 postfix/smtpd[449]: warning: hash:/etc/postfix/sender_access lookup error for \"billing@partner-a.test\"",
	    "Dec 04 12:21:35 mx1 postfix/smtpd[449]: NOQUEUE: reject: RCPT from unknown[198.51.100.62]: 451 4.3.5 <billing@partner-a.test>: Sender address rejected: Server configuration error; from=<billing@partner-a.test> to=<carol@example.test> proto=ESMTP helo=<mail.partner-a.test>",
	    "Dec 04 12:21:35 mx1 postfix/smtpd[449]: disconnect from unknown[198.51.100.62] ehlo=1 mail=1 rcpt=0/1 rset=1 quit=1 commands=4/5",
	    "Dec 04 12:21:36 mx1 postfix/smtpd[452]: warning: connect to 127.0.0.1:10023: Connection refused",
	    "Dec 04 12:21:36 mx1 postfix/smtpd[452]: warning: problem talking to server 127.0.0.1:10023: Connection refused",
	    "Dec 04 12:21:36 mx1 postfix/smtpd[452]: NOQUEUE: reject: RCPT from unknown[198.51.100.63]: 451 4.3.5 <erin@example.test>: Recipient address rejected: Server configuration problem; from=<billing@partner-a.test> to=<erin@example.test> proto=ESMTP helo=<mail.partner-a.test>",
	    "Dec 04 12:21:36 mx1 postfix/smtpd[452]: disconnect from unknown[198.51.100.63] ehlo=1 mail=1 rcpt=0/1 rset=1 quit=1 commands=4/5",
	    /* a 451 of a process before any cause of its own, beside the
	     * others': not the table's nor the policy server's */
	    "Dec 04 12:21:37 mx1 postfix/smtpd[460]: NOQUEUE: reject: RCPT from unknown[198.51.100.64]: 451 4.3.5 <erin@example.test>: Recipient address rejected: Server configuration problem; from=<a@partner-a.test> to=<erin@example.test> proto=ESMTP helo=<mail.partner-a.test>",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	const struct diag_group *map = group_with(p, F_MAP_MISSING), *pol = group_with(p, F_POLICY_DOWN),
				*cfg = group_with(p, F_IN_CONFIG_PROBLEM);
	CHECK(map && pol && cfg);
	if (map && pol && cfg) {
		CHECK(strset_has(&map->subjects, span_of("198.51.100.62")));
		CHECK(!strset_has(&map->subjects, span_of("198.51.100.63")));
		CHECK(strset_has(&pol->subjects, span_of("198.51.100.63")));
		CHECK(!strset_has(&pol->subjects, span_of("198.51.100.62")));
		CHECK_INT(map->lines, 4);
		CHECK_INT(pol->lines, 3);
		CHECK_INT(cfg->lines, 1);
		CHECK(strset_has(&cfg->subjects, span_of("198.51.100.64")));
	}
	pipe_free(p);
}

/* the tracker itself: a cause is the process' (pid and host), the last
 * one counts, and only a cause that can make the effect is taken */
TEST(causes_track_per_process)
{
	struct diag_causes *c = xcalloc(1, sizeof *c);
	struct logline l = {.pid = 10, .host = span_of("a")};
	struct event ev = {.line = &l};
	struct diag_hit h = {.id = F_MAP_MISSING};
	snprintf(h.key, sizeof h.key, "/etc/postfix/x");
	CHECK(!diag_cause_hit(c, &ev, &h));
	struct diag_hit e = {.id = F_IN_CONFIG_PROBLEM};
	CHECK(diag_cause_hit(c, &ev, &e));
	CHECK_INT(e.id, F_MAP_MISSING);
	CHECK_STR(e.key, "/etc/postfix/x");
	/* the same pid on another host, another pid on this one: nothing */
	struct logline l2 = {.pid = 10, .host = span_of("b")}, l3 = {.pid = 11, .host = span_of("a")};
	struct event ev2 = {.line = &l2}, ev3 = {.line = &l3};
	struct diag_hit e2 = {.id = F_IN_CONFIG_PROBLEM}, e3 = {.id = F_IN_CONFIG_PROBLEM};
	CHECK(!diag_cause_hit(c, &ev2, &e2) && e2.id == F_IN_CONFIG_PROBLEM);
	CHECK(!diag_cause_hit(c, &ev3, &e3) && e3.id == F_IN_CONFIG_PROBLEM);
	/* the last cause counts */
	struct diag_hit pol = {.id = F_POLICY_DOWN};
	snprintf(pol.key, sizeof pol.key, "127.0.0.1:10023");
	diag_cause_hit(c, &ev, &pol);
	struct diag_hit e4 = {.id = F_IN_CONFIG_PROBLEM};
	CHECK(diag_cause_hit(c, &ev, &e4) && e4.id == F_POLICY_DOWN);
	/* cleanup's key-less map lookup problem is a table's, never a policy server's */
	struct diag_hit e5 = {.id = F_MAP_MISSING};
	CHECK(!diag_cause_hit(c, &ev, &e5) && e5.id == F_MAP_MISSING && !e5.key[0]);
	/* a keyed effect finding is no effect; no pid, no tracking */
	struct diag_hit e6 = {.id = F_IN_CONFIG_PROBLEM};
	snprintf(e6.key, sizeof e6.key, "restriction returns OK");
	CHECK(!diag_cause_hit(c, &ev, &e6) && e6.id == F_IN_CONFIG_PROBLEM);
	struct logline l4 = {.pid = -1, .host = span_of("a")};
	struct event ev4 = {.line = &l4};
	struct diag_hit e7 = {.id = F_IN_CONFIG_PROBLEM};
	CHECK(!diag_cause_hit(c, &ev4, &e7));
	/* more processes than slots: the oldest makes way, no overflow */
	for (int64_t pid = 100; pid < 100 + 3 * DIAG_CAUSE_PROCS; pid++) {
		struct logline lp = {.pid = pid, .host = span_of("a")};
		struct event ep = {.line = &lp};
		struct diag_hit hp = {.id = F_MAP_MISSING};
		snprintf(hp.key, sizeof hp.key, "/t/%lld", (long long)pid);
		diag_cause_hit(c, &ep, &hp);
	}
	CHECK_INT(c->used, DIAG_CAUSE_PROCS);
	struct logline lz = {.pid = 100 + 3 * DIAG_CAUSE_PROCS - 1, .host = span_of("a")};
	struct event ez = {.line = &lz};
	struct diag_hit hz = {.id = F_IN_CONFIG_PROBLEM};
	CHECK(diag_cause_hit(c, &ez, &hz));
	CHECK(!diag_cause_hit(c, &ev, &(struct diag_hit){.id = F_IN_CONFIG_PROBLEM}));
	free(c);
}

TEST(blame_pregreet_forms)
{
	const char *const lines[] = {
	    "Dec 23 19:39:13 xxx postfix/postscreen[21057]: CONNECT from [192.0.2.2]:59415 to [198.51.100.1]:25",
	    "Dec 23 19:39:13 xxx postfix/postscreen[21057]: PREGREET 14 after 0.08 from [192.0.2.2]:59415: EHLO ylmf-pc\\r\\n",
	    /* the text cut off, and a bare address */
	    "Dec 23 19:39:14 xxx postfix/postscreen[21057]: PREGREET 11 after 0.1 from [192.0.2.4]:1234",
	    "Dec 23 19:39:15 xxx postfix/postscreen[21057]: PREGREET 6 after 1.2 from 192.0.2.5: RSET??",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "192.0.2.2"), V_PREGREET);
	CHECK_INT(verdict_of(p, "192.0.2.4"), V_PREGREET);
	CHECK_INT(verdict_of(p, "192.0.2.5"), V_PREGREET);
	const char *x = explanation(p, "192.0.2.2");
	CHECK(strstr(x, "14 bytes") && strstr(x, "EHLO ylmf-pc") && strstr(x, "carriage return"));
	CHECK(!strstr(x, "PTR"));
	CHECK(strstr(explanation(p, "192.0.2.5"), "\"??\""));
	pipe_free(p);
}

/* postscreen's after-greeting tests: "NON-SMTP COMMAND" (HTTP on port
 * 25) is a non-SMTP probe and "COMMAND PIPELINING" a pipelining bot, as
 * smtpd's own lines are; a client caught by them that delivers later is
 * ordinary, and "BARE NEWLINE" alone accuses nobody */
TEST(blame_postscreen_violations)
{
	const char *const lines[] = {
	    "Jun  5 09:00:00 mx postfix/postscreen[3001]: CONNECT from [203.0.113.66]:41239 to [192.0.2.1]:25",
	    "Jun  5 09:00:00 mx postfix/postscreen[3001]: NON-SMTP COMMAND from [203.0.113.66]:41239 after CONNECT: GET / HTTP/1.1",
	    "Jun  5 09:00:00 mx postfix/postscreen[3001]: DISCONNECT [203.0.113.66]:41239",
	    "Jun  5 09:01:00 mx postfix/postscreen[3001]: CONNECT from [203.0.113.64]:41237 to [192.0.2.1]:25",
	    "Jun  5 09:01:00 mx postfix/postscreen[3001]: COMMAND PIPELINING from [203.0.113.64]:41237 after EHLO: MAIL FROM:<x@spam.example>\\r\\n",
	    "Jun  5 09:01:00 mx postfix/postscreen[3001]: NOQUEUE: reject: RCPT from [203.0.113.64]:41237: 550 5.5.1 Protocol error; from=<x@spam.example>, to=<alice@example.com>, proto=ESMTP, helo=<spam.example>",
	    "Jun  5 09:01:00 mx postfix/postscreen[3001]: DISCONNECT [203.0.113.64]:41237",
	    "Jun  5 09:02:00 mx postfix/postscreen[3001]: CONNECT from [203.0.113.65]:41238 to [192.0.2.1]:25",
	    "Jun  5 09:02:00 mx postfix/postscreen[3001]: BARE NEWLINE from [203.0.113.65]:41238 after EHLO",
	    "Jun  5 09:02:00 mx postfix/postscreen[3001]: DISCONNECT [203.0.113.65]:41238",
	    /* caught once, then passed and delivered */
	    "Jun  5 09:03:00 mx postfix/postscreen[3001]: CONNECT from [198.51.100.60]:41240 to [192.0.2.1]:25",
	    "Jun  5 09:03:00 mx postfix/postscreen[3001]: COMMAND PIPELINING from [198.51.100.60]:41240 after EHLO: MAIL FROM:<a@partner.example>\\r\\n",
	    "Jun  5 09:03:00 mx postfix/postscreen[3001]: DISCONNECT [198.51.100.60]:41240",
	    "Jun  5 09:13:00 mx postfix/smtpd[3010]: connect from mx.partner.example[198.51.100.60]",
	    "Jun  5 09:13:01 mx postfix/smtpd[3010]: 5A00000001: client=mx.partner.example[198.51.100.60]",
	    "Jun  5 09:13:01 mx postfix/cleanup[3011]: 5A00000001: message-id=<1@partner.example>",
	    "Jun  5 09:13:01 mx postfix/qmgr[900]: 5A00000001: from=<a@partner.example>, size=400, nrcpt=1 (queue active)",
	    "Jun  5 09:13:01 mx postfix/smtpd[3010]: disconnect from mx.partner.example[198.51.100.60] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "203.0.113.66"), V_NON_SMTP_PROBE);
	CHECK_INT(verdict_of(p, "203.0.113.64"), V_PIPELINING);
	/* a bare newline, never passed nor back: a bot (protocol-violation) */
	CHECK_INT(verdict_of(p, "203.0.113.65"), V_PROTOCOL_VIOLATION);
	CHECK_INT(verdict_of(p, "198.51.100.60"), V_LEGITIMATE);
	pipe_free(p);
}

TEST(blame_dnsbl_answers)
{
	static const struct {
		const char *list, *answer, *want;
	} cases[] = {
	    {"zen.spamhaus.org", "127.0.0.2", "SBL"},
	    {"zen.spamhaus.org", "127.0.0.3", "CSS"},
	    {"zen.spamhaus.org", "127.0.0.4", "XBL"},
	    {"zen.spamhaus.org", "127.0.0.7", "XBL"},
	    {"zen.spamhaus.org", "127.0.0.9", "DROP"},
	    {"zen.spamhaus.org", "127.0.0.10", "PBL"},
	    {"zen.spamhaus.org", "127.0.0.11", "PBL"},
	    {"zen.spamhaus.org", "127.255.255.252", "mistyped"},
	    {"zen.spamhaus.org", "127.255.255.254", "open resolver"},
	    {"zen.spamhaus.org", "127.255.255.255", "too many queries"},
	    {"bl.spamcop.net", "127.0.0.2", "listed"},
	    {"b.barracudacentral.org", "127.255.255.254", "error code"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *m = dnsbl_meaning(span_of(cases[i].list), span_of(cases[i].answer));
		if (!m || !strstr(m, cases[i].want))
			test_fail(__FILE__, __LINE__, "%s %s: got \"%s\", want \"%s\"", cases[i].list,
				  cases[i].answer, m ? m : "(null)", cases[i].want);
	}
	CHECK(dnsbl_meaning(span_of("zen.spamhaus.org"), span_of("garbage")) == NULL);
	CHECK(dnsbl_meaning(span_of("zen.spamhaus.org"), span_of("127.0.0.9999")) == NULL);
	CHECK(dnsbl_is_error(span_of("127.255.255.254")));
	CHECK(!dnsbl_is_error(span_of("127.0.0.2")));
}

TEST(blame_pasted_bullet_not_in_evidence)
{
	const char *const lines[] = {
	    "- Feb 16 11:03:54 mail postfix/smtpd[13007]: error: open database /tmp/docker-mailserver/postfix-send-access.cf: No such file or directory",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(p->diag->nlist == 1);
	if (p->diag->nlist == 1) {
		CHECK(p->diag->list[0]->nsample == 1);
		CHECK(!strncmp(p->diag->list[0]->sample[0], "Feb 16 11:03:54 mail", 20));
	}
	pipe_free(p);
}

/* a DNS blocklist refusing a large provider's server is the list's false
 * positive (the finding dnsbl-refuses-big-provider), not a spammer */
TEST(blame_dnsbl_big_provider_not_spam)
{
	const char *const lines[] = {
	    "May 26 05:38:34 mail postfix/smtpd[2923]: connect from mail-io0-f196.google.com[209.85.223.196]",
	    "May 26 05:38:45 mail postfix/smtpd[2923]: NOQUEUE: reject: RCPT from mail-io0-f196.google.com[209.85.223.196]: 554 5.7.1 Service unavailable; Client host [209.85.223.196] blocked using dnsbl.sorbs.net; Currently Sending Spam See: http://www.sorbs.net/lookup.shtml?209.85.223.196; from=<a@gmail.com> to=<b@example.com> proto=ESMTP helo=<mail-io0-f196.google.com>",
	    "May 26 05:38:45 mail postfix/smtpd[2923]: disconnect from mail-io0-f196.google.com[209.85.223.196] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* the same refusal of an unknown host stays spam-rejected */
	    "May 26 05:39:34 mail postfix/smtpd[2924]: connect from unknown[203.0.113.44]",
	    "May 26 05:39:45 mail postfix/smtpd[2924]: NOQUEUE: reject: RCPT from unknown[203.0.113.44]: 554 5.7.1 Service unavailable; Client host [203.0.113.44] blocked using dnsbl.sorbs.net; Currently Sending Spam; from=<a@example.net> to=<b@example.com> proto=ESMTP helo=<x>",
	    "May 26 05:39:45 mail postfix/smtpd[2924]: disconnect from unknown[203.0.113.44] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "209.85.223.196"), V_UNKNOWN);
	CHECK_INT(verdict_of(p, "203.0.113.44"), V_SPAM_REJECTED);
	CHECK(has_finding(p, F_IN_DNSBL_BIG_PROVIDER));
	pipe_free(p);
}

/* "Domain not found" for gmail.com, outlook.com, yahoo.com: this host's
 * resolver failed, and the clients it refused are not accused; a bogus
 * domain alone stays the sender's */
/* postscreen logs no client name: a DNSBL refusing an address of
 * Microsoft's published outbound networks that greets with a Microsoft
 * server name is the list's false positive too; the same HELO from
 * another network, or another HELO from that network, proves nothing */
TEST(blame_postscreen_dnsbl_big_provider)
{
	const char *const lines[] = {
	    "Jun  5 09:00:00 mx postfix/postscreen[3001]: CONNECT from [40.107.22.70]:41240 to [192.0.2.1]:25",
	    "Jun  5 09:00:00 mx postfix/postscreen[3001]: DNSBL rank 3 for [40.107.22.70]:41240",
	    "Jun  5 09:00:01 mx postfix/postscreen[3001]: NOQUEUE: reject: RCPT from [40.107.22.70]:41240: 550 5.7.1 Service unavailable; client [40.107.22.70] blocked using b.barracudacentral.org; from=<partner@outlook.com>, to=<alice@example.com>, proto=ESMTP, helo=<EUR05-AM6-obe.outbound.protection.outlook.com>",
	    "Jun  5 09:00:01 mx postfix/postscreen[3001]: DISCONNECT [40.107.22.70]:41240",
	    "Jun  5 09:01:00 mx postfix/postscreen[3001]: CONNECT from [203.0.113.70]:41241 to [192.0.2.1]:25",
	    "Jun  5 09:01:00 mx postfix/postscreen[3001]: DNSBL rank 3 for [203.0.113.70]:41241",
	    "Jun  5 09:01:01 mx postfix/postscreen[3001]: NOQUEUE: reject: RCPT from [203.0.113.70]:41241: 550 5.7.1 Service unavailable; client [203.0.113.70] blocked using b.barracudacentral.org; from=<partner@outlook.com>, to=<alice@example.com>, proto=ESMTP, helo=<EUR05-AM6-obe.outbound.protection.outlook.com>",
	    "Jun  5 09:01:01 mx postfix/postscreen[3001]: DISCONNECT [203.0.113.70]:41241",
	    "Jun  5 09:02:00 mx postfix/postscreen[3001]: CONNECT from [40.107.22.71]:41242 to [192.0.2.1]:25",
	    "Jun  5 09:02:00 mx postfix/postscreen[3001]: DNSBL rank 3 for [40.107.22.71]:41242",
	    "Jun  5 09:02:01 mx postfix/postscreen[3001]: NOQUEUE: reject: RCPT from [40.107.22.71]:41242: 550 5.7.1 Service unavailable; client [40.107.22.71] blocked using b.barracudacentral.org; from=<x@spam.example>, to=<alice@example.com>, proto=ESMTP, helo=<spam.example>",
	    "Jun  5 09:02:01 mx postfix/postscreen[3001]: DISCONNECT [40.107.22.71]:41242",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(group_subject(p, F_IN_DNSBL_BIG_PROVIDER, "40.107.22.70"));
	CHECK_INT(verdict_of(p, "40.107.22.70"), V_UNKNOWN);
	CHECK(!group_subject(p, F_IN_DNSBL_BIG_PROVIDER, "203.0.113.70"));
	CHECK_INT(verdict_of(p, "203.0.113.70"), V_SPAM_REJECTED);
	CHECK(!group_subject(p, F_IN_DNSBL_BIG_PROVIDER, "40.107.22.71"));
	CHECK_INT(verdict_of(p, "40.107.22.71"), V_SPAM_REJECTED);
	pipe_free(p);
}

TEST(blame_resolver_failure_not_spam)
{
	const char *const lines[] = {
	    "Jul 19 22:41:12 mx1 postfix/smtpd[8810]: connect from mail-ed1-f41.google.com[192.0.2.41]",
	    "Jul 19 22:41:12 mx1 postfix/smtpd[8810]: NOQUEUE: reject: RCPT from mail-ed1-f41.google.com[192.0.2.41]: 450 4.1.8 <j@gmail.com>: Sender address rejected: Domain not found; from=<j@gmail.com> to=<c@example.com> proto=ESMTP helo=<mail-ed1-f41.google.com>",
	    "Jul 19 22:41:12 mx1 postfix/smtpd[8810]: disconnect from mail-ed1-f41.google.com[192.0.2.41] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    "Jul 19 22:41:40 mx1 postfix/smtpd[8811]: connect from mail.example.net[192.0.2.90]",
	    "Jul 19 22:41:40 mx1 postfix/smtpd[8811]: NOQUEUE: reject: RCPT from mail.example.net[192.0.2.90]: 450 4.1.8 <p@outlook.com>: Sender address rejected: Domain not found; from=<p@outlook.com> to=<c@example.com> proto=ESMTP helo=<mail.example.net>",
	    "Jul 19 22:41:40 mx1 postfix/smtpd[8811]: disconnect from mail.example.net[192.0.2.90] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    "Jul 19 22:42:13 mx1 postfix/smtpd[8812]: connect from unknown[203.0.113.120]",
	    "Jul 19 22:42:13 mx1 postfix/smtpd[8812]: NOQUEUE: reject: RCPT from unknown[203.0.113.120]: 450 4.1.8 <r@yahoo.com>: Sender address rejected: Domain not found; from=<r@yahoo.com> to=<c@example.com> proto=ESMTP helo=<x.example.org>",
	    "Jul 19 22:42:14 mx1 postfix/smtpd[8812]: NOQUEUE: reject: RCPT from unknown[203.0.113.120]: 554 5.7.1 <c@example.com>: Relay access denied; from=<r@yahoo.com> to=<z@example.org> proto=ESMTP helo=<x.example.org>",
	    "Jul 19 22:42:14 mx1 postfix/smtpd[8812]: disconnect from unknown[203.0.113.120] ehlo=1 mail=1 rcpt=0/2 quit=1 commands=3/5",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "192.0.2.41"), V_UNKNOWN);
	CHECK_INT(verdict_of(p, "192.0.2.90"), V_UNKNOWN);
	/* refused for something else too: judged by that */
	CHECK_INT(verdict_of(p, "203.0.113.120"), V_RELAY_ATTEMPT);
	CHECK(has_finding(p, F_RESOLVER_FAILING));
	pipe_free(p);
	const char *const bogus[] = {
	    "Jul 20 09:12:44 mx1 postfix/smtpd[9901]: connect from unknown[203.0.113.213]",
	    "Jul 20 09:12:45 mx1 postfix/smtpd[9901]: NOQUEUE: reject: RCPT from unknown[203.0.113.213]: 450 4.1.8 <p@deals.example>: Sender address rejected: Domain not found; from=<p@deals.example> to=<c@example.com> proto=ESMTP helo=<deals.example>",
	    "Jul 20 09:12:45 mx1 postfix/smtpd[9901]: disconnect from unknown[203.0.113.213] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	p = pipe_new();
	pipe_lines(p, bogus);
	CHECK_INT(verdict_of(p, "203.0.113.213"), V_SPAM_REJECTED);
	CHECK(!has_finding(p, F_RESOLVER_FAILING));
	pipe_free(p);
	/* one gmail.com "not found": too little for the finding, but the
	 * lookup failed here, not at the client */
	const char *const glitch[] = {lines[0], lines[1], lines[2], NULL};
	p = pipe_new();
	pipe_lines(p, glitch);
	CHECK_INT(verdict_of(p, "192.0.2.41"), V_UNKNOWN);
	CHECK(!has_finding(p, F_RESOLVER_FAILING));
	pipe_free(p);
}

TEST(blame_strict_helo_check_not_spam)
{
	const char *const lines[] = {
	    /* a named server greeting with a name not in DNS, told to retry */
	    "Aug 21 09:15:14 mail postfix/smtpd[1902]: connect from mx2.example.net[198.51.100.91]",
	    "Aug 21 09:15:15 mail postfix/smtpd[1902]: NOQUEUE: reject: RCPT from mx2.example.net[198.51.100.91]: 450 4.7.1 <smtp.example.net>: Helo command rejected: Host not found; from=<no_reply@example.net> to=<a@example.com> proto=ESMTP helo=<smtp.example.net>",
	    "Aug 21 09:15:15 mail postfix/smtpd[1902]: disconnect from mx2.example.net[198.51.100.91] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* the same check answered with 5xx (unknown_hostname_reject_code
	     * = 550) is final: that refusal still counts */
	    "Aug 21 09:16:14 mail postfix/smtpd[1903]: connect from mx3.example.org[203.0.113.93]",
	    "Aug 21 09:16:15 mail postfix/smtpd[1903]: NOQUEUE: reject: RCPT from mx3.example.org[203.0.113.93]: 550 5.7.1 <bot.example.org>: Helo command rejected: Host not found; from=<x@example.org> to=<a@example.com> proto=ESMTP helo=<bot.example.org>",
	    "Aug 21 09:16:15 mail postfix/smtpd[1903]: disconnect from mx3.example.org[203.0.113.93] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* and a client without a PTR name: no sign of a real server */
	    "Aug 21 09:17:14 mail postfix/smtpd[1904]: connect from unknown[203.0.113.94]",
	    "Aug 21 09:17:15 mail postfix/smtpd[1904]: NOQUEUE: reject: RCPT from unknown[203.0.113.94]: 450 4.7.1 <bot.example.org>: Helo command rejected: Host not found; from=<x@example.org> to=<a@example.com> proto=ESMTP helo=<bot.example.org>",
	    "Aug 21 09:17:15 mail postfix/smtpd[1904]: disconnect from unknown[203.0.113.94] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "198.51.100.91"), V_UNKNOWN);
	CHECK(strstr(explanation(p, "198.51.100.91"), "strict HELO check's temporary 450"));
	CHECK_INT(verdict_of(p, "203.0.113.93"), V_SPAM_REJECTED);
	CHECK_INT(verdict_of(p, "203.0.113.94"), V_SPAM_REJECTED);
	CHECK(has_finding(p, F_IN_HELO_NOT_FOUND));
	pipe_free(p);
}

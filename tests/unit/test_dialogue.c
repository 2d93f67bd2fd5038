/*
 * test_dialogue.c - one dialogue seen twice: the corpus's 203.0.113.251
 * logged under debug_peer_list (-v) and smtpd_tls_loglevel 2, so every
 * command after STARTTLS is a "Read N chars" line and then a "<" line,
 * every reply a ">" line and then a "Write N chars" record.  The model
 * keeps each line once, complete, and the AUTH decoder reads the right
 * username and password of each attempt (not "contact" as the password
 * of "contact", not "pa" from the Read that TLS debug cut at 40).
 */
#include "tap.h"
#include "analyze/auth.h"
#include "model/correlate.h"
#include "syslog/prefix.h"

#include <stdlib.h>
#include <string.h>

/* the lines of smtpd[15546] in tests/data/mail.log that make its
 * dialogue, unchanged (the other debug lines change nothing here) */
static const char *const lines_251[] = {
    "2026-11-22T11:35:08.667427+00:00 mx1 postfix/submission/smtpd[15546]: connect from unknown[203.0.113.251]",
    "2026-11-22T11:35:08.667867+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 220 mx1.example.test ESMTP Postfix (Debian/GNU)",
    "2026-11-22T11:35:08.668202+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: EHLO ylmf-pc",
    "2026-11-22T11:35:08.668225+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-mx1.example.test",
    "2026-11-22T11:35:08.668229+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-PIPELINING",
    "2026-11-22T11:35:08.668233+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-SIZE 10240000",
    "2026-11-22T11:35:08.668236+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-VRFY",
    "2026-11-22T11:35:08.668240+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-ETRN",
    "2026-11-22T11:35:08.668243+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-STARTTLS",
    "2026-11-22T11:35:08.668246+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-ENHANCEDSTATUSCODES",
    "2026-11-22T11:35:08.668249+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-8BITMIME",
    "2026-11-22T11:35:08.668352+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-DSN",
    "2026-11-22T11:35:08.668381+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-SMTPUTF8",
    "2026-11-22T11:35:08.668385+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250 CHUNKING",
    "2026-11-22T11:35:08.668543+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: STARTTLS",
    "2026-11-22T11:35:08.668548+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 220 2.0.0 Ready to start TLS",
    "2026-11-22T11:35:08.720284+00:00 mx1 postfix/submission/smtpd[15546]: Anonymous TLS connection established from unknown[203.0.113.251]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256",
    "2026-11-22T11:35:08.721201+00:00 mx1 postfix/submission/smtpd[15546]: Read 14 chars: EHLO ylmf-pc??",
    "2026-11-22T11:35:08.721221+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: EHLO ylmf-pc",
    "2026-11-22T11:35:08.721275+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-mx1.example.test",
    "2026-11-22T11:35:08.721291+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-PIPELINING",
    "2026-11-22T11:35:08.721323+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-SIZE 10240000",
    "2026-11-22T11:35:08.721338+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-VRFY",
    "2026-11-22T11:35:08.721353+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-ETRN",
    "2026-11-22T11:35:08.721367+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-AUTH PLAIN LOGIN",
    "2026-11-22T11:35:08.721382+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-ENHANCEDSTATUSCODES",
    "2026-11-22T11:35:08.721396+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-8BITMIME",
    "2026-11-22T11:35:08.721418+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-DSN",
    "2026-11-22T11:35:08.721516+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250-SMTPUTF8",
    "2026-11-22T11:35:08.721536+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 250 CHUNKING",
    "2026-11-22T11:35:08.721583+00:00 mx1 postfix/submission/smtpd[15546]: Write 175 chars: 250-mx1.example.test??250-PIPELINING??25",
    "2026-11-22T11:35:08.722029+00:00 mx1 postfix/submission/smtpd[15546]: Read 12 chars: AUTH LOGIN??",
    "2026-11-22T11:35:08.722046+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: AUTH LOGIN",
    "2026-11-22T11:35:08.722062+00:00 mx1 postfix/submission/smtpd[15546]: xsasl_dovecot_server_first: sasl_method LOGIN",
    "2026-11-22T11:35:08.722211+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 334 VXNlcm5hbWU6",
    "2026-11-22T11:35:08.722230+00:00 mx1 postfix/submission/smtpd[15546]: Write 18 chars: 334 VXNlcm5hbWU6??",
    "2026-11-22T11:35:08.722490+00:00 mx1 postfix/submission/smtpd[15546]: Read 14 chars: Y29udGFjdA==??",
    "2026-11-22T11:35:08.722494+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: Y29udGFjdA==",
    "2026-11-22T11:35:08.722566+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 334 UGFzc3dvcmQ6",
    "2026-11-22T11:35:08.722569+00:00 mx1 postfix/submission/smtpd[15546]: Write 18 chars: 334 UGFzc3dvcmQ6??",
    "2026-11-22T11:35:08.722763+00:00 mx1 postfix/submission/smtpd[15546]: Read 14 chars: cGFzc3dvcmQ=??",
    "2026-11-22T11:35:08.722765+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: cGFzc3dvcmQ=",
    "2026-11-22T11:35:09.223751+00:00 mx1 postfix/submission/smtpd[15546]: warning: unknown[203.0.113.251]: SASL LOGIN authentication failed: (reason unavailable), sasl_username=contact",
    "2026-11-22T11:35:09.223763+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 535 5.7.8 Error: authentication failed: (reason unavailable)",
    "2026-11-22T11:35:09.223795+00:00 mx1 postfix/submission/smtpd[15546]: Write 62 chars: 535 5.7.8 Error: authentication failed: ",
    "2026-11-22T11:35:09.224564+00:00 mx1 postfix/submission/smtpd[15546]: Read 49 chars: AUTH PLAIN AGluZm9AZXhhbXBsZS50ZXN0AHBhc",
    "2026-11-22T11:35:09.224572+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: AUTH PLAIN AGluZm9AZXhhbXBsZS50ZXN0AHBhc3N3b3Jk",
    "2026-11-22T11:35:09.224695+00:00 mx1 postfix/submission/smtpd[15546]: xsasl_dovecot_server_first: sasl_method PLAIN, init_response AGluZm9AZXhhbXBsZS50ZXN0AHBhc3N3b3Jk",
    "2026-11-22T11:35:14.228645+00:00 mx1 postfix/submission/smtpd[15546]: warning: unknown[203.0.113.251]: SASL PLAIN authentication failed: (reason unavailable), sasl_username=info@example.test",
    "2026-11-22T11:35:14.228655+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 535 5.7.8 Error: authentication failed: (reason unavailable)",
    "2026-11-22T11:35:14.228677+00:00 mx1 postfix/submission/smtpd[15546]: Write 62 chars: 535 5.7.8 Error: authentication failed: ",
    "2026-11-22T11:35:14.229491+00:00 mx1 postfix/submission/smtpd[15546]: Read 12 chars: AUTH LOGIN??",
    "2026-11-22T11:35:14.229499+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: AUTH LOGIN",
    "2026-11-22T11:35:14.229507+00:00 mx1 postfix/submission/smtpd[15546]: xsasl_dovecot_server_first: sasl_method LOGIN",
    "2026-11-22T11:35:22.236980+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 334 VXNlcm5hbWU6",
    "2026-11-22T11:35:22.236992+00:00 mx1 postfix/submission/smtpd[15546]: Write 18 chars: 334 VXNlcm5hbWU6??",
    "2026-11-22T11:35:22.237493+00:00 mx1 postfix/submission/smtpd[15546]: Read 26 chars: YWRtaW5AZXhhbXBsZS50ZXN0??",
    "2026-11-22T11:35:22.237500+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: YWRtaW5AZXhhbXBsZS50ZXN0",
    "2026-11-22T11:35:22.237732+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 334 UGFzc3dvcmQ6",
    "2026-11-22T11:35:22.237741+00:00 mx1 postfix/submission/smtpd[15546]: Write 18 chars: 334 UGFzc3dvcmQ6??",
    "2026-11-22T11:35:22.238131+00:00 mx1 postfix/submission/smtpd[15546]: Read 14 chars: dGVzdDEyMw==??",
    "2026-11-22T11:35:22.238139+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: dGVzdDEyMw==",
    "2026-11-22T11:35:23.239595+00:00 mx1 postfix/submission/smtpd[15546]: warning: unknown[203.0.113.251]: SASL LOGIN authentication failed: (reason unavailable), sasl_username=admin@example.test",
    "2026-11-22T11:35:23.239606+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 535 5.7.8 Error: authentication failed: (reason unavailable)",
    "2026-11-22T11:35:23.239630+00:00 mx1 postfix/submission/smtpd[15546]: Write 62 chars: 535 5.7.8 Error: authentication failed: ",
    "2026-11-22T11:35:23.240296+00:00 mx1 postfix/submission/smtpd[15546]: Read 6 chars: QUIT??",
    "2026-11-22T11:35:23.240303+00:00 mx1 postfix/submission/smtpd[15546]: < unknown[203.0.113.251]: QUIT",
    "2026-11-22T11:35:23.240312+00:00 mx1 postfix/submission/smtpd[15546]: > unknown[203.0.113.251]: 221 2.0.0 Bye",
    "2026-11-22T11:35:23.240708+00:00 mx1 postfix/submission/smtpd[15546]: Write 15 chars: 221 2.0.0 Bye??",
    "2026-11-22T11:35:23.241199+00:00 mx1 postfix/submission/smtpd[15546]: disconnect from unknown[203.0.113.251] ehlo=2 starttls=1 auth=0/3 quit=1 commands=4/7",
    NULL};

struct kept {
	char dialogue[SESSION_MAX_DIALOGUE][160];
	bool tls[SESSION_MAX_DIALOGUE];
	uint32_t n;
	struct auth_try tries[AUTH_MAX_TRIES];
	size_t ntries;
	int sessions;
};

/* on_sess - copy the dialogue and decode its AUTH attempts */
static void on_sess(const struct session *s, void *ctx)
{
	struct kept *k = ctx;
	k->sessions++;
	k->n = s->ndialogue;
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		snprintf(k->dialogue[i], sizeof k->dialogue[i], "%c %s", s->dialogue[i].dir,
			 s->dialogue[i].text);
		k->tls[i] = s->dialogue[i].tls;
	}
	k->ntries = auth_from_dialogue(s, k->tries, AUTH_MAX_TRIES);
}

/* feed - the lines through prefix, parser and model */
static void feed(struct kept *k, const char *const *lines)
{
	memset(k, 0, sizeof *k);
	struct model_sink sink = {on_sess, NULL, k};
	struct model *m = model_new(&sink);
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	for (uint64_t i = 0; lines[i]; i++) {
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(lines[i]), &l))
			continue;
		parse_line(&l, &ev);
		model_event(m, &ev, i + 1, 0);
	}
	model_finish(m);
	model_free(m);
}

/* count - dialogue lines equal to want */
static int count(const struct kept *k, const char *want)
{
	int n = 0;
	for (uint32_t i = 0; i < k->n; i++)
		n += !strcmp(k->dialogue[i], want);
	return n;
}

TEST(dialogue_verbose_and_tls_told_once)
{
	struct kept k;
	feed(&k, lines_251);
	CHECK_INT(k.sessions, 1);
	/* once before STARTTLS, once after: two real EHLOs, not three */
	CHECK_INT(count(&k, "< EHLO ylmf-pc"), 2);
	CHECK_INT(count(&k, "< AUTH LOGIN"), 2);
	CHECK_INT(count(&k, "< Y29udGFjdA=="), 1);
	CHECK_INT(count(&k, "< cGFzc3dvcmQ="), 1);
	CHECK_INT(count(&k, "> 334 VXNlcm5hbWU6"), 2);
	CHECK_INT(count(&k, "> 334 UGFzc3dvcmQ6"), 2);
	/* the complete -v line, not the Read cut at 40 characters */
	CHECK_INT(count(&k, "< AUTH PLAIN AGluZm9AZXhhbXBsZS50ZXN0AHBhc3N3b3Jk"), 1);
	CHECK_INT(count(&k, "< AUTH PLAIN AGluZm9AZXhhbXBsZS50ZXN0AHBhc"), 0);
	/* replies as logged, with their '-' and enhanced status code */
	CHECK_INT(count(&k, "> 250-PIPELINING"), 2);
	CHECK_INT(count(&k, "> 535 5.7.8 Error: authentication failed: (reason unavailable)"), 3);
	CHECK_INT(count(&k, "< QUIT"), 1);
	CHECK_INT(count(&k, "> 221 2.0.0 Bye"), 1);
	for (uint32_t i = 0; i < k.n; i++)
		if (k.tls[i])
			test_fail(__FILE__, __LINE__, "a TLS-debug record stayed beside the -v lines: %s",
				  k.dialogue[i]);
	/* 43 "<"/">" lines in the log: each once, and nothing else */
	CHECK_INT(k.n, 43);
}

TEST(dialogue_verbose_and_tls_decoded_credentials)
{
	struct kept k;
	feed(&k, lines_251);
	CHECK_INT(k.ntries, 3);
	if (k.ntries < 3)
		return;
	CHECK_STR(k.tries[0].mech, "LOGIN");
	CHECK_STR(k.tries[0].user, "contact");
	CHECK_STR(k.tries[0].secret, "password");
	CHECK(!k.tries[0].truncated);
	CHECK_STR(k.tries[1].mech, "PLAIN");
	CHECK_STR(k.tries[1].user, "info@example.test");
	CHECK_STR(k.tries[1].secret, "password");
	CHECK(!k.tries[1].truncated);
	CHECK_STR(k.tries[2].mech, "LOGIN");
	CHECK_STR(k.tries[2].user, "admin@example.test");
	CHECK_STR(k.tries[2].secret, "test123");
}

TEST(dialogue_tls_only_keeps_the_records)
{
	/* without -v the TLS records are the dialogue: kept, and a cut one
	 * still decoded as far as it goes (seed 004) */
	static const char *const lines[] = {
	    "Feb 23 11:57:42 postfix/smtpd[32451]: connect from unknown[]",
	    "Feb 23 11:57:43 postfix/smtpd[32451]: Read 16 chars: EHLO localhost??",
	    "Feb 23 11:57:43 postfix/smtpd[32451]: Write 158 chars: 250-mail.(domain).com??250-PIPELINING??250",
	    "Feb 23 11:57:43 postfix/smtpd[32451]: Read 45 chars: AUTH PLAIN AGFkbWluQGZpcGljay5jb20Ad2lsb",
	    "Feb 23 11:57:45 postfix/smtpd[32451]: warning: unknown[]: SASL PLAIN authentication failed: ",
	    "Feb 23 11:57:45 postfix/smtpd[32451]: Write 42 chars: 435 4.7.8 Error: authentication failed: ",
	    "Feb 23 11:57:45 postfix/smtpd[32451]: Read 3 chars: *??",
	    "Feb 23 11:57:45 postfix/smtpd[32451]: Write 41 chars: 402 4.5.2 Error: command not recognized?",
	    NULL};
	struct kept k;
	feed(&k, lines);
	CHECK_INT(k.n, 6);
	CHECK_INT(count(&k, "< AUTH PLAIN AGFkbWluQGZpcGljay5jb20Ad2lsb"), 1);
	CHECK_INT(k.ntries, 1);
	if (k.ntries) {
		CHECK_STR(k.tries[0].user, "admin@fipick.com");
		CHECK(k.tries[0].truncated);
	}
}

TEST(dialogue_pipelined_read_told_line_by_line)
{
	/* one Read carrying three pipelined commands, then their -v lines
	 * and replies, then one Write for the three replies */
	static const char *const lines[] = {
	    "Nov 22 11:36:39 mx1 postfix/submission/smtpd[15320]: connect from alice-pc.office.example.test[203.0.113.185]",
	    "Nov 22 11:36:40 mx1 postfix/submission/smtpd[15320]: Read 56 chars: MAIL FROM:<alice@example.test>??RCPT TO:<bob@exa",
	    "Nov 22 11:36:40 mx1 postfix/submission/smtpd[15320]: < alice-pc.office.example.test[203.0.113.185]: MAIL FROM:<alice@example.test>",
	    "Nov 22 11:36:40 mx1 postfix/submission/smtpd[15320]: > alice-pc.office.example.test[203.0.113.185]: 250 2.1.0 Ok",
	    "Nov 22 11:36:40 mx1 postfix/submission/smtpd[15320]: < alice-pc.office.example.test[203.0.113.185]: RCPT TO:<bob@example.net>",
	    "Nov 22 11:36:40 mx1 postfix/submission/smtpd[15320]: > alice-pc.office.example.test[203.0.113.185]: 250 2.1.5 Ok",
	    "Nov 22 11:36:40 mx1 postfix/submission/smtpd[15320]: Write 28 chars: 250 2.1.0 Ok??250 2.1.5 Ok??",
	    "Nov 22 11:36:41 mx1 postfix/submission/smtpd[15320]: disconnect from alice-pc.office.example.test[203.0.113.185] mail=1 rcpt=1 commands=2",
	    NULL};
	struct kept k;
	feed(&k, lines);
	CHECK_INT(k.n, 4);
	CHECK_STR(k.dialogue[0], "< MAIL FROM:<alice@example.test>");
	CHECK_STR(k.dialogue[1], "> 250 2.1.0 Ok");
	CHECK_STR(k.dialogue[2], "< RCPT TO:<bob@example.net>");
	CHECK_STR(k.dialogue[3], "> 250 2.1.5 Ok");
}

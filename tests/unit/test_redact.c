/*
 * test_redact.c - the redactor on real line shapes: the -v and TLS-debug
 * AUTH exchanges of the corpus's 203.0.113.251 and of seed 004, the smtp
 * client's own AUTH, pipelined input, Postfix's and Dovecot's SASL debug
 * lines, a conversation joined mid-way, and the placeholders in JSON.
 */
#include "tap.h"

#include "parse/redact.h"
#include "syslog/prefix.h"
#include "util/buf.h"

#include <stdlib.h>

/* red - one whole log line through redact_msg with state st: the text
 * as printed (static, valid until the next call) */
static const char *red(struct redact *st, const char *line)
{
	static char out[4096];
	struct syslog_state sy;
	struct logline l;
	syslog_state_init(&sy, 2026, 0);
	if (!syslog_parse(&sy, span_of(line), &l)) {
		test_fail(__FILE__, __LINE__, "syslog_parse failed: %s", line);
		return "";
	}
	struct redact_mask m;
	redact_msg(st, &l, &m);
	struct buf b = {0};
	redact_put(&b, l.text, &m);
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p ? b.p : "");
	buf_free(&b);
	return out;
}

#define S "2026-11-22T11:35:08.722490+00:00 mx1 postfix/submission/smtpd[15546]: "
#define P "unknown[203.0.113.251]: "

TEST(redact_login_verbose_and_tls)
{
	struct redact st;
	redact_init(&st, false);
	CHECK_STR(red(&st, S "connect from unknown[203.0.113.251]"),
		  "connect from unknown[203.0.113.251]");
	CHECK_STR(red(&st, S "Read 12 chars: AUTH LOGIN??"), "Read 12 chars: AUTH LOGIN??");
	CHECK_STR(red(&st, S "< " P "AUTH LOGIN"), "< " P "AUTH LOGIN");
	CHECK_STR(red(&st, S "> " P "334 VXNlcm5hbWU6"), "> " P "334 VXNlcm5hbWU6");
	CHECK_STR(red(&st, S "Write 18 chars: 334 VXNlcm5hbWU6??"), "Write 18 chars: 334 VXNlcm5hbWU6??");
	/* the username may be shown, decoded; the base64 never */
	CHECK_STR(red(&st, S "Read 14 chars: Y29udGFjdA==??"),
		  "Read 14 chars: <redacted: 12 bytes; user \"contact\">??");
	CHECK_STR(red(&st, S "< " P "Y29udGFjdA=="), "< " P "<redacted: 12 bytes; user \"contact\">");
	CHECK_STR(red(&st, S "> " P "334 UGFzc3dvcmQ6"), "> " P "334 UGFzc3dvcmQ6");
	CHECK_STR(red(&st, S "Read 14 chars: cGFzc3dvcmQ=??"), "Read 14 chars: <redacted: 12 bytes>??");
	CHECK_STR(red(&st, S "< " P "cGFzc3dvcmQ="), "< " P "<redacted: 12 bytes>");
	CHECK_STR(red(&st, S "> " P "535 5.7.8 Error: authentication failed: (reason unavailable)"),
		  "> " P "535 5.7.8 Error: authentication failed: (reason unavailable)");
	/* after the 535 the conversation is SMTP again */
	CHECK_STR(red(&st, S "Read 6 chars: QUIT??"), "Read 6 chars: QUIT??");
}

TEST(redact_plain_cut_and_whole)
{
	struct redact st;
	redact_init(&st, true);
	/* TLS debug shows 40 of 49 characters: what is shown is hidden all
	 * the same, and says so */
	CHECK_STR(red(&st, S "Read 49 chars: AUTH PLAIN AGluZm9AZXhhbXBsZS50ZXN0AHBhc"),
		  "Read 49 chars: AUTH PLAIN <redacted: 29 bytes, cut; user \"info@example.test\">");
	CHECK_STR(red(&st, S "< " P "AUTH PLAIN AGluZm9AZXhhbXBsZS50ZXN0AHBhc3N3b3Jk"),
		  "< " P "AUTH PLAIN <redacted: 36 bytes; user \"info@example.test\">");
	CHECK_STR(red(&st, S "xsasl_dovecot_server_first: sasl_method PLAIN, init_response "
			     "AGluZm9AZXhhbXBsZS50ZXN0AHBhc3N3b3Jk"),
		  "xsasl_dovecot_server_first: sasl_method PLAIN, init_response <redacted: 36 bytes>");
	CHECK_STR(red(&st, S "xsasl_dovecot_server_first: sasl_method LOGIN"),
		  "xsasl_dovecot_server_first: sasl_method LOGIN");
	/* seed 004 */
	redact_init(&st, false);
	CHECK_STR(red(&st, "Feb 23 11:57:43 postfix/smtpd[32451]: Read 45 chars: AUTH PLAIN "
			   "AGFkbWluQGZpcGljay5jb20Ad2lsb"),
		  "Read 45 chars: AUTH PLAIN <redacted: 29 bytes, cut; user \"admin@fipick.com\">");
	CHECK_STR(red(&st, "Feb 23 11:57:45 postfix/smtpd[32451]: Read 3 chars: *??"),
		  "Read 3 chars: *??");
	/* PLAIN without initial response: the blob comes on the next line */
	redact_init(&st, true);
	CHECK_STR(red(&st, S "< " P "auth plain"), "< " P "auth plain");
	CHECK_STR(red(&st, S "> " P "334 "), "> " P "334 ");
	CHECK_STR(red(&st, S "< " P "AHVzZXIAc2VjcmV0"), "< " P "<redacted: 16 bytes; user \"user\">");
	/* "=" is RFC 4954's empty initial response: nothing to hide */
	CHECK_STR(red(&st, S "< " P "AUTH EXTERNAL ="), "< " P "AUTH EXTERNAL =");
}

TEST(redact_cancel_and_other_mechanisms)
{
	struct redact st;
	redact_init(&st, true);
	CHECK_STR(red(&st, S "< " P "AUTH CRAM-MD5"), "< " P "AUTH CRAM-MD5");
	CHECK_STR(red(&st, S "> " P "334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2U+"),
		  "> " P "334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2U+");
	CHECK_STR(red(&st, S "< " P "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"),
		  "< " P "<redacted: 48 bytes>");
	CHECK_STR(red(&st, S "> " P "535 5.7.8 Error: authentication failed"),
		  "> " P "535 5.7.8 Error: authentication failed");
	CHECK_STR(red(&st, S "< " P "AUTH LOGIN"), "< " P "AUTH LOGIN");
	CHECK_STR(red(&st, S "> " P "334 VXNlcm5hbWU6"), "> " P "334 VXNlcm5hbWU6");
	CHECK_STR(red(&st, S "< " P "*"), "< " P "*");
	/* cancelled: what follows is a command again */
	CHECK_STR(red(&st, S "< " P "c2VjcmV0"), "< " P "c2VjcmV0");
}

TEST(redact_smtp_client_own_credentials)
{
	struct redact st;
	redact_init(&st, true);
#define C "Nov 22 11:40:01 mx1 postfix/smtp[4711]: "
	CHECK_STR(red(&st, C "> relay.example[192.0.2.1]:587: AUTH PLAIN AHJlbGF5dXNlcgBzM2NyZXQ="),
		  "> relay.example[192.0.2.1]:587: AUTH PLAIN <redacted: 24 bytes; user \"relayuser\">");
	CHECK_STR(red(&st, C "< relay.example[192.0.2.1]:587: 235 2.7.0 Authentication successful"),
		  "< relay.example[192.0.2.1]:587: 235 2.7.0 Authentication successful");
	CHECK_STR(red(&st, C "> relay.example[192.0.2.1]:587: AUTH LOGIN"),
		  "> relay.example[192.0.2.1]:587: AUTH LOGIN");
	CHECK_STR(red(&st, C "< relay.example[192.0.2.1]:587: 334 VXNlcm5hbWU6"),
		  "< relay.example[192.0.2.1]:587: 334 VXNlcm5hbWU6");
	CHECK_STR(red(&st, C "> relay.example[192.0.2.1]:587: cmVsYXl1c2Vy"),
		  "> relay.example[192.0.2.1]:587: <redacted: 12 bytes; user \"relayuser\">");
	CHECK_STR(red(&st, C "< relay.example[192.0.2.1]:587: 334 UGFzc3dvcmQ6"),
		  "< relay.example[192.0.2.1]:587: 334 UGFzc3dvcmQ6");
	CHECK_STR(red(&st, C "Write 10 chars: czNjcmV0??"), "Write 10 chars: <redacted: 8 bytes>??");
	/* the client's SASL debug lines carry the password in clear */
	CHECK_STR(red(&st, C "smtp_sasl_passwd_lookup: host `relay.example' user `relayuser' pass "
			     "`s3cret'"),
		  "smtp_sasl_passwd_lookup: host `relay.example' user `relayuser' pass "
		  "`<redacted: 6 bytes>'");
	CHECK_STR(red(&st, C "xsasl_cyrus_client_get_passwd: s3cret"),
		  "xsasl_cyrus_client_get_passwd: <redacted: 6 bytes>");
	CHECK_STR(red(&st, C "xsasl_cyrus_client_first: uncoded initial reply: \\000relayuser\\000s3cret"),
		  "xsasl_cyrus_client_first: uncoded initial reply: <redacted: 23 bytes>");
	CHECK_STR(red(&st, C "xsasl_cyrus_client_next: uncoded client response s3cret"),
		  "xsasl_cyrus_client_next: uncoded client response <redacted: 6 bytes>");
	CHECK_STR(red(&st, S "xsasl_cyrus_server_next: decoded response: s3cret"),
		  "xsasl_cyrus_server_next: decoded response: <redacted: 6 bytes>");
	CHECK_STR(red(&st, C "xsasl_cyrus_client_get_user: relayuser"),
		  "xsasl_cyrus_client_get_user: relayuser");
#undef C
}

TEST(redact_pipelined_input)
{
	struct redact st;
	redact_init(&st, true);
	CHECK_STR(red(&st, S "improper command pipelining after AUTH from " P
			     "dXNlcg==\\r\\nc2VjcmV0\\r\\n"),
		  "improper command pipelining after AUTH from " P
		  "<redacted: 8 bytes>\\r\\n<redacted: 8 bytes>\\r\\n");
	CHECK_STR(red(&st, S "improper command pipelining after EHLO from " P
			     "AUTH PLAIN AGZvbwBiYXI=\\r\\nMAIL FROM:<a@b.example>\\r\\n"),
		  "improper command pipelining after EHLO from " P
		  "AUTH PLAIN <redacted: 12 bytes; user \"foo\">\\r\\nMAIL FROM:<a@b.example>\\r\\n");
	/* the corpus's line is left as it is */
	CHECK_STR(red(&st, S "improper command pipelining after CONNECT from unknown[192.0.2.99]: EHLO "
			     "bot.invalid\\r\\nMAIL FROM:<a@bot.invalid>\\r\\n"),
		  "improper command pipelining after CONNECT from unknown[192.0.2.99]: EHLO "
		  "bot.invalid\\r\\nMAIL FROM:<a@bot.invalid>\\r\\n");
	CHECK_STR(red(&st, "Dec 23 19:39:13 xxx postfix/postscreen[21057]: PREGREET 40 after 0.08 from "
			   "[192.0.2.2]:59415: EHLO ylmf-pc\\r\\nAUTH LOGIN dXNlcg==\\r\\n"),
		  "PREGREET 40 after 0.08 from [192.0.2.2]:59415: EHLO ylmf-pc\\r\\nAUTH LOGIN "
		  "<redacted: 8 bytes; user \"user\">\\r\\n");
	CHECK_STR(red(&st, "Jan  1 00:00:00 h postfix/postscreen[12345]: COMMAND PIPELINING from "
			   "[192.0.2.7]:12345 after AUTH: c2VjcmV0\\r\\n"),
		  "COMMAND PIPELINING from [192.0.2.7]:12345 after AUTH: <redacted: 8 bytes>\\r\\n");
}

TEST(redact_joined_midway)
{
	/* the log (or a --since window) begins inside an AUTH exchange: a
	 * lone base64 word is hidden until the conversation is known */
	struct redact st;
	redact_init(&st, false);
	CHECK_STR(red(&st, S "< " P "cGFzc3dvcmQ="), "< " P "<redacted: 12 bytes>");
	CHECK_STR(red(&st, S "< " P "QUIT"), "< " P "QUIT");
	CHECK_STR(red(&st, S "< " P "hello"), "< " P "hello");
	/* a session seen from its connect: a lone word is just a word */
	redact_init(&st, false);
	red(&st, S "connect from unknown[203.0.113.251]");
	CHECK_STR(red(&st, S "< " P "hello"), "< " P "hello");
}

TEST(redact_dovecot_lines)
{
	struct redact st;
	redact_init(&st, true);
	CHECK_STR(red(&st, "2026-11-22T11:35:13.227284+00:00 mx1 dovecot: auth: passwd-file(info,203.0.113.251): "
			   "Password mismatch (given password: pa)ss)"),
		  "auth: passwd-file(info,203.0.113.251): Password mismatch (given password: "
		  "<redacted: 5 bytes>)");
	CHECK_STR(red(&st, "2026-11-22T11:35:13.227284+00:00 mx1 dovecot: auth: Debug: client in: "
			   "AUTH#0111#011PLAIN#011service=smtp#011resp=AGluZm8AcGFzcw==#011lip=127.0.0.1"),
		  "auth: Debug: client in: AUTH#0111#011PLAIN#011service=smtp#011resp="
		  "<redacted: 16 bytes>#011lip=127.0.0.1");
	CHECK_STR(red(&st, "2026-11-22T11:35:13.227284+00:00 mx1 dovecot: auth: Debug: client in: "
			   "CONT#0112#011cGFzcw=="),
		  "auth: Debug: client in: CONT#0112#011<redacted: 8 bytes>");
	CHECK_STR(red(&st, "2026-11-22T11:35:13.227284+00:00 mx1 dovecot: auth: passwd-file(root,"
			   "198.51.100.206): unknown user"),
		  "auth: passwd-file(root,198.51.100.206): unknown user");
}

TEST(redact_overflow_hides_the_rest)
{
	char line[2048];
	int n = snprintf(line, sizeof line, S "improper command pipelining after AUTH from " P);
	for (int i = 0; i < 24; i++)
		n += snprintf(line + n, sizeof line - (size_t)n, "c2VjcmV0%02d\\r\\n", i);
	struct redact st;
	redact_init(&st, true);
	const char *got = red(&st, line);
	CHECK(!strstr(got, "c2VjcmV0"));
	CHECK(strstr(got, "<redacted: ") != NULL);
}

TEST(redact_json_and_terminal)
{
	/* a username with a quote and a control character: escaped by the
	 * writers after the placeholder is made */
	const char *text = "AUTH PLAIN AHUiAQBwdw==";   /* "\0u\"\x01\0pw" */
	struct redact st;
	redact_init(&st, true);
	struct redact_mask m;
	redact_dialogue(&st, true, false, span_of(text), &m);
	CHECK_INT(m.n, 1);
	CHECK_INT(m.hit[0].kind, RK_AUTH);
	CHECK_STR(m.hit[0].mech, "PLAIN");
	struct buf b = {0};
	redact_json(&b, span_of(text), &m);
	buf_putc(&b, 0);
	CHECK_STR(b.p, "\"AUTH PLAIN <redacted: 12 bytes; user \\\"u\\\"\\u0001\\\">\"");
	b.n = 0;
	redact_term(&b, span_of(text), &m);
	buf_putc(&b, 0);
	CHECK(!strchr(b.p, '\x01'));
	CHECK(!strstr(b.p, "cHc"));
	/* a span that does not touch a hit is printed as it is */
	b.n = 0;
	redact_json(&b, span_head(span_of(text), 4), &m);
	buf_putc(&b, 0);
	CHECK_STR(b.p, "\"AUTH\"");
	buf_free(&b);
}

TEST(redact_dialogue_kinds)
{
	/* the kinds the AUTH decoder reads, in a -v dialogue */
	static const struct {
		bool client;
		const char *text;
		int kind;
	} d[] = {
	    {false, "220 mx1.example.test ESMTP", 0},
	    {true, "AUTH LOGIN", RK_AUTH},
	    {false, "334 VXNlcm5hbWU6", 0},
	    {true, "Y29udGFjdA==", RK_USER},
	    {false, "334 UGFzc3dvcmQ6", 0},
	    {true, "cGFzc3dvcmQ=", RK_PASS},
	    {false, "535 5.7.8 Error: authentication failed", 0},
	    {true, "AUTH LOGIN YWRtaW4=", RK_AUTH},
	    {false, "334 UGFzc3dvcmQ6", 0},
	    {true, "dGVzdDEyMw==", RK_PASS},
	};
	struct redact st;
	redact_init(&st, true);
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
		struct redact_mask m;
		redact_dialogue(&st, d[i].client, false, span_of(d[i].text), &m);
		if (!d[i].kind) {
			CHECK_INT(m.n, 0);
			continue;
		}
		CHECK_INT(m.n, 1);
		if (m.n)
			CHECK_INT(m.hit[0].kind, d[i].kind);
	}
}

TEST(redact_table_keeps_processes_apart)
{
	struct redact_table *t = redact_table_new();
	struct redact *a = redact_table_get(t, span_of("mx1"), 100);
	redact_init(a, true);
	struct redact *b = redact_table_get(t, span_of("mx1"), 101);
	CHECK(a != b);
	a->phase = RP_AUTH;
	CHECK_INT(redact_table_get(t, span_of("mx1"), 100)->phase, RP_AUTH);
	CHECK_INT(redact_table_get(t, span_of("mx2"), 100)->phase, RP_UNKNOWN);
	redact_table_free(t);
}

TEST(redact_postfix_shapes_under_any_tag)
{
	/* a syslog_name postsleuth does not take for Postfix's: the line
	 * is "other", printed by events --all, and still redacted */
	struct redact st;
	redact_init(&st, true);
	CHECK_STR(red(&st, "Nov 22 11:40:01 mx1 mailer[4711]: < unknown[192.0.2.9]: AUTH PLAIN "
			   "AHUAcGFzc3dvcmQx"),
		  "< unknown[192.0.2.9]: AUTH PLAIN <redacted: 16 bytes; user \"u\">");
	CHECK_STR(red(&st, "Nov 22 11:40:01 mx1 mailer[4711]: xsasl_cyrus_server_next: decoded "
			   "response: password1"),
		  "xsasl_cyrus_server_next: decoded response: <redacted: 9 bytes>");
}

TEST(redact_put_span_inside_a_hit)
{
	/* a field that holds only part of a secret (or ends inside it):
	 * one placeholder, and the printing ends (fuzz_parse found a loop) */
	const char *text = "AUTH PLAIN AHUAcGFzc3dvcmQx rest";
	struct redact st;
	redact_init(&st, true);
	struct redact_mask m;
	redact_dialogue(&st, true, false, span_make(text, 27), &m);
	CHECK_INT(m.n, 1);
	struct buf b = {0};
	redact_put(&b, span_make(text + 15, 5), &m);
	buf_putc(&b, 0);
	CHECK_STR(b.p, "<redacted: 16 bytes; user \"u\">");
	b.n = 0;
	redact_put(&b, span_make(text + 5, 14), &m);
	buf_putc(&b, 0);
	CHECK_STR(b.p, "PLAIN <redacted: 16 bytes; user \"u\">");
	b.n = 0;
	redact_put(&b, span_of(text), &m);
	buf_putc(&b, 0);
	CHECK_STR(b.p, "AUTH PLAIN <redacted: 16 bytes; user \"u\"> rest");
	buf_free(&b);
}

/*
 * test_parse_addr.c - one text per host: pc_addr_canon on its own, then
 * every parser's address fields (smtpd, postscreen, anvil, cleanup,
 * delivery, tlsproxy, Dovecot) on lines that write the same host another
 * way: IPv4-mapped IPv6, upper case, uncompressed, "IPv6:", a zone.
 */
#include "progs.h"
#include "parse/common.h"

/* canon - pc_addr_canon of a copy of in, as a C string; *same: the
 * result still points into the input (nothing was rewritten) */
static const char *canon(const char *in, bool *same)
{
	static char line[256], out[256];
	static char buf[EV_ADDR_MAX];
	size_t n = strlen(in);
	memcpy(line, in, n);
	struct span s = span_make(line, n);
	pc_addr_canon(&s, buf);
	*same = s.p >= line && s.p + s.n <= line + n;
	if (!*same && !(s.p >= buf && s.p + s.n <= buf + sizeof buf))
		return "(points elsewhere)";
	snprintf(out, sizeof out, "%.*s", (int)s.n, s.p);
	return out;
}

/* the rewriting cases: got the canonical text, in the event's buffer */
TEST(addr_canon_rewrites)
{
	static const struct {
		const char *in, *want;
	} rows[] = {
	    {"::ffff:203.0.113.70", "203.0.113.70"},
	    {"::FFFF:203.0.113.70", "203.0.113.70"},
	    {"0:0:0:0:0:ffff:cb00:7146", "203.0.113.70"},
	    {"2001:DB8::7", "2001:db8::7"},
	    {"2001:0db8:0000:0000:0000:0000:0000:0007", "2001:db8::7"},
	    {"2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"},     /* RFC 5952 4.2.3: first run */
	    {"2001:db8:0:0:0:1:0:0", "2001:db8::1:0:0"},        /* 4.2.3: the longest run */
	    {"0:0:0:0:0:0:0:1", "::1"},
	    {"FE80::0001%eth0", "fe80::1%eth0"},
	    {"::ffff:192.0.2.1%eth0", "192.0.2.1"},             /* IPv4 has no zone */
	    {"IPv6:2001:DB8::7", "2001:db8::7"},
	    {"ipv6:2001:db8::7", "2001:db8::7"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		bool same;
		const char *got = canon(rows[i].in, &same);
		if (strcmp(got, rows[i].want) != 0 || same)
			test_fail(__FILE__, __LINE__, "pc_addr_canon(\"%s\"): got \"%s\"%s, want \"%s\"",
				  rows[i].in, got, same ? " (in the line)" : "", rows[i].want);
	}
}

/* what is left as the line wrote it: canonical already, or no address */
TEST(addr_canon_keeps)
{
	static const char *const rows[] = {
	    "203.0.113.70", "2001:db8::7", "::1", "::", "fe80::1%eth0", "fe80::1%2",
	    "2001:db8:0:1:1:1:1:1",     /* one zero group is not compressed (4.2.2) */
	    "unknown", "1.2.3.04", "1.2.3", "999.1.1.1", "1.2.3.4.5", "2001:db8::7::1",
	    "fe80::1%", "fe80::1%eth0;rm", "fe80::1%averyveryverylongname", "gggg::1",
	    "::ffff:203.0.113.70:25", "[2001:db8::7]", " 2001:db8::7",
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		bool same;
		const char *got = canon(rows[i], &same);
		if (strcmp(got, rows[i]) != 0 || !same)
			test_fail(__FILE__, __LINE__, "pc_addr_canon(\"%s\"): got \"%s\"%s, want it kept",
				  rows[i], got, same ? "" : " (rewritten)");
	}
	/* "IPv6:" before IPv4: the address inside the line, no copy */
	bool same;
	CHECK_STR(canon("IPv6:192.0.2.1", &same), "192.0.2.1");
	CHECK(same);
	/* long junk of hex and colons: refused without a copy past the buffer */
	char junk[200];
	memset(junk, ':', sizeof junk - 1);
	junk[sizeof junk - 1] = 0;
	CHECK_STR(canon(junk, &same), junk);
	CHECK(same);
}

/* each parser's address fields come out canonical */
TEST(addr_canon_in_every_parser)
{
	const struct event *ev = progs_msg("postfix/smtpd", "connect from unknown[::ffff:203.0.113.70]");
	CHECK_STR(progs_type(ev), "connect");
	CHECK_SPAN(ev->client_ip, "203.0.113.70");
	ev = progs_msg("postfix/smtpd", "warning: unknown[2001:DB8::7]: SASL LOGIN authentication "
					"failed: UGFzc3dvcmQ6");
	CHECK_STR(progs_type(ev), "sasl_fail");
	CHECK_SPAN(ev->client_ip, "2001:db8::7");
	ev = progs_msg("postfix/smtpd", "NOQUEUE: reject: RCPT from x.example[2001:0DB8::0007]:4000: "
					"554 5.7.1 <a@b>: Relay access denied; from=<a@c> to=<a@b> "
					"proto=ESMTP helo=<x>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->client_ip, "2001:db8::7");
	CHECK_SPAN(ev->client_port, "4000");
	ev = progs_msg("postfix/smtpd", "warning: hostname x.example does not resolve to address "
					"::FFFF:192.0.2.9");
	CHECK_STR(progs_type(ev), "hostname_verify");
	CHECK_SPAN(ev->client_ip, "192.0.2.9");
	ev = progs_msg("postfix/postscreen", "CONNECT from [::ffff:203.0.113.70]:40000 to "
					     "[2001:DB8::1]:25");
	CHECK_STR(progs_type(ev), "ps_connect");
	CHECK_SPAN(ev->client_ip, "203.0.113.70");
	CHECK_SPAN(ev->server_ip, "2001:db8::1");
	ev = progs_msg("postfix/dnsblog", "addr 2001:DB8::7 listed by domain zen.example as 127.0.0.2");
	CHECK_STR(progs_type(ev), "ps_dnsbl");
	CHECK_SPAN(ev->client_ip, "2001:db8::7");
	ev = progs_msg("postfix/anvil", "statistics: max connection rate 22/60s for "
					"(smtp:::ffff:203.0.113.67) at Nov 22 11:33:04");
	CHECK_STR(progs_type(ev), "anvil");
	CHECK_SPAN(ev->client_ip, "203.0.113.67");
	ev = progs_msg("postfix/smtp", "ABCDE12345: to=<a@b.example>, relay=mx.b.example[2001:DB8::25]:25, "
				       "delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 ok)");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->relay_ip, "2001:db8::25");
	ev = progs_msg("postfix/cleanup", "ABCDE12345: reject: header Subject: hi from "
					  "x.example[::ffff:203.0.113.70]; from=<a@c> to=<a@b> proto=ESMTP "
					  "helo=<x>: 5.7.1 no");
	CHECK_STR(progs_type(ev), "cleanup_action");
	CHECK_SPAN(ev->client_ip, "203.0.113.70");
	ev = progs_msg("postfix/tlsproxy", "CONNECT from [IPv6:2001:DB8::7]:47992");
	CHECK_SPAN(ev->client_ip, "2001:db8::7");
}

/* Dovecot, the SASL server: its auth process's "(user,addr)" and the
 * login processes' "rip=", the last one (the username comes before it) */
TEST(addr_canon_dovecot)
{
	const struct event *ev = progs_line("Nov 22 11:40:01 mx1 dovecot: auth: passwd-file("
					    "alice,::ffff:203.0.113.70): Password mismatch");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->client_ip, "203.0.113.70");
	CHECK_SPAN(ev->sasl_username, "alice");
	CHECK_SPAN(ev->reason, "Password mismatch");
	ev = progs_line("Nov 22 11:40:01 mx1 dovecot: auth-worker(4242): passwd-file(bob,"
			"2001:DB8::7,<Ab12>): unknown user");
	CHECK_SPAN(ev->client_ip, "2001:db8::7");
	CHECK_SPAN(ev->sasl_username, "bob");
	ev = progs_line("Nov 22 11:40:01 mx1 dovecot: imap-login: Login: user=<x, rip=192.0.2.66, y>, "
			"method=PLAIN, rip=::ffff:203.0.113.70, lip=192.0.2.1, mpid=77, TLS");
	CHECK_SPAN(ev->client_ip, "203.0.113.70");
	CHECK_SPAN(ev->sasl_username, NULL);
	ev = progs_line("Nov 22 11:40:01 mx1 dovecot: master: Dovecot v2.3.19.1 starting up");
	CHECK_SPAN(ev->client_ip, NULL);
}

/* a placeholder typed over the address in Dovecot's lines ("malicious
 * ip", "x.x.x.x") is no client of its own; a real one stays */
TEST(addr_dovecot_masked)
{
	const struct event *ev = progs_line("Jan 10 18:56:48 mail dovecot: auth: passwd-file("
					    "root@example.com,malicious ip): unknown user");
	CHECK_SPAN(ev->client_ip, NULL);
	CHECK_SPAN(ev->sasl_username, "root@example.com");
	ev = progs_line("Jan 10 18:56:49 mail dovecot: imap-login: Disconnected: user=<bob>, "
			"method=PLAIN, rip=x.x.x.x, lip=192.0.2.1, TLS");
	CHECK_SPAN(ev->client_ip, NULL);
	ev = progs_line("Jan 10 18:56:50 mail dovecot: auth: passwd-file(bob,192.0.2.77): Password mismatch");
	CHECK_SPAN(ev->client_ip, "192.0.2.77");
}

/* auth_debug's steps ("auth: Debug: passwd-file(u,a): Performing passdb
 * lookup") are no result: not read, or one try counts as several, each
 * "failed" with the step's words; the result line at Info level is */
TEST(addr_dovecot_debug_steps)
{
	const struct event *ev = progs_line("Jan 17 15:45:33 mail dovecot: auth: Debug: passwd-file("
					    "shop@example.com,203.0.113.50): Performing passdb lookup");
	CHECK_SPAN(ev->sasl_username, NULL);
	CHECK_SPAN(ev->client_ip, NULL);
	ev = progs_line("Jan 17 15:45:33 mail dovecot: auth: Debug: auth(shop@example.com,"
			"203.0.113.50): Auth request finished");
	CHECK_SPAN(ev->reason, NULL);
	ev = progs_line("Jan 17 15:45:33 mail dovecot: auth: passwd-file(shop@example.com,"
			"203.0.113.50): unknown user (SHA1 of given password: ecde9f)");
	CHECK_SPAN(ev->sasl_username, "shop@example.com");
	CHECK_SPAN(ev->client_ip, "203.0.113.50");
	/* an error of the auth process names its user and client still */
	ev = progs_line("Jan 29 16:01:25 mail dovecot: auth: Error: imap(stefan,203.0.113.52): "
			"Authentication failed: LOGIN wrong username or password");
	CHECK_SPAN(ev->client_ip, "203.0.113.52");
}

/*
 * test_parse_postscreen.c - postscreen and dnsblog.  Real lines from the
 * conformance logs (exporter test data, fail2ban, lightmeter); the 3.6+
 * ALLOWLISTED/DENYLISTED forms and a few warnings are built from
 * postscreen.c:901/993 and dnsblog.c:218.
 */
#include "progs.h"

TEST(ps_connect_pass_disconnect)
{
	const struct event *ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: "
					    "CONNECT from [123.45.67.89]:12345 to [123.45.67.89]:25");
	CHECK_STR(progs_type(ev), "ps_connect");
	CHECK_SPAN(ev->client_ip, "123.45.67.89");
	CHECK_SPAN(ev->client_port, "12345");
	CHECK_SPAN(ev->server_ip, "123.45.67.89");
	CHECK_SPAN(ev->server_port, "25");
	ev = progs_line("Feb 24 16:18:40 letterman postfix/postscreen[1234]: PASS NEW [1.2.3.4]:5678");
	CHECK_STR(progs_type(ev), "ps_pass");
	CHECK_SPAN(ev->action, "NEW");
	CHECK_SPAN(ev->client_ip, "1.2.3.4");
	CHECK_SPAN(ev->client_port, "5678");
	ev = progs_line("Feb 24 16:18:40 letterman postfix/postscreen[1234]: PASS OLD [9.8.7.6]:1234");
	CHECK_SPAN(ev->action, "OLD");
	CHECK_SPAN(ev->client_ip, "9.8.7.6");
	ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: DISCONNECT "
			"[123.45.67.89]:12345");
	CHECK_STR(progs_type(ev), "ps_disconnect");
	CHECK_SPAN(ev->client_ip, "123.45.67.89");
	CHECK_SPAN(ev->client_port, "12345");
	/* IPv6 client */
	ev = progs_msg("postfix/postscreen", "CONNECT from [2001:db8::5]:40000 to [2001:db8::1]:25");
	CHECK_STR(progs_type(ev), "ps_connect");
	CHECK_SPAN(ev->client_ip, "2001:db8::5");
	CHECK_SPAN(ev->server_ip, "2001:db8::1");
}

TEST(ps_pregreet_hangup_dnsbl)
{
	const struct event *ev = progs_line(
	    "Feb 24 16:18:40 letterman postfix/postscreen[1234]: PREGREET 14 after 0.18 from "
	    "[1.2.3.4]:5678: EHLO [74.207.242.122]");
	CHECK_STR(progs_type(ev), "ps_pregreet");
	CHECK_INT(ev->count, 14);
	CHECK_SPAN(ev->delay, "0.18");
	CHECK_SPAN(ev->client_ip, "1.2.3.4");
	CHECK_SPAN(ev->client_port, "5678");
	CHECK_SPAN(ev->command, "EHLO [74.207.242.122]");
	ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: PREGREET 123 after 0.12 "
			"from [123.45.67.89]:12345: EHLO User\\r\\n");
	CHECK_SPAN(ev->command, "EHLO User\\r\\n");
	/* an address without brackets, with or without its port */
	ev = progs_line("Jan 1 00:00:00 mx postfix/postscreen[12]: PREGREET 11 after 0 from "
			"192.0.2.7: EHLO User\\r\\n");
	CHECK_STR(progs_type(ev), "ps_pregreet");
	CHECK_SPAN(ev->client_ip, "192.0.2.7");
	CHECK_INT(ev->count, 11);
	ev = progs_line("Jan 1 00:00:00 mx postfix/postscreen[12]: PREGREET 11 after 0 from "
			"192.0.2.7:4711: EHLO User\\r\\n");
	CHECK_SPAN(ev->client_ip, "192.0.2.7");
	CHECK_SPAN(ev->client_port, "4711");
	ev = progs_line("Jan 1 00:00:00 mx postfix/postscreen[12]: PREGREET 11 after 0 from "
			"2001:db8::7: EHLO x");
	CHECK_SPAN(ev->client_ip, "2001:db8::7");
	ev = progs_line("Jan 1 00:00:00 mx postfix/postscreen[12]: PREGREET 11 after 0 from "
			"some host: EHLO x");
	CHECK_STR(progs_type(ev), "unknown");
	/* the text cut by the paste; the address left out of it */
	ev = progs_line("Jan 1 00:00:00 mx postfix/postscreen[12]: PREGREET 11 after 0.1 from "
			"[192.0.2.4]:1234");
	CHECK_STR(progs_type(ev), "ps_pregreet");
	CHECK_SPAN(ev->client_ip, "192.0.2.4");
	CHECK_INT(ev->command.n, 0);
	ev = progs_line("Jan 1 00:00:00 mx postfix/postscreen[12]: PREGREET 11 after 0.12: EHLO x??");
	CHECK_STR(progs_type(ev), "ps_pregreet");
	CHECK(ev->client_ip.p && ev->client_ip.n == 0);
	CHECK_SPAN(ev->delay, "0.12");
	CHECK_SPAN(ev->command, "EHLO x??");
	ev = progs_line("Feb 24 16:18:40 letterman postfix/postscreen[1234]: HANGUP after 2.5 from "
			"[1.2.3.4]:5678 in tests after SMTP handshake");
	CHECK_STR(progs_type(ev), "ps_hangup");
	CHECK_SPAN(ev->delay, "2.5");
	CHECK_SPAN(ev->client_ip, "1.2.3.4");
	CHECK_SPAN(ev->stage, "tests after SMTP handshake");
	ev = progs_line("Jul  8 17:05:24 mail postfix/postscreen[21130]: DNSBL rank 2 for "
			"[1.2.3.4]:55382");
	CHECK_STR(progs_type(ev), "ps_dnsbl");
	CHECK_INT(ev->count, 2);
	CHECK_SPAN(ev->client_ip, "1.2.3.4");
	CHECK_SPAN(ev->client_port, "55382");
}

TEST(ps_violations)
{
	const struct event *ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: "
					    "NON-SMTP COMMAND from [123.45.67.89]:12345 after "
					    "CONNECT: GET / HTTP/1.1");
	CHECK_STR(progs_type(ev), "ps_violation");
	CHECK_SPAN(ev->action, "NON-SMTP COMMAND");
	CHECK_SPAN(ev->client_ip, "123.45.67.89");
	CHECK_SPAN(ev->stage, "CONNECT");
	CHECK_SPAN(ev->command, "GET / HTTP/1.1");
	ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: COMMAND PIPELINING from "
			"[123.45.67.89]:12345 after : \\r\\n");
	CHECK_STR(progs_type(ev), "ps_violation");
	CHECK_SPAN(ev->action, "COMMAND PIPELINING");
	CHECK_SPAN(ev->stage, "");
	CHECK_SPAN(ev->command, "\\r\\n");
	ev = progs_line("Jun  8 23:14:28 proxy2 postfix/postscreen[473]: COMMAND TIME LIMIT from "
			"[192.0.2.77]:3608 after CONNECT");
	CHECK_SPAN(ev->action, "COMMAND TIME LIMIT");
	CHECK_SPAN(ev->client_ip, "192.0.2.77");
	CHECK_SPAN(ev->stage, "CONNECT");
	CHECK_SPAN(ev->command, NULL);
	ev = progs_line("Jun  8 23:14:54 proxy2 postfix/postscreen[473]: COMMAND COUNT LIMIT from "
			"[192.0.2.26]:15592 after RCPT");
	CHECK_SPAN(ev->action, "COMMAND COUNT LIMIT");
	CHECK_SPAN(ev->stage, "RCPT");
	ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: COMMAND LENGTH LIMIT "
			"from [123.45.67.89]:12345 after HELO");
	CHECK_SPAN(ev->action, "COMMAND LENGTH LIMIT");
	ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: BARE NEWLINE from "
			"[123.45.67.89]:12345 after \\000\\000\\000");
	CHECK_STR(progs_type(ev), "ps_violation");
	CHECK_SPAN(ev->action, "BARE NEWLINE");
	CHECK_SPAN(ev->stage, "\\000\\000\\000");
}

TEST(ps_listed)
{
	const struct event *ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: "
					    "BLACKLISTED [123.45.67.89]:12345");
	CHECK_STR(progs_type(ev), "ps_listed");
	CHECK_SPAN(ev->action, "BLACKLISTED");
	CHECK_SPAN(ev->listed, "denylist");
	CHECK_SPAN(ev->client_ip, "123.45.67.89");
	ev = progs_line("Jan 1 00:00:00 hostname postfix/postscreen[12345]: WHITELIST VETO "
			"[123.45.67.89]:12345");
	CHECK_SPAN(ev->action, "WHITELIST VETO");
	CHECK_SPAN(ev->listed, "allowlist");
	ev = progs_msg("postfix/postscreen", "ALLOWLISTED [192.0.2.8]:4000");
	CHECK_STR(progs_type(ev), "ps_listed");
	CHECK_SPAN(ev->action, "ALLOWLISTED");
	CHECK_SPAN(ev->listed, "allowlist");
	ev = progs_msg("postfix/postscreen", "DENYLISTED [192.0.2.8]:4000");
	CHECK_SPAN(ev->listed, "denylist");
	ev = progs_msg("postfix/postscreen", "ALLOWLIST VETO [192.0.2.8]:4000");
	CHECK_SPAN(ev->action, "ALLOWLIST VETO");
}

TEST(ps_reject)
{
	const struct event *ev = progs_line(
	    "May  8 08:26:55 mail postfix/postscreen[22055]: NOQUEUE: reject: RCPT from "
	    "[157.122.148.242]:47407: 550 5.7.1 Service unavailable; client [157.122.148.242] "
	    "blocked using bl.spamcop.net; from=<kos@mafia.network>, to=<z13699753428@vip.163.com>, "
	    "proto=ESMTP, helo=<XL-20160217QQJV>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->queue_id, NULL);
	CHECK_SPAN(ev->action, "reject");
	CHECK_SPAN(ev->stage, "RCPT");
	CHECK_SPAN(ev->client_ip, "157.122.148.242");
	CHECK_SPAN(ev->client_port, "47407");
	CHECK_SPAN(ev->code, "550");
	CHECK_SPAN(ev->dsn, "5.7.1");
	CHECK_SPAN(ev->reason,
		   "Service unavailable; client [157.122.148.242] blocked using bl.spamcop.net");
	CHECK_SPAN(ev->from, "kos@mafia.network");
	CHECK_SPAN(ev->to, "z13699753428@vip.163.com");
	CHECK_SPAN(ev->proto, "ESMTP");
	CHECK_SPAN(ev->helo, "XL-20160217QQJV");
	ev = progs_line("Feb 24 16:18:40 letterman postfix/postscreen[1234]: NOQUEUE: reject: "
			"CONNECT from [1.2.3.4]:5678: too many connections");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->stage, "CONNECT");
	CHECK_SPAN(ev->client_ip, "1.2.3.4");
	CHECK_SPAN(ev->code, NULL);
	CHECK_SPAN(ev->reason, "too many connections");
}

TEST(dnsblog_listed)
{
	const struct event *ev = progs_line("Jul  8 17:05:18 mail postfix/dnsblog[21133]: addr "
					    "1.2.3.4 listed by domain zen.spamhaus.org as 127.0.0.3");
	CHECK_STR(progs_type(ev), "ps_dnsbl");
	CHECK_SPAN(ev->client_ip, "1.2.3.4");
	CHECK_SPAN(ev->listed, "zen.spamhaus.org");
	CHECK_SPAN(ev->reason, "127.0.0.3");
	CHECK_INT(ev->count, -1);
}

TEST(ps_info_and_warnings)
{
	/* util/dict_cache.c and postscreen_dnsbl.c:486 */
	const struct event *ev = progs_msg("postfix/postscreen",
					   "cache btree:/var/lib/postfix/postscreen_cache full cleanup: "
					   "retained=105 dropped=3 entries");
	CHECK_STR(progs_type(ev), "info");
	ev = progs_msg("postfix/postscreen", "warning: dnsblog reply timeout 10s for zen.spamhaus.org");
	CHECK_STR(progs_type(ev), "warning");
	const char *trunc[] = {"CONNECT from [1.2.3.4]:5", "CONNECT from [1.2.3.4", "PREGREET 14 after",
			       "HANGUP after 2 from [", "DNSBL rank x for [1.2.3.4]:5", "PASS NEW",
			       "NOQUEUE: reject: RCPT from [1.2.3.4]:5: 550"};
	for (size_t i = 0; i < sizeof trunc / sizeof trunc[0]; i++) {
		ev = progs_msg("postfix/postscreen", trunc[i]);
		CHECK(ev->type != EV_NONE);
	}
	ev = progs_msg("postfix/postscreen", "DNSBL rank x for [1.2.3.4]:5");
	CHECK_STR(progs_type(ev), "unknown");
}

/* dnsblog's address written over by a person ("addr X listed ..."): not
 * shown, as postscreen's own "[X]:PORT" is not, and empty rather than
 * unset, so that both are the same unnamed client */
TEST(dnsblog_listed_masked)
{
	const struct event *ev = progs_line("Mar  2 19:25:28 mail postfix/dnsblog[3227]: addr X "
					    "listed by domain zen.spamhaus.org as 127.0.0.4");
	CHECK_STR(progs_type(ev), "ps_dnsbl");
	CHECK_SPAN(ev->client_ip, "");
	CHECK(ev->client_ip.p != NULL);
	CHECK_SPAN(ev->listed, "zen.spamhaus.org");
}

/*
 * test_parse_verbose.c - the verbose/TLS-debug recogniser: the -v
 * dialogue, TLS Read/Write lines, the noise it must claim (from the
 * seeds and corpus scenarios 04 and 06) and the real events it must
 * leave to the program parsers.
 */
#include "tap.h"

#include "parse/common.h"
#include "parse/event.h"
#include "syslog/prefix.h"

static struct logline v_line;
static struct event v_ev;

/* vparse - syslog_parse a whole line, then run parse_verbose alone */
static bool vparse(const char *line)
{
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	if (!syslog_parse(&st, span_of(line), &v_line))
		test_fail(__FILE__, __LINE__, "syslog_parse failed: %s", line);
	ev_reset(&v_ev, &v_line);
	v_ev.type = EV_UNKNOWN;
	return parse_verbose(&v_line, &v_ev);
}

#define S "2026-11-22T11:35:08.668202+00:00 mx1 postfix/submission/smtpd[15546]: "
#define D "Jun 19 16:27:21 localhost postfix/smtpd[12172]: "
#define T "Feb 23 11:57:42 postfix/smtpd[32451]: "
#define Q "Nov 22 11:40:01 mx1 postfix/qmgr[1234]: "

TEST(verbose_dialogue_smtpd)
{
	CHECK(vparse(S "< unknown[203.0.113.251]: EHLO ylmf-pc"));
	CHECK_INT(v_ev.type, EV_SMTP_IN);
	CHECK_SPAN(v_ev.client_name, "unknown");
	CHECK_SPAN(v_ev.client_ip, "203.0.113.251");
	CHECK_SPAN(v_ev.command, "EHLO ylmf-pc");
	CHECK_SPAN(v_ev.code, NULL);

	CHECK(vparse(S "> unknown[203.0.113.251]: 250-PIPELINING"));
	CHECK_INT(v_ev.type, EV_SMTP_OUT);
	CHECK_SPAN(v_ev.code, "250");
	CHECK_SPAN(v_ev.dsn, NULL);
	CHECK_SPAN(v_ev.reason, "PIPELINING");
	CHECK_SPAN(v_ev.command, NULL);

	CHECK(vparse(S "> unknown[203.0.113.251]: 535 5.7.8 Error: authentication failed: (reason "
		       "unavailable)"));
	CHECK_SPAN(v_ev.code, "535");
	CHECK_SPAN(v_ev.dsn, "5.7.8");
	CHECK_SPAN(v_ev.reason, "Error: authentication failed: (reason unavailable)");

	/* seed 000: trailing blanks from a paste */
	CHECK(vparse(D "> s72-38-252-2.static.datacom.cgocable.net[72.38.252.2]: 221 2.0.0 Bye "));
	CHECK_SPAN(v_ev.client_name, "s72-38-252-2.static.datacom.cgocable.net");
	CHECK_SPAN(v_ev.reason, "Bye");
	CHECK(vparse(D "< s72-38-252-2.static.datacom.cgocable.net[72.38.252.2]: EHLO User "));
	CHECK_SPAN(v_ev.command, "EHLO User");

	/* base64 AUTH continuation, port logging, IPv6 */
	CHECK(vparse(S "< unknown[2001:db8::7]:4711: dGVzdDEyMw=="));
	CHECK_INT(v_ev.type, EV_SMTP_IN);
	CHECK_SPAN(v_ev.client_ip, "2001:db8::7");
	CHECK_SPAN(v_ev.client_port, "4711");
	CHECK_SPAN(v_ev.command, "dGVzdDEyMw==");
}

TEST(verbose_dialogue_smtp_client)
{
	/* the smtp client: "<" is the server's reply, ">" our command, peer in relay_* */
	CHECK(vparse("Nov 22 11:40:01 mx1 postfix/smtp[999]: < mx.example.com[192.0.2.1]:25: 250 2.1.0 Ok"));
	CHECK_INT(v_ev.type, EV_SMTP_IN);
	CHECK_SPAN(v_ev.relay_name, "mx.example.com");
	CHECK_SPAN(v_ev.relay_ip, "192.0.2.1");
	CHECK_SPAN(v_ev.relay_port, "25");
	CHECK_SPAN(v_ev.client_ip, NULL);
	CHECK_SPAN(v_ev.code, "250");
	CHECK_SPAN(v_ev.reason, "Ok");
	CHECK(vparse("Nov 22 11:40:01 mx1 postfix/smtp[999]: > mx.example.com[192.0.2.1]:25: MAIL "
		     "FROM:<a@b.example>"));
	CHECK_INT(v_ev.type, EV_SMTP_OUT);
	CHECK_SPAN(v_ev.command, "MAIL FROM:<a@b.example>");
	CHECK_SPAN(v_ev.code, NULL);
}

TEST(verbose_tls_read_write)
{
	static const struct {
		const char *line;
		enum ev_type type;
		long long count;
		const char *command;
	} rows[] = {
	    /* complete text: the CR LF ("??") goes */
	    {T "Read 16 chars: EHLO localhost??", EV_TLS_READ, 16, "EHLO localhost"},
	    {T "Read 3 chars: *??", EV_TLS_READ, 3, "*"},
	    {S "Read 12 chars: YWRtaW4=????", EV_TLS_READ, 12, "YWRtaW4=??"},
	    /* cut at 40 characters: kept as logged */
	    {T "Write 158 chars: 250-mail.(domain).com??250-PIPELINING??250", EV_TLS_WRITE, 158,
	     "250-mail.(domain).com??250-PIPELINING??250"},
	    {T "Read 45 chars: AUTH PLAIN AGFkbWluQGZpcGljay5jb20Ad2lsb", EV_TLS_READ, 45,
	     "AUTH PLAIN AGFkbWluQGZpcGljay5jb20Ad2lsb"},
	    {T "Write 42 chars: 435 4.7.8 Error: authentication failed: ", EV_TLS_WRITE, 42,
	     "435 4.7.8 Error: authentication failed: "},
	    {T "Write 41 chars: 402 4.5.2 Error: command not recognized?", EV_TLS_WRITE, 41,
	     "402 4.5.2 Error: command not recognized?"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		if (!vparse(rows[i].line)) {
			test_fail(__FILE__, __LINE__, "not claimed: %s", rows[i].line);
			continue;
		}
		CHECK_INT(v_ev.type, rows[i].type);
		CHECK_INT(v_ev.count, rows[i].count);
		CHECK_SPAN(v_ev.command, rows[i].command);
	}
}

TEST(verbose_noise_claimed)
{
	static const char *const lines[] = {
	    /* seed 000/001 (postfix -v -v) */
	    D "name_mask: all",
	    D "inet_addr_local: configured 2 IPv4 addresses",
	    D "process generation: 730 (730)",
	    D "match_string: mynetworks ~? debug_peer_list",
	    D "match_list_match: relay_domains: no match",
	    D "connect to subsystem private/proxymap",
	    D "send attr request = open",
	    D "private/proxymap socket: wanted attribute: status",
	    D "private/proxymap socket: wanted attribute: (list terminator) ",
	    D "input attribute name: status",
	    D "input attribute value: BkwSErqQCehWb7QFIVoqNQDFcWGDIzh7N7jY0LHfZxM= ",
	    D "dict_proxy_open: connect to map=unix:passwd.byname status=0 server_flags=fixed",
	    D "dict_open: hash:/etc/aliases",
	    D "Compiled against Berkeley DB: 5.1.29?",
	    D "Run-time linked against Berkeley DB: 5.1.29?",
	    D "unknown_helo_hostname_tempfail_action = defer_if_permit ",
	    D "auto_clnt_create: transport=local endpoint=private/tlsmgr ",
	    D "private/tlsmgr: wanted attribute: seed ",
	    D "connection established ",
	    D "master_notify: status 0 ",
	    D "smtp_stream_setup: maxtime=300 enable_deadline=0 ",
	    D "xsasl_dovecot_server_connect: auth reply: COOKIE?9df14148adb89ae414e824bc836238da ",
	    D "connection closed",
	    D "proxymap stream disconnect",
	    D "auto_clnt_close: disconnect private/tlsmgr stream",
	    /* seed 004 and scenario 04 (smtpd_tls_loglevel 4) */
	    T "SSL_accept:before/accept initialization",
	    T "read from 7FD690FE02C0 [7FD6910804C0] (11 bytes => -1 (0xFFFFFFFFFFFFFFFF))",
	    T "write to 7FD690FE02C0 [7FD69108DE80] (1030 bytes => 1030 (0x406))",
	    T "0085 - <SPACES/NULLS>",
	    T "0000 16 03 03 01 06                                   .....",
	    S "read from 5567A647F0C0 [5567A6499673] (5 bytes => -1)",
	    S "0000 01 00 01 fc 03 03 fd 29|54 84 98 96 af 63 4f 5d  .......) T....cO]",
	    S "0120 20 81 53 04 00 15 00 d8|                          .S..... ",
	    S "SSL_accept:SSLv3/TLS write server hello",
	    S "watchdog_pat: 0x5567a6489260",
	    S "xsasl_dovecot_handle_reply: auth reply: FAIL?1?user=contact",
	    S "sasl_mech_filter: keep SASL mechanism: 'PLAIN'",
	    S "send attr keyname = [data 16 bytes]",
	    /* scenario 06 (debug_peer_list) */
	    S ">>> START Recipient address RESTRICTIONS <<<",
	    S ">>> CHECKING Recipient address VALIDATION MAPS <<<",
	    S "before input_transp_cleanup: cleanup flags = enable_header_body_filter",
	    S "fsspace: .: block size 4096, blocks free 4587520",
	    S "resolve_clnt: `' -> `reports@partner-a.test' -> transp=`smtp' host=`[relay]:25'",
	    S "permit_mynetworks: mail1.partner-a.test 198.51.100.3",
	    S "ctable_locate: install entry key ?reports@partner-a.test",
	    /* other daemons' verbose lines */
	    Q "qmgr_active_feed: queue active",
	    Q "request: 65 (W)",
	    Q "request ignored",
	    Q "done incoming queue scan",
	    Q "start sorted recipient list",
	    Q "idle timeout -- exiting",
	    Q "mynetworks: 127.0.0.0/8 [::1]/128",
	    /* threads18J: tlsmgr as it opens its session cache */
	    D "open smtpd TLS cache btree:/var/lib/postfix/smtpd_scache",
	    /* smtpd_proxy dialogue with a filter (no client name) */
	    S "< 127.0.0.1:10025: 250 2.0.0 Ok",
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		if (!vparse(lines[i]))
			test_fail(__FILE__, __LINE__, "not claimed: %s", lines[i]);
		else if (v_ev.type != EV_NOISE)
			test_fail(__FILE__, __LINE__, "type %s, want noise: %s", ev_type_name(v_ev.type),
				  lines[i]);
	}
}

TEST(verbose_leaves_real_events)
{
	static const char *const lines[] = {
	    S "connect from unknown[203.0.113.251]",
	    S "disconnect from unknown[203.0.113.251] ehlo=2 starttls=1 auth=0/3 quit=1 commands=4/7",
	    S "warning: unknown[203.0.113.251]: SASL LOGIN authentication failed: (reason "
	      "unavailable), sasl_username=contact",
	    S "warning: valid_hostname: misplaced delimiter: .",
	    S "warning: dict_nis_init: NIS domain name not set - NIS lookups disabled",
	    S "A346A11658A: client=unknown[203.0.113.29], sasl_method=LOGIN, sasl_username=bob",
	    S "lost connection after AUTH from unknown[203.0.113.251]",
	    S "NOQUEUE: lost connection after CONNECT from unknown[192.0.2.9]",
	    S "NOQUEUE: reject: RCPT from unknown[198.51.100.160]: 554 5.7.1 <a@b>: Relay access "
	      "denied; from=<c@d> to=<a@b> proto=ESMTP helo=<h>",
	    S "improper command pipelining after CONNECT from unknown[192.0.2.99]: EHLO x",
	    S "Anonymous TLS connection established from unknown[203.0.113.251]: TLSv1.3 with cipher "
	      "TLS_AES_256_GCM_SHA384 (256/256 bits)",
	    S "setting up TLS connection from unknown[203.0.113.251]",
	    S "unknown[203.0.113.251]: TLS cipher list \"aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH\"",
	    S "SSL_accept error from unknown[203.0.113.251]: lost connection",
	    S "initializing the server-side TLS engine",
	    Q "3F2A81C0A5: from=<a@b.example>, size=1234, nrcpt=1 (queue active)",
	    Q "3F2A81C0A5: removed",
	    "Nov 22 11:40:24 mx1 postfix/anvil[77]: statistics: max connection rate 1/60s for "
	    "(smtp:192.0.2.1) at Nov 22 11:40:24",
	    "Nov 22 11:40:24 mx1 postfix/postscreen[77]: CONNECT from [192.0.2.1]:4711 to "
	    "[192.0.2.2]:25",
	    "Nov 22 11:40:24 mx1 postfix/master[1]: daemon started -- version 3.7.11, configuration "
	    "/etc/postfix",
	    "Nov 22 11:40:24 mx1 postfix/smtp[5]: connect to mx.oldcompany.test[192.0.2.9]:25: "
	    "Connection refused",
	    "Nov 22 11:40:24 mx1 postfix/cleanup[5]: 3F2A81C0A5: message-id=<x@y>",
	    "Nov 22 11:40:24 mx1 postfix/smtpd[5]: warning: TLS library problem: error:0A000102",
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (vparse(lines[i]))
			test_fail(__FILE__, __LINE__, "claimed as %s: %s", ev_type_name(v_ev.type),
				  lines[i]);
}

TEST(verbose_through_parse_line)
{
	/* the dispatcher asks parse_verbose first, for every daemon */
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	CHECK(syslog_parse(&st, SPAN_LIT(S "match_list_match: unknown: no match"), &v_line));
	parse_line(&v_line, &v_ev);
	CHECK_INT(v_ev.type, EV_NOISE);
	CHECK_SPAN(v_ev.text, "match_list_match: unknown: no match");
	CHECK(syslog_parse(&st, SPAN_LIT(S "Read 14 chars: EHLO ylmf-pc??"), &v_line));
	parse_line(&v_line, &v_ev);
	CHECK_INT(v_ev.type, EV_TLS_READ);
	CHECK_SPAN(v_ev.command, "EHLO ylmf-pc");
}

/* Dovecot's refusal in smtpd's verbose log: its user, whatever the tab
 * became ('?' of syslog, rsyslog's "#011", a real tab), for the warning
 * of a Postfix that names none; nothing from a near miss */
TEST(verbose_dovecot_fail_user)
{
	CHECK(vparse(S "xsasl_dovecot_handle_reply: auth reply: FAIL?1?user=contact"));
	CHECK_INT(v_ev.type, EV_NOISE);
	CHECK_SPAN(v_ev.sasl_username, "contact");
	CHECK(vparse(S "xsasl_dovecot_handle_reply: auth reply: FAIL#0112#011user=info@example.test#011reason=x"));
	CHECK_SPAN(v_ev.sasl_username, "info@example.test");
	CHECK(vparse(S "xsasl_dovecot_handle_reply: auth reply: FAIL\t3\tuser=admin\ttemp"));
	CHECK_SPAN(v_ev.sasl_username, "admin");
	/* a "user=" inside another value is not the key */
	CHECK(vparse(S "xsasl_dovecot_handle_reply: auth reply: FAIL?4?xuser=mallory?user=bob"));
	CHECK_SPAN(v_ev.sasl_username, "bob");
	CHECK(vparse(S "xsasl_dovecot_handle_reply: auth reply: FAIL?5?xuser=mallory"));
	CHECK_SPAN(v_ev.sasl_username, NULL);
	CHECK(vparse(S "xsasl_dovecot_handle_reply: auth reply: FAIL?6?user="));
	CHECK_SPAN(v_ev.sasl_username, NULL);
	CHECK(vparse(S "xsasl_dovecot_handle_reply: auth reply: OK?7?user=alice"));
	CHECK_INT(v_ev.type, EV_NOISE);
	CHECK_SPAN(v_ev.sasl_username, NULL);
	CHECK(vparse(S "xsasl_dovecot_handle_reply: auth reply: CONT?1?VXNlcm5hbWU6"));
	CHECK_SPAN(v_ev.sasl_username, NULL);
}

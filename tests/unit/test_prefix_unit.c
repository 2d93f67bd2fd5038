/*
 * test_prefix_unit.c - lines whose tag is a systemd unit (journalctl -o
 * with-unit, src/syslog/unit_tag.c): Postfix's unit made Postfix's with
 * the daemon told by the message, other units named without ".service".
 */
#include "prefix_check.h"

TEST(prefix_unit_postfix_daemon_told)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	const char *line = "Sun 2026-11-22 11:36:45 UTC mx1 postfix@-.service[16134]: connect from unknown[198.51.100.137]";
	/* twice: the second line's prefix comes from the memo */
	for (int i = 0; i < 2; i++) {
		CHECK(parse(&st, line, &l));
		CHECK(l.postfix);
		CHECK(l.inferred);
		CHECK_SPAN(l.daemon, "smtpd");
		CHECK_SPAN(l.instance, "postfix");
		CHECK_INT(l.pid, 16134);
		CHECK_SPAN(l.host, "mx1");
		CHECK_SPAN(l.text, "connect from unknown[198.51.100.137]");
	}
	CHECK(parse(&st, "2026-11-22T11:36:47+0000 mx1 postfix@-.service[15082]: 3C4631165B1: removed", &l));
	CHECK_SPAN(l.daemon, "qmgr");
	/* a warning: its severity taken off before the words are read */
	CHECK(parse(&st, "2026-11-22T11:32:03+0000 mx1 postfix.service[15066]: warning: /var/spool/postfix/etc/resolv.conf and /etc/resolv.conf differ", &l));
	CHECK(l.postfix);
	CHECK_SPAN(l.severity, "warning");
	CHECK_SPAN(l.daemon, "postfix-script");
	CHECK(parse(&st, "2026-11-22T11:40:00+0000 mx1 postfix@-.service[16200]: warning: please reduce time unit \"hours\" of \"delay_warning_time\" in delay template to obtain a non-zero result", &l));
	CHECK_SPAN(l.daemon, "bounce");
}

TEST(prefix_unit_instance_and_unknown_shape)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	/* postmulti's instance: its name is the instance */
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@postfix-out.service[77]: 1D3F41165A4: message-id=<a@example.com>", &l));
	CHECK(l.postfix);
	CHECK_SPAN(l.instance, "postfix-out");
	CHECK_SPAN(l.daemon, "cleanup");
	/* smtp(8) and lmtp(8) are one program: the server's brackets tell */
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[78]: 9F1191165B2: host mx.example.net[192.0.2.10] said: 450 4.2.0 try again (in reply to RCPT TO command)", &l));
	CHECK(l.postfix);
	CHECK(l.inferred);
	CHECK_SPAN(l.daemon, "smtp");
	CHECK_INT(l.pid, 78);
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[78]: 9F1191165B2: host mx.example.net[192.0.2.10] refused to talk to me: 421 4.7.0 too many connections", &l));
	CHECK_SPAN(l.daemon, "smtp");
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[79]: 9F1191165B2: host mail.example.com[private/dovecot-lmtp] said: 452 4.2.2 <a@example.com> Quota exceeded (in reply to RCPT TO command)", &l));
	CHECK_SPAN(l.daemon, "lmtp");
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[78]: 9F1191165B2: lost connection with mx.example.net[192.0.2.10] while receiving the initial server greeting", &l));
	CHECK_SPAN(l.daemon, "smtp");
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[78]: 9F1191165B2: conversation with mx.example.net[192.0.2.10] timed out while sending end of data -- message may be sent more than once", &l));
	CHECK_SPAN(l.daemon, "smtp");
	/* debug_peer's dialogue: smtpd's peer has no port, smtp's has */
	CHECK(parse(&st, "2026-11-22T11:35:08+0000 mx1 postfix@-.service[80]: < unknown[203.0.113.251]: EHLO ylmf-pc", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK(parse(&st, "2026-11-22T11:35:08+0000 mx1 postfix@-.service[81]: > mx.example.net[192.0.2.10]:25: EHLO mx1.example.com", &l));
	CHECK_SPAN(l.daemon, "smtp");
	/* the TLS handshake's summary: from a client, to a server */
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[80]: Anonymous TLS connection established from unknown[198.51.100.137]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[81]: Verified TLS connection established to mx.example.net[192.0.2.10]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)", &l));
	CHECK_SPAN(l.daemon, "smtp");
	/* look-alikes stay the unnamed Postfix program's */
	static const char *const other[] = {
	    "9F1191165B2: host mx.example.net[192.0.2.10] is fine",
	    "9F1191165B2: host mx.example.net said: 450 4.2.0 no brackets",
	    "host mx.example.net[192.0.2.10] said: 450 4.2.0 no queue ID, nothing after",
	    "9F1191165B2: lost connection with mx.example.net[192.0.2.10]",
	    "< unknown[203.0.113.251] EHLO no colon",
	    "<< unknown[203.0.113.251]: EHLO",
	    "Anonymous TLS connection established from unknown[198.51.100.137]:25: a port on smtpd's",
	    "Anonymous TLS connection established to mx.example.net[192.0.2.10]: no port on smtp's",
	    "Famous TLS connection established from unknown[198.51.100.137]: TLSv1.3",
	};
	char buf[300];
	for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
		snprintf(buf, sizeof buf, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[82]: %s", other[i]);
		CHECK(parse(&st, buf, &l));
		CHECK(l.postfix);
		CHECK(!l.inferred);
		CHECK_SPAN(l.daemon, "postfix");
	}
}

TEST(prefix_unit_other_programs)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	CHECK(parse(&st, "2026-11-22T11:32:03+0000 mx1 dovecot.service[15057]: imap-login: Login: user=<bob>", &l));
	CHECK(!l.postfix);
	CHECK_SPAN(l.daemon, "dovecot");
	CHECK_SPAN(l.prog, "dovecot");
	CHECK(parse(&st, "2026-11-22T11:32:03+0000 mx1 getty@tty1.service[9]: x", &l));
	CHECK(!l.postfix);
	CHECK_SPAN(l.daemon, "getty");
	/* not a unit's name: kept as it is */
	CHECK(parse(&st, "2026-11-22T11:32:03+0000 mx1 @x.service[9]: connect from a[192.0.2.1]", &l));
	CHECK(!l.postfix);
	CHECK_SPAN(l.daemon, "@x.service");
	CHECK(parse(&st, "2026-11-22T11:32:03+0000 mx1 .service[9]: connect from a[192.0.2.1]", &l));
	CHECK(!l.postfix);
	/* a Postfix tag that happens to end so stays the tag's */
	CHECK(parse(&st, "2026-11-22T11:32:03+0000 mx1 postfix/smtpd[9]: connect from a.service[192.0.2.1]", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK(!l.inferred);
}

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
	/* a shape two daemons write (smtp, lmtp): Postfix's, the daemon unnamed */
	CHECK(parse(&st, "2026-11-22T11:36:45+0000 mx1 postfix@-.service[78]: 9F1191165B2: host mx.example.net[192.0.2.10] said: 450 4.2.0 try again (in reply to RCPT TO command)", &l));
	CHECK(l.postfix);
	CHECK(!l.inferred);
	CHECK_SPAN(l.daemon, "postfix");
	CHECK_INT(l.pid, 78);
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

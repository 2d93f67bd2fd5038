/*
 * test_prefix_nethserver.c - NethServer 8's log viewer shape (threads AU
 * 02): "ISO-TIME [NODE:MODULE:postfix/DAEMON] MESSAGE", the module's
 * instance read as the line's host, and the bracketed words that are not
 * that tag.
 */
#include "tap.h"
#include "syslog/prefix.h"

TEST(prefix_nethserver_tag)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	CHECK(syslog_parse(&st, span_of("2025-01-17T12:25:04+01:00 [1:mail1:postfix/lmtp] 56167101856: "
					"to=<m@example.com>, relay=mail.example.com[/var/lib/umail/lmtp], "
					"delay=0.68, delays=0.64/0.01/0.03/0, dsn=5.6.7, status=sent (250 ok)"),
			   &l));
	CHECK(l.postfix);
	CHECK_SPAN(l.daemon, "lmtp");
	CHECK_SPAN(l.host, "mail1");
	CHECK_INT(l.pid, -1);
	CHECK(span_starts(l.text, "56167101856: to=<"));
	CHECK(syslog_parse(&st, span_of("2025-01-17T12:25:04+01:00 [12:smtp3:postfix/submission/smtpd] "
					"connect from a.example.net[198.51.100.7]"),
			   &l));
	CHECK_SPAN(l.service, "submission");
	CHECK_SPAN(l.host, "smtp3");
	/* another program, no module, too long a node number, an empty module */
	CHECK(!syslog_parse(&st, span_of("2025-01-17T12:25:04+01:00 [1:mail1:rspamd] (normal) task"), &l) ||
	      !l.postfix);
	CHECK(!syslog_parse(&st, span_of("2025-01-17T12:25:04+01:00 [1:postfix/smtpd] x"), &l) || !l.postfix);
	CHECK(!syslog_parse(&st, span_of("2025-01-17T12:25:04+01:00 [123456789:m:postfix/smtpd] x"), &l) ||
	      !l.postfix);
	CHECK(!syslog_parse(&st, span_of("2025-01-17T12:25:04+01:00 [1::postfix/smtpd] x"), &l) || !l.postfix);
}

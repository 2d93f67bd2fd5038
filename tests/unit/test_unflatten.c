/*
 * test_unflatten.c - records flattened onto one line by a copy site are
 * cut apart again (unflatten.c): a line of one record, another host's
 * words, a prefix cut short stay whole (test_order.c: only in a short
 * paste, never in a log read as it comes).
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include "feed/unflatten.h"
#include "syslog/prefix.h"

/* pieces - unflatten_split's pieces of line, joined by '|' */
static const char *pieces(const char *line)
{
	static char out[4096];
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	struct span part[8];
	size_t m = unflatten_split(&st, span_of(line), part, 8);
	size_t n = 0;
	out[0] = 0;
	for (size_t i = 0; i < m && n + part[i].n + 2 < sizeof out; i++)
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%.*s", i ? "|" : "", (int)part[i].n,
				      part[i].p);
	return m ? out : "whole";
}

TEST(unflatten_cuts_records_of_one_host)
{
	setenv("TZ", "UTC", 1);
	CHECK_STR(pieces("Sep 19 16:00:16 t7 postfix/smtpd[1309]: connect from a.example.com[192.0.2.1] "
			 "Sep 19 16:00:16 t7 postfix/smtpd[1309]: 34D37115F3A: client=a.example.com[192.0.2.1]  "
			 "Sep  9 16:00:17 t7 spamd[580]: spamd: clean message"),
		  "Sep 19 16:00:16 t7 postfix/smtpd[1309]: connect from a.example.com[192.0.2.1]|"
		  "Sep 19 16:00:16 t7 postfix/smtpd[1309]: 34D37115F3A: client=a.example.com[192.0.2.1]|"
		  "Sep  9 16:00:17 t7 spamd[580]: spamd: clean message");
	CHECK_STR(pieces("2026-03-01T10:00:00.123+00:00 mx postfix/qmgr[2]: 4C3F8: removed "
			 "2026-03-01T10:00:01.000+00:00 mx postfix/smtpd[1]: disconnect from a[192.0.2.1]"),
		  "2026-03-01T10:00:00.123+00:00 mx postfix/qmgr[2]: 4C3F8: removed|"
		  "2026-03-01T10:00:01.000+00:00 mx postfix/smtpd[1]: disconnect from a[192.0.2.1]");
	/* a record cut short before its tag is no record: the line stays whole */
	CHECK_STR(pieces("Sep 19 16:00:16 t7 postfix/qmgr[2]: 4C3F8: removed Sep 19 16:00:16 t7 post"),
		  "whole");
}

TEST(unflatten_leaves_one_record_whole)
{
	setenv("TZ", "UTC", 1);
	/* one record */
	CHECK_STR(pieces("Sep 19 16:00:16 t7 postfix/smtpd[1309]: connect from a.example.com[192.0.2.1]"),
		  "whole");
	/* a time and words of another host: not this log's record */
	CHECK_STR(pieces("Sep 19 16:00:16 t7 postfix/cleanup[5]: 4C3F8: warning: header Subject: "
			 "Sep 19 16:00:16 other postfix/smtpd[1]: login ok"),
		  "whole");
	/* a time and the host, but no tag after it */
	CHECK_STR(pieces("Sep 19 16:00:16 t7 postfix/cleanup[5]: 4C3F8: info: header Subject: "
			 "Sep 19 16:00:16 t7 is down"),
		  "whole");
	/* a prefix cut short at the end of the line: no over-read */
	CHECK_STR(pieces("Sep 19 16:00:16 t7 postfix/qmgr[2]: 4C3F8: removed Sep 19 16:0"), "whole");
	CHECK_STR(pieces("Sep 19 16:00:16 t7 postfix/qmgr[2]: 4C3F8: removed Sep"), "whole");
	CHECK_STR(pieces("no prefix at all Sep 19 16:00:16 t7 postfix/qmgr[2]: 4C3F8: removed"), "whole");
}

TEST(unflatten_cuts_records_without_a_host)
{
	setenv("TZ", "UTC", 1);
	/* threads AO 08: a copy site flattened lines whose prefix has no host */
	CHECK_STR(pieces("Feb 23 11:57:42 postfix/smtpd[32451]: initializing the server-side TLS engine "
			 "Feb 23 11:57:42 postfix/smtpd[32451]: connect from unknown[176.103.49.30] "
			 "Feb 23 11:57:43 postfix/smtpd[32451]: SSL_accept:before/accept initialization"),
		  "Feb 23 11:57:42 postfix/smtpd[32451]: initializing the server-side TLS engine|"
		  "Feb 23 11:57:42 postfix/smtpd[32451]: connect from unknown[176.103.49.30]|"
		  "Feb 23 11:57:43 postfix/smtpd[32451]: SSL_accept:before/accept initialization");
	/* a record with a host inside a line without one: another shape, whole */
	CHECK_STR(pieces("Feb 23 11:57:42 postfix/cleanup[5]: 4C3F8: warning: header Subject: "
			 "Feb 23 11:57:42 t7 postfix/smtpd[1]: login ok"),
		  "whole");
	/* a time followed by a second blank is no prefix */
	CHECK_STR(pieces("Feb 23 11:57:42 postfix/cleanup[5]: 4C3F8: info: header Subject: "
			 "Feb 23 11:57:42  postfix/smtpd[1]: x"),
		  "whole");
	/* cut short after the time: no over-read */
	CHECK_STR(pieces("Feb 23 11:57:42 postfix/qmgr[2]: 4C3F8: removed Feb 23 11:57:42 "), "whole");
	CHECK_STR(pieces("Feb 23 11:57:42 postfix/qmgr[2]: 4C3F8: removed Feb 23 11:57:42"), "whole");
}

/* test_paste_emphasis.c - a Postfix line pasted from an issue tracker
 * with markdown's emphasis kept: around the time alone ("*Jan 26
 * 21:15:20* mx01 ...") and around words of the message ("*from
 * HOST[ADDR]*:", "to=<*a@b*>"): read without the marks, the raw line
 * keeping them (threads AK 07); what Postfix itself writes with '*'
 * (a lookup of "*", masked "***", "<*@domain>") and a log that is no
 * paste stay as they are. */
#include "tap.h"
#include "syslog/prefix.h"

TEST(paste_emphasis_around_time_and_words)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	st.pasted = true;
	const char *line = ">*Jan 26 21:15:20* mx01 postfix-in/cleanup[13053]: BD6731A46C: milter-reject: "
			   "END-OF-MESSAGE *from mail130.example.net[192.0.2.130]*: 4.7.1 Try again later; "
			   "from=<bounce@example.net> to=<*bob@example.org*> proto=ESMTP helo=<mail130.example.net>";
	CHECK(syslog_parse(&st, span_of(line), &l));
	CHECK(l.postfix);
	CHECK_SPAN(l.host, "mx01");
	CHECK_SPAN(l.text, "BD6731A46C: milter-reject: END-OF-MESSAGE from mail130.example.net[192.0.2.130]: "
			   "4.7.1 Try again later; from=<bounce@example.net> to=<bob@example.org> proto=ESMTP "
			   "helo=<mail130.example.net>");
	CHECK(l.unescaped);
	/* bold around the time, a plain message */
	CHECK(syslog_parse(&st, span_of("**Jan 26 21:30:22** mx01 postfix/smtpd[7]: connect from a.example.net[192.0.2.1]"), &l));
	CHECK_SPAN(l.text, "connect from a.example.net[192.0.2.1]");
}

TEST(paste_emphasis_lookalikes_untouched)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	st.pasted = true;
	/* Postfix's own '*': a wildcard lookup, a masked address, "<*@...>" */
	CHECK(syslog_parse(&st, span_of("Jan 26 21:15:20 mx postfix/smtpd[1]: warning: hash:/etc/postfix/access lookup error for \"*\""), &l));
	CHECK(!l.unescaped);
	CHECK(syslog_parse(&st, span_of("Jan 26 21:15:20 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 550 5.1.1 <***@example.org>: Recipient address rejected: *** spam ***; from=<*@example.net> to=<a@example.org> proto=ESMTP helo=<x>"), &l));
	CHECK(!l.unescaped);
	CHECK(span_find(l.text, "<***@example.org>").p != NULL);
	CHECK(span_find(l.text, "*** spam ***").p != NULL);
	CHECK(span_find(l.text, "from=<*@example.net>").p != NULL);
	/* an opening mark that never closes stays */
	CHECK(syslog_parse(&st, span_of("Jan 26 21:15:20 mx postfix/smtpd[1]: warning: *from here on"), &l));
	CHECK(!l.unescaped);
	CHECK_SPAN(l.text, "*from here on");
}

/* a log read as it comes (not a paste) keeps its text */
TEST(paste_emphasis_only_in_a_paste)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	const char *line = "Jan 26 21:15:20 mx postfix/cleanup[1]: A1: milter-reject: END-OF-MESSAGE *from x[192.0.2.1]*: 4.7.1 Try again later";
	CHECK(syslog_parse(&st, span_of(line), &l));
	CHECK(!l.unescaped);
	CHECK(span_find(l.text, "*from x[192.0.2.1]*:").p != NULL);
}

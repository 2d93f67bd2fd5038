/* test_paste_quotes.c - a Postfix line pasted with typographic quotes
 * (a web page, a word processor): its text is read with ASCII quotes,
 * its raw line keeps the paste; another program's line and a text with
 * other UTF-8 are left as they are. */
#include "tap.h"
#include "syslog/prefix.h"

TEST(paste_quotes_apostrophe_read_as_ascii)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	st.pasted = true; /* order.c says so for a paste */
	const char *line = "Sep 25 12:25:41 v6 postfix/cleanup[2292]: warning: milter inet:127.0.0.1:11332: "
			   "can\xE2\x80\x99t read SMFIC_BODYEOB reply packet header: Success";
	CHECK(syslog_parse(&st, span_of(line), &l));
	CHECK(l.postfix);
	CHECK_SPAN(l.text, "milter inet:127.0.0.1:11332: can't read SMFIC_BODYEOB reply packet header: Success");
	CHECK(l.unescaped);
	CHECK_SPAN(l.raw, line);
	/* double quotes, on a pasted line without its tag */
	CHECK(syslog_parse(&st, span_of("warning: hash:/etc/postfix/transport lookup error for \xE2\x80\x9C*\xE2\x80\x9D"), &l));
	CHECK_SPAN(l.text, "hash:/etc/postfix/transport lookup error for \"*\"");
}

TEST(paste_quotes_lookalikes_untouched)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	st.pasted = true;
	/* other UTF-8 (an en dash, a low quote U+201A) stays */
	const char *t = "Sep 25 12:25:41 v6 postfix/smtpd[1]: warning: x \xE2\x80\x93 y \xE2\x80\x9A z";
	CHECK(syslog_parse(&st, span_of(t), &l));
	CHECK(!l.unescaped);
	CHECK_SPAN(l.text, "x \xE2\x80\x93 y \xE2\x80\x9A z");
	/* a cut sequence at the end of the text is no quote */
	CHECK(syslog_parse(&st, span_of("Sep 25 12:25:41 v6 postfix/smtpd[1]: warning: can\xE2\x80"), &l));
	CHECK(!l.unescaped);
	/* another program's line is not Postfix's */
	CHECK(syslog_parse(&st, span_of("Sep 25 12:25:41 v6 rspamd[9]: can\xE2\x80\x99t"), &l));
	CHECK(!l.unescaped);
}

/* a log read as it comes (not a paste) is spared the scan: its text is
 * the line's own */
TEST(paste_quotes_only_in_a_paste)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	const char *line = "Sep 25 12:25:41 v6 postfix/cleanup[2292]: warning: can\xE2\x80\x99t read";
	CHECK(syslog_parse(&st, span_of(line), &l));
	CHECK(!l.unescaped);
	CHECK_SPAN(l.text, "can\xE2\x80\x99t read");
}

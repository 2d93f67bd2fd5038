/*
 * test_annotation.c - a remark an admin wrote after a pasted line
 * (annotation.c) is taken off its text; what Postfix itself writes
 * inside brackets, and a single blank before '#', stay.
 */
#include "tap.h"

#include <string.h>
#include "feed/annotation.h"

/* cut - the line without its remark, from text offset 0 */
static const char *cut(const char *line)
{
	static char out[512];
	size_t n = annotation_cut(span_of(line), 0);
	if (n >= sizeof out)
		n = sizeof out - 1;
	memcpy(out, line, n);
	out[n] = 0;
	return out;
}

TEST(annotation_takes_off_remarks)
{
	/* threads AO: an arrow and a comment in the admin's own language */
	CHECK_STR(cut("warning: unknown[203.0.113.5]: SASL LOGIN authentication failed: UGFzc3dvcmQ6   "
		      "<-- \xe8\xbf\x99\xe9\x87\x8c\xe5\xa4\xb1\xe8\xb4\xa5\xe4\xba\x86"),
		  "warning: unknown[203.0.113.5]: SASL LOGIN authentication failed: UGFzc3dvcmQ6");
	CHECK_STR(cut("NOQUEUE: reject: RCPT from a[192.0.2.1]: 554 5.7.1 Relay access denied; "
		      "from=<a@example.com> to=<x@example.org> proto=ESMTP helo=<a>  # \xd0\xb7\xd0\xb4\xd0\xb5\xd1\x81\xd1\x8c"),
		  "NOQUEUE: reject: RCPT from a[192.0.2.1]: 554 5.7.1 Relay access denied; "
		  "from=<a@example.com> to=<x@example.org> proto=ESMTP helo=<a>");
	CHECK_STR(cut("disconnect from a[192.0.2.1] commands=2/3 \xe2\x86\x90 aqui"),
		  "disconnect from a[192.0.2.1] commands=2/3");
	CHECK_STR(cut("connect from a[192.0.2.1]\t// hier"), "connect from a[192.0.2.1]");
	CHECK_STR(cut("connect from a[192.0.2.1] <=="), "connect from a[192.0.2.1]");
}

TEST(annotation_keeps_postfix_text)
{
	/* inside <...>, [...] and (...): the sender's or the reply's words */
	CHECK_STR(cut("4C3F8: to=<a@b.example>, status=bounced (host x said: 550 no  # here  <-- not)"),
		  "4C3F8: to=<a@b.example>, status=bounced (host x said: 550 no  # here  <-- not)");
	CHECK_STR(cut("4C3F8: warning: header Subject: <--  # x from a[192.0.2.1]; from=<a@b>"),
		  "4C3F8: warning: header Subject: <--  # x from a[192.0.2.1]; from=<a@b>");
	/* one blank before '#' or "//": Postfix's own text */
	CHECK_STR(cut("4C3F8: to=<|/usr/bin/x #1>, relay=local #2 //x"),
		  "4C3F8: to=<|/usr/bin/x #1>, relay=local #2 //x");
	/* an address that starts with '<' after a blank is no arrow */
	CHECK_STR(cut("from=<a@b.example> to=<--x@y.example>"), "from=<a@b.example> to=<--x@y.example>");
	/* a remark alone, and the empty line: kept as they are, no over-read */
	CHECK_STR(cut("<-- hier"), "<-- hier");
	CHECK_STR(cut(""), "");
	CHECK_STR(cut(" <-"), " <-");
	/* unbalanced brackets from the sender's text: nothing is cut */
	CHECK_STR(cut("helo=<a [b (c  <-- x"), "helo=<a [b (c  <-- x");
}

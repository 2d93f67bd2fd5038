/*
 * test_check_action.c - what explain says a header_checks, body_checks,
 * smtp_header_checks or milter action did to the message (threads AU 11,
 * 13): a WARN only logged, a REPLACE rewrote, a REJECT told the client.
 */
#include "progs.h"
#include "report/line_meaning.h"

#include <string.h>

/* meaning - explain's sentence for one line */
static bool meaning_has(const char *line, const char *words)
{
	struct buf b = {0};
	line_meaning(&b, progs_line(line), OWN_NONE);
	buf_putc(&b, 0);
	bool yes = strstr(b.p, words) != NULL;
	buf_free(&b);
	return yes;
}

TEST(check_action_told)
{
	static const struct {
		const char *line, *says;
	} rows[] = {
	    {"May 25 11:59:15 mail4 postfix/cleanup[2185]: D8B07E3DB6: warning: header Subject: hello from "
	     "a.example.net[198.51.100.17]; from=<a@example.net> to=<b@example.com> proto=ESMTP "
	     "helo=<a.example.net>",
	     "a WARN rule only logged this line"},
	    {"Nov 23 20:15:38 elk postfix/smtp[4242]: 4C3F81235: replace: header From: root: From: Cron",
	     "a REPLACE rule rewrote this header"},
	    {"May 25 11:59:15 mail4 postfix/cleanup[2185]: D8B07E3DB6: discard: body spam spam from "
	     "a.example.net[198.51.100.17]; from=<a@example.net> to=<b@example.com> proto=ESMTP "
	     "helo=<a.example.net>",
	     "accepted and thrown away"},
	    {"May 25 11:59:15 mail4 postfix/cleanup[2185]: D8B07E3DB6: hold: header Subject: x from "
	     "a.example.net[198.51.100.17]; from=<a@example.net> to=<b@example.com> proto=ESMTP "
	     "helo=<a.example.net>",
	     "postsuper -H"},
	    {"Jan 19 14:42:50 h postfix/cleanup[3101]: 40C12F39F: milter-reject: END-OF-MESSAGE from "
	     "x.example.net[198.51.100.45]: 5.7.1 refused; from=<a@example.com> to=<b@example.com> "
	     "proto=ESMTP helo=<x>",
	     "the client that sent it is told, with the milter's text"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		CHECK(meaning_has(rows[i].line, rows[i].says));
	/* a warning is no refusal, a refusal no mere logging */
	CHECK(!meaning_has(rows[0].line, "refused"));
	CHECK(!meaning_has(rows[4].line, "only logged"));
}

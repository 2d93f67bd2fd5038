/*
 * test_checks_refused.c - content-checks-refused-real-server (threads
 * BB 06) through the whole front of the pipeline (blame_pipe.h): a
 * header_checks REJECT or a milter's permanent refusal of a named
 * server whose other mail is delivered is said, the server stays
 * legitimate; the same refusal when temporary (a milter's 4.7.1), or of
 * an unnamed stranger known by that message alone, is not
 * (tests/data/variants-families3/145*).
 */
#include "blame_pipe.h"

#define OK_MSG(qid, t)                                                                          \
	"Mar  3 " t " mx postfix/smtpd[100]: connect from mail.example.net[198.51.100.7]",           \
	    "Mar  3 " t " mx postfix/smtpd[100]: " qid ": client=mail.example.net[198.51.100.7]",    \
	    "Mar  3 " t " mx postfix/cleanup[101]: " qid ": message-id=<" qid "@example.net>",      \
	    "Mar  3 " t " mx postfix/qmgr[102]: " qid ": from=<billing@example.net>, size=4200, nrcpt=1 (queue active)", \
	    "Mar  3 " t " mx postfix/smtpd[100]: disconnect from mail.example.net[198.51.100.7] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5", \
	    "Mar  3 " t " mx postfix/local[103]: " qid ": to=<joe@example.org>, relay=local, delay=0.2, delays=0.1/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)", \
	    "Mar  3 " t " mx postfix/qmgr[102]: " qid ": removed"

#define REFUSED(name, ip, what)                                                                  \
	"Mar  3 10:01:01 mx postfix/smtpd[100]: connect from " name "[" ip "]",                      \
	    "Mar  3 10:01:01 mx postfix/smtpd[100]: 5ABC123: client=" name "[" ip "]",              \
	    "Mar  3 10:01:02 mx postfix/cleanup[101]: 5ABC123: " what,                                \
	    "Mar  3 10:01:02 mx postfix/smtpd[100]: disconnect from " name "[" ip "] ehlo=1 mail=1 rcpt=1 data=0/1 quit=1 commands=4/5"

static bool said(const char *const *lines, const char *ip, bool *legit)
{
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	bool got = has_finding(p, F_CHECKS_REFUSED_REAL_SERVER);
	*legit = verdict_of(p, ip) == V_LEGITIMATE;
	pipe_free(p);
	return got;
}

TEST(checks_refused_real_server)
{
	static const char *const header_reject[] = {
	    OK_MSG("3ABC122", "09:58:01"),
	    REFUSED("mail.example.net", "198.51.100.7",
		    "reject: header Subject: Your invoice 2026-03 from mail.example.net[198.51.100.7]; "
		    "from=<billing@example.net> to=<joe@example.org> proto=ESMTP helo=<mail.example.net>: "
		    "5.7.1 Invoices are not accepted here"),
	    NULL};
	static const char *const milter_reject[] = {
	    OK_MSG("3ABC122", "09:58:01"),
	    REFUSED("mail.example.net", "198.51.100.7",
		    "milter-reject: END-OF-MESSAGE from mail.example.net[198.51.100.7]: 5.7.1 Spam message rejected; "
		    "from=<billing@example.net> to=<joe@example.org> proto=ESMTP helo=<mail.example.net>"),
	    NULL};
	static const char *const milter_tempfail[] = {
	    OK_MSG("3ABC122", "09:58:01"),
	    REFUSED("mail.example.net", "198.51.100.7",
		    "milter-reject: END-OF-MESSAGE from mail.example.net[198.51.100.7]: 4.7.1 Try again later; "
		    "from=<billing@example.net> to=<joe@example.org> proto=ESMTP helo=<mail.example.net>"),
	    NULL};
	static const char *const stranger[] = {
	    OK_MSG("3ABC122", "09:58:01"),
	    REFUSED("unknown", "203.0.113.88",
		    "milter-reject: END-OF-MESSAGE from unknown[203.0.113.88]: 5.7.1 Spam message rejected; "
		    "from=<deals@promo.example.com> to=<joe@example.org> proto=ESMTP helo=<promo.example.com>"),
	    NULL};
	bool legit;
	CHECK(said(header_reject, "198.51.100.7", &legit));
	CHECK(legit);
	CHECK(said(milter_reject, "198.51.100.7", &legit));
	CHECK(legit);
	CHECK(!said(milter_tempfail, "198.51.100.7", &legit));
	CHECK(!said(stranger, "203.0.113.88", &legit));
}

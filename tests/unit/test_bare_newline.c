/*
 * test_bare_newline.c - smtpd_forbid_bare_newline's refusals (Postfix 3.9
 * and later: smtpd.c's log_whatsup "reject: WHERE from C: bare <LF>
 * received;") through the whole pipeline: the admin's own client and a
 * logged-in user get own-client-bare-newline, a named public server
 * bare-newline-refuses-servers, neither is spam-rejected; an unnamed
 * stranger gets no finding and stays spam-rejected.  And smtpd's warning
 * "Illegal address syntax from C in X command: A" pasted alone (bare.c).
 */
#include "blame_pipe.h"
#include "syslog/prefix.h"

/* keyed - the diagnosis has a group of id keyed by the client's address */
static bool keyed(const struct pipe *p, enum finding_id id, const char *ip)
{
	const struct diag_group *g = group_with(p, id);
	return g && g->key && !strcmp(g->key, ip) && g->lines == 1;
}

#define CONNECT(pid, c) "Mar  3 10:00:00 mx postfix/smtpd[" pid "]: connect from " c
#define BARE_LF(pid, where, c, tail)                                                             \
	"Mar  3 10:00:01 mx postfix/smtpd[" pid "]: NOQUEUE: reject: " where " from " c           \
	": bare <LF> received; from=<a@example.net> to=<office@example.org> " tail
#define DISCONNECT(pid, c)                                                                       \
	"Mar  3 10:00:01 mx postfix/smtpd[" pid "]: disconnect from " c                           \
	" ehlo=1 mail=1 rcpt=1 data=0/1 commands=3/4"

TEST(bare_newline_own_client)
{
	static const char *const lines[] = {
	    CONNECT("2110", "printer.lan[192.168.1.50]"),
	    BARE_LF("2110", "DATA", "printer.lan[192.168.1.50]", "proto=SMTP helo=<MFP>"),
	    DISCONNECT("2110", "printer.lan[192.168.1.50]"),
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(keyed(p, F_IN_OWN_BARE_LF, "192.168.1.50"));
	CHECK(!has_finding(p, F_IN_OWN_CLIENT_REFUSED));
	CHECK(!has_finding(p, F_IN_BARE_LF_SERVERS));
	CHECK(verdict_of(p, "192.168.1.50") != V_SPAM_REJECTED);
	pipe_free(p);
}

TEST(bare_newline_named_server_not_spam)
{
	static const char *const lines[] = {
	    CONNECT("3101", "mail.partner.example[198.51.100.7]"),
	    BARE_LF("3101", "DATA", "mail.partner.example[198.51.100.7]",
		    "proto=ESMTP helo=<mail.partner.example>"),
	    DISCONNECT("3101", "mail.partner.example[198.51.100.7]"),
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(keyed(p, F_IN_BARE_LF_SERVERS, "198.51.100.7"));
	CHECK(!has_finding(p, F_IN_OWN_BARE_LF));
	CHECK_INT(verdict_of(p, "198.51.100.7"), V_UNKNOWN);
	pipe_free(p);
}

TEST(bare_newline_unnamed_stranger)
{
	static const char *const lines[] = {
	    CONNECT("3102", "unknown[203.0.113.45]"),
	    BARE_LF("3102", "DATA", "unknown[203.0.113.45]", "proto=ESMTP helo=<example.org>"),
	    DISCONNECT("3102", "unknown[203.0.113.45]"),
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(!has_finding(p, F_IN_BARE_LF_SERVERS));
	CHECK(!has_finding(p, F_IN_OWN_BARE_LF));
	CHECK_INT(verdict_of(p, "203.0.113.45"), V_SPAM_REJECTED);
	pipe_free(p);
}

TEST(bare_newline_other_refusal_of_named_server)
{
	/* the same server refused for its content: no bare-newline finding */
	static const char *const lines[] = {
	    CONNECT("3103", "mail.partner.example[198.51.100.7]"),
	    "Mar  3 10:00:01 mx postfix/smtpd[3103]: NOQUEUE: reject: RCPT from "
	    "mail.partner.example[198.51.100.7]: 554 5.7.1 <office@example.org>: Recipient address "
	    "rejected: Access denied; from=<a@example.net> to=<office@example.org> proto=ESMTP "
	    "helo=<mail.partner.example>",
	    DISCONNECT("3103", "mail.partner.example[198.51.100.7]"),
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(!has_finding(p, F_IN_BARE_LF_SERVERS));
	pipe_free(p);
}

static const char *warned(const char *text)
{
	const char *d = syslog_bare_warning_daemon(span_of(text));
	return d ? d : "";
}

TEST(bare_warning_illegal_address_syntax)
{
	/* smtpd.c "Illegal address syntax from %s in %s command: %s" */
	CHECK_STR(warned("Illegal address syntax from mailman[172.19.199.2] in RCPT command: <>"), "smtpd");
	CHECK_STR(warned("Illegal address syntax from unknown[203.0.113.9] in MAIL command: <a b>"),
		  "smtpd");
	/* no NAME[ADDRESS] after "from ", or cut off right after it */
	CHECK_STR(warned("Illegal address syntax from the list in RCPT command: <>"), "");
	CHECK_STR(warned("Illegal address syntax from mailman[172.19.199.2]"), "");
	CHECK_STR(warned("Illegal address syntax from "), "");
	/* the non-SMTP command's colon still required */
	CHECK_STR(warned("non-SMTP command from unknown[203.0.113.9] GET /"), "");
	CHECK_STR(warned("non-SMTP command from unknown[203.0.113.9]: GET /"), "smtpd");
}

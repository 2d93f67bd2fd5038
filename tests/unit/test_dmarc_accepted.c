/*
 * test_dmarc_accepted.c - dmarc-fail-accepted (threads BE 01, 02)
 * through the whole front of the pipeline (blame_pipe.h): OpenDMARC's
 * "JOBID: DOMAIN fail" of a message that was not refused is said, the
 * sending server staying legitimate; the same fail followed by cleanup's
 * refusal or hold "by DMARC policy for" is not; its SPF(mailfrom) line,
 * pass, none, and look-alike texts are never it
 * (tests/data/variants-families3/153*).
 */
#include "blame_pipe.h"

#define ACCEPTED(qid, dom, res)                                                                  \
	"Dec 12 18:58:48 mail postfix/smtpd[200]: connect from m42-5.mailgun.net[69.72.42.5]",      \
	    "Dec 12 18:58:48 mail postfix/smtpd[200]: " qid ": client=m42-5.mailgun.net[69.72.42.5]", \
	    "Dec 12 18:58:48 mail postfix/cleanup[201]: " qid ": message-id=<" qid "@mg.example.net>", \
	    "Dec 12 18:58:48 mail opendmarc[466]: " qid ": SPF(mailfrom): mg.example.net pass",        \
	    "Dec 12 18:58:48 mail opendmarc[466]: " qid ": " dom " " res

#define DELIVERED(qid)                                                                           \
	"Dec 12 18:58:49 mail postfix/qmgr[202]: " qid ": from=<bounce@mg.example.net>, size=1616, nrcpt=1 (queue active)", \
	    "Dec 12 18:58:49 mail postfix/virtual[203]: " qid ": to=<ceo@example.org>, relay=virtual, delay=0.9, delays=0.8/0/0/0.01, dsn=2.0.0, status=sent (delivered to maildir)", \
	    "Dec 12 18:58:49 mail postfix/qmgr[202]: " qid ": removed"

#define REFUSED(qid, dom)                                                                        \
	"Dec 12 18:58:48 mail postfix/cleanup[201]: " qid ": milter-reject: END-OF-MESSAGE from m42-5.mailgun.net[69.72.42.5]: 5.7.1 rejected by DMARC policy for " dom "; from=<bounce@mg.example.net> to=<ceo@example.org> proto=ESMTP helo=<m42-5.mailgun.net>"

/* said - the lines' diagnosis holds dmarc-fail-accepted; the client's verdict */
static bool said(const char *const *lines, bool *legit, bool *subject_ibm)
{
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	const struct diag_group *g = group_with(p, F_IN_DMARC_ACCEPTED);
	*legit = verdict_of(p, "69.72.42.5") == V_LEGITIMATE;
	*subject_ibm = g && strset_has(&g->subjects, span_of("ibm.com"));
	pipe_free(p);
	return g != NULL;
}

TEST(dmarc_fail_accepted_said)
{
	static const char *const delivered[] = {ACCEPTED("A1B2C3", "IBM.com", "fail"), DELIVERED("A1B2C3"), NULL};
	/* the paste of threads BE 02: no line after OpenDMARC's */
	static const char *const cut[] = {ACCEPTED("A1B2C3", "ibm.com", "fail"), NULL};
	bool legit, ibm;
	CHECK(said(delivered, &legit, &ibm));
	CHECK(legit);
	CHECK(ibm);
	CHECK(said(cut, &legit, &ibm));
	CHECK(ibm);
}

TEST(dmarc_fail_refused_not_said)
{
	static const char *const refused[] = {ACCEPTED("A1B2C3", "ibm.com", "fail"), REFUSED("A1B2C3", "ibm.com"), NULL};
	static const char *const held[] = {
	    ACCEPTED("A1B2C3", "ibm.com", "fail"),
	    "Dec 12 18:58:48 mail postfix/cleanup[201]: A1B2C3: milter-hold: END-OF-MESSAGE from m42-5.mailgun.net[69.72.42.5]: quarantined by DMARC policy for ibm.com; from=<bounce@mg.example.net> to=<ceo@example.org> proto=ESMTP helo=<m42-5.mailgun.net>",
	    NULL};
	/* two failures, one refused: the other was accepted */
	static const char *const one_of_two[] = {
	    ACCEPTED("A1B2C3", "ibm.com", "fail"), REFUSED("A1B2C3", "ibm.com"),
	    ACCEPTED("D4E5F6", "ibm.com", "fail"), DELIVERED("D4E5F6"), NULL};
	bool legit, ibm;
	CHECK(!said(refused, &legit, &ibm));
	CHECK(!said(held, &legit, &ibm));
	CHECK(said(one_of_two, &legit, &ibm));
}

TEST(dmarc_fail_look_alikes)
{
	static const char *const pass[] = {ACCEPTED("A1B2C3", "ibm.com", "pass"), DELIVERED("A1B2C3"), NULL};
	static const char *const none[] = {ACCEPTED("A1B2C3", "ibm.com", "none"), DELIVERED("A1B2C3"), NULL};
	/* the SPF line's own "fail", a domain without a dot, a blank, a
	 * too long job ID, and another program's line */
	static const char *const others[] = {
	    "Dec 12 18:58:48 mail opendmarc[466]: A1B2C3: SPF(mailfrom): badspf.com fail",
	    "Dec 12 18:58:48 mail opendmarc[466]: A1B2C3: localhost fail",
	    "Dec 12 18:58:48 mail opendmarc[466]: A1B2C3: ibm .com fail",
	    "Dec 12 18:58:48 mail opendmarc[466]: A1B2C3: fail",
	    "Dec 12 18:58:48 mail opendmarc[466]: 0123456789012345678901234567890123456789012345678901234567890123456789: ibm.com fail",
	    "Dec 12 18:58:48 mail opendkim[457]: A1B2C3: ibm.com fail",
	    NULL};
	/* a refusal whose "by DMARC policy for" is only in the sender's
	 * address does not take the failure back */
	static const char *const quoted[] = {
	    ACCEPTED("A1B2C3", "ibm.com", "fail"),
	    "Dec 12 18:58:48 mail postfix/cleanup[201]: D4E5F6: milter-reject: END-OF-MESSAGE from h.example.net[192.0.2.9]: 5.7.1 Spam; from=<\"by DMARC policy for x\"@example.net> to=<ceo@example.org> proto=ESMTP helo=<h.example.net>",
	    NULL};
	bool legit, ibm;
	CHECK(!said(pass, &legit, &ibm));
	CHECK(legit);
	CHECK(!said(none, &legit, &ibm));
	CHECK(!said(others, &legit, &ibm));
	CHECK(said(quoted, &legit, &ibm));
}

/*
 * test_diagnose_families3_apps.c - the shapes read off applications' and
 * cloud hosts' threads (tests/data/variants-families3/40*..43*): a recipient refused
 * because it resolves to the error transport (its next hop as the reply's
 * text), with look-alikes that must not give it; a submission service's
 * "Access denied" at CONNECT (no client can have logged in yet); and
 * metalog's "[postfix/smtpd]" tag after the time.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"
#include "syslog/prefix.h"

#include <string.h>

static const struct {
	const char *line, *finding, *key; /* finding NULL: not outside-mail-error-transport */
} error_transport_cases[] = {
    /* the relay host as the next hop, bracketed with a port */
    {"Jul 12 18:47:22 mx postfix/smtpd[4811]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 550 5.1.1 <bob@example.org>: Recipient address rejected: [smtp.example.net]:587; from=<app@example.com> to=<bob@example.org> proto=ESMTP helo=<app.example.com>",
     "outside-mail-error-transport", "[smtp.example.net]:587"},
    /* no relay host: the recipient's own domain, in another case */
    {"Jul 12 18:48:01 mx postfix/smtpd[4812]: NOQUEUE: reject: RCPT from unknown[192.168.1.20]: 550 5.1.1 <carol@Example.NET>: Recipient address rejected: example.net; from=<cron@example.com> to=<carol@Example.NET> proto=ESMTP helo=<web01.example.com>",
     "outside-mail-error-transport", "example.net"},
    /* a relay host unbracketed, with a port */
    {"Jul 12 18:49:10 mx postfix/smtpd[4813]: NOQUEUE: reject: RCPT from localhost[::1]: 550 5.1.1 <dan@example.org>: Recipient address rejected: relay.example.net:2525; from=<app@example.com> to=<dan@example.org> proto=ESMTP helo=<localhost>",
     "outside-mail-error-transport", "relay.example.net:2525"},
    /* look-alikes: a recipient table's words, an access table's, a
     * domain other than the recipient's without a port, no 5.1.1 */
    {"Jul 12 18:50:00 mx postfix/smtpd[4814]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<a@example.net> to=<nobody@example.com> proto=ESMTP helo=<example.net>",
     NULL, NULL},
    {"Jul 12 18:50:01 mx postfix/smtpd[4815]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <info@example.com>: Recipient address rejected: Access denied; from=<a@example.net> to=<info@example.com> proto=ESMTP helo=<example.net>",
     NULL, NULL},
    {"Jul 12 18:50:02 mx postfix/smtpd[4816]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 550 5.1.1 <info@example.com>: Recipient address rejected: example.org; from=<a@example.net> to=<info@example.com> proto=ESMTP helo=<example.net>",
     NULL, NULL},
    {"Jul 12 18:50:03 mx postfix/smtpd[4817]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <info@example.org>: Recipient address rejected: [smtp.example.net]:587; from=<a@example.net> to=<info@example.org> proto=ESMTP helo=<example.net>",
     NULL, NULL},
    {"Jul 12 18:50:04 mx postfix/smtpd[4818]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 550 5.1.1 <info@example.org>: Recipient address rejected: [smtp.example.net]:abc; from=<a@example.net> to=<info@example.org> proto=ESMTP helo=<example.net>",
     NULL, NULL},
};

TEST(diagnose_error_transport_rule)
{
	for (size_t i = 0; i < sizeof error_transport_cases / sizeof error_transport_cases[0]; i++) {
		const struct event *ev = progs_line(error_transport_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (!error_transport_cases[i].finding) {
			if (!strcmp(id, "outside-mail-error-transport"))
				test_fail(__FILE__, __LINE__, "case %zu: look-alike gave %s", i, id);
			continue;
		}
		if (strcmp(id, error_transport_cases[i].finding) || strcmp(hit.key, error_transport_cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", error_transport_cases[i].finding, error_transport_cases[i].key);
	}
}

/* a NUL byte inside the next hop (and the recipient's domain, so that
 * a compare that stops at the NUL would call them equal) is no host
 * name: strchr finds the set's own terminator for a NUL */
TEST(diagnose_error_transport_nul_in_hop)
{
	static const char line[] =
	    "Jul 12 18:48:01 mx postfix/smtpd[4812]: NOQUEUE: reject: RCPT from unknown[192.168.1.20]: 550 5.1.1 "
	    "<carol@exa#mple.net>: Recipient address rejected: exa#mple.net; from=<cron@example.com> "
	    "to=<carol@exa#mple.net> proto=ESMTP helo=<web01.example.com>";
	static char buf[sizeof line];
	memcpy(buf, line, sizeof line);
	for (size_t i = 0; i + 1 < sizeof buf; i++)
		if (buf[i] == '#')
			buf[i] = 0;
	struct syslog_state st;
	struct logline l;
	struct event ev;
	syslog_state_init(&st, 2026, 0);
	CHECK(syslog_parse(&st, span_make(buf, sizeof line - 1), &l));
	parse_line(&l, &ev);
	struct diag_hit hit;
	bool got = diag_classify(&ev, &hit);
	CHECK(!got || strcmp(finding_id(hit.id), "outside-mail-error-transport"));
	/* the same line without the NUL is the finding */
	const struct event *plain = progs_line(
	    "Jul 12 18:48:01 mx postfix/smtpd[4812]: NOQUEUE: reject: RCPT from unknown[192.168.1.20]: 550 5.1.1 "
	    "<carol@example.net>: Recipient address rejected: example.net; from=<cron@example.com> "
	    "to=<carol@example.net> proto=ESMTP helo=<web01.example.com>");
	CHECK(diag_classify(plain, &hit) && !strcmp(finding_id(hit.id), "outside-mail-error-transport"));
}

TEST(diagnose_submission_connect_stage)
{
	/* at CONNECT nobody has logged in: not a device that forgot its login */
	const struct event *ev = progs_line(
	    "Jul  6 08:44:10 mx postfix/smtps/smtpd[598]: NOQUEUE: reject: CONNECT from unknown[192.168.0.1]: 554 5.7.1 <unknown[192.168.0.1]>: Client host rejected: Access denied; proto=SMTP");
	struct diag_hit hit;
	bool got = diag_classify(ev, &hit);
	CHECK(!got || strcmp(finding_id(hit.id), "submission-login-required"));
	/* at RCPT it still is */
	ev = progs_line(
	    "Jul  6 08:45:10 mx postfix/smtps/smtpd[599]: NOQUEUE: reject: RCPT from unknown[192.168.0.1]: 554 5.7.1 <unknown[192.168.0.1]>: Client host rejected: Access denied; from=<a@example.com> to=<b@example.org> proto=ESMTP helo=<pc>");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "submission-login-required");
}

TEST(prefix_metalog_tag)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	CHECK(syslog_parse(&st, span_of("Apr 19 14:17:37 [postfix/smtpd] connect from mta1.example.net[198.51.100.7]"), &l));
	CHECK_SPAN(l.prog, "postfix/smtpd");
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_INT(l.pid, -1);
	CHECK(l.postfix);
	CHECK_INT(l.host.n, 0);
	CHECK_SPAN(l.text, "connect from mta1.example.net[198.51.100.7]");
	CHECK(syslog_parse(&st, span_of("Apr 19 14:17:38 [postfix/submission/smtpd] warning: hostname x does not resolve"), &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.service, "submission");
	CHECK_SPAN(l.severity, "warning");
	/* another program's, a level word, an odd bracket: not a Postfix tag */
	CHECK(!syslog_parse(&st, span_of("Apr 19 14:17:39 [cron] (root) CMD (run-parts)"), &l) || !l.postfix);
	CHECK(!syslog_parse(&st, span_of("Apr 19 14:17:39 [info] postfix/smtpd is fine"), &l) || !l.postfix);
	CHECK(!syslog_parse(&st, span_of("Apr 19 14:17:39 [postfix/smtpd"), &l) || !l.postfix);
	CHECK(!syslog_parse(&st, span_of("Apr 19 14:17:39 [x/smtpd]"), &l) || !span_eqs(l.daemon, "smtpd") || l.host.n);
}

TEST(diagnose_relay_no_usable_mechanism)
{
	struct diag_hit hit;
	const struct event *ev = progs_line(
	    "Mar  2 10:00:02 web postfix/smtp[2103]: 3F1A2B3C4D: to=<bob@example.org>, relay=smtp.example.net[192.0.2.25]:25, delay=1.2, delays=0.1/0/1.1/0, dsn=4.7.0, status=deferred (SASL authentication failed: server smtp.example.net[192.0.2.25] offered no compatible authentication mechanisms for this type of connection security)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "relayhost-no-usable-mechanism");
	CHECK_STR(hit.key, "smtp.example.net");
	ev = progs_line("Mar  2 10:00:02 web postfix/smtp[2103]: warning: smtp.example.net[192.0.2.25]:25 offered no supported AUTH mechanisms: 'CRAM-MD5 DIGEST-MD5'");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "relayhost-no-usable-mechanism");
	/* the SASL library's own failure, and the relay's refusal of the
	 * password, are not it */
	ev = progs_line(
	    "Feb 15 22:53:46 mx postfix/smtp[39474]: BBFC982148: to=<carol@example.org>, relay=smtp-relay.example.net[198.51.100.30]:587, delay=402, delays=401/0.18/1.4/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server smtp-relay.example.net[198.51.100.30]: no mechanism available)");
	CHECK(diag_classify(ev, &hit));
	CHECK_STR(finding_id(hit.id), "relayhost-sasl-failed");
	ev = progs_line(
	    "Feb 15 22:53:46 mx postfix/smtp[39475]: BBFC982149: to=<carol@example.org>, relay=smtp-relay.example.net[198.51.100.30]:587, delay=2, delays=1/0/1/0, dsn=4.7.3, status=deferred (SASL authentication failed; server smtp-relay.example.net[198.51.100.30] said: 535 5.7.3 Authentication unsuccessful)");
	CHECK(diag_classify(ev, &hit));
	CHECK(strcmp(finding_id(hit.id), "relayhost-no-usable-mechanism"));
}

/* threads AO 04: "Trusted TLS connection established", then "Server
 * certificate not verified" is a match= the policy asks for, or, under
 * DANE, a TLSA record the certificate fails: the words name both, and the
 * destination as the one to fix in the second case */
TEST(diagnose_tls_name_finding_names_dane)
{
	const struct finding_prose *p = finding_prose_en(F_OUT_TLS_NAME);
	CHECK(p->fix && strstr(p->fix, "match=") != NULL);
	CHECK(p->caveat && strstr(p->caveat, "TLSA record") != NULL);
	CHECK(p->caveat && strstr(p->caveat, "the destination must fix it") != NULL);
	/* the side stays this server's: the lines alone do not tell DANE */
	CHECK(finding_side(F_OUT_TLS_NAME) == SIDE_CONFIG);
	CHECK(finding_prose_en(F_OUT_TLS_UNVERIFIED)->caveat == NULL || !strstr(finding_prose_en(F_OUT_TLS_UNVERIFIED)->caveat, "TLSA record"));
}

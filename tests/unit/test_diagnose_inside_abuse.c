/*
 * test_diagnose_inside_abuse.c - the rules read off threads of abuse from
 * inside and its traces (tests/data/variants-families3/63*, 64*, 66*):
 * a remote server's "due to user complaints", a program of the admin's
 * refused "not logged in", a login refused its own address; each with
 * look-alikes that must not give it.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

static const struct {
	const char *line, *finding, *key; /* key NULL: not checked */
	bool not;                         /* the finding must NOT be given */
} inside_cases[] = {
    /* Yahoo's TSS04 complaints: this server's own sending */
    {"Mar  3 02:10:14 mx postfix/smtp[4103]: 3F1A2B0C11: to=<k@yahoo.com>, relay=mta5.am0.yahoodns.net[203.0.113.5]:25, delay=2, delays=0.2/0/1.5/0.3, dsn=4.7.0, status=deferred (host mta5.am0.yahoodns.net[203.0.113.5] said: 421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html (in reply to MAIL FROM command))",
     "outbound-spam-complaints", NULL, false},
    /* the later wording names volume too: reputation, not complaints */
    {"Mar  3 09:00:01 mx postfix/smtp[5101]: 4B2C3D0E22: to=<r@yahoo.com>, relay=mta6.am0.yahoodns.net[203.0.113.7]:25, delay=1.1, delays=0.1/0/0.7/0.3, dsn=4.7.0, status=deferred (host mta6.am0.yahoodns.net[203.0.113.7] said: 421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))",
     "outbound-ip-reputation", NULL, false},
    /* a container of the admin's, not logged in */
    {"Apr  2 08:15:01 mail postfix/smtpd[2201]: NOQUEUE: reject: RCPT from unknown[172.20.0.7]: 553 5.7.1 <noreply@example.com>: Sender address rejected: not logged in; from=<noreply@example.com> to=<customer@example.net> proto=ESMTP helo=<app.example.com>",
     "own-client-login-required", "172.20.0.7", false},
    /* a webmail on this host: its settings are this server's */
    {"Feb 27 21:15:33 mail postfix/smtpd[3101]: NOQUEUE: reject: RCPT from localhost[::1]: 553 5.7.1 <bob@example.com>: Sender address rejected: not logged in; from=<bob@example.com> to=<carol@example.net> proto=ESMTP helo=<mail.example.com>",
     "local-program-login-required", "::1", false},
    {"Feb 27 21:15:34 mail postfix/smtpd[3102]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 553 5.7.1 <bob@example.com>: Sender address rejected: not logged in; from=<bob@example.com> to=<carol@example.net> proto=ESMTP helo=<mail.example.com>",
     "local-program-login-required", "127.0.0.1", false},
    /* a private address is not this host */
    {"Apr  2 08:15:02 mail postfix/smtpd[2202]: NOQUEUE: reject: RCPT from unknown[172.20.0.8]: 553 5.7.1 <noreply@example.com>: Sender address rejected: not logged in; from=<noreply@example.com> to=<customer@example.net> proto=ESMTP helo=<app.example.com>",
     "local-program-login-required", NULL, true},
    /* the submission service, any address */
    {"Apr  2 12:30:01 mail postfix/submission/smtpd[3401]: NOQUEUE: reject: RCPT from crm.example.org[198.51.100.60]: 553 5.7.1 <crm@example.com>: Sender address rejected: not logged in; from=<crm@example.com> to=<lead@example.net> proto=ESMTP helo=<crm.example.org>",
     "own-client-login-required", "198.51.100.60", false},
    /* a stranger on port 25 forging a user: the check working */
    {"Apr  2 11:02:11 mail postfix/smtpd[3301]: NOQUEUE: reject: RCPT from unknown[203.0.113.140]: 553 5.7.1 <ceo@example.com>: Sender address rejected: not logged in; from=<ceo@example.com> to=<ceo@example.com> proto=ESMTP helo=<WIN-3JK2L1>",
     "own-client-login-required", NULL, true},
    /* a login refused its own address: the map, keyed by the login */
    {"Jun  9 10:00:01 mail postfix/submission/smtpd[5501]: NOQUEUE: reject: RCPT from unknown[198.51.100.31]: 553 5.7.1 <Anna@Example.com>: Sender address rejected: not owned by user anna@example.com; from=<Anna@Example.com> to=<bo@example.net> proto=ESMTP helo=<[198.51.100.31]>",
     "sender-login-map-misses-own-address", "anna@example.com", false},
    /* another login than the sender: the ordinary mismatch */
    {"Jun  9 10:00:02 mail postfix/submission/smtpd[5502]: NOQUEUE: reject: RCPT from unknown[198.51.100.31]: 553 5.7.1 <support@example.com>: Sender address rejected: not owned by user anna@example.com; from=<support@example.com> to=<bo@example.net> proto=ESMTP helo=<[198.51.100.31]>",
     "sender-login-mismatch", "anna@example.com", false},
    /* a login that only begins like the sender */
    {"Jun  9 10:00:03 mail postfix/submission/smtpd[5503]: NOQUEUE: reject: RCPT from unknown[198.51.100.31]: 553 5.7.1 <anna@example.com>: Sender address rejected: not owned by user anna@example.com.evil; from=<anna@example.com> to=<bo@example.net> proto=ESMTP helo=<[198.51.100.31]>",
     "sender-login-map-misses-own-address", NULL, true},
};

TEST(diagnose_inside_abuse_rules)
{
	for (size_t i = 0; i < sizeof inside_cases / sizeof inside_cases[0]; i++) {
		const struct event *ev = progs_line(inside_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (inside_cases[i].not) {
			if (!strcmp(id, inside_cases[i].finding))
				test_fail(__FILE__, __LINE__, "case %zu: look-alike gave %s", i, id);
			continue;
		}
		if (strcmp(id, inside_cases[i].finding) ||
		    (inside_cases[i].key && strcmp(hit.key, inside_cases[i].key)))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", inside_cases[i].finding,
				  inside_cases[i].key ? inside_cases[i].key : "");
	}
}

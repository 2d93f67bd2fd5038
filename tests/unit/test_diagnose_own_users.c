/*
 * test_diagnose_own_users.c - the rules about the admin's own users and
 * their devices (tests/data/variants-families2/90*, 91*): a submission
 * service's bare "Access denied" to a client that did not log in, with
 * look-alikes that must not give it (port 25's access table refusal,
 * relaying refused on the submission port, a login that owns no sender);
 * a message's own lines logged as non-SMTP commands of such a client; a
 * device's own sender domain that does not exist (nas.lan, root@web01).
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

static const struct {
	const char *line, *finding, *key; /* finding NULL: not submission-login-required */
} own_cases[] = {
    {"Jun  2 09:14:07 mx postfix/submission/smtpd[4120]: NOQUEUE: reject: RCPT from unknown[198.51.100.23]: 554 5.7.1 <unknown[198.51.100.23]>: Client host rejected: Access denied; from=<scanner@example.com> to=<office@example.com> proto=ESMTP helo=<NPI3A2B1C>",
     "submission-login-required", "submission"},
    {"Jun  2 09:20:11 mx postfix/smtps/smtpd[4188]: NOQUEUE: reject: RCPT from phone.example.net[203.0.113.77]: 554 5.7.1 <anna@example.com>: Sender address rejected: Access denied; from=<anna@example.com> to=<bob@example.org> proto=ESMTP helo=<[192.168.1.20]>",
     "submission-login-required", "smtps"},
    {"Jun  2 09:21:40 mx postfix-out/submission/smtpd[4190]: NOQUEUE: reject: RCPT from unknown[192.0.2.14]: 554 5.7.1 <bob@example.org>: Recipient address rejected: Access denied; from=<nas@example.com> to=<bob@example.org> proto=ESMTP helo=<nas>",
     "submission-login-required", "submission"},
    /* port 25: an access table's REJECT of a stranger, no submission */
    {"Jun  2 09:30:02 mx postfix/smtpd[4201]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <unknown[203.0.113.9]>: Client host rejected: Access denied; from=<a@example.net> to=<office@example.com> proto=ESMTP helo=<example.net>",
     NULL, NULL},
    {"Jun  2 09:30:02 mx postfix/smtp/smtpd[4202]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <unknown[203.0.113.9]>: Client host rejected: Access denied; from=<a@example.net> to=<office@example.com> proto=ESMTP helo=<example.net>",
     NULL, NULL},
    /* relaying refused on the submission port has its own rows */
    {"Jun  2 09:31:12 mx postfix/submission/smtpd[4203]: NOQUEUE: reject: RCPT from unknown[203.0.113.10]: 554 5.7.1 <x@example.org>: Relay access denied; from=<a@example.net> to=<x@example.org> proto=ESMTP helo=<example.net>",
     NULL, NULL},
    /* a message's lines sent as commands: the own network's or a
     * submission client's program (keyed by the client) */
    {"Jun  3 02:00:01 mx postfix/submission/smtpd[5101]: warning: non-SMTP command from app.internal[203.0.113.5]: Subject: Nightly report",
     "own-client-protocol-error", "203.0.113.5"},
    {"Jun  3 02:10:00 mx postfix/smtpd[5110]: warning: non-SMTP command from nas.lan[192.168.1.30]: MIME-Version: 1.0",
     "own-client-protocol-error", "192.168.1.30"},
    /* a stranger on port 25, and a scanner's HTTP from the LAN: no */
    {"Jun  3 04:05:01 mx postfix/smtpd[5210]: warning: non-SMTP command from unknown[198.51.100.66]: To: office@example.com",
     NULL, NULL},
    {"Jun  3 04:05:01 mx postfix/smtpd[5211]: warning: non-SMTP command from unknown[192.168.1.31]: GET / HTTP/1.1",
     NULL, NULL},
    /* a device's own sender domain that does not exist, or is none */
    {"Jun  5 03:00:01 mx postfix/smtpd[7101]: NOQUEUE: reject: RCPT from nas.lan[192.168.1.30]: 450 4.1.8 <admin@NAS.lan>: Sender address rejected: Domain not found; from=<admin@NAS.lan> to=<it@example.com> proto=ESMTP helo=<nas>",
     "own-client-sender-domain-unknown", "nas.lan"},
    {"Jun  5 04:00:02 mx postfix/smtpd[7110]: NOQUEUE: reject: RCPT from localhost[127.0.0.1]: 504 5.5.2 <root@web01>: Sender address rejected: need fully-qualified address; from=<root@web01> to=<it@example.com> proto=ESMTP helo=<web01>",
     "own-client-sender-domain-unknown", "web01"},
    {"Jun  5 04:10:01 mx postfix/submission/smtpd[7120]: NOQUEUE: reject: RCPT from unknown[203.0.113.40]: 450 4.1.8 <anna@localhost.localdomain>: Sender address rejected: Domain not found; from=<anna@localhost.localdomain> to=<bob@example.org> proto=ESMTP helo=<[192.168.1.20]>",
     "own-client-sender-domain-unknown", "localhost.localdomain"},
    /* a stranger's bogus domain on port 25; gmail.com from the LAN */
    {"Jun  5 05:00:01 mx postfix/smtpd[7201]: NOQUEUE: reject: RCPT from unknown[198.51.100.80]: 450 4.1.8 <promo@offers-example.invalid>: Sender address rejected: Domain not found; from=<promo@offers-example.invalid> to=<it@example.com> proto=ESMTP helo=<offers-example.invalid>",
     NULL, NULL},
    {"Jun  5 05:20:00 mx postfix/smtpd[7220]: NOQUEUE: reject: RCPT from pc7.lan[192.168.1.77]: 450 4.1.8 <someone@gmail.com>: Sender address rejected: Domain not found; from=<someone@gmail.com> to=<it@example.com> proto=ESMTP helo=<pc7.lan>",
     NULL, NULL},
    /* a login that owns no sender is the sender login map's */
    {"Jun  2 09:32:00 mx postfix/submission/smtpd[4204]: NOQUEUE: reject: RCPT from unknown[203.0.113.40]: 553 5.7.1 <info@example.com>: Sender address rejected: not owned by user anna@example.com; from=<info@example.com> to=<bob@example.org> proto=ESMTP helo=<[10.0.0.5]>",
     "sender-login-mismatch", NULL},
};

TEST(diagnose_own_users_rules)
{
	for (size_t i = 0; i < sizeof own_cases / sizeof own_cases[0]; i++) {
		const struct event *ev = progs_line(own_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (!own_cases[i].finding) {
			if (!strcmp(id, "submission-login-required") || !strcmp(id, "own-client-protocol-error") ||
			    !strcmp(id, "own-client-sender-domain-unknown"))
				test_fail(__FILE__, __LINE__, "case %zu: look-alike gave %s", i, id);
			continue;
		}
		if (strcmp(id, own_cases[i].finding) || (own_cases[i].key && strcmp(hit.key, own_cases[i].key)))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", own_cases[i].finding, own_cases[i].key ? own_cases[i].key : "");
	}
}

TEST(message_header_command)
{
	static const struct {
		const char *cmd;
		bool header;
	} h[] = {
	    {"To: abcd@example.com", true}, {"SUBJECT: ESXi Backup Report", true},
	    {"mime-version: 1.0", true},    {"X-Mailer: PHPMailer", true},
	    {"Host: mx.example.com", false}, {"GET / HTTP/1.1", false},
	    {"To", false},		     {"Toaster: 1", false},
	    {".", false},		     {"", false},
	};
	for (size_t i = 0; i < sizeof h / sizeof h[0]; i++)
		CHECK(ev_message_header(span_of(h[i].cmd)) == h[i].header);
}

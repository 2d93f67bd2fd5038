/*
 * test_system_account.c - mail to an account of this host's own programs
 * (root, amavis, clamav...) that this server's delivery does not know is
 * system-account-unknown, keyed by the account (rules.c system_account);
 * the look-alikes stay local-user-unknown or lmtp-user-unknown: a name
 * that only begins like one, "nobody" (a name for an address that does
 * not exist), a remote server's unknown root, a temporary failure.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

static const struct {
	const char *line, *finding, *key;
} sys_cases[] = {
    {"Apr  7 06:25:01 mx postfix/lmtp[2215]: 3F1A2B4C5D: to=<root@example.com>, orig_to=<root>, relay=mx.example.com[private/dovecot-lmtp], delay=0.05, delays=0.02/0.01/0.01/0.01, dsn=5.1.1, status=bounced (host mx.example.com[private/dovecot-lmtp] said: 550 5.1.1 <root@example.com> User doesn't exist: root@example.com (in reply to RCPT TO command))",
     "system-account-unknown", "root"},
    {"Apr  7 06:30:12 mx postfix/virtual[2230]: 5B3C4D6E7F: to=<Amavis@example.com>, relay=virtual, delay=0.03, delays=0.01/0.01/0/0.01, dsn=5.1.1, status=bounced (unknown user: \"Amavis@example.com\")",
     "system-account-unknown", "amavis"},
    {"Apr  7 06:31:00 mx postfix/local[2231]: 6C4D5E7F81: to=<clamav@mx.example.com>, relay=local, delay=0.02, delays=0.01/0/0/0.01, dsn=5.1.1, status=bounced (unknown user: \"clamav\")",
     "system-account-unknown", "clamav"},
    /* look-alikes */
    {"Apr  7 09:10:03 mx postfix/lmtp[3306]: 7D5E6F8091: to=<rooter@example.com>, relay=mx.example.com[private/dovecot-lmtp], delay=0.06, delays=0.03/0.01/0.01/0.01, dsn=5.1.1, status=bounced (host mx.example.com[private/dovecot-lmtp] said: 550 5.1.1 <rooter@example.com> User doesn't exist: rooter@example.com (in reply to RCPT TO command))",
     "lmtp-user-unknown", NULL},
    {"Apr  7 09:12:00 mx postfix/local[3310]: 7D5E6F8092: to=<nobody@mx.example.com>, relay=local, delay=0.02, delays=0.01/0/0/0.01, dsn=5.1.1, status=bounced (unknown user: \"nobody\")",
     "local-user-unknown", "local"},
    {"Apr  7 09:13:00 mx postfix/smtp[3311]: 7D5E6F8093: to=<root@example.org>, relay=mx.example.org[203.0.113.25]:25, delay=1, delays=0.1/0.01/0.5/0.4, dsn=5.1.1, status=bounced (host mx.example.org[203.0.113.25] said: 550 5.1.1 <root@example.org>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command))",
     "outbound-user-unknown", NULL},
};

TEST(diagnose_system_account_unknown)
{
	for (size_t i = 0; i < sizeof sys_cases / sizeof sys_cases[0]; i++) {
		const struct event *ev = progs_line(sys_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (strcmp(id, sys_cases[i].finding) || (sys_cases[i].key && strcmp(hit.key, sys_cases[i].key)))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", sys_cases[i].finding, sys_cases[i].key ? sys_cases[i].key : "");
	}
}

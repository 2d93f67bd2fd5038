/*
 * test_diagnose_limits.c - the limits read off queue-and-resource threads
 * (tests/data/variants-families3/87*..89*): a remote server's 452 4.5.3 to
 * RCPT TO (recipients per transaction, kept for a later one) apart from a
 * rate limit and a 5xx refusal; one recipient's receiving rate apart from
 * this server's sending rate; a mailbox limit below message_size_limit
 * (local's and virtual's fatal) apart from other fatals.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

#include <string.h>

static const struct {
	const char *line, *finding, *key; /* finding "": no finding at all */
} limit_cases[] = {
    /* the SMTP client's own line, kept recipients: no status */
    {"Oct 28 12:19:33 mail postfix/smtp[39085]: 979D1C03EB: host hotmail-com.olc.protection.outlook.com[104.47.57.161] said: 452 4.5.3 Recipients belong to multiple regions ATTR38 [DM6NAM11FT074.eop-nam11.prod.protection.outlook.com 2023-10-28T12:19:33.163Z 08DBD79CFB305B7E] (in reply to RCPT TO command)",
     "outbound-recipients-per-message-limit", "Microsoft"},
    /* the final server's deferral: the delivery line's reason */
    {"Mar  3 09:00:01 mx postfix/smtp[2101]: 4A1B2C3D4E: to=<u9@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=4.5.3, status=deferred (host mx.example.net[198.51.100.25] said: 452 4.5.3 Error: too many recipients (in reply to RCPT TO command))",
     "outbound-recipients-per-message-limit", "mx.example.net"},
    /* look-alikes: a 452 4.5.3 to MAIL FROM is no recipient count; a
     * 552 5.5.3 bounces; a rate limit's "too many" with another code */
    {"Mar  3 09:00:02 mx postfix/smtp[2102]: 4A1B2C3D4F: to=<u9@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=4.5.3, status=deferred (host mx.example.net[198.51.100.25] said: 452 4.5.3 Too many messages from your address (in reply to MAIL FROM command))",
     "outbound-rate-limited", "mx.example.net"},
    {"Mar  3 09:00:03 mx postfix/smtp[2103]: 4A1B2C3D50: to=<u9@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=5.5.3, status=bounced (host mx.example.net[198.51.100.25] said: 552 5.5.3 Too many recipients (in reply to RCPT TO command))",
     "outbound-rate-refused", "mx.example.net"},
    {"Mar  3 09:00:04 mx postfix/smtp[2104]: 4A1B2C3D51: to=<u9@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=4.7.0, status=deferred (host mx.example.net[198.51.100.25] said: 421 4.7.0 Too many connections from 203.0.113.9 (in reply to RCPT TO command))",
     "outbound-too-many-connections", "mx.example.net"},
    /* one recipient's rate (Gmail), the pasted continuation form */
    {"Mar  3 09:01:00 mx postfix/smtp[2105]: 4A1B2C3D52: to=<boss@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.1.26]:25, delay=2, delays=0.1/0/1/0.9, dsn=4.2.1, status=deferred (host gmail-smtp-in.l.google.com[142.250.1.26] said: 450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered. Please resend your 450-4.2.1 message at a later time. (in reply to RCPT TO command))",
     "outbound-recipient-receiving-too-fast", "Gmail"},
    /* look-alike: Gmail's 4.7.28 rate limit of this server's IP */
    {"Mar  3 09:01:01 mx postfix/smtp[2106]: 4A1B2C3D53: to=<boss@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.1.26]:25, delay=2, delays=0.1/0/1/0.9, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[142.250.1.26] said: 421-4.7.28 Gmail has detected an unusual rate of mail originating from your IP address. (in reply to end of DATA command))",
     "outbound-rate-limited", "Gmail"},
    /* local.c and virtual.c at their start */
    {"Mar  3 09:02:00 mx postfix/virtual[2201]: fatal: main.cf configuration error: virtual_mailbox_limit is smaller than message_size_limit",
     "mailbox-limit-below-message-limit", "virtual"},
    {"Mar  3 09:02:01 mx postfix/local[2202]: fatal: main.cf configuration error: mailbox_size_limit is smaller than message_size_limit",
     "mailbox-limit-below-message-limit", "local"},
    /* look-alike: another fatal configuration error of local */
    {"Mar  3 09:02:02 mx postfix/local[2203]: fatal: main.cf configuration error: mailbox_command is empty",
     "daemon-fatal-error", "local"},
};

TEST(diagnose_limit_rules)
{
	for (size_t i = 0; i < sizeof limit_cases / sizeof limit_cases[0]; i++) {
		const struct event *ev = progs_line(limit_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (strcmp(id, limit_cases[i].finding) || (got && strcmp(hit.key, limit_cases[i].key)))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", limit_cases[i].finding, limit_cases[i].key);
	}
}

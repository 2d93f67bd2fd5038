/*
 * test_diagnose_bulk.c - a remote server's limit on the connections this
 * server has open to it at once (threads AT 12, tests/data/
 * variants-families3/117*): Microsoft's 4.7.652, "Too many concurrent
 * SMTP connections", Orange's "Trop de connexions", also where a paste
 * glued the reply code to its status; apart from a rate limit, a
 * recipients-per-transaction limit, a 5xx refusal and a plain 4xx.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"

#include <string.h>

static const struct {
	const char *line, *finding, *key;
} bulk_cases[] = {
    {"Aug 21 01:35:40 mail postfix/smtp[174988]: 12D16CA9684: to=<a@hotmail.com>, relay=hotmail-com.olc.protection.outlook.com[104.47.41.33]:25, delay=0.07, delays=0.01/0.01/0.04/0.02, dsn=4.7.652, status=deferred (host hotmail-com.olc.protection.outlook.com[104.47.41.33] said: 4514.7.652 The mail server [192.0.2.238] has exceeded the maximumnumber of connections. (S3115) (in reply to MAIL FROM command))",
     "outbound-too-many-connections", "Microsoft"},
    {"Jun  3 10:00:01 mx postfix/smtp[2101]: 4A1B2C3D4E: to=<u@orange.fr>, relay=smtp-in.orange.fr[192.0.2.80]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=4.0.0, status=deferred (host smtp-in.orange.fr[192.0.2.80] refused to talk to me: 421 mwinf5c42 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR004_104 [104])",
     "outbound-too-many-connections", "Orange"},
    {"Jun  3 10:00:02 mx postfix/smtp[2102]: 4A1B2C3D4F: host mx.example.net[198.51.100.25] refused to talk to me: 421 4.7.0 mx.example.net Too many concurrent SMTP connections from this IP; try again later",
     "outbound-too-many-connections", "mx.example.net"},
    /* a 5xx of it bounces: the rate-refused finding */
    {"Jun  3 10:00:03 mx postfix/smtp[2103]: 4A1B2C3D50: to=<u@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=5.7.1, status=bounced (host mx.example.net[198.51.100.25] said: 554 5.7.1 Too many connections from your IP (in reply to MAIL FROM command))",
     "outbound-rate-refused", "mx.example.net"},
    /* look-alikes: a rate of messages, recipients per transaction, a
     * plain temporary answer */
    {"Jun  3 10:00:04 mx postfix/smtp[2104]: 4A1B2C3D51: to=<u@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=4.7.0, status=deferred (host mx.example.net[198.51.100.25] said: 421 4.7.0 Too many messages from your IP, slow down (in reply to MAIL FROM command))",
     "outbound-rate-limited", "mx.example.net"},
    {"Jun  3 10:00:05 mx postfix/smtp[2105]: 4A1B2C3D52: to=<u@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=4.5.3, status=deferred (host mx.example.net[198.51.100.25] said: 452 4.5.3 Too many recipients (in reply to RCPT TO command))",
     "outbound-recipients-per-message-limit", "mx.example.net"},
    {"Jun  3 10:00:06 mx postfix/smtp[2106]: 4A1B2C3D53: to=<u@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1, delays=0.1/0/0.5/0.4, dsn=4.3.0, status=deferred (host mx.example.net[198.51.100.25] said: 451 4.3.0 Temporary server error, connection closed (in reply to MAIL FROM command))",
     "outbound-remote-temporary", "mx.example.net"},
};

TEST(diagnose_remote_connection_limit)
{
	for (size_t i = 0; i < sizeof bulk_cases / sizeof bulk_cases[0]; i++) {
		const struct event *ev = progs_line(bulk_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		const char *id = got ? finding_id(hit.id) : "";
		if (strcmp(id, bulk_cases[i].finding) || (got && strcmp(hit.key, bulk_cases[i].key)))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i, id,
				  got ? hit.key : "", bulk_cases[i].finding, bulk_cases[i].key);
	}
}

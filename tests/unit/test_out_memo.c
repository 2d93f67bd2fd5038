/*
 * test_out_memo.c - rules_out.c's diag_classify_out keeps its whole answer for
 * the fields it depends on (speed16: the text, daemon, service, status,
 * dsn, code, the recipient's domain, the relay and its parts, the
 * client, the reason, and three facts of the recipient).  Held here to
 * the rules with the memo off (classify_out_find on every event, the
 * former code): deliveries deferred, bounced and expired, SMTP client
 * errors and connection failures, from smtp, lmtp, local, virtual, error
 * and a submission service, to relays remote, loopback, on port 25 or
 * not, and sockets, recipients of one domain and of others, a bare
 * orig_to given a domain; each asked again with one field changed.
 * Every line is parsed from a heap buffer of its own size, so that the
 * sanitizer build sees a read one byte too far.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

/* next - xorshift64 */
static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

#define PICK(a) (a[next(sizeof a / sizeof *a)])

static const char *const tags[] = {"postfix/smtp", "postfix/lmtp", "postfix/local", "postfix/virtual",
				   "postfix/error", "postfix/submission/smtp", "postfix-out/smtp"};
static const char *const locals[] = {"u", "root", "postmaster", "a.b", "x"};
static const char *const domains[] = {"example.net", "gmail.com", "mx.example.net", "example.org",
				      "outlook.com", "mail.example.net", "example-net", "a@example.net",
				      "x@mx.example.net"};
static const char *const relays[] = {"none",
				     "mx.example.net[203.0.113.7]:25",
				     "mx.example.net[203.0.113.77]:25",
				     "smtp.example.net[203.0.113.7]:587",
				     "127.0.0.1[127.0.0.1]:10024",
				     "127.0.0.1[127.0.0.1]:25",
				     "::1[::1]:10024",
				     "mail.example.net[private/dovecot-lmtp]",
				     "smtp-relay.gmail.com[142.250.1.1]:587",
				     "example-net.mail.protection.outlook.com[52.1.2.3]:25",
				     "10.1.2.3[10.1.2.3]:25",
				     "local",
				     "dovecot"};
static const char *const dsns[] = {"4.4.1", "4.3.5", "5.1.1", "4.2.2", "5.7.1", "4.7.0", "5.4.4", "4.4.3",
				   "5.0.0"};
static const char *const statuses[] = {"deferred", "bounced", "expired", "deferred"};
static const char *const reasons[] = {
    "connect to mx.example.net[203.0.113.7]:25: Connection refused",
    "connect to mx.example.net[203.0.113.7]:25: Connection timed out",
    "connect to 127.0.0.1[127.0.0.1]:10024: Connection refused",
    "connect to mail.example.net[private/dovecot-lmtp]: No such file or directory",
    "delivery temporarily suspended: connect to mx.example.net[203.0.113.7]:25: Connection timed out",
    "Host or domain name not found. Name service error for name=example.net type=MX: Host not found",
    "Host or domain name not found. Name service error for name=example.net type=A: Host not found, try again",
    "host mx.example.net[203.0.113.7] said: 550 5.1.1 <u@example.net>: User unknown (in reply to RCPT TO "
    "command)",
    "host mx.example.net[203.0.113.7] said: 554 5.7.1 <u@example.net>: Relay access denied (in reply to "
    "RCPT TO command)",
    "host mx.example.net[203.0.113.7] said: 530 5.7.0 Authentication required (in reply to MAIL FROM "
    "command)",
    "host mx.example.net[203.0.113.7] said: 452 4.2.2 Mailbox full, try again later (in reply to RCPT TO "
    "command)",
    "host mx.example.net[203.0.113.7] said: 421 4.7.0 Too many connections, rate limited (in reply to MAIL "
    "FROM command)",
    "host mx.example.net[203.0.113.7] said: 550 5.7.1 Sender address rejected: Access denied (in reply to "
    "MAIL FROM command)",
    "host 127.0.0.1[127.0.0.1] said: 451 4.5.0 Error in processing, id=1234, virus_scan FAILED (in reply "
    "to end of DATA command)",
    "host mx.example.net[203.0.113.7] said: 550 5.7.1 Message rejected as spam (in reply to end of DATA "
    "command)",
    "lost connection with mx.example.net[203.0.113.7] while receiving the initial server greeting",
    "conversation with mx.example.net[203.0.113.7] timed out while sending RCPT TO",
    "Cannot start TLS: handshake failure",
    "unknown user: \"u\"",
    "User unknown in virtual alias table",
    "mail for example.net loops back to myself",
    "Command died with status 75: \"/usr/bin/maildrop\". Command output: quota exceeded",
    "cannot update mailbox /var/mail/u for user u. error writing message: File too large",
    "x",
};
/* lines without a status: an SMTP client's error, a connection failure */
static const char *const others[] = {
    "%s: host mx.example.net[203.0.113.7] said: 421 4.7.0 Try again later (in reply to MAIL FROM command)",
    "%s: host mx.example.net[203.0.113.7] said: 550 5.7.1 Relay access denied (in reply to RCPT TO command)",
    "%s: lost connection with mx.example.net[203.0.113.7] while sending end of data -- message may be sent more than once",
    "connect to mx.example.net[203.0.113.7]:25: Connection refused",
    "connect to mx.example.net[203.0.113.77]:25: Connection timed out",
    "connect to 127.0.0.1[127.0.0.1]:10024: Connection refused",
    "%s: enabling PIX workarounds: disable_esmtp delay_dotcrlf for mx.example.net[203.0.113.7]:25",
};

/* classify - a line parsed from a heap buffer of its own size */
static bool classify(const char *text, size_t n, struct diag_hit *hit)
{
	char *buf = malloc(n ? n : 1);
	memcpy(buf, text, n);
	struct syslog_state st;
	static struct logline l;
	static struct event ev;
	syslog_state_init(&st, 2026, 0);
	if (!syslog_parse(&st, span_make(buf, n), &l))
		memset(&l, 0, sizeof l);
	parse_line(&l, &ev);
	memset(hit, 0, sizeof *hit);
	bool r = diag_classify(&ev, hit);
	free(buf);
	return r;
}

enum { LINES = 40000, WIDE = 768 };

struct fields {
	const char *tag, *local, *domain, *orig, *relay, *dsn, *status, *reason, *other;
};

/* make - the line of these fields */
static size_t make(char *out, const struct fields *f)
{
	int k;
	if (f->other) {
		char body[512];
		snprintf(body, sizeof body, f->other, "3F2A91C0B7");
		k = snprintf(out, WIDE, "Dec  5 10:00:00 mx1 %s[4242]: %s", f->tag, body);
	} else {
		char orig[128] = "";
		if (f->orig)
			snprintf(orig, sizeof orig, " orig_to=<%s>,", f->orig);
		k = snprintf(out, WIDE,
			     "Dec  5 10:00:00 mx1 %s[4242]: 3F2A91C0B7: to=<%s@%s>,%s relay=%s, delay=1.2, "
			     "delays=0.1/0/0.5/0.6, dsn=%s, status=%s (%s)",
			     f->tag, f->local, f->domain, orig, f->relay, f->dsn, f->status, f->reason);
	}
	return k < 0 ? 0 : (size_t)k >= WIDE ? WIDE - 1 : (size_t)k;
}

TEST(out_memo_same_as_no_memo)
{
	char(*lines)[WIDE] = calloc(LINES, WIDE);
	size_t *len = calloc(LINES, sizeof *len);
	bool *want_r = calloc(LINES, sizeof *want_r);
	struct diag_hit *want = calloc(LINES, sizeof *want);
	struct fields f = {0};
	unsigned found = 0;
	/* a new line a time in four, else the fields before with one
	 * changed (or none) */
	for (int i = 0; i < LINES; i++) {
		unsigned how = i ? next(12) : 0;
		switch (how) {
		case 0:
		case 1:
			f.tag = PICK(tags);
			f.local = PICK(locals);
			f.domain = PICK(domains);
			f.orig = next(4) ? NULL : next(2) ? f.local : "alias@example.org";
			f.relay = PICK(relays);
			f.dsn = PICK(dsns);
			f.status = PICK(statuses);
			f.reason = PICK(reasons);
			f.other = next(6) ? NULL : PICK(others);
			break;
		case 2: /* another recipient of the same domain */
			f.local = PICK(locals);
			break;
		case 3: /* another domain */
			f.domain = PICK(domains);
			break;
		case 4: /* a bare orig_to, or none */
			f.orig = f.orig ? NULL : f.local;
			break;
		case 5:
			f.relay = PICK(relays);
			break;
		case 6:
			f.dsn = PICK(dsns);
			break;
		case 7:
			f.status = PICK(statuses);
			break;
		case 8:
			f.tag = PICK(tags);
			break;
		case 9:
			f.reason = PICK(reasons);
			break;
		default: /* the same again */
			break;
		}
		len[i] = make(lines[i], &f);
	}
	diag_rules_memo(false);
	for (int i = 0; i < LINES; i++) {
		want_r[i] = classify(lines[i], len[i], &want[i]);
		found += want_r[i];
	}
	diag_rules_memo(true);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < LINES; i++) {
			struct diag_hit got;
			bool r = classify(lines[i], len[i], &got);
			if (r != want_r[i] || (r && memcmp(&got, &want[i], sizeof got))) {
				test_fail(__FILE__, __LINE__,
					  "pass %d, line %d \"%s\": got %d %s [%s] [%s], want %d %s [%s] [%s]", pass, i,
					  lines[i], r, finding_id(got.id), got.key, got.subject, want_r[i],
					  finding_id(want[i].id), want[i].key, want[i].subject);
				pass = 2;
				break;
			}
		}
	diag_rules_memo(true);
	/* most lines show a finding, and the findings are many */
	CHECK(found > LINES / 2);
	unsigned ids[F__COUNT] = {0}, distinct = 0;
	for (int i = 0; i < LINES; i++)
		if (want_r[i] && (unsigned)want[i].id < F__COUNT && !ids[want[i].id]++)
			distinct++;
	CHECK(distinct >= 15);
	free(lines);
	free(len);
	free(want_r);
	free(want);
}

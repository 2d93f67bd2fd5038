/*
 * test_rules_last.c - rules.c's match_memo keeps, per table, the last
 * text it was asked with its daemon and answer, and gives that answer
 * again to a text equal in every byte (before the memo's key and hash).
 * Held here to the rules with the memo off (match_find on every text: the
 * former code): deliveries deferred and bounced, SMTP client errors,
 * refusals, warnings and plain lines, asked again as they were, with a
 * byte changed, a byte less, another daemon, another address inside
 * "[...]", in upper case, or as a line up to twenty lines before
 * (speed16: the last text of each of sixteen slots); each line is parsed
 * from a heap buffer of its own size, so that the sanitizer build sees a
 * read one byte too far.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>

static uint64_t rng = 0x2545f4914f6cdd1dULL;

/* next - xorshift64 */
static unsigned next(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* the lines: "%D" is the daemon, "%A" an address */
static const char *const shapes[] = {
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: 3F2A91C0B7: to=<u@example.net>, relay=none, delay=1, "
    "delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to mx.example.net[%A]:25: Connection timed out)",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: 3F2A91C0B7: to=<u@example.net>, relay=none, delay=1, "
    "delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to mx.example.net[%A]:25: Connection refused)",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: 3F2A91C0B7: to=<u@example.net>, relay=none, delay=1, "
    "delays=0/0/1/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to "
    "mx.example.net[%A]:25: Connection timed out)",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: 3F2A91C0B7: to=<u@example.net>, relay=mx.example.net[%A]:25, "
    "delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx.example.net[%A] said: 550 5.1.1 "
    "<u@example.net>: User unknown (in reply to RCPT TO command))",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: 3F2A91C0B7: to=<u@example.net>, relay=mx.example.net[%A]:25, "
    "delay=1.2, delays=0.1/0/0.5/0.6, dsn=4.7.1, status=deferred (host mx.example.net[%A] said: 450 4.7.1 "
    "greylisted, try again later (in reply to RCPT TO command))",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: 3F2A91C0B7: to=<u@example.net>, relay=127.0.0.1[%A]:10024, "
    "delay=1.2, delays=0.1/0/0.5/0.6, dsn=4.3.0, status=deferred (host 127.0.0.1[%A] said: 451 4.5.0 "
    "Error in processing, id=1234, virus_scan FAILED (in reply to end of DATA command))",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: 3F2A91C0B7: to=<u@example.net>, relay=mx.example.net[%A]:25, "
    "delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.7.1, status=bounced (host mx.example.net[%A] said: 554 5.7.1 "
    "<a@b.example>: Sender address rejected: Access denied (in reply to MAIL FROM command))",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: 3F2A91C0B7: host mx.example.net[%A] said: 421 4.7.0 Too many "
    "connections, rate limited (in reply to MAIL FROM command)",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: NOQUEUE: reject: RCPT from unknown[%A]: 554 5.7.1 Service "
    "unavailable; Client host [%A] blocked using zen.spamhaus.org; from=<a@b.example> to=<u@example.net> "
    "proto=ESMTP helo=<x>",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: NOQUEUE: reject: RCPT from unknown[%A]: 554 5.7.1 "
    "<u@example.net>: Relay access denied; from=<a@b.example> to=<u@example.net> proto=ESMTP helo=<x>",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: warning: SASL authentication failure: Password verification "
    "failed",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: warning: unknown[%A]: SASL LOGIN authentication failed: "
    "UGFzc3dvcmQ6",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: warning: mx.example.net[%A]: SASL authentication failed; "
    "cannot authenticate to server mx.example.net[%A]: no mechanism available",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: warning: connect to Milter service inet:127.0.0.1:8891: "
    "Connection refused",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: fatal: open /etc/postfix/main.cf: No such file or directory",
    "Dec  4 10:00:00 mx1 postfix/%D[4242]: connect to subsystem private/rewrite: Connection refused",
};
static const char *const daemons[] = {"smtp", "lmtp", "smtpd", "postscreen", "local", "cleanup"};
static const char *const addrs[] = {"203.0.113.7", "203.0.113.77", "2001:db8::25", "10.1.2.3", "::1",
				     "127.0.0.1", "private/dovecot-lmtp"};

/* make - one line of a shape, with a daemon and an address */
static size_t make(char *out, size_t size, const char *shape, const char *daemon, const char *addr)
{
	size_t n = 0;
	for (const char *s = shape; *s && n + 64 < size; s++) {
		if (s[0] == '%' && (s[1] == 'D' || s[1] == 'A')) {
			const char *w = s[1] == 'D' ? daemon : addr;
			size_t k = strlen(w);
			memcpy(out + n, w, k);
			n += k;
			s++;
			continue;
		}
		out[n++] = *s;
	}
	out[n] = 0;
	return n;
}

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

enum { LINES = 60000, WIDE = 1024 };

TEST(rules_last_text_same_as_no_memo)
{
	char(*lines)[WIDE] = calloc(LINES, WIDE);
	size_t *len = calloc(LINES, sizeof *len);
	bool *want_r = calloc(LINES, sizeof *want_r);
	struct diag_hit *want = calloc(LINES, sizeof *want);
	unsigned again = 0, found = 0;
	/* the lines: a new one a time in four, else the one before again,
	 * as it was or a little changed */
	for (int i = 0; i < LINES; i++) {
		unsigned how = i ? next(10) : 0;
		if (how < 2) {
			len[i] = make(lines[i], WIDE, shapes[next(sizeof shapes / sizeof *shapes)],
				      daemons[next(sizeof daemons / sizeof *daemons)],
				      addrs[next(sizeof addrs / sizeof *addrs)]);
			continue;
		}
		/* (8, 9: a line from up to twenty lines before, as it was:
		 * the memo keeps the last text of each of its slots) */
		int from = how >= 8 && i > 21 ? i - 2 - (int)next(20) : i - 1;
		memcpy(lines[i], lines[from], WIDE);
		len[i] = len[from];
		size_t body = 40; /* past the syslog prefix and the program */
		size_t at = len[i] > body ? body + next((unsigned)(len[i] - body)) : 0;
		switch (how) {
		case 2: /* a byte changed: a letter's case, or another letter */
			if (at)
				lines[i][at] = isalpha((unsigned char)lines[i][at]) && next(2)
						   ? (char)(lines[i][at] ^ 0x20)
						   : (char)('a' + next(26));
			break;
		case 3: /* a byte less at the end, or one of the last two
			 * changed (a text's last byte before a ')') */
			if (len[i] > body && next(2)) {
				lines[i][--len[i]] = 0;
			} else if (len[i] > body) {
				char *c = &lines[i][len[i] - 1 - next(2)];
				*c = *c == 'x' ? 'y' : 'x';
			}
			break;
		case 4: /* the same text from another daemon */
		{
			static const char *const pairs[][2] = {{"/smtp[", "/lmtp["}, {"/lmtp[", "/smtp["},
							       {"/smtpd[", "/smtp["}, {"/local[", "/smtp["}};
			for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
				char *q = strstr(lines[i], pairs[p][0]);
				if (!q)
					continue;
				char tmp[WIDE];
				size_t head = (size_t)(q - lines[i]);
				snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)head, lines[i], pairs[p][1],
					 q + strlen(pairs[p][0]));
				memcpy(lines[i], tmp, WIDE);
				len[i] = strlen(lines[i]);
				break;
			}
			break;
		}
		case 5: /* another address inside the brackets, same length or not */
		{
			char *q = strchr(lines[i] + body, '[');
			if (q && q[1] >= '0' && q[1] <= '9')
				q[1] = q[1] == '9' ? '1' : (char)(q[1] + 1);
			break;
		}
		default: /* the same line again */
			again++;
			break;
		}
	}
	/* the reference: every text through the rows */
	diag_rules_memo(false);
	for (int i = 0; i < LINES; i++) {
		want_r[i] = classify(lines[i], len[i], &want[i]);
		found += want_r[i];
	}
	/* the memo and its last text, twice over (the second time the
	 * memo's entries are warm) */
	diag_rules_memo(true);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < LINES; i++) {
			struct diag_hit got;
			bool r = classify(lines[i], len[i], &got);
			if (r != want_r[i] || (r && memcmp(&got, &want[i], sizeof got))) {
				test_fail(__FILE__, __LINE__, "pass %d, line %d \"%s\": got %d %s [%s], want %d %s [%s]",
					  pass, i, lines[i], r, finding_id(got.id), got.key, want_r[i],
					  finding_id(want[i].id), want[i].key);
				break;
			}
		}
	diag_rules_memo(true);
	/* the last text was met often, and most lines show a finding */
	CHECK(again > LINES / 5);
	CHECK(found > LINES / 2);
	free(lines);
	free(len);
	free(want_r);
	free(want);
}

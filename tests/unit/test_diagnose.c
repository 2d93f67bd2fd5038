/*
 * test_diagnose.c - the findings table and the rules: every row has its
 * words and a unique id; real lines (admins' pasted lines from public
 * threads, the corpus, Postfix's own format strings) give the finding
 * and the cause they show, and ordinary traffic gives none.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"

#include <ctype.h>
#include <stdlib.h>

TEST(diagnose_table_complete)
{
	for (int i = 0; i < F__COUNT; i++) {
		const struct finding_prose *p = finding_prose((enum finding_id)i);
		CHECK(p->meaning && strlen(p->meaning) > 20);
		CHECK(p->fix && strlen(p->fix) > 10);
		/* its words in exactly one of the prose tables */
		CHECK(!!finding_prose_out[i].meaning + !!finding_prose_in[i].meaning +
			      !!finding_prose_users[i].meaning + !!finding_prose_local[i].meaning + !!finding_prose_master[i].meaning +
			      !!finding_prose_bulk[i].meaning + !!finding_prose_routes[i].meaning + !!finding_prose_host[i].meaning +
			      !!finding_prose_table[i].meaning ==
		      1);
		CHECK(finding_title((enum finding_id)i)[0]);
		CHECK(finding_severity((enum finding_id)i) >= 0 && finding_severity((enum finding_id)i) <= 4);
		enum finding_id back;
		CHECK(finding_from_id(finding_id((enum finding_id)i), &back) && back == (enum finding_id)i);
		for (int j = 0; j < i; j++)
			CHECK(strcmp(finding_id((enum finding_id)i), finding_id((enum finding_id)j)) != 0);
	}
	enum finding_id f;
	CHECK(!finding_from_id("no-such-finding", &f));
}

/* the next step of a backend that is a file or a name: sasldb's
 * permissions, a database server's name that does not resolve in the
 * chroot (the rules key them so; the words must say what to do) */
TEST(diagnose_backend_fix_words)
{
	const char *f = finding_prose_en(F_SASL_BACKEND_DOWN)->fix;
	CHECK(strstr(f, "sasldb2") && strstr(f, "chgrp postfix"));
	f = finding_prose_en(F_MAP_SERVER_DOWN)->fix;
	CHECK(strstr(f, "Unknown MySQL server host") && strstr(f, "resolv.conf"));
}

static const struct {
	const char *line;
	const char *finding;     /* NULL: no finding */
	const char *key;
} cases[] = {
#include "diagnose_cases_core.h"
#include "diagnose_cases_threads.h"
};

TEST(diagnose_rules_real_lines)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct event *ev = progs_line(cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		if (!cases[i].finding) {
			if (got)
				test_fail(__FILE__, __LINE__, "case %zu: got %s (%s), want no finding", i,
					  finding_id(hit.id), hit.key);
			continue;
		}
		if (!got) {
			test_fail(__FILE__, __LINE__, "case %zu: got no finding, want %s", i, cases[i].finding);
			continue;
		}
		if (strcmp(finding_id(hit.id), cases[i].finding) || strcmp(hit.key, cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i,
				  finding_id(hit.id), hit.key, cases[i].finding, cases[i].key);
	}
}

/* table_hit - a line's answer with the failed deliveries' memo off */
static bool table_hit(const char *line, struct diag_hit *hit)
{
	diag_rules_memo(false);
	bool got = diag_classify(progs_line(line), hit);
	diag_rules_memo(true);
	return got;
}

/* swap - line with the first `from` replaced by `to` into buf, or false */
static bool swap(char *buf, size_t size, const char *line, const char *from, const char *to)
{
	const char *at = strstr(line, from);
	if (!at)
		return false;
	int n = snprintf(buf, size, "%.*s%s%s", (int)(at - line), line, to, at + strlen(from));
	return n > 0 && (size_t)n < size;
}

/* the memo of the failed deliveries' and the rejects' rules gives what
 * the tables give, byte for byte: every example line, with the daemon
 * changed (a row may name one: lmtp, postscreen) and behind "delivery
 * temporarily suspended: ", each with a
 * fresh memo (filled, then hit), then all of them through one memo, so
 * that entries are reused and overwritten */
TEST(diagnose_rules_memo_same)
{
	enum { NCASES = sizeof cases / sizeof cases[0], NV = 6 };
	static char line[NCASES][NV][4096];
	static struct diag_hit want[NCASES][NV];
	static bool wgot[NCASES][NV], have[NCASES][NV];
	size_t variants = 0;
	for (size_t i = 0; i < NCASES; i++) {
		snprintf(line[i][0], sizeof line[i][0], "%s", cases[i].line);
		have[i][0] = true;
		have[i][1] = swap(line[i][1], sizeof line[i][1], cases[i].line, "postfix/smtp[", "postfix/lmtp[");
		have[i][2] = swap(line[i][2], sizeof line[i][2], cases[i].line, "postfix/lmtp[", "postfix/smtp[");
		have[i][3] = swap(line[i][3], sizeof line[i][3], cases[i].line, "status=deferred (",
				  "status=deferred (delivery temporarily suspended: ");
		/* the reject table has a postscreen-only row */
		have[i][4] = swap(line[i][4], sizeof line[i][4], cases[i].line, "postfix/postscreen[", "postfix/smtpd[");
		have[i][5] = swap(line[i][5], sizeof line[i][5], cases[i].line, "postfix/smtpd[", "postfix/postscreen[");
		for (int k = 0; k < NV; k++) {
			if (!have[i][k])
				continue;
			variants++;
			wgot[i][k] = table_hit(line[i][k], &want[i][k]);
			for (int pass = 0; pass < 2; pass++) {
				struct diag_hit got;
				bool g = diag_classify(progs_line(line[i][k]), &got);
				if (g != wgot[i][k] || (g && memcmp(&got, &want[i][k], sizeof got)))
					test_fail(__FILE__, __LINE__, "case %zu.%d pass %d: memo %s [%s], table %s [%s]",
						  i, k, pass, g ? finding_id(got.id) : "none", g ? got.key : "",
						  wgot[i][k] ? finding_id(want[i][k].id) : "none", wgot[i][k] ? want[i][k].key : "");
			}
		}
	}
	CHECK(variants > NCASES + 20); /* the variants were made */
	diag_rules_memo(true);
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < NCASES; i++)
			for (int k = 0; k < NV; k++) {
				if (!have[i][k])
					continue;
				struct diag_hit got;
				bool g = diag_classify(progs_line(line[i][k]), &got);
				if (g != wgot[i][k] || (g && memcmp(&got, &want[i][k], sizeof got)))
					test_fail(__FILE__, __LINE__, "one memo, case %zu.%d: memo %s [%s], table %s [%s]",
						  i, k, g ? finding_id(got.id) : "none", g ? got.key : "",
						  wgot[i][k] ? finding_id(want[i][k].id) : "none", wgot[i][k] ? want[i][k].key : "");
			}
}

/* readdr - line with the inside of every "[...]" after the syslog tag's
 * "[PID]: " that holds only an address's bytes (hex digits, '.', ':')
 * replaced by addr, into buf */
static bool readdr(char *buf, size_t size, const char *line, const char *addr)
{
	size_t at = 0;
	const char *tag = strstr(line, "]: ");
	for (const char *p = line; *p;) {
		const char *q = p;
		if (*p == '[' && (!tag || p > tag))
			for (q = p + 1; isxdigit((unsigned char)*q) || *q == '.' || *q == ':'; q++)
				;
		bool inside = *p == '[' && q > p + 1 && *q == ']';
		int n = inside ? snprintf(buf + at, size - at, "[%s", addr) : snprintf(buf + at, size - at, "%c", *p);
		if (n < 0 || (size_t)n >= size - at)
			return false;
		at += (size_t)n;
		p = inside ? q : p + 1;
	}
	return true;
}

/* the memo's key leaves the addresses inside "[...]" out (rules.c): the
 * same answers as the tables, byte for byte, for every example line and
 * more with each address in turn through one memo, including addresses
 * that hold a needle of the tables ("5.7.26" in 45.7.26.1, "5.1.1",
 * "127.255.255.", "4.3.5", "5.2.2" in an IPv6 address), each after an
 * address that holds none was remembered for the same text */
TEST(diagnose_rules_memo_addresses)
{
	static const char *const more[] = {
	    "Dec  3 12:00:01 mx postfix/smtp[3001]: 3C3C3C3C41: to=<a@example.org>, relay=mx.example.org[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=5.0.0, status=bounced (host mx.example.org[192.0.2.7] said: 550 not accepted here (in reply to RCPT TO command))",
	    "Dec  3 12:00:02 mx postfix/smtp[3001]: 3C3C3C3C42: to=<a@example.org>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to mx.example.org[192.0.2.7]:25: Connection timed out)",
	    "Dec  3 12:00:03 mx postfix/smtp[3001]: connect to mx.example.org[192.0.2.7]:25: Connection refused",
	    "Dec  3 12:00:04 mx postfix/smtpd[3002]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>",
	    "Dec  3 12:00:05 mx postfix/smtpd[3002]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.9]; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>",
	    "Dec  3 12:00:06 mx postfix/smtpd[3002]: warning: unknown[192.0.2.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Dec  3 12:00:07 mx postfix/smtpd[3002]: SSL_accept error from unknown[192.0.2.9]: lost connection",
	    "Dec  3 12:00:08 mx postfix/smtpd[3002]: setting up TLS connection from unknown[192.0.2.9]",
	    "Dec  3 12:00:09 mx postfix/smtpd[3002]: warning: TLS library problem: error:0A000076:SSL routines::no suitable signature algorithm:../ssl/t1_lib.c:3301: from unknown[192.0.2.9]",
	    "Dec  3 12:00:10 mx postfix/smtp[3001]: 3C3C3C3C43: to=<kim@icloud.com>, relay=mx01.mail.icloud.com[192.0.2.7]:25, delay=2.4, delays=0.04/0.02/1.1/1.2, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[192.0.2.7] said: 550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137 (in reply to end of DATA command))",
	    "Dec  3 12:00:11 mx postfix/smtp[3001]: 3C3C3C3C44: to=<kim@icloud.com>, relay=mx01.mail.icloud.com[192.0.2.7]:25, delay=2.4, delays=0.04/0.02/1.1/1.2, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[192.0.2.7] said: 550 5.7.1 [CS0[192.0.2.7]1] [192.0.2.7]CS01] [CS[192.0.2.7] (in reply to end of DATA command))",
	};
	static const char *const addrs[] = {"192.0.2.7", "45.7.26.1", "10.5.1.1", "127.255.255.4", "14.3.5.9",
					    "2001:db8::1", "2001:DB8::5.2.2", "::1", "198.51.100.58", "1.2.3.4"};
	enum { NCASES = sizeof cases / sizeof cases[0], NMORE = sizeof more / sizeof more[0],
	       NADDR = sizeof addrs / sizeof addrs[0] };
	static char buf[4096];
	static struct diag_hit want[NCASES + NMORE][NADDR];
	static bool wgot[NCASES + NMORE][NADDR];
	size_t lines = 0, differ = 0;
	for (size_t i = 0; i < NCASES + NMORE; i++) {
		const char *line = i < NCASES ? cases[i].line : more[i - NCASES];
		for (size_t a = 0; a < NADDR; a++) {
			CHECK(readdr(buf, sizeof buf, line, addrs[a]));
			wgot[i][a] = table_hit(buf, &want[i][a]);
			lines++;
			if (a && (wgot[i][a] != wgot[i][0] || want[i][a].id != want[i][0].id))
				differ++;
		}
	}
	CHECK(lines >= (NCASES + NMORE) * NADDR);
	CHECK(differ >= 4); /* some addresses hold a needle and change the answer */
	diag_rules_memo(true);
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < NCASES + NMORE; i++)
			for (size_t a = 0; a < NADDR; a++) {
				const char *line = i < NCASES ? cases[i].line : more[i - NCASES];
				CHECK(readdr(buf, sizeof buf, line, addrs[a]));
				struct diag_hit got;
				bool g = diag_classify(progs_line(buf), &got);
				if (g != wgot[i][a] || (g && memcmp(&got, &want[i][a], sizeof got)))
					test_fail(__FILE__, __LINE__, "case %zu, %s: memo %s [%s], table %s [%s]", i,
						  addrs[a], g ? finding_id(got.id) : "none", g ? got.key : "",
						  wgot[i][a] ? finding_id(want[i][a].id) : "none", wgot[i][a] ? want[i][a].key : "");
			}
}

/* groups_text - what a finished diagnosis holds, as text to compare */
static void groups_text(const struct diag *d, char *out, size_t size)
{
	size_t at = 0;
	out[0] = 0;
	for (size_t i = 0; i < d->nlist && at < size; i++) {
		const struct diag_group *g = d->list[i];
		int n = snprintf(out + at, size - at, "%s|%s|%llu|%llu|%u|%d|%s\n", finding_id(g->id), g->key,
				 (unsigned long long)g->lines, (unsigned long long)g->recipients, g->nsample,
				 g->port25, g->nsample ? g->sample[0] : "");
		if (n < 0)
			break;
		at += (size_t)n;
	}
}

/* diag_front's share (which thread runs which rules, feed.h) changes
 * nothing: the example lines through diag_front + diag_event_noted with
 * each share, and with the share changing from line to line, give the
 * groups diag_event gives */
TEST(diagnose_front_share_same)
{
	static char want[1 << 16], got[1 << 16];
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		diag_event(d, progs_line(cases[i].line));
	diag_finish(d);
	CHECK(d->nlist > 20);
	groups_text(d, want, sizeof want);
	diag_free(d);
	for (int mode = 0; mode < 4; mode++) {
		d = diag_new();
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			const struct event *ev = progs_line(cases[i].line);
			struct diag_note n;
			memset(&n, 0xa5, sizeof n); /* a batch slot is not cleared */
			diag_front(ev, &n, mode < 3 ? (enum diag_front_share)mode : (enum diag_front_share)(i % 3));
			diag_event_noted(d, ev, &n);
		}
		diag_finish(d);
		groups_text(d, got, sizeof got);
		diag_free(d);
		if (strcmp(got, want))
			test_fail(__FILE__, __LINE__, "share %d: the groups differ:\n%s\nwant:\n%s", mode, got, want);
	}
}

/* the usual share looks at the refusals alone (speed37: the other kinds'
 * rules moved to the consumer's thread), and the example lines given
 * the usual share, none or all at random from line to line give the
 * groups diag_event gives */
TEST(diagnose_front_usual_refusals_only)
{
	static char want[1 << 16], got[1 << 16];
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		diag_event(d, progs_line(cases[i].line));
	diag_finish(d);
	groups_text(d, want, sizeof want);
	diag_free(d);
	size_t looked = 0;
	unsigned seed = 37;
	for (int round = 0; round < 8; round++) {
		d = diag_new();
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			const struct event *ev = progs_line(cases[i].line);
			struct diag_note n;
			memset(&n, 0x5a, sizeof n);
			seed = seed * 1103515245u + 12345u;
			enum diag_front_share share = round == 0 ? DIAG_FRONT_USUAL
						   : (enum diag_front_share)((seed >> 16) % 3);
			diag_front(ev, &n, share);
			if (share == DIAG_FRONT_USUAL) {
				CHECK(!n.looked || ev->type == EV_REJECT);
				looked += n.looked;
			}
			diag_event_noted(d, ev, &n);
		}
		diag_finish(d);
		groups_text(d, got, sizeof got);
		diag_free(d);
		if (strcmp(got, want))
			test_fail(__FILE__, __LINE__, "round %d: the groups differ:\n%s\nwant:\n%s", round, got, want);
	}
	CHECK(looked > 0); /* some refusals were asked ahead */
}

/*
 * test_prefix_memo.c - the syslog prefix's memo (prefix.c: the minute of
 * a classic time, the usual ISO time, the host and the tag names) gives
 * what the parse without it gives, on random sequences of lines of every
 * shape, each line ending at a page the test cannot read.
 */
#include "tap.h"
#include "syslog/prefix.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static uint64_t rnd_state = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* PICK - one of the pool's first GOOD (the usual shapes) half the time,
 * else any */
#define GOOD 5
#define PICK(a) (a)[rnd() % 2 ? rnd() % GOOD : rnd() % (sizeof(a) / sizeof((a)[0]))]

/* add - append s to t at *n (bounded) */
static void add(char *t, size_t *n, size_t cap, const char *s)
{
	size_t k = strlen(s);
	if (*n + k > cap)
		k = cap - *n;
	memcpy(t + *n, s, k);
	*n += k;
}

/* digits - k random decimal digits */
static void digits(char *out, int k)
{
	for (int i = 0; i < k; i++)
		out[i] = (char)('0' + rnd() % 10);
	out[k] = 0;
}

/* make_line - one line of random parts, most of them a busy log's */
static size_t make_line(char *t, size_t cap)
{
	/* each pool: the usual first, then the odd; one in four draws is odd */
	static const char *const classic[] = {
	    "Nov  1 02:11:", "Nov 01 02:11:", "Nov 1 02:11:", "Nov  1 02:12:", "Dec 31 23:59:",
	    "Jan  1 00:00:", "Mar 29 02:30:", "Oct 25 02:30:", "Oct 25 01:59:", "2025 Nov  1 02:11:",
	    "2013 Jun 10 10:08:",
	    "Nox  1 02:11:", "Nov 32 02:11:", "Nov  1 24:11:", "Nov  1 02:60:", "Nov  1 02:1:"};
	static const char *const secs[] = {"17", "18", "59", "60", "61", "5x", "0", ""};
	static const char *const iso[] = {
	    "2026-11-22T11:32:", "2026-11-22T11:33:", "2026-11-22 11:32:", "2026-03-29T02:30:",
	    "2026-10-25T02:30:",
	    "2026-13-22T11:32:", "2026-11-22T11:32-", "0000-01-01T00:00:"};
	static const char *const zone[] = {"+00:00", "+02:00", "-02:00", "-05:30", "", "+0000", "Z",
					   "+00:0", "+24:00", "+00:60", "x"};
	static const char *const host[] = {"mx1", "conch", "mail.example.com", "x", "",
					   "mail-host.example.net", "mail-host.example.org",
					   "a-very-long-host-name.example.org", "warning", "INFO",
					   "-", "|", "host:", "mx1:", "[err]", "mx1 "};
	static const char *const name[] = {
	    "postfix/smtpd", "postfix/smtp", "postfix/lmtp", "postfix/submission/smtpd",
	    "postfix-out/qmgr", "postfix/qmgr", "postfix/pickup", "postfix/pipe", "postfix/local",
	    "postfix/submissionX/qmgr", "amavis", "postfix", "/smtpd", "postfix/", "p",
	    "dovecot", "sendmail", "a[b", "x]", "very/long/name/over/thirty-two/bytes/smtpd", ""};
	static const char *const text[] = {"warning: disk full", "error: x", "fatal: y", "panic: z",
					   "warning:", "warning: ", "connect from unknown[192.0.2.1]",
					   "", "warn", "w", "panic:x", "error:  two", "Warning: no"};
	char d[40];
	size_t n = 0;
	uint64_t r = rnd();
	if (r % 23 == 0)
		add(t, &n, cap, "<22>");
	if (r % 2) { /* classic */
		add(t, &n, cap, PICK(classic));
		add(t, &n, cap, PICK(secs));
		if (rnd() % 4 == 0) {
			add(t, &n, cap, ".");
			digits(d, (int)(rnd() % 8));
			add(t, &n, cap, d);
		}
	} else {
		add(t, &n, cap, PICK(iso));
		add(t, &n, cap, PICK(secs));
		uint64_t f = rnd() % 8;
		if (f < 5) {
			add(t, &n, cap, ".");
			digits(d, f < 3 ? 6 : (int)(rnd() % 9));
			if (rnd() % 29 == 0)
				d[rnd() % 6] = 'a';
			add(t, &n, cap, d);
		}
		add(t, &n, cap, PICK(zone));
	}
	add(t, &n, cap, rnd() % 13 ? " " : "  ");
	const char *h = PICK(host);
	if (*h) {
		add(t, &n, cap, h);
		add(t, &n, cap, rnd() % 13 ? " " : "  ");
	}
	add(t, &n, cap, PICK(name));
	switch (rnd() % 12) {
	case 0:
		add(t, &n, cap, "[]");
		break;
	case 1:
		add(t, &n, cap, "[-5]");
		break;
	case 2:
		add(t, &n, cap, "[12a]");
		break;
	case 3:
		add(t, &n, cap, "[12");
		break;
	case 4:
		break;
	default:
		add(t, &n, cap, "[");
		digits(d, 1 + (int)(rnd() % (rnd() % 5 ? 8 : 24)));
		add(t, &n, cap, d);
		add(t, &n, cap, "]");
	}
	add(t, &n, cap, rnd() % 11 ? ":" : "");
	r = rnd() % 17;
	add(t, &n, cap, r == 0 ? "" : r == 1 ? "x" : " ");
	add(t, &n, cap, PICK(text));
	if (rnd() % 5 == 0) /* cut anywhere */
		n = (size_t)(rnd() % (n + 1));
	return n;
}

/* same_span - both unset, or the same place and length */
static bool same_span(struct span a, struct span b)
{
	return a.p == b.p && a.n == b.n;
}

static bool same_line(const struct logline *a, const struct logline *b)
{
	return a->ts.us == b->ts.us && a->ts.tzoff == b->ts.tzoff && a->ts.prec == b->ts.prec &&
	       a->format == b->format && same_span(a->host, b->host) && same_span(a->prog, b->prog) &&
	       same_span(a->instance, b->instance) && same_span(a->daemon, b->daemon) &&
	       same_span(a->service, b->service) && a->pid == b->pid &&
	       same_span(a->severity, b->severity) && same_span(a->text, b->text) &&
	       same_span(a->raw, b->raw) && a->postfix == b->postfix && a->inferred == b->inferred;
}

TEST(prefix_memo_same_as_parse)
{
	long page = sysconf(_SC_PAGESIZE);
	char *mem = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(mem != MAP_FAILED);
	if (mem == MAP_FAILED)
		return;
	CHECK(mprotect(mem + page, (size_t)page, PROT_NONE) == 0); /* a read past a line faults */
	char *guard = mem + page;
	/* a zone with summer time, so that the local hours differ */
	char *tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	static struct syslog_state with, without;
	syslog_state_init(&with, 0, (time_t)1795347125);
	syslog_state_init(&without, 0, (time_t)1795347125);
	char prev[300], t[300];
	size_t pn = 0, bad = 0, parsed = 0;
	for (int i = 0; i < 400000; i++) {
		size_t n;
		if (pn && rnd() % 3 == 0) {
			/* the line before with other digits: the memo's case */
			memcpy(t, prev, pn);
			n = pn;
			for (int k = (int)(rnd() % 4); k >= 0; k--) {
				size_t at = (size_t)(rnd() % n);
				if (t[at] >= '0' && t[at] <= '9')
					t[at] = (char)('0' + rnd() % 10);
				else if (t[at] == '+' || t[at] == '-')
					t[at] = (char)('+' + '-' - t[at]);
				else if (rnd() % 3 == 0)
					t[at] = ". :x[]/0"[rnd() % 8];
			}
		} else {
			n = make_line(t, sizeof t);
		}
		memcpy(prev, t, n);
		pn = n;
		if (i % 50000 == 0) /* a new file: the year inferred again */
			syslog_state_init(&with, i % 100000 ? 2025 : 0, (time_t)1795347125),
			    syslog_state_init(&without, i % 100000 ? 2025 : 0, (time_t)1795347125);
		char *line = guard - n;
		memcpy(line, t, n);
		struct logline a, b;
		/* what the line before left, or other bytes: a field that the
		 * parse neither writes nor clears shows */
		if (rnd() % 2)
			memset(&a, (int)(rnd() & 0xff), sizeof a);
		memset(&b, 0x5a, sizeof b);
		memset(&without.memo, 0, sizeof without.memo);
		bool ra = syslog_parse(&with, span_make(line, n), &a);
		bool rb = syslog_parse(&without, span_make(line, n), &b);
		parsed += rb;
		if (ra != rb || !same_line(&a, &b) || with.year != without.year ||
		    with.last_month != without.last_month || with.last_ts.us != without.last_ts.us) {
			if (bad++ < 5)
				test_fail(__FILE__, __LINE__,
					  "\"%.*s\": %d/%d, ts %lld/%lld, pid %lld/%lld, text %zu/%zu, year %d/%d, month %d/%d, last %lld/%lld",
					  (int)n, line, ra, rb, (long long)a.ts.us, (long long)b.ts.us,
					  (long long)a.pid, (long long)b.pid, a.text.n, b.text.n, with.year,
					  without.year, with.last_month, without.last_month,
					  (long long)with.last_ts.us, (long long)without.last_ts.us);
			/* the same again from here */
			without.last_ts = with.last_ts;
		}
	}
	CHECK_INT(bad, 0);
	CHECK(parsed > 100000);
	/* the memo was used: each part holds something */
	CHECK(with.memo.min_len && with.memo.host_len && with.memo.iso_ok);
	if (tz)
		setenv("TZ", tz, 1), free(tz);
	else
		unsetenv("TZ");
	munmap(mem, (size_t)page * 2);
}

/* an hour that comes twice (summer time ends): mktime's answer may follow
 * the calls before it, so the memo keeps a minute only while local_hour's
 * cache holds the hour it was read with */
TEST(prefix_memo_hour_twice)
{
	static const char *const lines[] = {
	    "Oct 25 02:30:10 mx1 postfix/smtpd[1]: a", "2026-10-25T01:15:00 mx1 postfix/smtpd[1]: b",
	    "2026-10-25T04:15:00 mx1 postfix/smtpd[1]: c", "Oct 25 02:30:11 mx1 postfix/smtpd[1]: d",
	    "2026-10-25T01:15:00 mx1 postfix/smtpd[1]: e", "Oct 25 02:30:12 mx1 postfix/smtpd[1]: f",
	    "2026-10-25T03:15:00 mx1 postfix/smtpd[1]: g", "Oct 25 02:30:13 mx1 postfix/smtpd[1]: h",
	    "2026-10-25T02:15:00 mx1 postfix/smtpd[1]: i", "Oct 25 02:30:14 mx1 postfix/smtpd[1]: j"};
	char *tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
	static struct syslog_state with, without;
	syslog_state_init(&with, 2026, 0);
	syslog_state_init(&without, 2026, 0);
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		struct logline a, b;
		memset(&without.memo, 0, sizeof without.memo);
		CHECK(syslog_parse(&with, span_of(lines[i]), &a));
		CHECK(syslog_parse(&without, span_of(lines[i]), &b));
		if (a.ts.us != b.ts.us || a.ts.tzoff != b.ts.tzoff)
			test_fail(__FILE__, __LINE__, "%s: %lld%+d, want %lld%+d", lines[i], (long long)a.ts.us,
				  a.ts.tzoff, (long long)b.ts.us, b.ts.tzoff);
	}
	if (tz)
		setenv("TZ", tz, 1), free(tz);
	else
		unsetenv("TZ");
}

/* a pid of six or seven digits (speed38: the memo's word holds its first
 * eight bytes, the ": " or ' ' after them is tested apart): the memo
 * gives what the parse without it gives whatever follows the digits,
 * each line ending at a page the test cannot read */
TEST(prefix_memo_long_pid)
{
	static const char *const pids[] = {"123456", "1234567", "4194303", "12345", "12345678", "999999"};
	static const char *const after[] = {"]: text", "]:", "]: ", "]:x", "]", "] text", "]:: x", "x]: t", ""};
	long page = sysconf(_SC_PAGESIZE);
	char *mem = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(mem != MAP_FAILED);
	if (mem == MAP_FAILED)
		return;
	CHECK(mprotect(mem + page, (size_t)page, PROT_NONE) == 0);
	char *guard = mem + page;
	static struct syslog_state with, without;
	syslog_state_init(&with, 2026, 0);
	syslog_state_init(&without, 2026, 0);
	size_t bad = 0, hits = 0;
	for (int i = 0; i < 60000; i++) {
		char t[200];
		const char *pid = pids[rnd() % 3 ? rnd() % 3 : rnd() % (sizeof pids / sizeof pids[0])];
		const char *aft = after[rnd() % 2 ? 0 : rnd() % (sizeof after / sizeof after[0])];
		int n = snprintf(t, sizeof t, "%s mx1 postfix/%s[%s%s",
				 rnd() % 2 ? "Nov  1 02:11:18" : "2026-11-22T11:32:05.650309+00:00",
				 rnd() % 2 ? "smtpd" : "cleanup", pid, aft);
		if (rnd() % 7 == 0) /* cut anywhere */
			n = (int)(rnd() % (unsigned)(n + 1));
		char *line = guard - n;
		memcpy(line, t, (size_t)n);
		struct logline a, b;
		memset(&a, 0xa5, sizeof a);
		memset(&b, 0x5a, sizeof b);
		memset(&without.memo, 0, sizeof without.memo);
		bool ra = syslog_parse(&with, span_make(line, (size_t)n), &a);
		bool rb = syslog_parse(&without, span_make(line, (size_t)n), &b);
		hits += ra && a.pid >= 100000;
		if (ra != rb || (rb && !same_line(&a, &b))) {
			if (bad++ < 5)
				test_fail(__FILE__, __LINE__, "\"%.*s\": %d/%d, pid %lld/%lld, text %zu/%zu", n, line,
					  ra, rb, (long long)a.pid, (long long)b.pid, a.text.n, b.text.n);
		}
	}
	CHECK_INT(bad, 0);
	CHECK(hits > 10000);
	munmap(mem, (size_t)page * 2);
}

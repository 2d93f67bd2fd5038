/*
 * test_log_gaps.c - the system logger's own word that it dropped lines
 * (journald's "Suppressed N messages from UNIT" for Postfix's unit or an
 * unnamed one, rsyslog's imuxsock and imjournal rate limits, old and v8
 * wording) is log-lines-dropped, one group per logger whose key ends with
 * the sum of the counts; look-alikes (another service's unit, other
 * rsyslog lines, a Postfix line quoting the words) are not
 * (tests/data/variants-families3/127*).  And a log whose every line comes
 * twice in a row (the feed's count, log-lines-doubled: 128*).
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "parse/event.h"
#include "feed/feed.h"

static const struct {
	const char *line, *key; /* key NULL: not log-lines-dropped */
} gap_cases[] = {
    {"Dec  7 10:00:01 mx systemd-journald[312]: Suppressed 1234 messages from postfix@-.service", "systemd-journald"},
    {"Feb 14 19:59:53 mx systemd-journal[275]: Suppressed 23 messages from /system.slice/postfix.service", "systemd-journald"},
    {"Dec  7 10:00:02 mx rsyslogd: imjournal: 5432 messages lost due to rate-limiting (20000 allowed within 600 seconds)", "rsyslog imjournal"},
    {"Dec  7 10:00:03 mx rsyslogd: imjournal: begin to drop messages due to rate-limiting", "rsyslog imjournal"},
    {"Dec  7 10:00:04 mx rsyslogd[900]: imuxsock[pid 1234]: begin to drop messages due to rate-limiting", "rsyslog imuxsock"},
    {"Dec  7 10:00:05 mx rsyslogd[900]: imuxsock[pid 1234]: 77 messages lost due to rate-limiting", "rsyslog imuxsock"},
    {"Nov  7 14:23:14 thx1138 rsyslogd-2177: imuxsock lost 516 messages from pid 159386 due to rate-limiting", "rsyslog imuxsock"},
    /* look-alikes: another service's lines suppressed; rsyslog's start;
     * a Postfix line; an imuxsock line without a rate limit */
    {"Feb 14 19:59:53 mx systemd-journald[275]: Suppressed 23 messages from /system.slice/docker.service", NULL},
    {"Dec  7 10:00:06 mx rsyslogd: [origin software=\"rsyslogd\" swVersion=\"8.2102.0\" x-pid=\"900\"] start", NULL},
    {"Dec  7 10:00:07 mx postfix/smtpd[1235]: warning: imuxsock lost 5 messages due to rate-limiting", NULL},
    {"Dec  7 10:00:08 mx rsyslogd: imuxsock: Acquired UNIX socket '/run/systemd/journal/syslog' (fd 3) from systemd.", NULL},
};

TEST(diagnose_log_gap_rule)
{
	for (size_t i = 0; i < sizeof gap_cases / sizeof gap_cases[0]; i++) {
		const struct event *ev = progs_line(gap_cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit) && hit.id == F_LOG_LINES_DROPPED;
		if (got != !!gap_cases[i].key)
			test_fail(__FILE__, __LINE__, "case %zu: log-lines-dropped %s", i, got ? "given" : "missing");
		else if (got && strcmp(hit.key, gap_cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: key [%s], want [%s]", i, hit.key, gap_cases[i].key);
	}
}

/* the counts summed per logger into the key; a logger whose lines give
 * no count ("begin to drop") keeps its plain key */
TEST(diagnose_log_gap_sums)
{
	static const char *const lines[] = {
	    "Nov  7 14:23:14 thx1138 rsyslogd-2177: imuxsock lost 516 messages from pid 159386 due to rate-limiting",
	    "Nov  7 14:23:15 thx1138 rsyslogd-2177: imuxsock begins to drop messages from pid 159386 due to rate-limiting",
	    "Nov  7 14:23:20 thx1138 rsyslogd-2177: imuxsock lost 512 messages from pid 159386 due to rate-limiting",
	    "Nov  7 14:23:21 thx1138 rsyslogd: imjournal: begin to drop messages due to rate-limiting",
	    "Nov  7 14:23:22 thx1138 systemd-journald[312]: Suppressed 99999999999999999999 messages from postfix@-.service",
	};
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	CHECK_INT(d->nlist, 3);
	bool sum = false, plain = false, bounded = false;
	for (size_t i = 0; i < d->nlist; i++) {
		CHECK_STR(finding_id(d->list[i]->id), "log-lines-dropped");
		sum |= !strcmp(d->list[i]->key, "rsyslog imuxsock: 1028 messages lost");
		plain |= !strcmp(d->list[i]->key, "rsyslog imjournal");
		/* a count of more than 15 digits is no count: no overflow */
		bounded |= !strcmp(d->list[i]->key, "systemd-journald");
	}
	CHECK(sum);
	CHECK(plain);
	CHECK(bounded);
	diag_free(d);
}

static void no_event(const struct event *ev, void *ctx)
{
	(void)ev;
	(void)ctx;
}

/* doubled - the feed's count of copies over these lines */
static uint64_t doubled(const char *const *lines, size_t n, uint64_t *timed)
{
	static struct feed f;
	memset(&f, 0, sizeof f);
	f.forced_year = 2026;
	f.fn = no_event;
	for (size_t i = 0; i < n; i++)
		feed_logline(&f, progs_line(lines[i])->line);
	*timed = f.st.timed;
	return f.st.doubled;
}

/* the feed counts a Postfix line that is the one before it again; not
 * the same words of two processes or seconds, not a third copy as a
 * second pair, not another program's lines */
TEST(feed_log_doubled_count)
{
	static const char *const a = "Apr 13 14:56:58 mx postfix/postscreen[14266]: DNSBL rank 17 for [185.125.4.192]:58166";
	static const char *const b = "Apr 13 14:56:58 mx postfix/postscreen[14266]: DISCONNECT [185.125.4.192]:58166";
	static const char *const a2 = "Apr 13 14:56:58 mx postfix/postscreen[14267]: DNSBL rank 17 for [185.125.4.192]:58166";
	static const char *const o = "Apr 13 14:56:58 mx dovecot: imap-login: Disconnected (no auth attempts in 0 secs)";
	uint64_t timed;
	const char *const aabb[] = {a, a, b, b};
	CHECK_INT(doubled(aabb, 4, &timed), 2);
	CHECK_INT(timed, 4);
	const char *const abab[] = {a, b, a, b};
	CHECK_INT(doubled(abab, 4, &timed), 0);
	const char *const aaa[] = {a, a, a};
	CHECK_INT(doubled(aaa, 3, &timed), 1);
	const char *const other[] = {a, a2, o, o};
	CHECK_INT(doubled(other, 4, &timed), 0);
	CHECK_INT(timed, 2);
	/* two long lines alike but for a byte past the first 256, before the
	 * last 64: the same length, not a copy (the tail differs) */
	char l1[600], l2[600];
	snprintf(l1, sizeof l1, "Apr 13 14:56:58 mx postfix/smtpd[1]: warning: %0400d x %064d", 1, 2);
	snprintf(l2, sizeof l2, "Apr 13 14:56:58 mx postfix/smtpd[1]: warning: %0400d y %064d", 1, 3);
	const char *const longs[] = {l1, l2};
	CHECK_INT(doubled(longs, 2, &timed), 0);
}

/* the finding: two copies and a third of the timed lines or more */
TEST(diagnose_log_doubled_finding)
{
	static const struct {
		uint64_t timed, doubled;
		bool told;
	} cases[] = {{6, 3, true}, {6, 2, true}, {6, 1, false}, {30, 3, false}, {0, 0, false}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct diag *d = diag_new();
		diag_log_doubled(d, cases[i].timed, cases[i].doubled);
		diag_finish(d);
		bool told = d->nlist == 1 && d->list[0]->id == F_LOG_LINES_DOUBLED &&
			    d->list[0]->lines == cases[i].doubled;
		if (told != cases[i].told || (!told && d->nlist))
			test_fail(__FILE__, __LINE__, "case %zu: told %d, %zu groups", i, told, d->nlist);
		diag_free(d);
	}
}

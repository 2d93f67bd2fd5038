/* test_prefix.c - every syslog line shape from real examples. */
#include "tap.h"
#include "syslog/prefix.h"
#include "util/buf.h"

#include <stdio.h>

#include <stdlib.h>

/* parse - one line with a fixed reference year */
static bool parse(struct syslog_state *st, const char *line, struct logline *l)
{
	return syslog_parse(st, span_of(line), l);
}

/* iso_of - the stamp as ISO-8601 text */
static const char *iso_of(struct stamp t)
{
	static char out[64];
	struct buf b = {0};
	buf_stamp(&b, t);
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p);
	buf_free(&b);
	return out;
}

TEST(prefix_rsyslog_iso)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	CHECK(parse(&st, "2026-11-22T11:32:05.650309+00:00 mx1 postfix/smtpd[15098]: connect from unknown[203.0.113.67]", &l));
	CHECK_INT(l.format, FMT_ISO);
	CHECK_STR(iso_of(l.ts), "2026-11-22T11:32:05.650309+00:00");
	CHECK_SPAN(l.host, "mx1");
	CHECK_SPAN(l.prog, "postfix/smtpd");
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.instance, "postfix");
	CHECK_INT(l.pid, 15098);
	CHECK(l.postfix);
	CHECK_SPAN(l.text, "connect from unknown[203.0.113.67]");
}

TEST(prefix_iso_zone_forms)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	/* journalctl -o short-iso: whole seconds, offset without a colon */
	CHECK(parse(&st, "2026-11-22T11:32:05+0000 mx1 postfix/smtpd[15098]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-22T11:32:05+00:00");
	CHECK(parse(&st, "2026-11-22T13:32:05.5+02:00 mx1 postfix/qmgr[1]: x", &l));
	CHECK(l.ts.us == (int64_t)1795347125 * 1000000 + 500000);
	CHECK_STR(iso_of(l.ts), "2026-11-22T13:32:05.5+02:00");
	CHECK(parse(&st, "2026-11-22T11:32:05Z mx1 postfix/qmgr[1]: x", &l));
	CHECK(l.ts.us == (int64_t)1795347125 * 1000000);
}

TEST(prefix_classic_with_year_and_rollover)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2025, 0);
	CHECK(parse(&st, "Dec 31 23:59:59 mx1 postfix/smtpd[1]: connect from a[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2025-12-31T23:59:59+00:00");
	CHECK(parse(&st, "Jan  1 00:00:01 mx1 postfix/smtpd[1]: disconnect from a[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2026-01-01T00:00:01+00:00");
	/* slightly out of order lines do not roll the year back */
	CHECK(parse(&st, "Jan  1 00:00:00 mx1 postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-01-01T00:00:00+00:00");
}

TEST(prefix_classic_year_inferred_from_reference)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	/* reference: 2026-02-10; a December line is from the year before */
	syslog_state_init(&st, 0, (time_t)1770681600);
	CHECK(parse(&st, "Dec 30 10:00:00 mx1 postfix/qmgr[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2025-12-30T10:00:00+00:00");
	syslog_state_init(&st, 0, (time_t)1770681600);
	CHECK(parse(&st, "Feb  9 10:00:00 mx1 postfix/qmgr[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-02-09T10:00:00+00:00");
}

TEST(prefix_short_precise_and_maillog_file)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	/* journalctl -o short-precise */
	CHECK(parse(&st, "Nov 22 11:32:05.650309 mx1 postfix/smtpd[15098]: connect from unknown[203.0.113.67]", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-22T11:32:05.650309+00:00");
	/* Postfix's own maillog_file: zero-padded day */
	CHECK(parse(&st, "Nov 02 11:53:44 mx1 postfix/smtpd[27749]: connect from unknown[127.45.0.10]", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-02T11:53:44+00:00");
	CHECK_SPAN(l.host, "mx1");
}

TEST(prefix_no_hostname_seed004)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2023, 0);
	CHECK(parse(&st, "Feb 23 11:57:42 postfix/smtpd[32451]: connect from unknown[]", &l));
	CHECK_INT(l.host.n, 0);
	CHECK_SPAN(l.prog, "postfix/smtpd");
	CHECK_INT(l.pid, 32451);
	CHECK_SPAN(l.text, "connect from unknown[]");
}

TEST(prefix_syslog_name_variants_and_severity)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "Nov 22 11:33:50 mx1 postfix/submission/smtpd[15320]: warning: unknown[198.51.100.206]: SASL LOGIN authentication failed: x", &l));
	CHECK_SPAN(l.instance, "postfix");
	CHECK_SPAN(l.service, "submission");
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.severity, "warning");
	CHECK_SPAN(l.text, "unknown[198.51.100.206]: SASL LOGIN authentication failed: x");
	CHECK(parse(&st, "Nov 22 11:33:50 relay postfix-out/smtp[77]: fatal: no SASL", &l));
	CHECK_SPAN(l.instance, "postfix-out");
	CHECK_SPAN(l.daemon, "smtp");
	CHECK_SPAN(l.severity, "fatal");
	CHECK(l.postfix);
	/* not Postfix: no severity split, flagged as other */
	CHECK(parse(&st, "Nov 22 11:33:49 mx1 dovecot: auth: passwd-file(test1,198.51.100.206): unknown user", &l));
	CHECK(!l.postfix);
	CHECK_INT(l.pid, -1);
	CHECK_SPAN(l.text, "auth: passwd-file(test1,198.51.100.206): unknown user");
}

TEST(prefix_rfc5424_and_pri)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	CHECK(parse(&st, "<22>1 2026-11-22T11:32:05.003Z mx1 postfix/smtpd 15098 - - connect from unknown[203.0.113.67]", &l));
	CHECK_INT(l.format, FMT_RFC5424);
	CHECK_SPAN(l.host, "mx1");
	CHECK_INT(l.pid, 15098);
	CHECK_SPAN(l.text, "connect from unknown[203.0.113.67]");
	CHECK(parse(&st, "<22>1 2026-11-22T11:32:05Z mx1 postfix/qmgr 9 ID47 [meta x=\"a\\]b\"] 1A2B3C4D5E: removed", &l));
	CHECK_SPAN(l.text, "1A2B3C4D5E: removed");
	/* a traditional line behind a PRI */
	CHECK(parse(&st, "<22>Nov 22 11:32:05 mx1 postfix/smtpd[1]: x", &l));
	CHECK_INT(l.format, FMT_CLASSIC);
}

TEST(prefix_rejects_garbage)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(!parse(&st, "", &l));
	CHECK(!parse(&st, "Transcript of session follows.", &l));
	CHECK(!parse(&st, "Nov 22 25:00:00 mx1 postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "2026-13-22T11:32:05Z mx1 postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "Nov 22 11:32:05 mx1 postfix/smtpd[abc]: x", &l));
	char nul[] = "Nov 22 11:32:05 mx1 postfix/smtpd[1]: a\0b";
	CHECK(syslog_parse(&st, span_make(nul, sizeof nul - 1), &l));
	CHECK_INT(l.text.n, 3);
}

/* pids of every length (one to eight digits are read as one word, longer
 * ones digit by digit), short tags, and a bad byte in any position */
TEST(prefix_pid_every_length)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	const char *tags[] = {"postfix/smtpd", "smtpd", "p/s"};
	for (int t = 0; t < 3; t++) {
		uint64_t want = 0;
		for (int k = 1; k <= 19; k++) {
			want = want * 10 + (uint64_t)(k % 10);
			char line[160], digits[24];
			snprintf(digits, sizeof digits, "%llu", (unsigned long long)want);
			snprintf(line, sizeof line, "2026-11-22T11:32:05+00:00 mx1 %s[%s]: connect from x",
				 tags[t], digits);
			if (!parse(&st, line, &l) || l.pid != (int64_t)want) {
				test_fail(__FILE__, __LINE__, "%s: pid %lld", line, (long long)l.pid);
				break;
			}
			CHECK_SPAN(l.text, "connect from x");
			/* a byte that is not a digit, at each place: not a pid */
			for (size_t at = 0; at < strlen(digits); at++) {
				for (const char *bad = "/:\x80" "a" "\x06"; *bad; bad++) {
					char d2[24];
					strcpy(d2, digits);
					d2[at] = *bad;
					snprintf(line, sizeof line,
						 "2026-11-22T11:32:05+00:00 mx1 %s[%s]: x", tags[t], d2);
					if (parse(&st, line, &l))
						test_fail(__FILE__, __LINE__, "%s: took pid %lld", line,
							  (long long)l.pid);
				}
			}
		}
	}
	CHECK(parse(&st, "2026-11-22T11:32:05+00:00 mx1 postfix/smtpd[-12]: x", &l));
	CHECK_INT(l.pid, -12);
	/* a '[' that does not open a pid at the end: part of the name */
	CHECK(parse(&st, "2026-11-22T11:32:05+00:00 mx1 postfix/smtpd[bar: x", &l));
	CHECK_SPAN(l.prog, "postfix/smtpd[bar");
	CHECK_INT(l.pid, -1);
	CHECK(parse(&st, "2026-11-22T11:32:05+00:00 mx1 a[b][42]: x", &l));
	CHECK_SPAN(l.prog, "a[b]");
	CHECK_INT(l.pid, 42);
	CHECK(!parse(&st, "2026-11-22T11:32:05+00:00 mx1 smtpd]: x", &l));
}

/* lines of one second in a row (the cached second, fraction and zone),
 * then the same second with another zone, more digits, a bad digit */
TEST(prefix_iso_same_second_in_a_row)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	static const char *const in[][2] = {
	    {"2026-11-22T11:32:05.650309+00:00", "2026-11-22T11:32:05.650309+00:00"},
	    {"2026-11-22T11:32:05.000001+00:00", "2026-11-22T11:32:05.000001+00:00"},
	    {"2026-11-22T11:32:05.999999+00:00", "2026-11-22T11:32:05.999999+00:00"},
	    {"2026-11-22T11:32:05.000002+02:00", "2026-11-22T11:32:05.000002+02:00"},
	    {"2026-11-22T11:32:05.000003-05:30", "2026-11-22T11:32:05.000003-05:30"},
	    {"2026-11-22T11:32:05.1234567+00:00", "2026-11-22T11:32:05.123456+00:00"},
	    {"2026-11-22T11:32:05.123+00:00", "2026-11-22T11:32:05.123+00:00"},
	    {"2026-11-22T11:32:05.650309Z", "2026-11-22T11:32:05.650309+00:00"},
	    {"2026-11-22T11:32:06.650309+00:00", "2026-11-22T11:32:06.650309+00:00"},
	};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char line[128];
		snprintf(line, sizeof line, "%s mx1 postfix/smtpd[1]: connect from x", in[i][0]);
		CHECK(parse(&st, line, &l));
		CHECK_STR(iso_of(l.ts), in[i][1]);
		CHECK_SPAN(l.host, "mx1");
	}
	/* a byte that is not a digit in the fraction: not this shape */
	CHECK(!parse(&st, "2026-11-22T11:32:06.65x309+00:00 mx1 postfix/smtpd[1]: x", &l) ||
	      !span_eq(l.host, SPAN_LIT("mx1")));
}

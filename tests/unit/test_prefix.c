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

/* a template that writes the year before the classic time: the year is
 * the line's own, whatever the inference would say */
TEST(prefix_year_then_classic)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "2013 Jun 10 10:08:17.123 gds39d postfix/qmgr[6273]: 953B93FC06: removed", &l));
	CHECK_INT(l.format, FMT_CLASSIC);
	CHECK_STR(iso_of(l.ts), "2013-06-10T10:08:17.123+00:00");
	CHECK_INT(l.ts.prec, 3);
	CHECK_SPAN(l.host, "gds39d");
	CHECK_SPAN(l.text, "953B93FC06: removed");
	CHECK(parse(&st, "2014 Jan  2 00:00:01 mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2014-01-02T00:00:01+00:00");
	/* not a year, or no classic time after it */
	CHECK(!parse(&st, "1969 Jun 10 10:08:17 mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "2013 Jux 10 10:08:17 mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "2013-Jun 10 10:08:17 mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "2013 Jun 10", &l));
	/* the inferred year of classic lines is not moved by them */
	CHECK(parse(&st, "Mar  4 09:00:00 mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-03-04T09:00:00+00:00");
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

/* threads23Y: a pid typed over before pasting ("[xxxxx]", "[XXXX]",
 * "[***]"): the tag all the same, the pid unknown; marks mixed with
 * digits or letters, or longer than a pid, are no pid */
TEST(prefix_pid_masked)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 0, 0);
	CHECK(parse(&st, "Nov 12 10:00:00 mac postfix/master[xxxxx]: fatal: bind fe80::1 port 25: x", &l));
	CHECK(l.postfix);
	CHECK_SPAN(l.daemon, "master");
	CHECK_INT(l.pid, -1);
	CHECK_SPAN(l.severity, "fatal");
	CHECK(parse(&st, "Nov 12 10:00:00 mac postfix/smtpd[XXXX]: connect from x", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_INT(l.pid, -1);
	CHECK(parse(&st, "Nov 12 10:00:00 mac postfix/smtpd[***]: connect from x", &l));
	CHECK_INT(l.pid, -1);
	CHECK(!parse(&st, "Nov 12 10:00:00 mac postfix/smtpd[12x4]: connect from x", &l));
	CHECK(!parse(&st, "Nov 12 10:00:00 mac postfix/smtpd[xyz]: connect from x", &l));
	CHECK(!parse(&st, "Nov 12 10:00:00 mac postfix/smtpd[xxxxxxxxxxxxxxxxxxxx]: connect from x", &l));
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

/* ---- pasted shapes (paste.c) ---------------------------------------------- */

/* one pasted line: want_ok, then what the logline must hold; host NULL
 * means "no host", ts NULL means "no time on the line" (FMT_NOTIME) */
struct pasted_case {
	const char *line;
	bool ok;
	const char *ts, *host, *prog;
	long long pid;
	const char *severity, *text;
};

/* check_pasted - run one table of lines through one state, in order */
static void check_pasted(const struct pasted_case *c, size_t n)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	for (size_t i = 0; i < n; i++, c++) {
		bool ok = parse(&st, c->line, &l);
		if (ok != c->ok) {
			test_fail(__FILE__, __LINE__, "%s: got %s, want %s", c->line,
				  ok ? "a log line" : "no prefix", c->ok ? "a log line" : "no prefix");
			continue;
		}
		if (!ok)
			continue;
		if (c->ts) {
			CHECK_STR(iso_of(l.ts), c->ts);
			CHECK(l.format == FMT_ISO || l.format == FMT_CLASSIC);
		} else {
			CHECK_INT(l.format, FMT_NOTIME);
		}
		if (!c->host ? l.host.n != 0 : !span_eqs(l.host, c->host))
			test_fail(__FILE__, __LINE__, "%s: host: got \"%.*s\", want \"%s\"", c->line,
				  (int)l.host.n, l.host.p ? l.host.p : "", c->host ? c->host : "");
		if (!span_eqs(l.prog, c->prog))
			test_fail(__FILE__, __LINE__, "%s: prog: got \"%.*s\", want \"%s\"", c->line,
				  (int)l.prog.n, l.prog.p ? l.prog.p : "", c->prog);
		if (l.pid != c->pid)
			test_fail(__FILE__, __LINE__, "%s: pid: got %lld, want %lld", c->line,
				  (long long)l.pid, c->pid);
		if (!span_eqs(l.severity, c->severity))
			test_fail(__FILE__, __LINE__, "%s: severity: got \"%.*s\", want \"%s\"", c->line,
				  (int)l.severity.n, l.severity.p ? l.severity.p : "", c->severity);
		if (!span_eqs(l.text, c->text))
			test_fail(__FILE__, __LINE__, "%s: text: got \"%.*s\", want \"%s\"", c->line,
				  (int)l.text.n, l.text.p ? l.text.p : "", c->text);
	}
}

/* docker-compose prefixes: "service  | " before the syslog line, colour
 * codes or not (qa-dev 05, 37) */
TEST(prefix_pasted_docker_compose)
{
	static const struct pasted_case c[] = {
	    {"postfix-mailcow_1    | Oct 12 11:39:44 mx postfix/error[7376]: 0A8CA8070E: to=<munged>, relay=none, dsn=4.4.3, status=deferred (delivery temporarily suspended: Host or domain name not found. Name service error",
	     true, "2026-10-12T11:39:44+00:00", "mx", "postfix/error", 7376, "",
	     "0A8CA8070E: to=<munged>, relay=none, dsn=4.4.3, status=deferred (delivery temporarily suspended: Host or domain name not found. Name service error"},
	    {"postfix-mailcow_1    | May 31 11:00:46 postfix/smtpd[782]: warning: not enough free space in mail queue: 9679581184 bytes < 1.5*message size limit",
	     true, "2026-05-31T11:00:46+00:00", NULL, "postfix/smtpd", 782, "warning",
	     "not enough free space in mail queue: 9679581184 bytes < 1.5*message size limit"},
	    {"\x1b[36mmailserver_1  |\x1b[0m Feb 16 11:03:54 mail postfix/postscreen[12994]: PASS OLD [172.21.0.1]:54410",
	     true, "2026-02-16T11:03:54+00:00", "mail", "postfix/postscreen", 12994, "",
	     "PASS OLD [172.21.0.1]:54410"},
	    /* the colour codes with their escape byte printed as text, as a
	     * log viewer ("ESC"), cat -v or less ("^[") or a JSON export
	     * ("\u001b") shows them */
	    {"ESC[36mmail              |ESC[0m Apr 29 14:16:25 mail postfix/smtpd[1701]: warning: connect to localhost:65265: Cannot assign requested address",
	     true, "2026-04-29T14:16:25+00:00", "mail", "postfix/smtpd", 1701, "warning",
	     "connect to localhost:65265: Cannot assign requested address"},
	    {"^[[36mmail  |^[[0m Apr 29 14:16:25 mail postfix/smtpd[1701]: connect from unknown[192.0.2.1]",
	     true, "2026-04-29T14:16:25+00:00", "mail", "postfix/smtpd", 1701, "",
	     "connect from unknown[192.0.2.1]"},
	    {"\\u001b[1;32mmail  |\\u001b[0m Apr 29 14:16:25 mail postfix/smtpd[1701]: connect from unknown[192.0.2.1]",
	     true, "2026-04-29T14:16:25+00:00", "mail", "postfix/smtpd", 1701, "",
	     "connect from unknown[192.0.2.1]"},
	    {"mailserver-1  | 2026-02-16T11:03:54.123456+00:00 mail postfix/smtpd[13007]: connect from unknown[172.21.0.1]",
	     true, "2026-02-16T11:03:54.123456+00:00", "mail", "postfix/smtpd", 13007, "",
	     "connect from unknown[172.21.0.1]"},
	    /* a service named "postfix" is a label, not a tag */
	    {"postfix  | Feb 16 11:03:54 mail postfix/smtpd[13007]: connect from unknown[172.21.0.1]",
	     true, "2026-02-16T11:03:54+00:00", "mail", "postfix/smtpd", 13007, "",
	     "connect from unknown[172.21.0.1]"},
	    /* docker logs -t: the engine's time first, syslog's skipped */
	    {"2026-07-12T10:11:12.123456789Z Jul 12 10:11:12 mail postfix/smtpd[1]: connect from x[192.0.2.1]",
	     true, "2026-07-12T10:11:12.123456+00:00", "mail", "postfix/smtpd", 1, "",
	     "connect from x[192.0.2.1]"},
	    /* kubectl logs --prefix */
	    {"[pod/mail-0/postfix] Feb 16 11:03:54 mail postfix/smtpd[9]: connect from x[192.0.2.1]",
	     true, "2026-02-16T11:03:54+00:00", "mail", "postfix/smtpd", 9, "", "connect from x[192.0.2.1]"},
	    /* a container runtime's (CRI) log file: time, stream, F or P */
	    {"2026-07-12T10:11:12.123456789Z stdout F Jul 12 10:11:12 mail postfix/smtpd[1]: connect from x[192.0.2.1]",
	     true, "2026-07-12T10:11:12.123456+00:00", "mail", "postfix/smtpd", 1, "",
	     "connect from x[192.0.2.1]"},
	    {"2026-07-12T10:11:13.5Z stderr P postfix/smtpd[2]: warning: hostname x does not resolve to address 192.0.2.1",
	     true, "2026-07-12T10:11:13.5+00:00", NULL, "postfix/smtpd", 2, "warning",
	     "hostname x does not resolve to address 192.0.2.1"},
	    /* a log printer that wrote the whole prefix twice */
	    {"mail    | Sep  7 18:38:01 mail postfix/submission/smtpd[5384]: mail    | Sep  7 18:38:01 mail postfix/submission/smtpd[5384]: connect from x[192.0.2.1]",
	     true, "2026-09-07T18:38:01+00:00", "mail", "postfix/submission/smtpd", 5384, "",
	     "connect from x[192.0.2.1]"},
	    /* a text that only starts like the prefix keeps it */
	    {"mail    | Sep  7 18:38:01 mail postfix/smtpd[5384]: mail    | Sep  7 18:38:02 x",
	     true, "2026-09-07T18:38:01+00:00", "mail", "postfix/smtpd", 5384, "",
	     "mail    | Sep  7 18:38:02 x"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* web-UI exports: "date | level | message" and other column orders,
 * tabs, a markdown table, newest first */
TEST(prefix_pasted_web_ui_columns)
{
	static const struct pasted_case c[] = {
	    {"2026-01-02 10:11:12 | warning | postfix/smtpd[123]: warning: hostname mail.example does not resolve to address 192.0.2.7",
	     true, "2026-01-02T10:11:12+00:00", NULL, "postfix/smtpd", 123, "warning",
	     "hostname mail.example does not resolve to address 192.0.2.7"},
	    {"2026-01-02 10:11:11 | info | postfix/smtpd[123]: connect from mail.example[192.0.2.7]",
	     true, "2026-01-02T10:11:11+00:00", NULL, "postfix/smtpd", 123, "",
	     "connect from mail.example[192.0.2.7]"},
	    {"2026-01-02 10:11:10 | mx1 | INFO | postfix/smtpd[123]: connect from a[192.0.2.8]",
	     true, "2026-01-02T10:11:10+00:00", "mx1", "postfix/smtpd", 123, "",
	     "connect from a[192.0.2.8]"},
	    {"warning | 2026-01-02 10:11:09 | postfix/smtpd[123]: warning: x",
	     true, "2026-01-02T10:11:09+00:00", NULL, "postfix/smtpd", 123, "warning", "x"},
	    {"2026-01-02 10:11:08\tinfo\tpostfix/qmgr[7]: 4C3F81234: removed",
	     true, "2026-01-02T10:11:08+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81234: removed"},
	    /* the message first, the level and date after it */
	    {"postfix/qmgr[7]: 4C3F81235: removed | info | 2026-01-02 10:11:07",
	     true, "2026-01-02T10:11:07+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81235: removed"},
	    {"| 2026-01-02 10:11:06 | info | postfix/qmgr[7]: 4C3F81236: removed |",
	     true, "2026-01-02T10:11:06+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81236: removed"},
	    /* the tag in a column of its own */
	    {"2026-01-02 10:11:05 | postfix/qmgr[7] | 4C3F81237: removed",
	     true, "2026-01-02T10:11:05+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81237: removed"},
	    {"2026-01-02 10:11:04,517 INFO postfix/qmgr[7]: 4C3F81238: removed",
	     true, "2026-01-02T10:11:04+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81238: removed"},
	    /* a browser's locale date, the day first ("d.m.yyyy, hh:mm:ss"),
	     * quoted in an issue; the tag was not in the table */
	    {"> 4.1.2026, 11:16:09 | warning | warning: process /usr/lib/postfix/sbin/smtpd pid 342 exit status 1",
	     true, "2026-01-04T11:16:09+00:00", NULL, "", -1, "warning",
	     "process /usr/lib/postfix/sbin/smtpd pid 342 exit status 1"},
	    {"04.01.2026 11:16:10 | info | postfix/qmgr[7]: 4C3F81239: removed",
	     true, "2026-01-04T11:16:10+00:00", NULL, "postfix/qmgr", 7, "", "4C3F81239: removed"},
	    /* not a date: a version, a day past 31, a two-digit year */
	    {.line = "3.1.6, 11:16:09 | info | started"},
	    {.line = "32.1.2026, 11:16:09 | info | started"},
	    /* the header row of the table is no log line */
	    {.line = "| Time | Level | Message |"},
	    {.line = "Time\tPriority\tMessage"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* "ISO-ts LEVEL postfix/...": the level is not the host */
TEST(prefix_pasted_iso_level)
{
	static const struct pasted_case c[] = {
	    {"2021-03-04T05:06:07.123Z INFO postfix/smtpd[12]: connect from unknown[192.0.2.1]",
	     true, "2021-03-04T05:06:07.123+00:00", NULL, "postfix/smtpd", 12, "",
	     "connect from unknown[192.0.2.1]"},
	    {"2021-03-04T05:06:08Z mx1 WARNING postfix/smtpd[12]: warning: x", true,
	     "2021-03-04T05:06:08+00:00", "mx1", "postfix/smtpd", 12, "warning", "x"},
	    {"2021-03-04T05:06:09Z [error] postfix/smtpd[12]: x", true, "2021-03-04T05:06:09+00:00",
	     NULL, "postfix/smtpd", 12, "", "x"},
	    {"Mar  4 05:06:10 notice postfix/smtpd[12]: x", true, "2026-03-04T05:06:10+00:00", NULL,
	     "postfix/smtpd", 12, "", "x"},
	    /* a '|' where the host goes is no host */
	    {"2021-03-04 05:06:11 | postfix/smtpd[12]: x", true, "2021-03-04T05:06:11+00:00", NULL,
	     "postfix/smtpd", 12, "", "x"},
	    /* real host names that start like level words stay hosts */
	    {"2021-03-04T05:06:12Z email postfix/smtpd[12]: x", true, "2021-03-04T05:06:12+00:00",
	     "email", "postfix/smtpd", 12, "", "x"},
	    {"2021-03-04T05:06:13Z info.example.org postfix/smtpd[12]: x", true,
	     "2021-03-04T05:06:13+00:00", "info.example.org", "postfix/smtpd", 12, "", "x"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* markdown and mail artefacts: bullets, quotes, numbers, indentation; a
 * line wrapped by the paste tool stays without prefix (qa-dev 26) */
TEST(prefix_pasted_markdown)
{
	static const struct pasted_case c[] = {
	    {"- Feb 16 11:03:54 mail postfix/smtpd[13007]: warning: texthash:/tmp/docker-mailserver/postfix-send-access.cf is unavailable. open database /tmp/docker-mailserver/postfix-send-access.cf: No such f",
	     true, "2026-02-16T11:03:54+00:00", "mail", "postfix/smtpd", 13007, "warning",
	     "texthash:/tmp/docker-mailserver/postfix-send-access.cf is unavailable. open database /tmp/docker-mailserver/postfix-send-access.cf: No such f"},
	    {.line = "- ile or directory"},
	    {"> Feb 16 11:03:55 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:55+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    {">> Feb 16 11:03:56 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:56+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    {"* Feb 16 11:03:57 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:57+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    {"    Feb 16 11:03:58 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:58+00:00",
	     "mail", "postfix/smtpd", 1, "", "x"},
	    {"\tFeb 16 11:03:59 mail postfix/smtpd[1]: x", true, "2026-02-16T11:03:59+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    {"12. Feb 16 11:04:00 mail postfix/smtpd[1]: x", true, "2026-02-16T11:04:00+00:00",
	     "mail", "postfix/smtpd", 1, "", "x"},
	    {"\xe2\x80\xa2 Feb 16 11:04:01 mail postfix/smtpd[1]: x", true,
	     "2026-02-16T11:04:01+00:00", "mail", "postfix/smtpd", 1, "", "x"},
	    {"`Feb 16 11:04:02 mail postfix/smtpd[1]: x`", true, "2026-02-16T11:04:02+00:00", "mail",
	     "postfix/smtpd", 1, "", "x`"},
	    {"\xef\xbb\xbf" "Feb 16 11:04:03 mail postfix/smtpd[1]: x", true,
	     "2026-02-16T11:04:03+00:00", "mail", "postfix/smtpd", 1, "", "x"},
	    /* threads18K: markdown italics or bold around the line */
	    {"_Feb 16 11:04:04 mail postfix/smtpd[1]: x y_", true, "2026-02-16T11:04:04+00:00", "mail",
	     "postfix/smtpd", 1, "", "x y"},
	    {"**Feb 16 11:04:05 mail postfix/smtpd[1]: x**", true, "2026-02-16T11:04:05+00:00", "mail",
	     "postfix/smtpd", 1, "", "x"},
	    /* a non-Postfix line pasted with its time: read, not Postfix's */
	    {"- Jan 19 14:16:13 host kernel: rmilter[2867]: segfault at 7fafac021024", true,
	     "2026-01-19T14:16:13+00:00", "host", "kernel", -1, "",
	     "rmilter[2867]: segfault at 7fafac021024"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* no time, no host, no pid, an empty pid, no tag (qa-dev 17, 19, 23, 28) */
TEST(prefix_pasted_no_time_no_pid)
{
	static const struct pasted_case c[] = {
	    {"postfix/master[843]: fatal: bind IP.IP.IP.IP port 465: Address already in use", true,
	     NULL, NULL, "postfix/master", 843, "fatal", "bind IP.IP.IP.IP port 465: Address already in use"},
	    {"mail postfix/master[20375]: warning: process /usr/lib/postfix/sbin/proxymap pid 21497 killed by signal 6",
	     true, NULL, "mail", "postfix/master", 20375, "warning",
	     "process /usr/lib/postfix/sbin/proxymap pid 21497 killed by signal 6"},
	    {"postfix/cleanup: warning: connect to Milter service inet:localhost:8891: Connection refused",
	     true, NULL, NULL, "postfix/cleanup", -1, "warning",
	     "connect to Milter service inet:localhost:8891: Connection refused"},
	    {"Sep 16 09:22:05 nixe.k4cg.org postfix/qmgr[23117]: warning: connect to transport private/mailman: No such file or directory",
	     true, "2026-09-16T09:22:05+00:00", "nixe.k4cg.org", "postfix/qmgr", 23117, "warning",
	     "connect to transport private/mailman: No such file or directory"},
	    /* Postfix's own text with no tag at all: its time is the last one read */
	    {"warning: database /var/lib/mlmmj/transports.db is older than source file /var/lib/mlmmj/transports",
	     true, NULL, NULL, "", -1, "warning",
	     "database /var/lib/mlmmj/transports.db is older than source file /var/lib/mlmmj/transports"},
	    {"Feb 16 11:03:54 mail postfix/smtpd[]: connect from unknown[192.0.2.1]", true,
	     "2026-02-16T11:03:54+00:00", "mail", "postfix/smtpd", -1, "", "connect from unknown[192.0.2.1]"},
	    {"postfix/smtpd[]: connect from unknown[192.0.2.1]", true, NULL, NULL, "postfix/smtpd", -1,
	     "", "connect from unknown[192.0.2.1]"},
	    {"postfix-mailcow_1 | postfix/smtpd[5]: connect from unknown[192.0.2.1]", true, NULL, NULL,
	     "postfix/smtpd", 5, "", "connect from unknown[192.0.2.1]"},
	    /* the table and configuration commands' stderr, bare tag, as a
	     * container's start script prints it (colour codes, a label) */
	    {"\x1b[36mmail   |\x1b[0m postalias: fatal: unsupported dictionary type: lmdb. Is the postfix-lmdb package installed?",
	     true, NULL, NULL, "postalias", -1, "fatal",
	     "unsupported dictionary type: lmdb. Is the postfix-lmdb package installed?"},
	    {"postmap: fatal: open /etc/postfix/transport: No such file or directory", true, NULL, NULL,
	     "postmap", -1, "fatal", "open /etc/postfix/transport: No such file or directory"},
	    {"postconf: warning: /etc/postfix/main.cf: unused parameter: smtpd_foo=yes", true, NULL, NULL,
	     "postconf", -1, "warning", "/etc/postfix/main.cf: unused parameter: smtpd_foo=yes"},
	    /* threads18K: another program's line with its pid (a panel's mail
	     * handlers in Plesk's maillog): read, not Postfix's; without a
	     * pid, or after a word, it is prose */
	    {"/usr/lib64/plesk-9.0/psa-pc-remote[5977]: REJECT during call 'limit-out' handler", true, NULL,
	     NULL, "/usr/lib64/plesk-9.0/psa-pc-remote", 5977, "", "REJECT during call 'limit-out' handler"},
	    {"Note: the handler said REJECT", false, NULL, NULL, NULL, 0, NULL, NULL},
	    {"The log[1]: says more", false, NULL, NULL, NULL, 0, NULL, NULL},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
	/* the time a line without one takes: the last one read, or none */
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "postfix/master[1]: warning: x", &l));
	CHECK_INT(l.ts.us, 0);
	CHECK(parse(&st, "2026-09-16T09:22:05Z mx postfix/qmgr[2]: warning: x", &l));
	CHECK(parse(&st, "warning: database a.db is older than source file a", &l));
	CHECK_STR(iso_of(l.ts), "2026-09-16T09:22:05+00:00");
	CHECK_INT(l.format, FMT_NOTIME);
}

/* what must stay without prefix: prose, mail headers, a pasted
 * transcript's dialogue (read by transcript.c from lines with no prefix),
 * a timeless line of another program, a wrapped line */
TEST(prefix_pasted_rejects_prose)
{
	static const struct pasted_case c[] = {
	    {.line = "Transcript of session follows."},
	    {.line = "Out: 220 hostname.tld ESMTP Postfix"},
	    {.line = "In: ."},
	    {.line = "Out: 502 5.5.2 Error: command not recognized"},
	    {.line = "Session aborted, reason: lost connection"},
	    {.line = "Subject: Postfix SMTP server: errors from unknown[192.0.2.1]"},
	    {.line = "Received: from mail.example.com (mail.example.com [192.0.2.1])"},
	    {.line = "X-Postfix-Queue-ID: 4C3F81234"},
	    {.line = "kernel: rmilter[20385]: segfault at 7fe124021034"},
	    {.line = "I see postfix/smtpd[1]: connect from x[192.0.2.1] every minute"},
	    {.line = "Postfix warning: something"},
	    {.line = "ile or directory"},
	    {.line = "(some cipher text)"},
	    {.line = "- "},
	    {.line = "|"},
	    {.line = "\x1b[0m"},
	    {.line = "ESC[0m"},
	    {.line = "ESC[ is not a colour code: postfix/smtpd[1]: connect from x[192.0.2.1]"},
	    {.line = "```"},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

/* a refused line leaves the year as it was: prose quoting a January time
 * in a November log (the seeds' questions have such prose) would have
 * moved it to the next year */
TEST(prefix_refused_line_keeps_year)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "Nov 30 10:00:00 mx postfix/smtpd[1]: connect from a[192.0.2.1]", &l));
	CHECK(!parse(&st, "Jan  3 10:00:00 was when it broke, then", &l));
	CHECK(!parse(&st, "On Jan  3 10:00:00 it broke, I think", &l));
	CHECK(parse(&st, "Nov 30 10:00:01 mx postfix/smtpd[1]: disconnect from a[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-30T10:00:01+00:00");
}

/* journalctl -o short-full: a weekday, the date, the zone's abbreviation
 * (UTC, one tzdata zone, a numeric one; a shared name is local time) */
/* Docker's json-file log: the line inside "log", unescaped; a classic
 * or timeless line takes the driver's time (it has the year), an ISO one
 * keeps its own; objects of no known shape are refused */
TEST(prefix_docker_json_file)
{
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	struct logline l;
	CHECK(parse(&st, "{\"log\":\"Dec  4 10:00:03 mail postfix/smtpd[1237]: connect from x\\u003cy\\u003e[192.0.2.1]\\n\",\"stream\":\"stdout\",\"time\":\"2024-12-04T10:00:03.123456789Z\"}", &l));
	CHECK_STR(iso_of(l.ts), "2024-12-04T10:00:03.123456+00:00");
	CHECK(span_eqs(l.host, "mail") && span_eqs(l.prog, "postfix/smtpd") && l.pid == 1237);
	CHECK(span_eqs(l.text, "connect from x<y>[192.0.2.1]"));
	CHECK(l.unescaped && l.postfix);
	CHECK(parse(&st, "{\"log\":\"postfix/smtpd[5]: connect from x[192.0.2.1]\\r\\n\",\"stream\":\"stderr\",\"time\":\"2024-12-04T10:00:04.5Z\"}", &l));
	CHECK_STR(iso_of(l.ts), "2024-12-04T10:00:04.5+00:00");
	CHECK(span_eqs(l.text, "connect from x[192.0.2.1]") && l.pid == 5);
	CHECK(parse(&st, "{\"log\":\"2026-02-16T11:03:54.123456+01:00 mail postfix/qmgr[7]: 4F5A6B7C8D: removed\\n\",\"stream\":\"stdout\",\"time\":\"2026-02-16T10:03:55Z\"}", &l));
	CHECK_STR(iso_of(l.ts), "2026-02-16T11:03:54.123456+01:00");
	/* the next plain line is no longer unescaped */
	CHECK(parse(&st, "Dec  4 10:00:05 mail postfix/smtpd[9]: connect from x[192.0.2.1]", &l));
	CHECK(!l.unescaped);
	CHECK(!parse(&st, "{\"log\":\"just some words\\n\",\"stream\":\"stdout\",\"time\":\"2024-12-04T10:00:04Z\"}", &l));
	CHECK(!parse(&st, "{\"log\":12,\"time\":\"2024-12-04T10:00:04Z\"}", &l));
	CHECK(!parse(&st, "{\"stream\":\"stdout\"}", &l));
	CHECK(!parse(&st, "{\"log\":\"Dec  4 10:00:03 mail postfix/smtpd[1]: x", &l)); /* cut short */
}

/* container shapes from random parts: the parse never reads past the
 * line (each is an exact-size heap copy, for the sanitizers) and what it
 * gives points inside the line or the unescaped buffer */
TEST(prefix_container_shapes_hostile)
{
	static const char *const parts[] = {
	    "{", "}", "\"log\":", "\"time\":", "\"stream\":", "\"", "\\", "\\u00", "\\u003c", "\\ud800",
	    "\\n", "\\\"", ",", ":", " ", "2024-12-04T10:00:03.123456789Z", "stdout", "stderr", " F ", " P ",
	    "Dec  4 10:00:03 mail ", "postfix/smtpd[1]: ", "connect from x[192.0.2.1]", "\xff", "[", "]"};
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	uint64_t seed = 0x5eed12;
	int docker = 0;
	for (int i = 0; i < 20000; i++) {
		char t[512];
		size_t n = 0;
		/* every other one a json-file object with random insides */
		static const char head[] = "{\"log\":\"Dec  4 10:00:03 mail postfix/smtpd[1]: ",
				  tail[] = "\",\"time\":\"2024-12-04T10:00:03Z\"}";
		if (i % 2) {
			memcpy(t, head, sizeof head - 1);
			n = sizeof head - 1;
		}
		tap_parts(t, &n, sizeof t - sizeof tail, parts, sizeof parts / sizeof parts[0],
			  1 + tap_rnd(&seed) % 14, &seed);
		if (i % 2 && tap_rnd(&seed) % 4) {
			memcpy(t + n, tail, sizeof tail - 1);
			n += sizeof tail - 1;
		}
		char *line = malloc(n ? n : 1);
		memcpy(line, t, n);
		struct logline l;
		if (syslog_parse(&st, span_make(line, n), &l)) {
			const char *lo = st.json_msg, *hi = st.json_msg + sizeof st.json_msg;
			bool in_line = l.text.p >= line && l.text.p + l.text.n <= line + n;
			bool in_buf = l.text.p >= lo && l.text.p + l.text.n <= hi;
			CHECK(!l.text.n || in_line || in_buf);
			docker += l.unescaped;
		}
		free(line);
	}
	CHECK(docker > 1000); /* the json-file path was taken, not only refused */
}

TEST(prefix_journalctl_short_full)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "Thu 2026-12-03 10:00:00 UTC mx postfix/smtpd[123]: connect from unknown[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-03T10:00:00+00:00");
	CHECK_SPAN(l.host, "mx");
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_INT(l.pid, 123);
	CHECK_SPAN(l.text, "connect from unknown[192.0.2.1]");
	CHECK(parse(&st, "Wed 2026-07-01 12:00:00 CEST mx postfix/qmgr[9]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-07-01T12:00:00+02:00");
	CHECK(parse(&st, "Sun 2026-11-22 09:30:00 EST postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-22T09:30:00-05:00");
	CHECK(!l.host.n);
	CHECK(parse(&st, "Fri 2026-12-04 13:00:02 +03 mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-04T13:00:02+03:00");
	CHECK(parse(&st, "Fri 2026-12-04 13:00:02 +0530 mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-04T13:00:02+05:30");
	CHECK(parse(&st, "Fri 2026-12-04 13:00:02 CST mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-04T13:00:02+00:00"); /* TZ=UTC */
	/* pasted with a bullet, or after a docker-compose label */
	CHECK(parse(&st, "- Thu 2026-12-03 10:00:00 UTC mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-03T10:00:00+00:00");
	CHECK_SPAN(l.host, "mx");
	CHECK(parse(&st, "mail_1  | 1795347123.253598 mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-22T11:32:03.253598+00:00");
	CHECK_SPAN(l.host, "mx");
	/* not a weekday, a bad date, a zone that is no name */
	CHECK(!parse(&st, "Thx 2026-12-03 10:00:00 UTC mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "Thu 2026-13-03 10:00:00 UTC mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "Thu 2026-12-03 10:00:00 utc mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "Thu 2026-12-03 25:00:00 UTC mx postfix/smtpd[1]: x", &l));
}

/* journalctl -o short-unix: seconds since the epoch and a fraction */
TEST(prefix_journalctl_short_unix)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "1795347123.253598 mx postfix/smtpd[123]: connect from unknown[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-22T11:32:03.253598+00:00");
	CHECK_SPAN(l.host, "mx");
	CHECK_INT(l.pid, 123);
	CHECK(parse(&st, "1795347124 postfix/qmgr[7]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-22T11:32:04+00:00");
	/* too few digits (a year, a pid), too many, no blank after */
	CHECK(!parse(&st, "12345678.5 mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "179534712312.5 mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "1795347123.25x mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "1795347123", &l));
}

/* the classic time with its year after the day (syslog-ng templates) */
TEST(prefix_classic_year_after_day)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2020, 0);
	CHECK(parse(&st, "Nov 22 2026 11:32:05 mx postfix/smtpd[123]: connect from unknown[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-22T11:32:05+00:00");
	CHECK_SPAN(l.host, "mx");
	CHECK(parse(&st, "Nov  2 2026 11:32:05.123 postfix/qmgr[7]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-11-02T11:32:05.123+00:00");
	CHECK(parse(&st, "Jan 3 2027 00:00:01 mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2027-01-03T00:00:01+00:00");
	/* the year of the usual classic lines is not moved by it */
	CHECK(parse(&st, "Mar  4 09:00:00 mx postfix/smtpd[1]: x", &l));
	CHECK_STR(iso_of(l.ts), "2020-03-04T09:00:00+00:00");
	CHECK(!parse(&st, "Nov 22 1969 11:32:05 mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "Nov 22 2026 11:32 mx postfix/smtpd[1]: x", &l));
	CHECK(!parse(&st, "Nov 32 2026 11:32:05 mx postfix/smtpd[1]: x", &l));
}

/* bare - the program bare.c tells from a message alone, "" when none */
static const char *bare(const char *text)
{
	const char *d = syslog_bare_daemon(span_of(text));
	return d ? d : "";
}

/* the message text alone (journalctl -o cat, docker logs, a paste of the
 * text only): each row of bare.c's table, and the shapes two programs
 * write, which stay unread */
TEST(prefix_bare_shape_to_daemon)
{
	CHECK_STR(bare("connect from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("connect from mail.example.com[192.0.2.1]:40022"), "smtpd");
	CHECK_STR(bare("disconnect from unknown[192.0.2.1] ehlo=1 quit=1 commands=2"), "smtpd");
	CHECK_STR(bare("disconnect from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("lost connection after AUTH from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("NOQUEUE: lost connection after AUTH from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("4C3F81235: timeout after DATA (1234 bytes) from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("too many errors after RCPT from unknown[192.0.2.1]"), "smtpd");
	CHECK_STR(bare("improper command pipelining after CONNECT from unknown[192.0.2.1]: EHLO x\\r\\n"), "smtpd");
	CHECK_STR(bare("4C3F81235: client=unknown[192.0.2.1], sasl_method=PLAIN, sasl_username=u"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <a@example.com>: Relay access denied; from=<b@example.com> to=<a@example.com> proto=ESMTP helo=<x>"), "smtpd");
	CHECK_STR(bare("4C3F81235: reject: END-OF-MESSAGE from unknown[192.0.2.1]: 550 no; from=<>"), "smtpd");
	CHECK_STR(bare("NOQUEUE: milter-reject: MAIL from unknown[192.0.2.1]: 451 4.7.1 Try again; from=<>"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from [192.0.2.1]:4711: 550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org; from=<a@example.com>, to=<b@example.com>, proto=ESMTP, helo=<x>"), "postscreen");
	CHECK_STR(bare("NOQUEUE: reject: CONNECT from [192.0.2.1]:4711: too many connections"), "postscreen");
	CHECK_STR(bare("4C3F81235: reject: header Subject: win from unknown[192.0.2.1]; from=<a@example.com> to=<b@example.com> proto=ESMTP helo=<x>: 5.7.1 no"), "cleanup");
	CHECK_STR(bare("4C3F81235: message-id=<1@example.com>"), "cleanup");
	CHECK_STR(bare("4C3F81235: from=<a@example.com>, size=1234, nrcpt=1 (queue active)"), "qmgr");
	CHECK_STR(bare("4C3F81235: from=<>, status=expired, returned to sender"), "qmgr");
	CHECK_STR(bare("4C3F81235: uid=0 from=<root>"), "pickup");
	CHECK_STR(bare("4C3F81235: sender non-delivery notification: 5D2A11236"), "bounce");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=mx.example.com[203.0.113.5]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)"), "smtp");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=mail.example.com[private/dovecot-lmtp], delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Saved)"), "lmtp");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, orig_to=<b@example.com>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)"), "local");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=virtual, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to maildir)"), "virtual");
	CHECK_STR(bare("CONNECT from [192.0.2.1]:4711 to [198.51.100.1]:25"), "postscreen");
	CHECK_STR(bare("PASS NEW [192.0.2.1]:4711"), "postscreen");
	CHECK_STR(bare("PASS NEW [ potfisxpc/stosreen[15]: PASS OLD [192.0.2.1]:4711"), "");
	CHECK_STR(bare("CONNECT from [192.0.2.1]"), "");
	CHECK_STR(bare("DNSBL rank 3 for [192.0.2.1]:4711"), "postscreen");
	CHECK_STR(bare("statistics: max connection rate 3/60s for (smtp:192.0.2.1) at Dec  3 10:00:00"), "anvil");
	CHECK_STR(bare("statistics: max simultaneous domains=1 addresses=1 connection=1"), "scache");
	CHECK_STR(bare("daemon started -- version 3.7.11, configuration /etc/postfix"), "master");
	CHECK_STR(bare("starting the Postfix mail system"), "postfix-script");
	CHECK_STR(bare("starting the Postfix mail system, said he"), "");
	CHECK_STR(bare("terminating on signal 15"), "master");
	CHECK_STR(bare("improper command pipelining after ..."), "");
	CHECK_STR(bare("HANGUP after 2.1 from [192.0.2.1]:4711 in tests after SMTP handshake"), "postscreen");
	CHECK_STR(bare("statistics: max cache size 12"), "");
	/* qmgr's and postsuper's: read as qmgr's (bare.c) */
	CHECK_STR(bare("4C3F81235: removed"), "qmgr");
	CHECK_STR(bare("4C3F81235: removed it"), "");
	CHECK_STR(bare("removed"), "");
	/* a milter's action at the end of the message is cleanup's only,
	 * with or without the queue ID pasted; before it, smtpd's or
	 * cleanup's (non_smtpd_milters): unread unless NOQUEUE */
	CHECK_STR(bare("4C3F81235: milter-reject: END-OF-MESSAGE from unknown[192.0.2.1]: 5.7.1 Spam; from=<>"), "cleanup");
	CHECK_STR(bare("milter-reject: END-OF-MESSAGE from unknown[192.0.2.1]: 4.7.1 Service unavailable - try again later"), "cleanup");
	CHECK_STR(bare("4C3F81235: milter-reject: RCPT from unknown[192.0.2.1]: 5.7.1 Spam; from=<>"), "");
	CHECK_STR(bare("milter-reject: RCPT from unknown[192.0.2.1]: 5.7.1 Spam; from=<>"), "");
	/* smtpd's checks with the queue ID cut off, or the client typed over */
	CHECK_STR(bare("reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <a@example.com>: Relay access denied; from=<b@example.com>"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from <redacted>: 554 5.7.1 Service unavailable; Client host [redacted] blocked using zen.spamhaus.org; Error: open resolver"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from [hidden]: 450 4.7.1 no"), "smtpd");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from <red acted>: 554 5.7.1 no"), "");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from <redacted>: we saw 554"), "");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from x[y: 554 5.7.1 no"), "");
	/* relay=none: the reason's own words tell the program */
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to x[192.0.2.9]:25: Connection refused)"), "smtp");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to x[192.0.2.9]:25: Connection refused)"), "error");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.3.0, status=deferred (mail transport unavailable)"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=5.4.4, status=bounced (Host or domain name not found)"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.0.0, status=deferred (host x[192.0.2.9] replied)"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.0.0, status=deferred (host x[192.0.2.9] said: 450 try later)"), "smtp");
	/* fragments: the queue ID, or the line up to relay= or status=, cut off */
	CHECK_STR(bare("to=<a@example.com>, relay=none, delay=0.1, delays=0.1/0/0/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again)"), "smtp");
	CHECK_STR(bare("to=<a@example.com>, relay=mx.example.com[203.0.113.5]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)"), "smtp");
	CHECK_STR(bare("relay=mx.example.com[203.0.113.5]:25, delay=1, delays=1/0/0.1/0, dsn=4.7.0, status=deferred (SASL authentication failed: server mx.example.com[203.0.113.5] offered no compatible authentication mechanisms for this type of connection security)"), "smtp");
	CHECK_STR(bare("relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)"), "local");
	CHECK_STR(bare("status=deferred (TLS is required, but was not offered by host 127.0.0.1[127.0.0.1])"), "smtp");
	/* the TLS policy's own deferrals (smtp_tls_policy.c), relay=none */
	CHECK_STR(bare("to=<a@example.com>, relay=none, delay=0.6, delays=0.1/0.02/0.5/0, dsn=4.7.5, status=deferred (no TLSA records found)"), "smtp");
	CHECK_STR(bare("to=<a@example.com>, relay=none, delay=0.6, delays=0.1/0/0.5/0, dsn=4.7.5, status=deferred (TLSA lookup error for mx.example.com:25)"), "smtp");
	CHECK_STR(bare("status=deferred (client TLS configuration problem)"), "smtp");
	CHECK_STR(bare("status=deferred (Cannot start TLS: handshake failure)"), "smtp");
	CHECK_STR(bare("to=<a@example.com>, relay=none, delay=0.6, delays=0.1/0/0.5/0, dsn=4.7.5, status=deferred (no TLSA records here)"), "");
	CHECK_STR(bare("status=deferred (delivery temporarily suspended: connect to x[192.0.2.9]:25: Connection refused)"), "error");
	/* a fragment cut right after "said:", the reply on the lines below */
	CHECK_STR(bare("status=deferred (host mx.example.net[192.0.2.25] said:"), "smtp");
	CHECK_STR(bare("status=deferred (host is down, they said:"), "");
	CHECK_STR(bare("status=deferred (host mx.example.net[192.0.2.25] said"), "");
	CHECK_STR(bare("status=sent (250 2.0.0 Ok: queued as 5D2A11236)"), "");
	CHECK_STR(bare("status=deferred"), "");
	CHECK_STR(bare("relay=mx.example.com[203.0.113.5]:25, delay=1"), "");
	/* two programs write these: unread */
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=127.0.0.1[127.0.0.1]:10024, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 OK)"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=dovecot, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (delivered via dovecot service)"), "");
	CHECK_STR(bare("daemon started"), "");
	/* near misses: prose, headers, a transcript, a cut line */
	CHECK_STR(bare("connect from unknown[192.0.2.1] every minute, why?"), "");
	CHECK_STR(bare("connect from somewhere"), "");
	CHECK_STR(bare("I see NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554"), "");
	CHECK_STR(bare("NOQUEUE: reject: RCPT from unknown[192.0.2.1]"), "");
	CHECK_STR(bare("NOQUEUE: client=unknown[192.0.2.1]"), "");
	CHECK_STR(bare("Note: client=unknown[192.0.2.1]"), "");
	CHECK_STR(bare("Received: from mail.example.com (mail.example.com [192.0.2.1])"), "");
	CHECK_STR(bare("In: EHLO example.com"), "");
	CHECK_STR(bare("Out: 250 mail.example.com"), "");
	CHECK_STR(bare("4C3F81235: to=<a@example.com>, relay=mx.example.com[203.0.113.5]:25, delay=1"), "");
	CHECK_STR(bare("lost connection after AUTH from"), "");
	CHECK_STR(bare("connect from [192.0.2.1"), "");
	CHECK_STR(bare(""), "");
	/* tls_verify.c: the SMTP client's check of the server's certificate */
	CHECK_STR(bare("server certificate verification failed for mx.example.net[192.0.2.5]:25: num=62:hostname mismatch"), "smtp");
	CHECK_STR(bare("server certificate verification failed for mx.example.net[192.0.2.5]:25: certificate has expired"), "smtp");
	/* look-alikes: no port, no reason, prose, the other side's, no side */
	CHECK_STR(bare("server certificate verification failed for mx.example.net[192.0.2.5]: num=62:hostname mismatch"), "");
	CHECK_STR(bare("server certificate verification failed for mx.example.net[192.0.2.5]:25"), "");
	CHECK_STR(bare("server certificate verification failed for mx.example.net, why?"), "");
	CHECK_STR(bare("client certificate verification failed for unknown[192.0.2.9]:41234: num=20:unable to get local issuer certificate"), "");
	CHECK_STR(bare("certificate verification failed for mx.example.net[192.0.2.5]:25: untrusted issuer /CN=Example CA"), "");
}

/* such a line read whole: no host, no pid, the last time before it, the
 * program marked as told by the text; a bullet before it taken off */
TEST(prefix_bare_lines)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "connect from unknown[192.0.2.1]", &l));
	CHECK_INT(l.format, FMT_NOTIME);
	CHECK_INT(l.ts.us, 0);
	CHECK(l.postfix && l.inferred);
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.prog, "smtpd");
	CHECK(!l.host.n && !l.instance.p && !l.service.p);
	CHECK_INT(l.pid, -1);
	CHECK_SPAN(l.text, "connect from unknown[192.0.2.1]");
	CHECK(parse(&st, "Dec  3 10:00:00 mx postfix/smtpd[1]: connect from unknown[192.0.2.2]", &l));
	CHECK(!l.inferred);
	CHECK(parse(&st, "- 4C3F81235: message-id=<1@example.com>", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-03T10:00:00+00:00");
	CHECK_SPAN(l.daemon, "cleanup");
	CHECK_SPAN(l.text, "4C3F81235: message-id=<1@example.com>");
	CHECK_SPAN(l.raw, "4C3F81235: message-id=<1@example.com>");
	/* in backticks, in prose: the text ends at the closing one */
	CHECK(parse(&st, "   `NOQUEUE: milter-reject: RCPT from unknown[192.0.2.7]: 550 5.7.1 Command rejected; from=<>`,", &l));
	CHECK_SPAN(l.text, "NOQUEUE: milter-reject: RCPT from unknown[192.0.2.7]: 550 5.7.1 Command rejected; from=<>");
	CHECK(!parse(&st, "| `improper command pipelining after ...` | smtpd | `smtpd/smtpd.c:5829` |", &l));
	CHECK(!parse(&st, "| `statistics: max ... rate|count ...` | anvil |", &l));
	/* a tagless SASL warning gets smtpd; other warnings keep no program */
	CHECK(parse(&st, "warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: UGFzc3dvcmQ6", &l));
	CHECK_SPAN(l.severity, "warning");
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK(l.inferred);
	CHECK(parse(&st, "warning: non-SMTP command from unknown[192.0.2.1]: GET / HTTP/1.1", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK(parse(&st, "warning: database /etc/postfix/x.db is older than source file /etc/postfix/x", &l));
	CHECK(!l.daemon.n && !l.inferred);
	CHECK(parse(&st, "4C3F81235: removed", &l));
	CHECK_SPAN(l.daemon, "qmgr");
	CHECK(parse(&st, "4C3F81235: milter-reject: END-OF-MESSAGE from unknown[192.0.2.9]: 5.7.1 Spam; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<x>", &l));
	CHECK_SPAN(l.daemon, "cleanup");
	CHECK(!parse(&st, "4C3F81235: milter-reject: RCPT from unknown[192.0.2.9]: 5.7.1 Spam; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<x>", &l));
	CHECK(!parse(&st, "Out: 250 mail.example.com", &l));
	/* a -v line's text names a socket, not a program (journalctl -o cat) */
	CHECK(!parse(&st, "private/anvil: wanted attribute: status", &l));
	CHECK(!parse(&st, "public/pickup: wanted attribute: (list terminator)", &l));
	CHECK(parse(&st, "postfix/anvil[7]: statistics: max cache size 1 at Dec  3 10:00:00", &l));
}

/* an editor's or cat -n's line number before the time; a number before
 * a word that is no time, or a day-month-year date, is not taken off as one */
TEST(prefix_editor_line_number)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, " 14 Mar 10 08:26:19 mx opendkim[1745]: x: error loading key 'y'", &l));
	CHECK_SPAN(l.host, "mx");
	CHECK_SPAN(l.prog, "opendkim");
	CHECK(parse(&st, "    120\t2026-03-10T08:26:19+00:00 mx postfix/smtpd[7]: connect from a[192.0.2.1]", &l));
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.text, "connect from a[192.0.2.1]");
	CHECK(!parse(&st, "14 apples mx postfix/smtpd[1]: x", &l) || !span_eqs(l.host, "mx"));
	static const char whole[] = "  1234567 Mar 10 08:26:19 mx postfix/smtpd[1]: x";
	for (size_t n = 0; n < sizeof whole - 1; n++) {
		char *p = malloc(n ? n : 1);
		memcpy(p, whole, n);
		(void)syslog_parse(&st, span_make(p, n), &l);
		free(p);
	}
}

/* the file name (and line number) grep puts before each line when it
 * searches several files; a name that is no log file's, or no time
 * right after it, is not taken off */
TEST(prefix_grep_file_name)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "/var/log/mail.log.1:Dec  3 10:00:00 mx postfix/smtpd[123]: connect from a[192.0.2.1]", &l));
	CHECK_SPAN(l.host, "mx");
	CHECK_SPAN(l.daemon, "smtpd");
	CHECK_SPAN(l.text, "connect from a[192.0.2.1]");
	CHECK(parse(&st, "maillog:1234:Dec  3 10:00:00 mx postfix/qmgr[9]: x", &l));
	CHECK_SPAN(l.daemon, "qmgr");
	CHECK_INT(l.pid, 9);
	CHECK(parse(&st, "mail.log.2.gz:2026-12-03T10:00:00.5+00:00 mx postfix/smtp[7]: x", &l));
	CHECK_STR(iso_of(l.ts), "2026-12-03T10:00:00.5+00:00");
	CHECK(parse(&st, "/var/log/messages-20261203:Dec  3 10:00:00 mx postfix/smtpd[1]: x", &l));
	CHECK_SPAN(l.host, "mx");
	/* not a log file's name; no time after the name; a line number
	 * with no time after it */
	CHECK(!parse(&st, "notes:Dec  3 10:00:00 mx postfix/smtpd[1]: x", &l) || !span_eqs(l.host, "mx"));
	CHECK(!parse(&st, "mail.log:postfix/smtpd[1] x", &l));
	CHECK(!parse(&st, "mail.log:12:notatime mx postfix/smtpd[1]: x", &l));
	/* cut short anywhere: no over-read (the sanitizer build checks) */
	static const char whole[] = "/var/log/mail.log:12:Dec  3 10:00:00 mx postfix/smtpd[1]: x";
	for (size_t n = 0; n < sizeof whole - 1; n++) {
		char *p = malloc(n ? n : 1);
		memcpy(p, whole, n);
		(void)syslog_parse(&st, span_make(p, n), &l);
		free(p);
	}
}

/* a Postfix line logged once more by another program: a container's
 * output forwarded through syslog (Mailu's "smtp[N]: " before the whole
 * line), s6-log's "TIME  mail.warn: " before it; the inner line is read.
 * Another program's text that only starts like a time stays its own */
TEST(prefix_relogged_inner_line)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "Jan 25 08:43:17 mail smtp[1426]: Jan 25 08:43:17 mail postfix/smtpd[384]: error: unsupported dictionary type: hash", &l));
	CHECK(l.postfix);
	CHECK(span_eqs(l.prog, "postfix/smtpd"));
	CHECK_INT(l.pid, 384);
	CHECK(span_eqs(l.severity, "error"));
	CHECK(span_eqs(l.text, "unsupported dictionary type: hash"));
	CHECK(span_eqs(l.raw, "Jan 25 08:43:17 mail smtp[1426]: Jan 25 08:43:17 mail postfix/smtpd[384]: error: unsupported dictionary type: hash"));
	CHECK(parse(&st, "2026-08-27 14:53:06.009959358  mail.warn: Aug 27 14:53:06 postfix/smtps/smtpd[408]: warning: connect to mysql server db: Unknown server host 'db' (-3)", &l));
	CHECK(l.postfix);
	CHECK(span_eqs(l.prog, "postfix/smtps/smtpd"));
	CHECK_STR(iso_of(l.ts), "2026-08-27T14:53:06.009959+00:00");
	/* the outer ISO time keeps its year when the inner classic one has none */
	CHECK(parse(&st, "2024-08-27 14:53:07.5  mail.warn: Aug 27 14:53:07 postfix/smtpd[409]: warning: x", &l));
	CHECK(l.postfix);
	CHECK_STR(iso_of(l.ts), "2024-08-27T14:53:07.5+00:00");
	CHECK(parse(&st, "Jan 25 08:43:18 mail cron[7]: Jan 25 backup started on mail with 3 jobs", &l));
	CHECK(!l.postfix);
	CHECK(span_eqs(l.prog, "cron"));
	CHECK(parse(&st, "Jan 25 08:43:19 mail app[8]: Jan 25 08:43:19 mail app[9]: hello there", &l));
	CHECK(!l.postfix);
	CHECK(span_eqs(l.prog, "app"));
	CHECK_INT(l.pid, 8);
	/* docker compose under systemd: journald's line, compose's service
	 * column, then the container's own syslog line (threads16E) */
	CHECK(parse(&st, "Oct 13 18:20:57 host docker-compose[20080]: mailserver-mailserver-1  | Oct 13 18:20:57 mail postfix/smtpd[51726]: NOQUEUE: reject: RCPT from unknown[192.168.224.1]: 450 4.7.25 Client host rejected: cannot find your hostname, [192.168.224.1]; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<mail-lf1-x130.google.com>", &l));
	CHECK(l.postfix);
	CHECK(span_eqs(l.prog, "postfix/smtpd"));
	CHECK_INT(l.pid, 51726);
	CHECK(span_starts(l.text, "NOQUEUE: reject: RCPT from unknown[192.168.224.1]"));
	/* a column that is not a service name, or no blank before the '|' */
	CHECK(parse(&st, "Oct 13 18:20:58 host docker-compose[20080]: two words | Oct 13 18:20:58 mail postfix/smtpd[51727]: x", &l));
	CHECK(!l.postfix);
	CHECK(parse(&st, "Oct 13 18:20:59 host docker-compose[20080]: svc| Oct 13 18:20:59 mail postfix/smtpd[51728]: x", &l));
	CHECK(!l.postfix);
}

/* threads18L: a Postfix line under a tag that is not "postfix/...": a
 * setup script's over postconf's stderr, postfix-script's and master's
 * bare tags (master's start, reload and stop lines only: Cyrus's master
 * logs as "master" too) */
TEST(prefix_foreign_tags)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(parse(&st, "Dec 24 00:11:47 h setup.sh[3359]: postconf: warning: /etc/postfix/master.cf: "
			 "undefined parameter: mua_client_restrictions", &l));
	CHECK(l.postfix);
	CHECK_SPAN(l.daemon, "postconf");
	CHECK_SPAN(l.severity, "warning");
	CHECK_SPAN(l.text, "/etc/postfix/master.cf: undefined parameter: mua_client_restrictions");
	CHECK(parse(&st, "Dec 24 00:11:47 h cron[1]: postponed: warning: x", &l));
	CHECK(!l.postfix);
	CHECK(parse(&st, "Jun 22 17:33:54 h postfix-script[139]: starting the Postfix mail system", &l));
	CHECK(l.postfix);
	CHECK(parse(&st, "Jun 22 17:33:55 h master[141]: daemon started -- version 2.10.1, configuration /etc/postfix", &l));
	CHECK(l.postfix);
	CHECK(parse(&st, "Jun 22 17:33:55 h master[141]: process started", &l));
	CHECK(!l.postfix);
}

/* journalctl and syslog under other locales: the month as glibc's %b
 * writes it there (French "déc.", Russian, Polish, Czech, CJK "12月",
 * Japanese " 1月"), read like the English one, the year rolling over
 * and the memo of the minute keyed on the longer bytes; the rest of the
 * line read as usual */
TEST(prefix_classic_locale_months)
{
	struct syslog_state st;
	struct logline l;
	setenv("TZ", "UTC", 1);
	syslog_state_init(&st, 2025, 0);
	CHECK(parse(&st, "d\xc3\xa9\x63. 31 23:59:58 mx1 postfix/smtpd[1]: connect from a[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2025-12-31T23:59:58+00:00");
	CHECK(span_eqs(l.daemon, "smtpd"));
	CHECK(parse(&st, "d\xc3\xa9\x63. 31 23:59:59 mx1 postfix/smtpd[1]: lost connection", &l));
	CHECK_STR(iso_of(l.ts), "2025-12-31T23:59:59+00:00");
	CHECK(parse(&st, "janv.  1 00:00:01 mx1 postfix/smtpd[1]: disconnect from a[192.0.2.1]", &l));
	CHECK_STR(iso_of(l.ts), "2026-01-01T00:00:01+00:00");
	CHECK(parse(&st, "\xd1\x8f\xd0\xbd\xd0\xb2 02 10:00:00 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed", &l));
	CHECK_STR(iso_of(l.ts), "2026-01-02T10:00:00+00:00");
	CHECK(span_eqs(l.daemon, "qmgr"));
	CHECK(parse(&st, "sty 03 10:00:00 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed", &l));
	CHECK_STR(iso_of(l.ts), "2026-01-03T10:00:00+00:00");
	CHECK(parse(&st, "1\xe6\x9c\x88 04 10:00:00 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed", &l));
	CHECK_STR(iso_of(l.ts), "2026-01-04T10:00:00+00:00");
	CHECK(parse(&st, " 1\xe6\x9c\x88 05 10:00:00 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed", &l));
	CHECK_STR(iso_of(l.ts), "2026-01-05T10:00:00+00:00");
	CHECK(parse(&st, "led 06 10:00:00 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed", &l));
	CHECK_STR(iso_of(l.ts), "2026-01-06T10:00:00+00:00");
	/* a locale's month cut short, or without a day and time, is no prefix */
	CHECK(!parse(&st, "d\xc3\xa9\x63. 31", &l));
	CHECK(!parse(&st, "d\xc3\xa9\x63. 31 23:59", &l));
	CHECK(!parse(&st, "12\xe6\x9c\x88 x5 10:00:00 mx1 postfix/qmgr[2]: x", &l));
}

/* a line pasted after a shell comment's or root prompt's '#' (a line
 * commented out in a code block: "# mailserver  | Jan 27 ..."); a
 * command after the prompt stays no log line */
TEST(prefix_pasted_comment_mark)
{
	static const struct pasted_case c[] = {
	    {"# mailserver  | Jan 27 00:46:44 mx postfix/submission/smtpd[1230]: error: open database /etc/postfix/vmailbox: No such file or directory",
	     true, "2026-01-27T00:46:44+00:00", "mx", "postfix/submission/smtpd", 1230, "error",
	     "open database /etc/postfix/vmailbox: No such file or directory"},
	    {"## Jan 27 00:46:45 mx postfix/smtpd[1231]: connect from unknown[192.0.2.1]",
	     true, "2026-01-27T00:46:45+00:00", "mx", "postfix/smtpd", 1231, "",
	     "connect from unknown[192.0.2.1]"},
	    {"# postqueue -p", false, NULL, NULL, NULL, 0, NULL, NULL},
	    {"#1 Jan 27 00:46:45 is no comment mark", false, NULL, NULL, NULL, 0, NULL, NULL},
	};
	check_pasted(c, sizeof c / sizeof c[0]);
}

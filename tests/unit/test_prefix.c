/*
 * test_prefix.c - every syslog line shape from real examples: ISO and
 * classic times, years, hosts, tags, pids, RFC 5424, journalctl's and
 * containers' shapes, other locales' months.  Pasted shapes are in
 * test_prefix_pasted.c, message texts alone in test_prefix_bare.c.
 */
#include "prefix_check.h"

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

/* journalctl -o short-full: a weekday, the date, the zone's abbreviation
 * (UTC, one tzdata zone, a numeric one; a shared name is local time) */
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

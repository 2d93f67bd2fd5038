/*
 * test_hostile_numbers.c - numbers a log (or the command line) can make
 * absurd: journal timestamps near 2^63 and 2^64, ISO year 0000,
 * "--since @99999999999999999999".  Times are clamped into 1970..9999
 * when read.  Under the sanitizer build each of these once stopped with
 * a signed overflow (correlate.c, timefmt.c, analysis.c, verdict.c, act.c).
 */
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "analyze/analysis.h"
#include "cmd/act.h"
#include "model/correlate.h"
#include "parse/event.h"
#include "syslog/prefix.h"
#include "util/timefmt.h"

/* a journalctl -o json line of postfix/smtpd[pid] at the given time */
#define JLINE(ts, pid, msg)                                                               \
	"{\"__REALTIME_TIMESTAMP\":\"" ts "\",\"SYSLOG_IDENTIFIER\":\"postfix/smtpd\","     \
	"\"SYSLOG_PID\":\"" pid "\",\"_HOSTNAME\":\"mx1\",\"_SYSTEMD_UNIT\":"               \
	"\"postfix@-.service\",\"MESSAGE\":\"" msg "\"}"

/* stamp_of - the time syslog_parse gives line, or -1 */
static int64_t stamp_of(const char *line)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	if (!syslog_parse(&st, span_of(line), &l))
		return -1;
	return l.ts.us;
}

/* --since/--until "@EPOCH" of any size: clamped, no overflow */
TEST(numbers_since_epoch_clamped)
{
	int64_t us = -1;
	CHECK(parse_time_arg("@99999999999999999999", &us));
	CHECK_INT(us, TIME_MAX_US);
	CHECK(parse_time_arg("@9223372036854775807", &us));
	CHECK_INT(us, TIME_MAX_US);
	CHECK(parse_time_arg("@9223372036855", &us)); /* * 10^6 just past 2^63 */
	CHECK_INT(us, TIME_MAX_US);
	CHECK(parse_time_arg("@-99999999999999999999", &us));
	CHECK_INT(us, TIME_MIN_US);
	CHECK(parse_time_arg("@1795347123", &us));
	CHECK_INT(us, 1795347123000000LL);
	CHECK(!parse_time_arg("@", &us));
	CHECK(!parse_time_arg("@12x", &us));
	/* a date: four-digit years only, so no field can overflow */
	CHECK(!parse_time_arg("99999999999-01-01", &us));
	CHECK(!parse_time_arg("2026-01-01T99999999999:00", &us));
	CHECK(parse_time_arg("9999-12-31T23:59:59", &us));
	CHECK(us >= TIME_MIN_US && us <= TIME_MAX_US);
}

/* journal timestamps are unsigned: 2^63 - 1, 2^63 and 2^64 - 1 become
 * the last representable time, not a negative one */
TEST(numbers_journal_time_clamped)
{
	CHECK_INT(stamp_of(JLINE("9223372036854775807", "1", "connect from x[192.0.2.1]")),
		  TIME_MAX_US);
	CHECK_INT(stamp_of(JLINE("9223372036854775808", "1", "connect from x[192.0.2.1]")),
		  TIME_MAX_US);
	CHECK_INT(stamp_of(JLINE("18446744073709551615", "1", "connect from x[192.0.2.1]")),
		  TIME_MAX_US);
	CHECK_INT(stamp_of(JLINE("99999999999999999999999", "1", "connect from x[192.0.2.1]")),
		  TIME_MAX_US);
	CHECK_INT(stamp_of(JLINE("0", "1", "connect from x[192.0.2.1]")), 0);
	CHECK_INT(stamp_of(JLINE("1795347123253598", "1", "connect from x[192.0.2.1]")),
		  1795347123253598LL);
}

/* text stamps outside 1970..9999 UTC: year 0000, and the last second of
 * 9999 written west of UTC (which is already year 10000 in UTC) */
TEST(numbers_iso_time_clamped)
{
	CHECK_INT(stamp_of("0000-01-01T00:00:00+00:00 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]"),
		  TIME_MIN_US);
	CHECK_INT(stamp_of("9999-12-31T23:59:59.999999-23:59 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]"),
		  TIME_MAX_US);
	CHECK_INT(stamp_of("2026-11-22T11:32:05.650309+00:00 mx1 postfix/smtpd[1]: connect from x[192.0.2.1]"),
		  1795347125650309LL);
	/* shown east of UTC, the last time stays in 9999 */
	struct buf b = {0};
	buf_stamp(&b, (struct stamp){TIME_MAX_US, 23 * 60 + 59, 0});
	buf_putc(&b, 0);
	CHECK_STR(b.p, "9999-12-31T23:59:59+23:59");
	buf_free(&b);
}

/* on_session, on_message - the analysis behind the model, as report wires it */
static void on_session(const struct session *s, void *a)
{
	analysis_session(a, s);
}
static void on_message(const struct message *m, void *a)
{
	analysis_message(a, m);
}

/* analyse - lines through prefix, parser, model and analysis (with verdicts) */
static struct analysis *analyse(const char *const *lines)
{
	struct analysis *a = analysis_new();
	struct model_sink sink = {on_session, on_message, a};
	struct model *m = model_new(&sink);
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	for (uint64_t i = 0; lines[i]; i++) {
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(lines[i]), &l))
			continue;
		parse_line(&l, &ev);
		analysis_event(a, &ev);
		model_event(m, &ev, i + 1, 0);
	}
	model_finish(m);
	model_free(m);
	analysis_finish(a);
	return a;
}

#define Y0_CONNECT "0000-01-01T00:00:00+00:00 mx1 postfix/smtpd[7]: connect from unknown[203.0.113.9]"
#define Y0_DISCONNECT "0000-01-01T00:00:01+00:00 mx1 postfix/smtpd[7]: disconnect from unknown[203.0.113.9] ehlo=1 auth=0/1 quit=1 commands=2/3"
#define J_CONNECT(ts, pid) JLINE(ts, pid, "connect from unknown[203.0.113.9]")
#define J_DISCONNECT(ts, pid) \
	JLINE(ts, pid, "disconnect from unknown[203.0.113.9] ehlo=1 auth=0/1 quit=1 commands=2/3")

/* the model's idle limit added to a session touched at 2^63 - 1
 * (correlate.c): the session is still one session, closed normally */
TEST(numbers_model_idle_at_2_63)
{
	static const char *const lines[] = {
	    J_CONNECT("9223372036854775807", "8"),
	    J_DISCONNECT("9223372036854775807", "8"),
	    J_CONNECT("9223372036854775807", "9"),
	    J_DISCONNECT("9223372036854775807", "9"),
	    NULL};
	struct analysis *a = analyse(lines);
	struct client *c = analysis_client(a, "203.0.113.9");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->sessions, 2);
		CHECK_INT(c->first.us, TIME_MAX_US);
		CHECK_INT(c->last.us, TIME_MAX_US);
	}
	analysis_free(a);
}

/* a client's first and last session in year 0000 and near 2^63: the
 * verdict's "over N minutes" (verdict.c) and the intervals between
 * starts (analysis.c) subtract them */
TEST(numbers_verdict_span_year0_to_2_63)
{
	static const char *const no_connect[] = {
	    Y0_DISCONNECT, J_DISCONNECT("9200000000000000000", "8"), NULL};
	struct analysis *a = analyse(no_connect);
	struct client *c = analysis_client(a, "203.0.113.9");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->sessions, 2);
		CHECK_INT(c->first.us, TIME_MIN_US);
		CHECK_INT(c->last.us, TIME_MAX_US);
		CHECK(c->explanation && strstr(c->explanation, " over ") != NULL);
	}
	analysis_free(a);
	static const char *const with_connect[] = {
	    Y0_CONNECT, Y0_DISCONNECT, J_CONNECT("9200000000000000000", "8"),
	    J_DISCONNECT("9200000000000000000", "8"), NULL};
	a = analyse(with_connect);
	c = analysis_client(a, "203.0.113.9");
	CHECK(c != NULL);
	if (c)
		CHECK_INT(c->nintervals, 1);
	analysis_free(a);
}

/* the busiest minute of an address (act.c) compares each start with the
 * earlier ones: year 0000, then 4.6e18 and 9.2e18 microseconds (each
 * step fits in 63 bits, the whole span does not) */
TEST(numbers_act_peak_minute_wide_span)
{
	static const char *const lines[] = {
	    Y0_CONNECT, Y0_DISCONNECT,
	    J_CONNECT("4600000000000000000", "8"), J_DISCONNECT("4600000000000000000", "8"),
	    J_CONNECT("9200000000000000000", "9"), J_DISCONNECT("9200000000000000000", "9"),
	    J_CONNECT("18446744073709551615", "10"), J_DISCONNECT("18446744073709551615", "10"),
	    NULL};
	char path[] = "/tmp/postsleuth-numbers-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	FILE *f = fdopen(fd, "w");
	for (int i = 0; lines[i]; i++)
		fprintf(f, "%s\n", lines[i]);
	fclose(f);
	char *files[] = {path};
	struct opts o = {.files = files, .nfiles = 1};
	struct act_run r = {0};
	CHECK_INT(act_run(&r, &o), 0);
	unlink(path);
	struct client *c = analysis_client(r.a, "203.0.113.9");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->sessions, 4);
		CHECK_INT(c->first.us, TIME_MIN_US);
		CHECK_INT(c->last.us, TIME_MAX_US);
	}
	struct act_ip *x = act_ip(&r, "203.0.113.9");
	CHECK(x != NULL);
	if (x) {
		CHECK_INT(x->sessions, 4);
		/* the three starts past 9999 are all the last microsecond */
		CHECK_INT(x->peak_minute, 3);
	}
	act_free(&r);
}


/*
 * test_hostile_numbers.c - numbers a log (or the command line) can make
 * absurd: journal timestamps near 2^63 and 2^64, ISO year 0000,
 * "--since @99999999999999999999", delay=1e999, sizes past 2^64.  Times
 * are clamped into 1970..9999 when read, delays are finite and bounded,
 * counts bounded, and a JSON number is never "inf" or "nan".  Under the
 * sanitizer build each of these once stopped with a signed overflow
 * (correlate.c, timefmt.c, analysis.c, verdict.c, act.c).
 */
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "analyze/summary.h"
#include "analyze/analysis.h"
#include "act/act.h"
#include "cmd/cmd.h"
#include "model/correlate.h"
#include "parse/event.h"
#include "report/summary_json.h"
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
		CHECK_INT(c->first_us, TIME_MAX_US);
		CHECK_INT(c->last_us, TIME_MAX_US);
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
		CHECK_INT(c->first_us, TIME_MIN_US);
		CHECK_INT(c->last_us, TIME_MAX_US);
		struct buf e = {0};
		client_explain(a, c, &e);
		buf_putc(&e, 0);
		CHECK(strstr(e.p, " over ") != NULL);
		buf_free(&e);
	}
	analysis_free(a);
	static const char *const with_connect[] = {
	    Y0_CONNECT, Y0_DISCONNECT, J_CONNECT("9200000000000000000", "8"),
	    J_DISCONNECT("9200000000000000000", "8"), NULL};
	a = analyse(with_connect);
	c = analysis_client(a, "203.0.113.9");
	CHECK(c != NULL);
	const struct client_detail *d = c ? client_detail(a, c) : NULL;
	CHECK(d != NULL);
	if (d)
		CHECK_INT(d->nintervals, 1);
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
	CHECK_INT(cmd_act_run(&r, &o), 0);
	unlink(path);
	struct client *c = analysis_client(r.a, "203.0.113.9");
	CHECK(c != NULL);
	if (c) {
		CHECK_INT(c->sessions, 4);
		CHECK_INT(c->first_us, TIME_MIN_US);
		CHECK_INT(c->last_us, TIME_MAX_US);
		/* the three starts past 9999 are all the last microsecond */
		CHECK_INT(c->peak_minute, 3);
	}
	act_free(&r);
}

/* summary_member - the text after "\"name\":" in s, up to ',' or '}' */
static void summary_member(const struct buf *b, const char *name, char *out, size_t n)
{
	char key[64];
	snprintf(key, sizeof key, "\"%s\":", name);
	out[0] = 0;
	const char *p = memmem(b->p, b->n, key, strlen(key));
	if (!p)
		return;
	p += strlen(key);
	size_t i = 0;
	while (p + i < b->p + b->n && p[i] != ',' && p[i] != '}' && i + 1 < n)
		i++;
	memcpy(out, p, i);
	out[i] = 0;
}

/* delay=1e999 (and "nan", 400 digits): finite and bounded, so the
 * summary's mean and maximum are numbers, not "inf" */
TEST(numbers_delay_infinite_bounded)
{
	struct summary *s = summary_new();
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	static const char *const lines[] = {
	    "Nov 22 11:33:31 mx1 postfix/local[1]: 8885E11658A: to=<a@example.test>, relay=local, delay=1e999, delays=1e999/nan/inf/0e999, dsn=2.0.0, status=sent (delivered to mailbox)",
	    "Nov 22 11:33:32 mx1 postfix/local[1]: 8885E11658B: to=<a@example.test>, relay=local, delay=99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999, delays=0/0/0/0, dsn=2.0.0, status=sent (delivered to mailbox)",
	    NULL};
	for (int i = 0; lines[i]; i++) {
		struct logline l;
		struct event ev;
		CHECK(syslog_parse(&st, span_of(lines[i]), &l));
		parse_line(&l, &ev);
		summary_event(s, &ev);
	}
	struct buf b = {0};
	buf_putc(&b, '{');
	summary_json(s, &b);
	buf_putc(&b, '}');
	char v[64];
	summary_member(&b, "avg_delay", v, sizeof v);
	CHECK_STR(v, "1000000000.000");
	summary_member(&b, "max", v, sizeof v);
	CHECK_STR(v, "1000000000.000");
	CHECK(memmem(b.p, b.n, "inf", 3) == NULL);
	CHECK(memmem(b.p, b.n, "nan", 3) == NULL);
	buf_free(&b);
	summary_free(s);
}

/* the JSON number writer: null for what JSON cannot say */
TEST(numbers_json_num_not_finite)
{
	struct buf b = {0};
	buf_json_num(&b, INFINITY, 3);
	buf_putc(&b, ' ');
	buf_json_num(&b, -INFINITY, 3);
	buf_putc(&b, ' ');
	buf_json_num(&b, NAN, 1);
	buf_putc(&b, ' ');
	buf_json_num(&b, 0.25, 3);
	buf_putc(&b, 0);
	CHECK_STR(b.p, "null null null 0.250");
	buf_free(&b);
}

/* counts past 2^64 (saturated) were cast to int64_t and read as -1,
 * "absent"; now bounded to EV_NUM_MAX */
TEST(numbers_counts_bounded)
{
	struct syslog_state st;
	struct logline l;
	struct event ev;
	syslog_state_init(&st, 2026, 0);
	const char *q = "Nov 22 11:33:31 mx1 postfix/qmgr[2]: 8885E11658A: from=<a@example.test>, "
			"size=99999999999999999999999, nrcpt=18446744073709551615 (queue active)";
	CHECK(syslog_parse(&st, span_of(q), &l));
	parse_line(&l, &ev);
	CHECK_STR(ev_type_name(ev.type), "queued");
	CHECK_INT(ev.size, EV_NUM_MAX);
	CHECK_INT(ev.nrcpt, EV_NUM_MAX);
	const char *t = "Nov 22 11:33:31 mx1 postfix/smtpd[2]: Read 99999999999999999999 chars: AUTH";
	CHECK(syslog_parse(&st, span_of(t), &l));
	parse_line(&l, &ev);
	CHECK_INT(ev.count, EV_NUM_MAX);
}

/*
 * test_hostile_model.c - the correlator and the analysis on hostile
 * streams: time going backwards, sessions that never close, reused queue
 * IDs, floods past the caps.  Lines are built here, fed through
 * feed_line (prefix, parsers) into model_event and the analysis, as the
 * report command does; the checks are on the counters every report shows.
 */
#include "tap.h"

#include <stdarg.h>
#include <stdlib.h>
#include "analyze/analysis.h"
#include "input/feed.h"
#include "model/correlate.h"

/* the pipeline under test, with the closed objects counted */
struct pipe {
	struct feed feed;
	struct syslog_state st;
	struct model *model;
	struct analysis *a;
	uint64_t closed_disconnect, closed_evicted, closed_open, closed_replaced;
	uint64_t msgs_removed, msgs_open, msgs_evicted;
};

/* on_event - as cmd/report.c: analysis, then model */
static void on_event(const struct event *ev, void *ctx)
{
	struct pipe *p = ctx;
	analysis_event(p->a, ev);
	model_event(p->model, ev, p->feed.st.lines, 0);
}

/* on_session - count how each session ended */
static void on_session(const struct session *s, void *ctx)
{
	struct pipe *p = ctx;
	analysis_session(p->a, s);
	if (s->end_kind == END_DISCONNECT)
		p->closed_disconnect++;
	else if (s->end_kind == END_EVICTED)
		p->closed_evicted++;
	else if (s->end_kind == END_REPLACED)
		p->closed_replaced++;
	else
		p->closed_open++;
}

/* on_message - count how each message ended */
static void on_message(const struct message *m, void *ctx)
{
	struct pipe *p = ctx;
	analysis_message(p->a, m);
	if (m->end_kind == MEND_REMOVED)
		p->msgs_removed++;
	else if (m->end_kind == MEND_EVICTED)
		p->msgs_evicted++;
	else
		p->msgs_open++;
}

/* pipe_new - a fresh pipeline, classic timestamps in year 2026 */
static struct pipe *pipe_new(void)
{
	struct pipe *p = calloc(1, sizeof *p);
	p->feed.fn = on_event;
	p->feed.ctx = p;
	syslog_state_init(&p->st, 2026, 0);
	p->a = analysis_new();
	struct model_sink sink = {on_session, on_message, p};
	p->model = model_new(&sink);
	return p;
}

/* pipe_line - one formatted log line */
static void pipe_line(struct pipe *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pipe_line(struct pipe *p, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	feed_line(&p->feed, &p->st, span_make(line, (size_t)n));
}

/* pipe_finish - end of input: emit what is open, compute verdicts */
static void pipe_finish(struct pipe *p)
{
	model_finish(p->model);
	analysis_finish(p->a);
}

/* pipe_free - everything */
static void pipe_free(struct pipe *p)
{
	model_free(p->model);
	analysis_free(p->a);
	free(p);
}

/* session_at - one complete EHLO/QUIT session at an ISO time */
static void session_at(struct pipe *p, const char *ts, int pid, const char *ip)
{
	pipe_line(p, "%s mx1 postfix/smtpd[%d]: connect from unknown[%s]", ts, pid, ip);
	pipe_line(p, "%s mx1 postfix/smtpd[%d]: disconnect from unknown[%s] ehlo=1 quit=1 commands=2",
		  ts, pid, ip);
}

/* a log whose second half is a day older than its first (cat mail.log
 * mail.log.1): every session must still be rebuilt whole, none evicted */
TEST(hostile_time_backwards_keeps_sessions)
{
	struct pipe *p = pipe_new();
	char ts[64];
	for (int day = 23; day >= 22; day--)
		for (int i = 0; i < 50; i++) {
			snprintf(ts, sizeof ts, "2026-11-%02dT10:00:%02d+00:00", day, i);
			pipe_line(p, "%s mx1 postfix/smtpd[%d]: connect from unknown[192.0.2.%d]", ts,
				  1000 + i, i + 1);
			snprintf(ts, sizeof ts, "2026-11-%02dT10:01:%02d+00:00", day, i);
			pipe_line(p, "%s mx1 postfix/smtpd[%d]: lost connection after EHLO from "
				     "unknown[192.0.2.%d]", ts, 1000 + i, i + 1);
			pipe_line(p, "%s mx1 postfix/smtpd[%d]: disconnect from unknown[192.0.2.%d] "
				     "ehlo=1 commands=1", ts, 1000 + i, i + 1);
		}
	pipe_finish(p);
	const struct model_stats *ms = model_stats(p->model);
	CHECK_INT(ms->sessions, 100);
	CHECK_INT(ms->sessions_evicted, 0);
	CHECK_INT(ms->sessions_partial, 0);
	CHECK_INT(p->closed_disconnect, 100);
	CHECK_INT(p->a->sessions, 100);
	pipe_free(p);
}

/* a jump back by years in classic syslog (a wrong --year on a Dec->Jan
 * file read twice) is no different */
TEST(hostile_time_backwards_classic)
{
	struct pipe *p = pipe_new();
	session_at(p, "2026-12-31T23:59:59+00:00", 10, "192.0.2.1");
	pipe_line(p, "2026-12-31T23:59:59+00:00 mx1 postfix/smtpd[11]: connect from unknown[192.0.2.2]");
	pipe_line(p, "Jan  1 00:00:00 mx1 postfix/smtpd[11]: lost connection after CONNECT from "
		     "unknown[192.0.2.2]");
	pipe_line(p, "Jan  1 00:00:00 mx1 postfix/smtpd[11]: disconnect from unknown[192.0.2.2] "
		     "commands=0/0");
	pipe_finish(p);
	const struct model_stats *ms = model_stats(p->model);
	CHECK_INT(ms->sessions, 2);
	CHECK_INT(ms->sessions_evicted, 0);
	CHECK_INT(p->closed_disconnect, 2);
	pipe_free(p);
}

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
#include "feed/feed.h"
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

/* on_event - as cmd/cmd_report.c: analysis, then model */
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

/* connects that never disconnect: past the cap the oldest is given up,
 * counted, and the open count never exceeds the cap by more than one */
TEST(hostile_cap_sessions)
{
	struct pipe *p = pipe_new();
	model_limits(p->model, 100, 0, 0);
	for (int i = 0; i < 250; i++)
		pipe_line(p, "2026-11-22T10:00:00+00:00 mx1 postfix/smtpd[%d]: connect from "
			     "unknown[10.0.%d.%d]", 1000 + i, i / 200, i % 200);
	const struct model_stats *ms = model_stats(p->model);
	CHECK_INT(ms->sessions_evicted, 150);
	CHECK(ms->sessions_open_peak <= 101);
	pipe_finish(p);
	CHECK_INT(ms->sessions_unclosed, 100);
	CHECK_INT(p->closed_evicted, 150);
	CHECK_INT(ms->sessions, 250);
	pipe_free(p);
}

/* queue IDs that are never removed: the same for messages */
TEST(hostile_cap_messages)
{
	struct pipe *p = pipe_new();
	model_limits(p->model, 0, 100, 0);
	for (int i = 0; i < 250; i++)
		pipe_line(p, "2026-11-22T10:00:00+00:00 mx1 postfix/cleanup[9]: %010X: "
			     "message-id=<%d@x.test>", 0x100000 + i, i);
	const struct model_stats *ms = model_stats(p->model);
	CHECK_INT(ms->messages_evicted, 150);
	CHECK(ms->messages_open_peak <= 101);
	pipe_finish(p);
	CHECK_INT(p->msgs_evicted, 150);
	CHECK_INT(p->msgs_open, 100);
	pipe_free(p);
}

/* "queued as X" links whose X never shows up: at most 4096 wait, the
 * rest are dropped and counted */
TEST(hostile_cap_pending_links)
{
	struct pipe *p = pipe_new();
	for (int i = 0; i < 5000; i++)
		pipe_line(p, "2026-11-22T10:00:00+00:00 mx1 postfix/smtp[9]: %010X: to=<a@x.test>, "
			     "relay=127.0.0.1[127.0.0.1]:10025, delay=1, delays=0/0/0/1, dsn=2.0.0, "
			     "status=sent (250 2.0.0 Ok: queued as %010X)", 0x100000 + i, 0x900000 + i);
	pipe_finish(p);
	CHECK_INT(model_stats(p->model)->links_pending_dropped, 5000 - 4096);
	pipe_free(p);
}

/* a_helo_session - one EHLO/QUIT session with a HELO name (so that the
 * detail has something to keep) */
static void helo_session(struct pipe *p, int pid, const char *ip)
{
	pipe_line(p, "2026-11-22T10:00:00+00:00 mx1 postfix/smtpd[%d]: connect from unknown[%s]", pid,
		  ip);
	pipe_line(p, "2026-11-22T10:00:00+00:00 mx1 postfix/smtpd[%d]: NOQUEUE: reject: RCPT from "
		     "unknown[%s]: 554 5.7.1 <x@y.test>: Relay access denied; from=<a@b.test> "
		     "to=<x@y.test> proto=ESMTP helo=<bot%d>", pid, ip, pid);
	pipe_line(p, "2026-11-22T10:00:00+00:00 mx1 postfix/smtpd[%d]: disconnect from unknown[%s] "
		     "ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4", pid, ip);
}

/* more client addresses than the detail memory holds: every one is kept,
 * counted and judged; only the detail of the least active is given up,
 * and each of those is flagged */
TEST(hostile_many_clients_none_dropped)
{
	struct pipe *p = pipe_new();
	analysis_limits(p->a, 0, 100, 100);
	int n = 3000;
	char ip[32];
	for (int i = 0; i < n; i++) {
		/* public (benchmark) addresses: a relay attempt from a
		 * private one, with no local domain in the log, is unsure */
		snprintf(ip, sizeof ip, "198.%d.%d.%d", 18 + (i >> 16), (i >> 8) & 255, i & 255);
		helo_session(p, 1000 + i % 30000, ip);
	}
	/* a busy newcomer takes the detail of a one-session client */
	for (int k = 0; k < 3; k++)
		helo_session(p, 999, "192.0.2.77");
	pipe_finish(p);
	CHECK_INT(p->a->nclist, n + 1);
	CHECK_INT(p->a->sessions, n + 3);
	size_t relay = 0, with_detail = 0, flagged = 0;
	for (size_t i = 0; i < p->a->nclist; i++) {
		const struct client *c = p->a->clist[i];
		relay += c->verdict == V_RELAY_ATTEMPT;
		with_detail += client_detail(p->a, c) != NULL;
		flagged += (c->flags & CF_DETAIL_LOST) != 0;
		if (client_detail(p->a, c))
			CHECK_INT(client_detail(p->a, c)->nhelo, 1);
	}
	CHECK_INT(relay, n + 1);
	CHECK_INT(with_detail, 100);
	CHECK_INT(flagged, n + 1 - 99);            /* 192.0.2.77 lost its first session's detail */
	CHECK_INT(p->a->clients_detail_lost, flagged);
	const struct client *busy = analysis_client(p->a, "192.0.2.77");
	CHECK(busy != NULL);
	CHECK(busy && client_detail(p->a, busy) != NULL);
	CHECK_INT(busy ? busy->sessions : 0, 3);
	CHECK_INT(busy ? busy->relay_denied : 0, 3);
	pipe_free(p);
}

/* past the memory budget the records move to a file, and every count and
 * verdict is what it is in memory */
TEST(hostile_spill_same_verdicts)
{
	struct pipe *mem = pipe_new(), *disk = pipe_new();
	analysis_limits(disk->a, 1 << 20, 100, 100);
	int n = 12000;
	char ip[64];
	for (int i = 0; i < n; i++) {
		if (i % 3)
			/* public (benchmark) addresses: a relay attempt from a
		 * private one, with no local domain in the log, is unsure */
		snprintf(ip, sizeof ip, "198.%d.%d.%d", 18 + (i >> 16), (i >> 8) & 255, i & 255);
		else
			snprintf(ip, sizeof ip, "2001:db8::%x", i);
		if (i % 5) {
			helo_session(mem, 1000 + i, ip);
			helo_session(disk, 1000 + i, ip);
		} else {
			session_at(mem, "2026-11-22T10:00:00+00:00", 1000 + i, ip);
			session_at(disk, "2026-11-22T10:00:00+00:00", 1000 + i, ip);
		}
	}
	pipe_finish(mem);
	pipe_finish(disk);
	CHECK(mem->a->budget.spilled == 0);
	CHECK(disk->a->budget.spilled > 0);
	CHECK(spillvec_spilled(&disk->a->clients));
	CHECK_INT(disk->a->nclist, n);
	CHECK_INT(mem->a->nclist, n);
	size_t same = 0;
	for (size_t i = 0; i < (size_t)n && i < disk->a->nclist && i < mem->a->nclist; i++) {
		const struct client *x = mem->a->clist[i], *y = disk->a->clist[i];
		same += !strcmp(client_addr(x).s, client_addr(y).s) && x->verdict == y->verdict &&
			x->sessions == y->sessions && x->relay_denied == y->relay_denied &&
			x->first_us == y->first_us;
	}
	CHECK_INT(same, n);
	pipe_free(mem);
	pipe_free(disk);
}

/* sessions left open for more than an hour of log time are given up and
 * counted as idle, apart from the ones the memory cap pushes out */
TEST(hostile_idle_sessions_counted_apart)
{
	struct pipe *p = pipe_new();
	model_limits(p->model, 2, 0, 0);
	for (int i = 0; i < 5; i++)
		pipe_line(p, "2026-11-22T10:00:0%d+00:00 mx1 postfix/smtpd[%d]: connect from "
			     "unknown[192.0.2.%d]", i, 2000 + i, i + 1);
	const struct model_stats *ms = model_stats(p->model);
	CHECK_INT(ms->sessions_evicted, 3); /* the cap of 2 */
	CHECK_INT(ms->sessions_idle, 0);
	pipe_line(p, "2026-11-22T11:30:00+00:00 mx1 postfix/qmgr[9]: 3F2A1B4C5D: removed");
	CHECK_INT(ms->sessions_evicted, 5);
	CHECK_INT(ms->sessions_idle, 2);
	pipe_finish(p);
	pipe_free(p);
}

/* a syslog host name longer than the interned names (255 bytes): its
 * session and message are still found again, not split in pieces */
TEST(hostile_long_host_name)
{
	struct pipe *p = pipe_new();
	char host[301];
	memset(host, 'h', 300);
	host[300] = 0;
	pipe_line(p, "2026-11-22T10:00:00+00:00 %s postfix/smtpd[7]: connect from a[192.0.2.1]", host);
	pipe_line(p, "2026-11-22T10:00:00+00:00 %s postfix/smtpd[7]: 3F2A1B4C5D: client=a[192.0.2.1]",
		  host);
	pipe_line(p, "2026-11-22T10:00:01+00:00 %s postfix/smtpd[7]: disconnect from a[192.0.2.1] "
		     "ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5", host);
	pipe_line(p, "2026-11-22T10:00:02+00:00 %s postfix/qmgr[9]: 3F2A1B4C5D: removed", host);
	pipe_finish(p);
	const struct model_stats *ms = model_stats(p->model);
	CHECK_INT(ms->sessions, 1);
	CHECK_INT(p->closed_disconnect, 1);
	CHECK_INT(ms->messages, 1);
	CHECK_INT(p->msgs_removed, 1);
	pipe_free(p);
}

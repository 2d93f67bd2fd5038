/*
 * log_gaps.c - the holes the system logger says it left in the log:
 * systemd-journald's "Suppressed N messages from UNIT" (journald-server.c,
 * its per-service rate limit; only when UNIT is Postfix's, or when the
 * line names none), rsyslog's imuxsock ("imuxsock lost N messages from
 * pid P due to rate-limiting", "imuxsock begins to drop messages ..." in
 * v5 to v7; "imuxsock[pid P]: N messages lost due to rate-limiting" and
 * "...: begin to drop messages due to rate-limiting" in v8's ratelimit.c)
 * and its imjournal (the same words named "imjournal").  One finding,
 * log-lines-dropped, a group per logger; the counts the lines give are
 * summed and, at the end, written into the group's key in the log's own
 * words ("rsyslog imuxsock: 1028 messages lost").  And a log whose lines
 * come twice in a row, byte for byte (two rules or two loggers writing
 * the same file): log-lines-doubled, whose counts are the copies.
 */
#include "diagnose.h"
#include "diag_internal.h"

#include <stdio.h>
#include <string.h>

enum gap_kind { GAP_JOURNALD, GAP_IMUXSOCK, GAP_IMJOURNAL, GAP__COUNT };

static const char *const gap_key[GAP__COUNT] = {"systemd-journald", "rsyslog imuxsock", "rsyslog imjournal"};
static const char *const gap_sum[GAP__COUNT] = {"systemd-journald: Suppressed %llu messages",
						 "rsyslog imuxsock: %llu messages lost",
						 "rsyslog imjournal: %llu messages lost"};

/* has_ci - hay holds needle, case-blind (bounded by hay's length) */
static bool has_ci(struct span hay, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n && i + n <= hay.n; i++)
		if (span_ieq(span_make(hay.p + i, n), span_make(needle, n)))
			return true;
	return false;
}

/* gap_kind_of - which logger's rate limit the line tells of, or -1 */
static int gap_kind_of(const struct logline *l)
{
	struct span d = l->daemon, t = l->text;
	if (span_eqs(d, "systemd-journald") || span_eqs(d, "systemd-journal") || span_eqs(d, "journal")) {
		if (!span_starts(t, "Suppressed ") || !span_find(t, " messages").p)
			return -1;
		/* another service's lines: not a hole in Postfix's */
		struct span unit = span_find(t, " messages from ");
		return !unit.p || has_ci(unit, "postfix") ? GAP_JOURNALD : -1;
	}
	if (!span_eqs(d, "rsyslogd") && !span_eqs(d, "rsyslogd-2177"))
		return -1;
	if (!has_ci(t, "rate-limit") || (!span_find(t, " lost").p && !span_find(t, " drop messages").p))
		return -1;
	if (span_starts(t, "imuxsock"))
		return GAP_IMUXSOCK;
	if (span_starts(t, "imjournal"))
		return GAP_IMJOURNAL;
	return -1;
}

/* diag_log_gap_hit - the finding of a logger's line that says it dropped
 * lines (a pure function of the line) */
bool diag_log_gap_hit(const struct event *ev, struct diag_hit *hit)
{
	if (!ev->line)
		return false;
	int k = gap_kind_of(ev->line);
	if (k < 0)
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = F_LOG_LINES_DROPPED;
	snprintf(hit->key, sizeof hit->key, "%s", gap_key[k]);
	return true;
}

/* gap_count - the number just before the line's " messages" (0: none,
 * as in "begin to drop messages", or one of more than 15 digits) */
static uint64_t gap_count(struct span t)
{
	ptrdiff_t at = span_index(t, " messages");
	if (at <= 0)
		return 0;
	size_t end = (size_t)at, start = end;
	while (start > 0 && end - start < 15 && t.p[start - 1] >= '0' && t.p[start - 1] <= '9')
		start--;
	uint64_t n = 0;
	for (size_t i = start; i < end; i++)
		n = n * 10 + (uint64_t)(t.p[i] - '0');
	return start < end && (start == 0 || t.p[start - 1] == ' ') ? n : 0;
}

/* diag_log_gap_note - a dropped-lines hit's count, summed per logger */
void diag_log_gap_note(struct diag *d, const struct event *ev)
{
	int k = ev->line ? gap_kind_of(ev->line) : -1;
	if (k < 0)
		return;
	uint64_t n = gap_count(ev->line->text);
	d->log_lost[k] = n > UINT64_MAX - d->log_lost[k] ? UINT64_MAX : d->log_lost[k] + n;
}

/* doubled_group - every line twice: at least two copies, and a third or
 * more of the timed lines a copy of the one before (all doubled: half) */
static void doubled_group(struct diag *d)
{
	if (d->log_doubled < 2 || d->log_doubled * 3 < d->log_timed)
		return;
	struct diag_group *g = diag_group_get(d, F_LOG_LINES_DOUBLED, "");
	if (!g)
		return;
	g->lines = d->log_doubled;
}

/* diag_log_gaps - each logger's group keyed by the sum of what it
 * dropped (its first key kept as an alias for explain); a log whose
 * every line is written twice */
void diag_log_gaps(struct diag *d)
{
	doubled_group(d);
	for (int k = 0; k < GAP__COUNT; k++) {
		struct diag_group *g = diag_group_find(d, F_LOG_LINES_DROPPED, gap_key[k]);
		if (!g || !d->log_lost[k])
			continue;
		char key[DIAG_KEY_MAX];
		snprintf(key, sizeof key, gap_sum[k], (unsigned long long)d->log_lost[k]);
		diag_alias_add(d, g->id, g->key, g, NULL);
		diag_group_relabel(d, g, g->id, key);
	}
}

/* diag_log_doubled - the feed's counts of Postfix lines with a time and
 * a pid and of those that copy the line before them (feed.c), for
 * diag_log_gaps */
void diag_log_doubled(struct diag *d, uint64_t timed, uint64_t doubled)
{
	d->log_timed = timed;
	d->log_doubled = doubled;
}

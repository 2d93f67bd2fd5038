/*
 * journal.c - Postfix entries from the systemd journal (the local one
 * with --journal, or journal files given by name) through libsystemd,
 * made into struct logline one at a time; feed/feed_journal.c drives it.
 *
 * Entries are turned straight into struct logline from their fields
 * (__REALTIME_TIMESTAMP, _HOSTNAME, SYSLOG_IDENTIFIER, SYSLOG_PID/_PID,
 * MESSAGE), so no text timestamp is parsed.  Only Postfix programs are
 * passed on: the unit postfix@-.service / postfix.service, or an
 * identifier that names a Postfix program.  Built only with libsystemd
 * (HAVE_SYSTEMD); without it, asking for the journal is a clear error.
 *
 * For "watch" (live/follow_journal.c) the reader also gives its place:
 * the current entry's cursor and realtime, seeks to a cursor, a time or
 * the end, and the descriptor that wakes a poll when the journal changes.
 */
#include "journal.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_SYSTEMD
#include <systemd/sd-journal.h>

/* field - the value of FIELD in the current entry, or SPAN_NULL */
static struct span field(sd_journal *j, const char *name)
{
	const void *data;
	size_t len;
	if (sd_journal_get_data(j, name, &data, &len) < 0)
		return SPAN_NULL;
	size_t k = strlen(name);
	if (len <= k || ((const char *)data)[k] != '=')
		return SPAN_NULL;
	return span_make((const char *)data + k + 1, len - k - 1);
}

/* journal_available - is there a journal to read */
bool journal_available(void)
{
	sd_journal *j;
	if (sd_journal_open(&j, SD_JOURNAL_LOCAL_ONLY) < 0)
		return false;
	sd_journal_close(j);
	return true;
}

/* copy - a span valid across the next sd_journal_get_data call */
static struct span copy(struct span s, char *buf, size_t cap)
{
	if (!s.p)
		return s;
	s = span_cut(s, cap);
	memcpy(buf, s.p, s.n);
	return span_make(buf, s.n);
}

/* the reader: one open journal and the copies of the current entry's fields */
struct journal {
	sd_journal *j;
	char hostbuf[256], identbuf[256], unitbuf[256];
	char msgbuf[64 * 1024];
};

/* journal_open - the entries of files (the local journal when nfiles=0);
 * NULL and *err (a negative errno) when it cannot be opened */
struct journal *journal_open(const char *const *files, int nfiles, int *err)
{
	sd_journal *j;
	int r = nfiles ? sd_journal_open_files(&j, (const char **)files, 0)
		       : sd_journal_open(&j, SD_JOURNAL_LOCAL_ONLY);
	if (r < 0) {
		*err = r;
		return NULL;
	}
	sd_journal_set_data_threshold(j, 0);
	sd_journal_seek_head(j);
	struct journal *jr = xmalloc(sizeof *jr);
	jr->j = j;
	return jr;
}

/* journal_next - the next entry as a line; *truncated when its message
 * was cut to the line buffer */
enum journal_entry journal_next(struct journal *jr, struct logline *out, bool *truncated)
{
	sd_journal *j = jr->j;
	*truncated = false;
	if (sd_journal_next(j) <= 0)
		return JOURNAL_END;
	struct logline l;
	memset(&l, 0, sizeof l);
	l.format = FMT_JOURNAL;
	l.pid = -1;
	uint64_t usec;
	if (sd_journal_get_realtime_usec(j, &usec) < 0)
		return JOURNAL_NO_PREFIX;
	l.ts.us = time_clamp_u64(usec); /* a damaged entry's time as well */
	l.ts.prec = 6;
	l.ts.tzoff = 0;
	struct span ident = copy(field(j, "SYSLOG_IDENTIFIER"), jr->identbuf, sizeof jr->identbuf);
	struct span unit = copy(field(j, "_SYSTEMD_UNIT"), jr->unitbuf, sizeof jr->unitbuf);
	l.host = copy(field(j, "_HOSTNAME"), jr->hostbuf, sizeof jr->hostbuf);
	struct span pid = field(j, "SYSLOG_PID");
	if (!pid.p)
		pid = field(j, "_PID");
	int64_t v;
	if (pid.p && span_i64(pid, &v))
		l.pid = v;
	struct span msg = field(j, "MESSAGE");
	if (!ident.p || !msg.p)
		return JOURNAL_NO_PREFIX;
	if (msg.n > sizeof jr->msgbuf) {
		msg = span_cut(msg, sizeof jr->msgbuf);
		*truncated = true;
	}
	memcpy(jr->msgbuf, msg.p, msg.n);
	l.text = span_make(jr->msgbuf, msg.n);
	l.raw = l.text;
	syslog_split_tag(ident, &l);
	if (span_starts(unit, "postfix"))
		l.postfix = true;
	syslog_take_severity(&l);
	*out = l;
	return JOURNAL_LINE;
}

/* journal_close - the reader and its journal */
void journal_close(struct journal *jr)
{
	if (!jr)
		return;
	sd_journal_close(jr->j);
	free(jr);
}

/* journal_realtime - the current entry's time (0: none) */
uint64_t journal_realtime(struct journal *jr)
{
	uint64_t us;
	return sd_journal_get_realtime_usec(jr->j, &us) < 0 ? 0 : us;
}

/* journal_cursor - the current entry's cursor, malloc'd; NULL: none */
char *journal_cursor(struct journal *jr)
{
	char *c = NULL;
	if (sd_journal_get_cursor(jr->j, &c) < 0)
		return NULL;
	char *r = xstrdup(c);
	free(c);
	return r;
}

/* journal_is - is the current entry the one of cursor */
bool journal_is(struct journal *jr, const char *cursor)
{
	return sd_journal_test_cursor(jr->j, cursor) > 0;
}

/* journal_seek_cursor - stand on the entry of cursor (journal_next goes
 * on after it); false when that entry is not there any more */
bool journal_seek_cursor(struct journal *jr, const char *cursor)
{
	return sd_journal_seek_cursor(jr->j, cursor) >= 0 && sd_journal_next(jr->j) > 0 &&
	       sd_journal_test_cursor(jr->j, cursor) > 0;
}

/* journal_seek_realtime - journal_next gives the first entry at or after us */
void journal_seek_realtime(struct journal *jr, uint64_t us)
{
	sd_journal_seek_realtime_usec(jr->j, us);
}

/* journal_seek_end - journal_next gives only entries written from now on */
void journal_seek_end(struct journal *jr)
{
	sd_journal_seek_tail(jr->j);
	sd_journal_previous(jr->j);     /* on the last entry: next is the one after */
}

/* journal_fd - a descriptor to poll for changes, or negative */
int journal_fd(struct journal *jr)
{
	return sd_journal_get_fd(jr->j);
}

/* journal_process - after the descriptor woke: take the changes in */
void journal_process(struct journal *jr)
{
	sd_journal_process(jr->j);
}

#else

/* journal_available - built without libsystemd */
bool journal_available(void)
{
	return false;
}

/* journal_open - built without libsystemd: never */
struct journal *journal_open(const char *const *files, int nfiles, int *err)
{
	(void)files, (void)nfiles;
	*err = 0;
	return NULL;
}

/* journal_next - built without libsystemd: no entry */
enum journal_entry journal_next(struct journal *jr, struct logline *out, bool *truncated)
{
	(void)jr, (void)out;
	*truncated = false;
	return JOURNAL_END;
}

/* journal_close - built without libsystemd: nothing to close */
void journal_close(struct journal *jr)
{
	(void)jr;
}

/* the places of a reader that never opens: built without libsystemd */
uint64_t journal_realtime(struct journal *jr)
{
	(void)jr;
	return 0;
}

char *journal_cursor(struct journal *jr)
{
	(void)jr;
	return NULL;
}

bool journal_is(struct journal *jr, const char *cursor)
{
	(void)jr, (void)cursor;
	return false;
}

bool journal_seek_cursor(struct journal *jr, const char *cursor)
{
	(void)jr, (void)cursor;
	return false;
}

void journal_seek_realtime(struct journal *jr, uint64_t us)
{
	(void)jr, (void)us;
}

void journal_seek_end(struct journal *jr)
{
	(void)jr;
}

int journal_fd(struct journal *jr)
{
	(void)jr;
	return -1;
}

void journal_process(struct journal *jr)
{
	(void)jr;
}
#endif

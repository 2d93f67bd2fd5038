/*
 * journal.c - read Postfix entries from the systemd journal (the local
 * one with --journal, or journal files given by name) through libsystemd.
 *
 * Entries are turned straight into struct logline from their fields
 * (__REALTIME_TIMESTAMP, _HOSTNAME, SYSLOG_IDENTIFIER, SYSLOG_PID/_PID,
 * MESSAGE), so no text timestamp is parsed.  Only Postfix programs are
 * passed on: the unit postfix@-.service / postfix.service, or an
 * identifier that names a Postfix program.  Built only with libsystemd
 * (HAVE_SYSTEMD); without it, asking for the journal is a clear error.
 */
#include "../feed/feed.h"
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

/* feed_journal_available - is there a journal to read */
bool feed_journal_available(void)
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

/* feed_journal - entries of files (NULL-terminated; the local journal when nfiles=0) */
int feed_journal(struct feed *f, const char *const *files, int nfiles)
{
	sd_journal *j;
	int r = nfiles ? sd_journal_open_files(&j, (const char **)files, 0)
		       : sd_journal_open(&j, SD_JOURNAL_LOCAL_ONLY);
	if (r < 0) {
		warnx_("%s: cannot open the journal: %s", nfiles ? files[0] : "journal",
		       strerror(-r));
		f->st.file_errors++;
		return EXIT_INPUT;
	}
	sd_journal_set_data_threshold(j, 0);
	static char hostbuf[256], identbuf[256], unitbuf[256];
	static char msgbuf[64 * 1024];
	uint64_t n = 0;
	SD_JOURNAL_FOREACH(j)
	{
		struct logline l;
		memset(&l, 0, sizeof l);
		l.format = FMT_JOURNAL;
		l.pid = -1;
		f->st.lines++;
		n++;
		uint64_t usec;
		if (sd_journal_get_realtime_usec(j, &usec) < 0) {
			f->st.no_prefix++;
			continue;
		}
		l.ts.us = time_clamp_u64(usec); /* a damaged entry's time as well */
		l.ts.prec = 6;
		l.ts.tzoff = 0;
		struct span ident = copy(field(j, "SYSLOG_IDENTIFIER"), identbuf, sizeof identbuf);
		struct span unit = copy(field(j, "_SYSTEMD_UNIT"), unitbuf, sizeof unitbuf);
		l.host = copy(field(j, "_HOSTNAME"), hostbuf, sizeof hostbuf);
		struct span pid = field(j, "SYSLOG_PID");
		if (!pid.p)
			pid = field(j, "_PID");
		int64_t v;
		if (pid.p && span_i64(pid, &v))
			l.pid = v;
		struct span msg = field(j, "MESSAGE");
		if (!ident.p || !msg.p) {
			f->st.no_prefix++;
			continue;
		}
		if (msg.n > sizeof msgbuf) {
			msg = span_cut(msg, sizeof msgbuf);
			f->st.truncated++;
		}
		memcpy(msgbuf, msg.p, msg.n);
		l.text = span_make(msgbuf, msg.n);
		l.raw = l.text;
		syslog_split_tag(ident, &l);
		if (span_starts(unit, "postfix"))
			l.postfix = true;
		syslog_take_severity(&l);
		f->lineno = n;
		feed_logline(f, &l);
	}
	sd_journal_close(j);
	f->file_index++;
	return 0;
}

#else

/* feed_journal_available - built without libsystemd */
bool feed_journal_available(void)
{
	return false;
}

/* feed_journal - built without libsystemd: say so */
int feed_journal(struct feed *f, const char *const *files, int nfiles)
{
	warnx_("%s: this postsleuth was built without libsystemd; use journalctl -o short-iso | postsleuth ... -",
	       nfiles ? files[0] : "journal");
	f->st.file_errors++;
	return EXIT_INPUT;
}
#endif

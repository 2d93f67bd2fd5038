/*
 * common.c - what every command does the same way: colour decision,
 * feed options, input expansion.
 */
#include "cmd.h"
#include "../input/feed.h"
#include "../model/correlate.h"
#include "../report/report.h"
#include "../util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* cmd_color - --color, else a terminal without NO_COLOR */
bool cmd_color(const struct opts *o)
{
	if (o->color >= 0)
		return o->color == 1;
	const char *nc = getenv("NO_COLOR");
	if (nc && *nc)
		return false;
	return isatty(STDOUT_FILENO);
}

/* cmd_feed_setup - year, journal and time window from the options */
void cmd_feed_setup(struct feed *f, const struct opts *o)
{
	f->forced_year = o->year;
	f->want_journal = o->journal;
	if (o->have_since || o->have_until) {
		f->filter_time = true;
		f->since_us = o->have_since ? o->since_us : INT64_MIN;
		f->until_us = o->have_until ? o->until_us : INT64_MAX;
	}
}

/* cmd_inputs - the ordered input files (see feed_expand) */
char **cmd_inputs(const struct opts *o, int *n, bool *journal)
{
	return feed_expand(o->files, o->nfiles, n, journal);
}

/* cmd_inputs_free - release cmd_inputs' list */
void cmd_inputs_free(char **paths, int n)
{
	for (int i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* cmd_rereadable - can the inputs be read twice (no stdin, no journal) */
bool cmd_rereadable(char **paths, int n, bool journal)
{
	if (journal)
		return false;
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode))
			return false;
	}
	return true;
}

static char *spooled;

/* remove_spool - at exit: the temporary copy of stdin */
static void remove_spool(void)
{
	if (spooled)
		unlink(spooled);
}

/* cmd_spool_stdin - replace "-" by a temporary copy, so it can be read twice */
void cmd_spool_stdin(char **paths, int n)
{
	for (int i = 0; i < n; i++) {
		if (strcmp(paths[i], "-") != 0 || spooled)
			continue;
		const char *dir = getenv("TMPDIR");
		size_t len = strlen(dir && *dir ? dir : "/tmp") + 32;
		char *tmpl = xmalloc(len);
		snprintf(tmpl, len, "%s/postsleuth.XXXXXX", dir && *dir ? dir : "/tmp");
		int fd = mkstemp(tmpl);
		if (fd < 0)
			fatal(EXIT_ENV, "cannot create a temporary file in %s: %s", dir ? dir : "/tmp",
			      strerror(errno));
		spooled = tmpl;
		atexit(remove_spool);
		char buf[1 << 16];
		ssize_t r;
		while ((r = read(0, buf, sizeof buf)) > 0 || (r < 0 && errno == EINTR)) {
			if (r < 0)
				continue;
			if (write(fd, buf, (size_t)r) != r)
				fatal(EXIT_ENV, "cannot write %s: %s", tmpl, strerror(errno));
		}
		close(fd);
		free(paths[i]);
		paths[i] = xstrdup(tmpl);
	}
}

/* cmd_input_note - on stderr, for outputs without an Input section: what
 * was read but not used, so that nothing is lost silently (m may be NULL) */
void cmd_input_note(const struct feed_stats *f, const struct model_stats *m)
{
	struct {
		uint64_t n;
		const char *what;
	} lost[] = {
	    {f->unknown, "Postfix lines of no known kind"},
	    {f->no_prefix, "lines without a syslog prefix"},
	    {f->truncated, "lines cut at 64 KiB"},
	    {m ? m->sessions_evicted - m->sessions_idle : 0, "sessions given up at the memory cap"},
	    {m ? m->sessions_idle : 0, "sessions given up after an hour without a line"},
	    {m ? m->messages_evicted : 0, "messages given up at the memory cap"},
	};
	bool any = false;
	for (size_t i = 0; i < sizeof lost / sizeof lost[0]; i++) {
		if (!lost[i].n)
			continue;
		if (!any)
			fprintf(stderr, "postsleuth: of %llu lines read: ", (unsigned long long)f->lines);
		fprintf(stderr, "%s%llu %s", any ? ", " : "", (unsigned long long)lost[i].n,
			lost[i].what);
		any = true;
	}
	if (any)
		fputs(" (\"postsleuth report\" shows every count)\n", stderr);
}

/* cmd_analysis_note - on stderr, for outputs without an Input section:
 * what the analysis could not keep in memory (nothing when all was kept) */
void cmd_analysis_note(const struct analysis *a)
{
	struct buf b = {0};
	analysis_note_text(&b, a, "postsleuth: ");
	buf_flush(&b, stderr);
	buf_free(&b);
}

/* cmd_reread_setup - a fresh feed set up from the options, and the input
 * list kept for a second pass (stdin spooled to a file that can be read
 * again); the caller sets fn/ctx, runs the feed, and frees the list */
char **cmd_reread_setup(struct feed *f, const struct opts *o, int *n, bool *journal)
{
	memset(f, 0, sizeof *f);
	cmd_feed_setup(f, o);
	char **paths = cmd_inputs(o, n, journal);
	cmd_spool_stdin(paths, *n);
	if (*journal)
		f->want_journal = true;
	return paths;
}

/* cmd_run_inputs - the command's inputs through the feed, in one call:
 * expand them (rotation order, directories, the journal when none) and
 * run; the list is freed */
int cmd_run_inputs(struct feed *f, const struct opts *o)
{
	int n;
	bool journal;
	char **paths = cmd_inputs(o, &n, &journal);
	if (journal)
		f->want_journal = true;
	int rc = feed_run(f, paths, n);
	cmd_inputs_free(paths, n);
	return rc;
}

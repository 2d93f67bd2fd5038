/*
 * common.c - what every command does the same way: colour decision,
 * feed options, input expansion.
 */
#include "cmd.h"
#include "../input/feed.h"
#include "../input/source.h"
#include "../model/correlate.h"
#include "../util/xalloc.h"

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
	source_set_mem_limit(o->decompress_max ? o->decompress_max : SOURCE_MEM_DEFAULT);
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

/* cmd_reread_setup - a fresh feed set up from the options, and the input
 * list; with keep, the feed notes what it needs to read the inputs again
 * (reread_open; pipes kept up to --spool-max).  The caller sets fn/ctx,
 * runs the feed, frees the list and the feed's inputs (reread_free) */
char **cmd_reread_setup(struct feed *f, const struct opts *o, int *n, bool *journal, bool keep)
{
	memset(f, 0, sizeof *f);
	cmd_feed_setup(f, o);
	f->keep = keep;
	f->spool_max = o->have_spool_max ? o->spool_max : FEED_SPOOL_DEFAULT;
	char **paths = cmd_inputs(o, n, journal);
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

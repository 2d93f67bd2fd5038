/*
 * cmd.c - what every command does the same way: colour decision,
 * feed options, input expansion, and the check that the input held
 * Postfix lines at all.
 */
#include "cmd.h"
#include "../act/act.h"
#include "../report/writer.h"
#include "../feed/feed.h"
#include "../input/rotate.h"
#include "../input/source.h"
#include "../model/correlate.h"
#include "../util/buf.h"
#include "../util/i18n.h"
#include "../report/report.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* cmd_writer - the output backend the options ask for: HTML, JSON or text */
const struct writer *cmd_writer(const struct opts *o)
{
	return o->html ? &writer_html : o->json ? &writer_json : &writer_text;
}

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

/* cmd_feed_setup - year, journal, threads and time window from the options */
void cmd_feed_setup(struct feed *f, const struct opts *o)
{
	source_set_mem_limit(o->decompress_max ? o->decompress_max : SOURCE_MEM_DEFAULT);
	f->forced_year = o->year;
	f->want_journal = o->journal;
	if (o->have_threads)
		f->threads = o->threads > 2 ? 2 : o->threads;
	if (o->have_since || o->have_until) {
		f->filter_time = true;
		f->since_us = o->have_since ? o->since_us : INT64_MIN;
		f->until_us = o->have_until ? o->until_us : INT64_MAX;
	}
}

/* cmd_inputs - the ordered input files (see rotate_expand) */
char **cmd_inputs(const struct opts *o, int *n, bool *journal)
{
	return rotate_expand(o->files, o->nfiles, n, journal, feed_journal_available);
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
	    {f->unknown, N_("Postfix lines of no known kind")},
	    {f->no_prefix, N_("lines without a syslog prefix")},
	    {f->truncated, N_("lines cut at 64 KiB")},
	    {m ? m->sessions_evicted - m->sessions_idle : 0, N_("sessions given up at the memory cap")},
	    {m ? m->sessions_idle : 0, N_("sessions given up after an hour without a line")},
	    {m ? m->messages_evicted : 0, N_("messages given up at the memory cap")},
	};
	bool any = false;
	for (size_t i = 0; i < sizeof lost / sizeof lost[0]; i++) {
		if (!lost[i].n)
			continue;
		if (!any)
			fprintf(stderr, _("postsleuth: of %llu lines read: "), (unsigned long long)f->lines);
		fprintf(stderr, "%s%llu %s", any ? ", " : "", (unsigned long long)lost[i].n,
			_(lost[i].what));
		any = true;
	}
	if (any)
		fputs(_(" (\"postsleuth report\" shows every count)\n"), stderr);
}

/* input_name - one input as the user knows it */
static void input_name(struct buf *b, const char *path)
{
	if (!strcmp(path, "-"))
		buf_puts(b, _("standard input"));
	else
		buf_term(b, span_of(path));
}

/* input_names - "a", "a and b", "a, b and c", "a, b, c and 2 more",
 * with "the systemd journal" first when it was read */
static void input_names(struct buf *b, char **paths, int n, bool journal)
{
	int total = n + journal, shown = total > 3 ? 3 : total;
	for (int k = 0; k < shown; k++) {
		if (k)
			buf_puts(b, k + 1 == shown && total == shown ? _(" and ") : ", ");
		if (journal && k == 0)
			buf_puts(b, _("the systemd journal"));
		else
			input_name(b, paths[k - journal]);
	}
	if (total > shown)
		buf_printf(b, _(" and %d more"), total - shown);
}

/* cmd_input_problem - when the run recognised no Postfix line (nor a
 * postmaster transcript, a bounce report's or mailq's lines): the sentence that says so, into b, and true */
bool cmd_input_problem(const struct feed *f, const struct opts *o, char **paths, int n, bool journal,
		       struct buf *b)
{
	const struct feed_stats *st = &f->st;
	if (st->recognised || st->transcripts || st->pasted)
		return false;
	bool local = journal || f->want_journal;
	if (st->postfix) {
		/* tagged postfix/..., but no line of a shape postsleuth knows (a
		 * message it does not read, queue IDs made up in a paste): an
		 * empty report would read as "all is well" */
		/* TRANSLATORS: the names of the inputs follow ("mail.log and mail.log.1") */
		buf_printf(b, P_("no Postfix message recognised in %llu line tagged postfix of ",
				 "no Postfix message recognised in %llu lines tagged postfix of ",
				 st->postfix),
			   (unsigned long long)st->postfix);
		input_names(b, paths, n, local);
		return true;
	}
	if (st->lines == 0 && st->file_errors && st->file_errors >= st->files + (local ? 1 : 0)) {
		buf_puts(b, _("could not read any input"));
		return true;
	}
	/* TRANSLATORS: the names of the inputs follow ("mail.log and mail.log.1") */
	if (o->have_since || o->have_until)
		buf_printf(b, P_("no Postfix log line found in the --since/--until window among %llu line of ",
				 "no Postfix log line found in the --since/--until window among %llu lines of ",
				 st->lines),
			   (unsigned long long)st->lines);
	else
		buf_printf(b, P_("no Postfix log line found in %llu line of ",
				 "no Postfix log line found in %llu lines of ", st->lines),
			   (unsigned long long)st->lines);
	input_names(b, paths, n, local);
	return true;
}

/* cmd_input_check - after the run: no Postfix line recognised is said on
 * stderr (before any output) and makes the exit status 1 */
int cmd_input_check(const struct feed *f, const struct opts *o, char **paths, int n, bool journal,
		    int rc)
{
	struct buf b = {0};
	if (cmd_input_problem(f, o, paths, n, journal, &b)) {
		fprintf(stderr, "postsleuth: %.*s\n", (int)b.n, b.p);
		if (!rc)
			rc = EXIT_INPUT;
	}
	buf_free(&b);
	return rc;
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
	rc = cmd_input_check(f, o, paths, n, journal, rc);
	cmd_inputs_free(paths, n);
	return rc;
}

/* cmd_act_run - read everything for ban, fail2ban and advise: verdicts
 * and facts (act/act.c); returns the feed's exit status (1 when some
 * input could not be read, or held no Postfix line) */
int cmd_act_run(struct act_run *r, struct opts *o)
{
	r->paths = cmd_reread_setup(&r->feed, o, &r->npaths, &r->journal, r->reread);
	act_begin(r, o->memory_budget, o->show_secrets);
	int rc = feed_run(&r->feed, r->paths, r->npaths);
	rc = cmd_input_check(&r->feed, o, r->paths, r->npaths, r->journal, rc);
	act_end(r);
	return rc;
}

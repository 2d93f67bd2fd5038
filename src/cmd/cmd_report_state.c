/*
 * cmd_report_state.c - "postsleuth report --state DB": the report over what
 * "postsleuth watch" saved (live/state.h), so that a month is reported
 * without reading a month of logs.  The client, account and login
 * records are loaded into a fresh analysis and decided as after a batch
 * run (the accounts' rules that need every login included); what only a
 * log can give is not there and the report says so: no evidence lines,
 * no detail of names and usernames, no server findings or traffic
 * summary.
 */
#include "cmd.h"
#include "../analyze/analysis.h"
#include "../feed/evidence.h"
#include "../analyze/records.h"
#include "../diagnose/diagnose.h"
#include "../feed/feed.h"
#include "../live/state.h"
#include "../model/correlate.h"
#include "../report/report.h"
#include "../report/writer.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* counter - one saved counter, 0 when absent */
static uint64_t counter(const struct state_counter *c, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(c[i].name, name))
			return c[i].value;
	return 0;
}

/* cmd_report_state - report on a watch state */
int cmd_report_state(struct opts *o)
{
	if (o->nfiles || o->journal)
		fatal(EXIT_USAGE, "report --state reads what watch saved, not logs: no FILE or --journal "
				  "with it");
	char *err = NULL;
	struct state *s = state_open(o->state_path, true, &err);
	if (!s)
		fatal(EXIT_INPUT, "report --state %s: %s", o->state_path, err);
	struct analysis *a = analysis_new();
	analysis_limits(a, o->memory_budget, ANALYSIS_DETAIL_CLIENTS, ANALYSIS_DETAIL_ACCOUNTS);
	state_load(s, a, NULL, NULL);
	struct state_counter *cv;
	size_t ncv = state_counters(s, &cv);
	state_close(s);
	struct feed_stats fs = {0};
	fs.lines = counter(cv, ncv, "lines");
	fs.postfix = fs.recognised = counter(cv, ncv, "postfix_lines");
	fs.other = fs.lines - fs.postfix;
	state_counters_free(cv, ncv);
	struct model_stats ms = {0};
	for (size_t i = 0; i < a->clients.n; i++) {
		const struct client *c = records_client(a, (uint32_t)i);
		ms.sessions += c->sessions;
		a->messages += c->messages;
		if (c->first_us || c->last_us) {
			struct stamp f = client_first(c), l = client_last(c);
			if (!a->have_time || f.us < a->first.us)
				a->first = f;
			if (!a->have_time || l.us > a->last.us)
				a->last = l;
			a->have_time = true;
		}
	}
	a->sessions = ms.sessions;
	analysis_finish(a);
	struct diag *d = diag_new();
	diag_finish(d);
	struct evidence_set ev = {0};
	fprintf(stderr, "postsleuth: report: from the state %s: %zu clients, %zu accounts, %llu lines "
			"read by watch; no evidence lines, server findings or traffic summary (those "
			"need the logs)\n",
		o->state_path, a->nclist, a->nalist, (unsigned long long)fs.lines);
	struct report_input in = {.a = a, .feed = &fs, .model = &ms, .evidence = &ev, .diag = d,
				  .color = cmd_color(o), .show_secrets = o->show_secrets,
				  .all_clients = o->all, .out = stdout};
	struct buf b = {0};
	cmd_writer(o)->report(&b, &in);
	buf_flush(&b, stdout);
	buf_free(&b);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
	diag_free(d);
	analysis_free(a);
	return fs.postfix ? 0 : EXIT_INPUT;
}

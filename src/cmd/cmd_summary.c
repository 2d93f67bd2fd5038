/*
 * cmd_summary.c - "postsleuth summary": the traffic summary of the logs,
 * pflogsumm's report with pflogsumm's numbers plus our own sections
 * (docs/summary.md); --json writes one JSON object.
 */
#include "cmd.h"
#include "../report/writer.h"
#include "../analyze/summary.h"
#include "../feed/feed.h"
#include "../report/summary_json.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

/* on_event - hand every event to the summary */
static void on_event(const struct event *ev, void *ctx)
{
	summary_event(ctx, ev);
}

/* cmd_summary - run the feed into a summary and print it */
int cmd_summary(struct opts *o)
{
	struct summary *s = summary_new();
	struct feed f = {.fn = on_event, .ctx = s};
	cmd_feed_setup(&f, o);
	summary_window(s, o->have_since, o->since_us, o->have_until, o->until_us);
	int rc = cmd_run_inputs(&f, o);
	struct buf out = {0};
	struct summary_input in = {s, &f.st, cmd_color(o)};
	cmd_writer(o)->summary(&out, &in);
	buf_flush(&out, stdout);
	buf_free(&out);
	summary_free(s);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
	cmd_input_note(&f.st, NULL);
	return rc;
}

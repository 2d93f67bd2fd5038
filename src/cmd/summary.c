/*
 * summary.c - "postsleuth summary": the traffic summary of the logs,
 * pflogsumm's report with pflogsumm's numbers plus our own sections
 * (docs/summary.md); --json writes one JSON object.
 */
#include "cmd.h"
#include "../analyze/summary.h"
#include "../input/feed.h"
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
	if (o->json) {
		buf_putc(&out, '{');
		summary_json(s, &out);
		buf_printf(&out, ",\"input\":{\"lines\":%llu,\"postfix_lines\":%llu,"
				 "\"unknown_lines\":%llu,\"files\":%llu,\"file_errors\":%llu}}\n",
			   (unsigned long long)f.st.lines, (unsigned long long)f.st.postfix,
			   (unsigned long long)f.st.unknown, (unsigned long long)f.st.files,
			   (unsigned long long)f.st.file_errors);
	} else {
		summary_text(s, &out, cmd_color(o));
		if (f.st.unknown)
			buf_printf(&out, "\n(%llu Postfix lines of no known kind were not counted; "
					 "see \"postsleuth events\")\n",
				   (unsigned long long)f.st.unknown);
	}
	buf_flush(&out, stdout);
	buf_free(&out);
	summary_free(s);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
	cmd_input_note(&f.st, NULL);
	return rc;
}

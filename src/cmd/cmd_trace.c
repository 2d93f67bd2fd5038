/*
 * cmd_trace.c - "postsleuth trace ID": the whole story of a queue ID,
 * Message-ID or address.  When the inputs are files, a first pass (run
 * again while it finds more) collects every linked queue ID, so a bounce
 * notice leads back to its original and the original's session; a second
 * pass rebuilds the sessions and messages and keeps those of the story.
 * From stdin only one pass is possible: links to earlier lines may be
 * missed, and the output says so.
 */
#include "cmd.h"
#include "../report/writer.h"
#include "../analyze/trace.h"
#include "../feed/feed.h"
#include "../model/correlate.h"
#include "../report/model_json.h"
#include "../report/trace_text.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

struct trace_ctx {
	struct trace t;
	struct feed *feed;
	struct model *model;
};

/* on_event_select - pass one */
static void on_event_select(const struct event *ev, void *vctx)
{
	struct trace_ctx *c = vctx;
	trace_event(&c->t, ev);
}

/* on_event_collect - pass two (and the only pass for stdin) */
static void on_event_collect(const struct event *ev, void *vctx)
{
	struct trace_ctx *c = vctx;
	trace_event(&c->t, ev);
	trace_reject(&c->t, ev);
	model_event(c->model, ev, c->feed->lineno, c->feed->file_index);
}

/* on_session - keep the story's sessions */
static void on_session(const struct session *s, void *vctx)
{
	trace_session(&((struct trace_ctx *)vctx)->t, s);
}

/* on_message - keep the story's messages */
static void on_message(const struct message *m, void *vctx)
{
	trace_message(&((struct trace_ctx *)vctx)->t, m);
}

/* cmd_trace - select, rebuild, print */
int cmd_trace(struct opts *o)
{
	struct trace_ctx c;
	struct feed f = {0};
	int n, rc = 0;
	bool journal;
	char **paths = cmd_inputs(o, &n, &journal);
	trace_init(&c.t, o->query);
	c.t.color = cmd_color(o);
	c.t.render = &trace_render_default;
	c.t.show_secrets = o->show_secrets;
	c.feed = &f;
	bool two_pass = cmd_rereadable(paths, n, journal || o->journal);
	if (two_pass) {
		for (int pass = 0; pass < 4; pass++) {
			struct feed f1 = {0};
			cmd_feed_setup(&f1, o);
			f1.fn = on_event_select;
			f1.ctx = &c;
			c.t.grew = false;
			rc = feed_run(&f1, paths, n);
			if (!c.t.grew)
				break;
		}
	}
	cmd_feed_setup(&f, o);
	if (journal)
		f.want_journal = true;
	f.fn = on_event_collect;
	f.ctx = &c;
	struct model_sink sink = {on_session, on_message, &c};
	c.model = model_new(&sink);
	rc = feed_run(&f, paths, n);
	rc = cmd_input_check(&f, o, paths, n, journal, rc);
	model_finish(c.model);
	struct model_stats ms = *model_stats(c.model);
	model_free(c.model);
	trace_sort(&c.t);
	struct trace_input in = {&c.t, !two_pass};
	struct buf b = {0};
	cmd_writer(o)->trace(&b, &in);
	buf_flush(&b, stdout);
	buf_free(&b);
	trace_free(&c.t);
	cmd_inputs_free(paths, n);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
	cmd_input_note(&f.st, &ms);
	return rc;
}

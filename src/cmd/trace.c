/*
 * trace.c - "postsleuth trace ID": the whole story of a queue ID,
 * Message-ID or address.  When the inputs are files, a first pass (run
 * again while it finds more) collects every linked queue ID, so a bounce
 * notice leads back to its original and the original's session; a second
 * pass rebuilds the sessions and messages and keeps those of the story.
 * From stdin only one pass is possible: links to earlier lines may be
 * missed, and the output says so.
 */
#include "cmd.h"
#include "../analyze/trace.h"
#include "../input/feed.h"
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

/* print_text - the story, heading first */
static void print_text(struct trace *t, bool single_pass)
{
	struct buf b = {0};
	size_t ns = 0, nm = 0, nr = 0;
	for (size_t i = 0; i < t->nitems; i++) {
		ns += t->items[i].kind == 's';
		nm += t->items[i].kind == 'm';
		nr += t->items[i].kind == 'r';
	}
	buf_puts(&b, "Trace of ");
	buf_puts(&b, t->kind == TRACE_QID ? "queue ID " : t->kind == TRACE_MSGID ? "Message-ID " : "address ");
	buf_term(&b, span_of(t->query));
	buf_printf(&b, ": %zu message%s, %zu session%s", nm, nm == 1 ? "" : "s", ns, ns == 1 ? "" : "s");
	if (t->kind == TRACE_ADDRESS)
		buf_printf(&b, ", %zu rejected attempt%s", nr, nr == 1 ? "" : "s");
	buf_puts(&b, "\n");
	if (single_pass)
		buf_puts(&b, "(read from a stream in one pass: links to earlier lines may be missing)\n");
	if (!t->nitems)
		buf_puts(&b, "Nothing in the log matches it.\n");
	for (size_t i = 0; i < t->nitems; i++) {
		buf_putc(&b, '\n');
		buf_putspan(&b, buf_span(&t->items[i].text));
	}
	buf_flush(&b, stdout);
	buf_free(&b);
}

/* print_json - {"query":..,"kind":..,"sessions":[..],"messages":[..],"rejects":[..]} */
static void print_json(struct trace *t, bool single_pass)
{
	struct buf b = {0};
	buf_puts(&b, "{\"query\":");
	buf_jsons(&b, t->query);
	buf_puts(&b, ",\"kind\":\"");
	buf_puts(&b, trace_kind_name(t->kind));
	buf_printf(&b, "\",\"complete\":%s", single_pass ? "false" : "true");
	static const struct { char k; const char *name; } parts[] = {
	    {'s', "sessions"}, {'m', "messages"}, {'r', "rejects"}};
	for (int p = 0; p < 3; p++) {
		buf_printf(&b, ",\"%s\":[", parts[p].name);
		bool first = true;
		for (size_t i = 0; i < t->nitems; i++) {
			if (t->items[i].kind != parts[p].k)
				continue;
			if (!first)
				buf_putc(&b, ',');
			first = false;
			buf_putspan(&b, buf_span(&t->items[i].json));
		}
		buf_putc(&b, ']');
	}
	buf_puts(&b, "}\n");
	buf_flush(&b, stdout);
	buf_free(&b);
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
	if (o->json)
		print_json(&c.t, !two_pass);
	else
		print_text(&c.t, !two_pass);
	trace_free(&c.t);
	cmd_inputs_free(paths, n);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
	cmd_input_note(&f.st, &ms);
	return rc;
}

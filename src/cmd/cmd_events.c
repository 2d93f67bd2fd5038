/*
 * cmd_events.c - "postsleuth events": every event as NDJSON, plus a session
 * record and a message record as each closes (see docs/events.md).
 * SASL secrets are hidden (parse/redact.h) unless --show-secrets.
 */
#include "cmd.h"
#include "../feed/feed.h"
#include "../model/correlate.h"
#include "../report/events_json.h"
#include "../report/model_json.h"
#include "../util/buf.h"
#include "../util/fold.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

struct ev_ctx {
	struct buf out;
	bool all, show_secrets;
	struct feed *feed;
	struct model *model;
	struct redact_table *rt;   /* each process's conversation, for the redaction */
};

/* maybe_flush - keep the output buffer small */
static void maybe_flush(struct ev_ctx *c)
{
	if (c->out.n > 1 << 16)
		buf_flush(&c->out, stdout);
}

/* on_event - write each event worth showing, then feed the model */
static void on_event(const struct event *ev, void *vctx)
{
	struct ev_ctx *c = vctx;
	/* every line moves its process's conversation on, shown or not */
	struct redact_mask m;
	if (!c->show_secrets)
		redact_msg(redact_table_get(c->rt, ev->line->host, ev->line->pid), ev->line, &m);
	if (c->all || (ev->type != EV_NOISE && ev->type != EV_OTHER)) {
		events_json_write(&c->out, ev, c->show_secrets ? NULL : &m);
		maybe_flush(c);
	}
	model_event(c->model, ev, c->feed->lineno, c->feed->file_index);
}

/* on_transcript - postmaster transcripts become session records too */
static void on_transcript(const struct transcript *t, void *vctx)
{
	struct ev_ctx *c = vctx;
	model_transcript(c->model, t, c->feed->lineno, c->feed->file_index);
}

/* on_session - a session record when it closes */
static void on_session(const struct session *s, void *vctx)
{
	struct ev_ctx *c = vctx;
	session_json(&c->out, s, c->show_secrets);
	buf_putc(&c->out, '\n');
	maybe_flush(c);
}

/* on_message - a message record when it closes */
static void on_message(const struct message *m, void *vctx)
{
	struct ev_ctx *c = vctx;
	message_json(&c->out, m);
	buf_putc(&c->out, '\n');
	maybe_flush(c);
}

/* cmd_events - run the feed and print events */
int cmd_events(struct opts *o)
{
	struct ev_ctx c = {.all = o->all, .show_secrets = o->show_secrets};
	struct feed f = {.fn = on_event, .transcript_fn = on_transcript, .ctx = &c};
	c.rt = redact_table_new();
	cmd_feed_setup(&f, o);
	struct model_sink sink = {on_session, on_message, &c};
	c.feed = &f;
	c.model = model_new(&sink);
	int rc = cmd_run_inputs(&f, o);
	model_finish(c.model);
	struct model_stats ms = *model_stats(c.model);
	model_free(c.model);
	redact_table_free(c.rt);
	buf_flush(&c.out, stdout);
	buf_free(&c.out);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
	cmd_input_note(&f.st, &ms);
	return rc;
}

/* stats_event - feed the model only */
static void stats_event(const struct event *ev, void *vctx)
{
	struct ev_ctx *c = vctx;
	model_event(c->model, ev, c->feed->lineno, c->feed->file_index);
}

/* cmd_stats - parse and correlate, then print what was recognised */
int cmd_stats(struct opts *o)
{
	struct ev_ctx c = {0};
	struct feed f = {.fn = stats_event, .transcript_fn = on_transcript, .ctx = &c};
	cmd_feed_setup(&f, o);
	struct model_sink sink = {NULL, NULL, &c};
	c.feed = &f;
	c.model = model_new(&sink);
	int rc = cmd_run_inputs(&f, o);
	model_finish(c.model);
	const struct model_stats *ms = model_stats(c.model);
	struct buf *b = &c.out;
	const struct feed_stats *s = &f.st;
	if (o->json) {
		buf_printf(b, "{\"lines\":%llu,\"bytes\":%llu,\"postfix\":%llu,\"recognised\":%llu,"
			      "\"noise\":%llu,\"unknown\":%llu,\"other\":%llu,\"no_prefix\":%llu,"
			      "\"truncated\":%llu,\"transcripts\":%llu,\"sessions\":%llu,\"messages\":%llu,"
			      "\"sessions_open_peak\":%llu,\"messages_open_peak\":%llu,\"types\":{",
			   (unsigned long long)s->lines, (unsigned long long)s->bytes,
			   (unsigned long long)s->postfix, (unsigned long long)s->recognised,
			   (unsigned long long)s->noise, (unsigned long long)s->unknown,
			   (unsigned long long)s->other, (unsigned long long)s->no_prefix,
			   (unsigned long long)s->truncated, (unsigned long long)s->transcripts,
			   (unsigned long long)ms->sessions, (unsigned long long)ms->messages,
			   (unsigned long long)ms->sessions_open_peak,
			   (unsigned long long)ms->messages_open_peak);
		bool first = true;
		for (int t = 0; t < EV__COUNT; t++) {
			if (!s->by_type[t])
				continue;
			buf_printf(b, "%s\"%s\":%llu", first ? "" : ",", ev_type_name((enum ev_type)t),
				   (unsigned long long)s->by_type[t]);
			first = false;
		}
		buf_puts(b, "}}\n");
	} else {
		const struct {
			const char *label;
			unsigned long long n;
		} rows[] = {
		    {N_("lines"), s->lines},
		    {N_("postfix lines"), s->postfix},
		    {N_("recognised"), s->recognised},
		    {N_("  of which noise"), s->noise},
		    {N_("unknown"), s->unknown},
		    {N_("other programs"), s->other},
		    {N_("no syslog prefix"), s->no_prefix},
		    {N_("truncated"), s->truncated},
		    {N_("transcripts"), s->transcripts},
		    {N_("sessions"), ms->sessions},
		    {N_("messages"), ms->messages},
		};
		for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
			buf_pad(b, _(rows[i].label), 22);
			buf_printf(b, " %12llu\n", rows[i].n);
		}
		buf_puts(b, _("\nevent types:\n"));
		for (int t = 0; t < EV__COUNT; t++)
			if (s->by_type[t])
				buf_printf(b, "  %-20s %12llu\n", ev_type_name((enum ev_type)t),
					   (unsigned long long)s->by_type[t]);
	}
	buf_flush(b, stdout);
	buf_free(b);
	model_free(c.model);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
	return rc;
}

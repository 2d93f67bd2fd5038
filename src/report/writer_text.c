/*
 * writer_text.c - the text backend: the writers for people, gathered in
 * one struct writer (writer.h); most live in their own files
 * (report_text.c, summary_text.c, explain.c, advise.c), the small ones
 * are here.
 */
#include "writer.h"
#include "summary_json.h"
#include "../util/i18n.h"

/* summary_out - pflogsumm's summary, then what was not counted */
static void summary_out(struct buf *b, const struct summary_input *in)
{
	summary_text(in->s, b, in->color);
	if (in->feed->unknown)
		buf_printf(b, "\n(%llu Postfix lines of no known kind were not counted; "
			      "see \"postsleuth events\")\n",
			   (unsigned long long)in->feed->unknown);
}

/* trace_out - a story: its counts, then each item in time order */
static void trace_out(struct buf *b, const struct trace_input *in)
{
	const struct trace *t = in->t;
	size_t ns = 0, nm = 0, nr = 0;
	for (size_t i = 0; i < t->nitems; i++) {
		ns += t->items[i].kind == 's';
		nm += t->items[i].kind == 'm';
		nr += t->items[i].kind == 'r';
	}
	struct buf q = {0}, m = {0}, s = {0}, r = {0};
	buf_term(&q, span_of(t->query));
	buf_putc(&q, 0);
	buf_printf(&m, P_("%zu message", "%zu messages", nm), nm);
	buf_putc(&m, 0);
	buf_printf(&s, P_("%zu session", "%zu sessions", ns), ns);
	buf_putc(&s, 0);
	buf_printf(&r, P_("%zu rejected attempt", "%zu rejected attempts", nr), nr);
	buf_putc(&r, 0);
	/* TRANSLATORS: "Trace of queue ID 4A1B2C3D4E: 2 messages, 1 session":
	 * what was asked for, then how many messages and sessions */
	if (t->kind == TRACE_QID)
		buf_printf(b, _("Trace of queue ID %s: %s, %s\n"), q.p, m.p, s.p);
	else if (t->kind == TRACE_MSGID)
		buf_printf(b, _("Trace of Message-ID %s: %s, %s\n"), q.p, m.p, s.p);
	else
		buf_printf(b, _("Trace of address %s: %s, %s, %s\n"), q.p, m.p, s.p, r.p);
	buf_free(&q);
	buf_free(&m);
	buf_free(&s);
	buf_free(&r);
	if (in->single_pass)
		buf_puts(b, _("(read from a stream in one pass: links to earlier lines may be missing)\n"));
	if (!t->nitems)
		buf_puts(b, _("Nothing in the log matches it.\n"));
	for (size_t i = 0; i < t->nitems; i++) {
		buf_putc(b, '\n');
		buf_putspan(b, buf_span(&t->items[i].text));
	}
}

/* explain_out - the sessions told step by step */
static void explain_out(struct buf *b, struct explain *x, const struct analysis *a)
{
	explain_write(x, a, b, false);
}

const struct writer writer_text = {
    .name = "text",
    .report = report_text,
    .clients = clients_table,
    .accounts = accounts_table,
    .summary = summary_out,
    .trace = trace_out,
    .explain = explain_out,
    .advice = advise_text,
};

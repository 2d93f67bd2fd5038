/*
 * writer_text.c - the text backend: the writers for people, gathered in
 * one struct writer (writer.h); most live in their own files
 * (report_text.c, summary_text.c, explain.c, advise.c), the small ones
 * are here.
 */
#include "writer.h"
#include "summary_json.h"

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
	buf_puts(b, "Trace of ");
	buf_puts(b, t->kind == TRACE_QID ? "queue ID " : t->kind == TRACE_MSGID ? "Message-ID " : "address ");
	buf_term(b, span_of(t->query));
	buf_printf(b, ": %zu message%s, %zu session%s", nm, nm == 1 ? "" : "s", ns, ns == 1 ? "" : "s");
	if (t->kind == TRACE_ADDRESS)
		buf_printf(b, ", %zu rejected attempt%s", nr, nr == 1 ? "" : "s");
	buf_puts(b, "\n");
	if (in->single_pass)
		buf_puts(b, "(read from a stream in one pass: links to earlier lines may be missing)\n");
	if (!t->nitems)
		buf_puts(b, "Nothing in the log matches it.\n");
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

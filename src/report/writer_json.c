/*
 * writer_json.c - the JSON backend: one document per command
 * (docs/report.md, docs/summary.md), gathered in one struct writer.
 */
#include "writer.h"
#include "summary_json.h"

/* clients_out - {"clients":[...]} */
static void clients_out(struct buf *b, const struct analysis *a, struct client *const *list, size_t n,
			bool color, FILE *out)
{
	(void)color;
	buf_puts(b, "{\"clients\":[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(b, ',');
		client_json(b, a, list[i], NULL);
		if (out && b->n > (1 << 16))
			buf_flush(b, out);
	}
	buf_puts(b, "]}\n");
}

/* accounts_out - {"accounts":[...]} */
static void accounts_out(struct buf *b, const struct analysis *a, struct account *const *list,
			 size_t n, bool color, FILE *out)
{
	(void)color;
	buf_puts(b, "{\"accounts\":[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(b, ',');
		account_json(b, a, list[i]);
		if (out && b->n > (1 << 16))
			buf_flush(b, out);
	}
	buf_puts(b, "]}\n");
}

/* summary_out - the summary's members and what was read */
static void summary_out(struct buf *b, const struct summary_input *in)
{
	const struct feed_stats *f = in->feed;
	buf_putc(b, '{');
	summary_json(in->s, b);
	buf_printf(b, ",\"input\":{\"lines\":%llu,\"postfix_lines\":%llu,"
		      "\"unknown_lines\":%llu,\"files\":%llu,\"file_errors\":%llu}}\n",
		   (unsigned long long)f->lines, (unsigned long long)f->postfix,
		   (unsigned long long)f->unknown, (unsigned long long)f->files,
		   (unsigned long long)f->file_errors);
}

/* trace_out - {"query":..,"kind":..,"complete":..,"sessions":[..],"messages":[..],"rejects":[..]} */
static void trace_out(struct buf *b, const struct trace_input *in)
{
	const struct trace *t = in->t;
	buf_puts(b, "{\"query\":");
	buf_jsons(b, t->query);
	buf_puts(b, ",\"kind\":\"");
	buf_puts(b, trace_kind_name(t->kind));
	buf_printf(b, "\",\"complete\":%s", in->single_pass ? "false" : "true");
	static const struct {
		char k;
		const char *name;
	} parts[] = {{'s', "sessions"}, {'m', "messages"}, {'r', "rejects"}};
	for (int p = 0; p < 3; p++) {
		buf_printf(b, ",\"%s\":[", parts[p].name);
		bool first = true;
		for (size_t i = 0; i < t->nitems; i++) {
			if (t->items[i].kind != parts[p].k)
				continue;
			if (!first)
				buf_putc(b, ',');
			first = false;
			buf_putspan(b, buf_span(&t->items[i].json));
		}
		buf_putc(b, ']');
	}
	buf_puts(b, "}\n");
}

/* explain_out - the sessions told step by step, as JSON */
static void explain_out(struct buf *b, struct explain *x, const struct analysis *a)
{
	explain_write(x, a, b, true);
}

const struct writer writer_json = {
    .name = "json",
    .report = report_json,
    .clients = clients_out,
    .accounts = accounts_out,
    .summary = summary_out,
    .trace = trace_out,
    .explain = explain_out,
    .advice = advise_json,
};

/*
 * sections_json.c - the JSON report's "at_a_glance" and "what_to_do"
 * (docs/report.md): the text report's own two sections, made by the same
 * code (overview_text.c, actions_text.c) with nothing folded, then cut
 * into their items: one string per "At a glance" item; per "What to do"
 * item its title and its paragraphs.  One source for the three writers,
 * so they never disagree.  The text has passed buf_term; it passes
 * buf_json here.
 */
#include "report.h"
#include "model_json.h"

#include <string.h>

/* next_line - the next line of *t (without its '\n'), *t moved past it */
static bool next_line(struct span *t, struct span *line)
{
	if (!t->n)
		return false;
	const char *nl = memchr(t->p, '\n', t->n);
	size_t n = nl ? (size_t)(nl - t->p) : t->n;
	*line = span_make(t->p, n);
	*t = span_skip(*t, nl ? n + 1 : n);
	return true;
}

/* indent_of - the blanks a line starts with */
static size_t indent_of(struct span l)
{
	size_t i = 0;
	while (i < l.n && l.p[i] == ' ')
		i++;
	return i;
}

/* glance_json - "[item, ...]": each item of "At a glance" (its heading
 * line dropped) */
static void glance_json(struct buf *b, const struct report_input *in)
{
	struct buf t = {0};
	struct report_input plain = *in;
	plain.color = false;
	overview_text(&t, &plain, 0);
	struct span s = buf_span(&t), l;
	bool first = true;
	next_line(&s, &l); /* "At a glance, most serious first" */
	buf_putc(b, '[');
	while (next_line(&s, &l)) {
		size_t ind = indent_of(l);
		struct span x = span_skip(l, ind);
		if (span_starts(x, "- "))
			x = span_skip(x, 2);
		if (!x.n)
			continue;
		if (!first)
			buf_putc(b, ',');
		first = false;
		buf_json(b, x);
	}
	buf_putc(b, ']');
	buf_free(&t);
}

/* todo_json - "[{title, text: [paragraph, ...]}, ...]": each item of
 * "What to do" ("  - Title:" then its paragraphs indented by four); a
 * paragraph outside any item ("Nothing needs doing.") is an item
 * without a title */
static void todo_json(struct buf *b, const struct report_input *in)
{
	struct buf t = {0};
	report_actions_text(&t, in->a, in->diag, in->campaigns, false, report_debug_seen(in), in->problem != NULL);
	struct span s = buf_span(&t), l;
	bool open = false, any = false, first_para = true;
	next_line(&s, &l); /* "What to do" */
	buf_putc(b, '[');
	while (next_line(&s, &l)) {
		size_t ind = indent_of(l);
		struct span x = span_skip(l, ind);
		if (!x.n)
			continue;
		bool title = ind == 2 && span_starts(x, "- ");
		if (title || ind < 4 || !open) {
			if (open)
				buf_puts(b, "]}");
			buf_puts(b, any ? ",{" : "{");
			any = open = true;
			first_para = true;
			bool f = true;
			json_key(b, &f, "title");
			if (title) {
				x = span_skip(x, 2);
				if (x.n && x.p[x.n - 1] == ':')
					x.n--;
				buf_json(b, x);
			} else {
				buf_json(b, SPAN_LIT(""));
			}
			json_key(b, &f, "text");
			buf_putc(b, '[');
			if (title)
				continue;
		}
		if (!first_para)
			buf_putc(b, ',');
		first_para = false;
		buf_json(b, x);
	}
	if (open)
		buf_puts(b, "]}");
	buf_putc(b, ']');
	buf_free(&t);
}

/* sections_json - the two keys, nothing folded while they are made */
void sections_json(struct buf *b, bool *first, const struct report_input *in)
{
	bool was = wrap_is_unbounded();
	wrap_set_unbounded(true);
	json_key(b, first, "at_a_glance");
	glance_json(b, in);
	json_key(b, first, "what_to_do");
	todo_json(b, in);
	wrap_set_unbounded(was);
}

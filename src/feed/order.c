/*
 * order.c - the lines of one input in the order they happened.
 *
 * A web UI's export, or an excerpt pasted from one, is often newest
 * first; read in that order every session and message would be cut in
 * two (the disconnect before the connect, "removed" before the
 * delivery).  The first lines of an input are looked at until two
 * different times are seen: going forwards (nearly every input), the
 * lines are handed over as read.  Going backwards, the input is kept
 * (up to ORDER_MAX_BYTES and ORDER_MAX_LINES) and, when no time goes
 * forwards anywhere in it, handed over last line first; each line with a
 * prefix still followed by the lines without one that came after it (a
 * line wrapped by the paste tool, a transcript), and the lines before
 * the first prefix staying first.  Past the caps, or when a time goes
 * forwards later on, everything is handed over as read.  Lines without a
 * time (pasted without one) do not count either way.  When every time is
 * the same (a web UI's rows of one second, newest first), the words
 * decide: the first session's or message's end ("disconnect from X",
 * "QID: removed") read before its own start ("connect from X",
 * "QID: client=", "QID: uid=") is an input newest first.
 *
 * An input of journalctl's entries over several lines (-o verbose,
 * export, json-pretty: journal_text.c gathers them) is neither joined,
 * cut apart nor reordered: its indented lines are fields, not wraps.
 *
 * A short input kept whole (a paste) may hold records flattened onto one
 * line by a copy site: they are cut apart again (unflatten.c); a remark
 * the admin wrote after a line, in any language ("  <-- here"), is taken
 * off it (annotation.c).
 *
 * Line numbers stay those of the file (the model keeps the lowest and
 * highest of a session's or message's lines, so the evidence pass finds
 * them reading the file in its own order).  The times are read with a
 * scratch syslog_state, so that the real one sees the lines in the
 * order handed over.  Memory: the kept copies, bounded as above.
 */
#include "order.h"
#include "annotation.h"
#include "journal_text.h"
#include "unflatten.h"
#include "unwrap.h"
#include "../syslog/prefix.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* what a kept line is, for the order and the wrapped lines */
enum { HEAD_NONE, HEAD_TAGGED, HEAD_WORDS, HEAD_INDENTED };

/* may_continue - a line that may be the rest of a wrapped one: no
 * prefix, or indented words read alone */
static inline bool may_continue(unsigned char h)
{
	return h == HEAD_NONE || h == HEAD_INDENTED;
}

/* order_init - read lr in order */
void order_init(struct order *o, struct lines *lr, int forced_year, time_t ref)
{
	memset(o, 0, sizeof *o);
	o->lr = lr;
	o->st = xmalloc(sizeof *o->st);
	syslog_state_init(o->st, forced_year, ref);
}

/* order_on_read - have fn called with each line as it is read, in the
 * file's order, whatever the order the lines are handed over in */
void order_on_read(struct order *o, void (*fn)(void *ctx, struct span line), void *ctx)
{
	o->on_read = fn;
	o->ctx = ctx;
}

/* keep - a copy of one line and its number */
static void keep(struct order *o, struct span line, uint64_t lineno)
{
	if (!o->buf || o->used + line.n > o->cap) {
		o->cap = (o->used + line.n) * 2 + 4096;
		o->buf = xrealloc(o->buf, o->cap);
	}
	if (o->n == o->cap_v) {
		o->cap_v = o->cap_v ? o->cap_v * 2 : 64;
		o->v = xrealloc(o->v, o->cap_v * sizeof *o->v);
	}
	if (line.n)
		memcpy(o->buf + o->used, line.p, line.n);
	o->v[o->n++] = (struct order_line){o->used, line.n, lineno, lineno};
	o->used += line.n;
}

/* the first start or end of a session or message met, for an input
 * whose times never differ (ends_first) */
struct first_mark {
	bool have;
	bool end;               /* an end, not a start */
	uint8_t len;
	char key[64];           /* "from NAME[ADDR]" or the queue ID */
};

/* mark_of - a session's or message's start or end in text: its kind and
 * key (the client after "from ", or the queue ID); false for any other */
static bool mark_of(struct span t, bool *end, struct span *key)
{
	if (span_starts(t, "connect from ") || span_starts(t, "disconnect from ")) {
		*end = t.p[0] == 'd';
		struct span k = span_skip(t, *end ? 11 : 8); /* "from ..." */
		ptrdiff_t rb = span_chr(k, ']');
		*key = rb > 0 ? span_head(k, (size_t)rb + 1) : k;
		return key->n > 5;
	}
	ptrdiff_t colon = span_chr(t, ':');
	if (colon < 5 || colon > 20 || (size_t)colon + 2 > t.n || t.p[colon + 1] != ' ')
		return false;
	struct span rest = span_skip(t, (size_t)colon + 2);
	if (span_eqs(rest, "removed"))
		*end = true;
	else if (span_starts(rest, "client=") || span_starts(rest, "uid="))
		*end = false;
	else
		return false;
	*key = span_head(t, (size_t)colon);
	return true;
}

/* ends_first - text's answer for the order: -1 when the first mark met
 * was an end and this is its own start (newest first), 1 when the first
 * was a start and this is its end, 0 while nothing says */
static int ends_first(struct first_mark *m, struct span text)
{
	bool end;
	struct span key;
	if (!mark_of(text, &end, &key))
		return 0;
	if (!m->have) {
		if (key.n > sizeof m->key)
			return 0;
		m->have = true;
		m->end = end;
		m->len = (uint8_t)key.n;
		memcpy(m->key, key.p, key.n);
		return 0;
	}
	if (end == m->end || key.n != m->len || memcmp(key.p, m->key, key.n) != 0)
		return 0;
	return m->end ? -1 : 1;
}

/* look - keep the first lines and decide the order: *heads marks the
 * lines with a prefix */
static void look(struct order *o, unsigned char **heads)
{
	int dir = 0; /* 1 forwards, -1 backwards, 0 not known yet */
	int words = 0; /* the same, told by the words (ends_first) */
	struct first_mark mark = {0};
	bool have_first = false;
	bool brace = false; /* the line before was "{" alone */
	int64_t first = 0, prev = 0;
	size_t cap_h = 0;
	struct span line;
	*heads = NULL;
	o->more = true;
	for (;;) {
		if (o->used >= ORDER_MAX_BYTES || o->n >= ORDER_MAX_LINES)
			return; /* too long to keep: as read */
		if (!lines_next(o->lr, &line)) {
			o->more = false;
			break;
		}
		keep(o, line, o->lr->lineno);
		if (o->on_read)
			o->on_read(o->ctx, line);
		if (!o->journal && (jtext_starts(line) || (brace && jtext_pretty_field(line))))
			o->journal = true;
		brace = jtext_brace(line);
		struct logline l;
		bool head = syslog_parse(o->st, line, &l);
		/* an indented message read by its words alone may be a wrapped
		 * line's rest ("    NOQUEUE: reject: ..." under its prefix) */
		bool indented = line.n && (line.p[0] == ' ' || line.p[0] == '\t');
		if (o->n > cap_h) {
			cap_h = o->cap_v;
			*heads = xrealloc(*heads, cap_h * sizeof **heads);
		}
		/* HEAD_TAGGED: a program tag of its own; HEAD_WORDS: the
		 * message alone, its program told by its words; indented, it
		 * may be the rest of a wrapped line (HEAD_INDENTED) */
		(*heads)[o->n - 1] = !head ? HEAD_NONE : !l.inferred ? HEAD_TAGGED
						 : indented ? HEAD_INDENTED : HEAD_WORDS;
		/* a line without a prefix (or only indented words) right after
		 * one with: a wrapped line, perhaps */
		if (o->n >= 2 && !o->journal && (*heads)[o->n - 2] && may_continue((*heads)[o->n - 1]) &&
		    span_trim(line).n)
			o->wraps = true;
		if (head && !words && l.postfix)
			words = ends_first(&mark, l.text);
		if (!head || l.format == FMT_NOTIME)
			continue;
		int64_t t = l.ts.us;
		if (!have_first) {
			have_first = true;
			first = prev = t;
		} else if (dir == 0 && t != first) {
			dir = t > first ? 1 : -1;
		} else if (dir < 0 && t > prev) {
			dir = 1; /* forwards after all: not newest first */
		}
		prev = t;
		/* forwards: handed over as read, once the first lines showed
		 * no wrapped line (a paste's wraps show early; a log has none) */
		if (dir > 0 && !o->wraps && o->n >= ORDER_LOOK_LINES)
			return;
	}
	if (dir == 0)
		dir = words; /* every time the same, or none: the words say */
	o->pasted = dir < 0; /* newest first, even when handed over as read */
	o->reversed = dir < 0 && !o->as_read && !o->journal;
}

/* unwrap_kept - the kept lines with each wrapped line joined again
 * (unwrap.c): the joined text after the copies, its pieces dropped from
 * v and heads, the first piece's number kept */
static void unwrap_kept(struct order *o, unsigned char *heads)
{
	struct buf j = {0};
	size_t k = 0;
	struct span after[UNWRAP_MAX_PARTS];
	for (size_t i = 0; i < o->n;) {
		size_t m = 0;
		if (heads[i])
			while (i + 1 + m < o->n && m < UNWRAP_MAX_PARTS &&
			       may_continue(heads[i + 1 + m])) {
				const struct order_line *a = &o->v[i + 1 + m];
				after[m++] = span_make(o->buf + a->off, a->len);
			}
		size_t took = 0;
		if (m) {
			const struct order_line *h = &o->v[i];
			took = unwrap_join(o->st, span_make(o->buf + h->off, h->len), heads[i] == HEAD_TAGGED,
					   after, m, &j);
		}
		struct order_line line = o->v[i];
		if (took) {
			uint64_t lineno = line.lineno, last = o->v[i + took].lineno;
			keep(o, buf_span(&j), lineno); /* at the end: moved down below */
			line = o->v[--o->n];
			line.last = last;
		}
		heads[k] = heads[i];
		o->v[k++] = line;
		i += 1 + took;
	}
	o->n = k;
	buf_free(&j);
}

/* unflatten_kept - each kept line that holds several records (a paste
 * flattened onto one line: unflatten.c) cut into them, each with the
 * line's number; the pieces stay in the copies, only v and heads grow */
static void unflatten_kept(struct order *o, unsigned char **heads)
{
	struct span part[UNFLATTEN_MAX_PARTS];
	for (size_t i = 0; i < o->n; i++) {
		if ((*heads)[i] != HEAD_TAGGED)
			continue;
		const struct order_line at = o->v[i];
		size_t m = unflatten_split(o->st, span_make(o->buf + at.off, at.len), part, UNFLATTEN_MAX_PARTS);
		if (m < 2)
			continue;
		if (o->n + m - 1 > o->cap_v) {
			o->cap_v = o->n + m - 1;
			o->v = xrealloc(o->v, o->cap_v * sizeof *o->v);
		}
		*heads = xrealloc(*heads, (o->n + m - 1) * sizeof **heads);
		memmove(o->v + i + m, o->v + i + 1, (o->n - i - 1) * sizeof *o->v);
		memmove(*heads + i + m, *heads + i + 1, (o->n - i - 1) * sizeof **heads);
		for (size_t k = 0; k < m; k++) {
			o->v[i + k] = (struct order_line){(size_t)(part[k].p - o->buf), part[k].n, at.lineno,
							  at.last};
			(*heads)[i + k] = HEAD_TAGGED;
		}
		o->n += m - 1;
		o->cut += m - 1;
		i += m - 1;
	}
}

/* annotations_kept - each kept line with a prefix without the remark
 * written after its text (annotation.c); only its length changes */
static void annotations_kept(struct order *o, const unsigned char *heads)
{
	for (size_t i = 0; i < o->n; i++) {
		if (heads[i] != HEAD_TAGGED)
			continue;
		struct span line = span_make(o->buf + o->v[i].off, o->v[i].len);
		struct logline l;
		/* the text inside the line (a state's buffer holds a rewritten one) */
		if (!syslog_parse(o->st, line, &l) || l.text.p < line.p || l.text.p > line.p + line.n)
			continue;
		size_t len = annotation_cut(line, (size_t)(l.text.p - line.p));
		o->annotated += len != o->v[i].len;
		o->v[i].len = len;
	}
}

/* reverse - seq: the blocks (a line with a prefix and the lines without
 * one after it) last first, the lines before the first block first */
static void reverse(struct order *o, const unsigned char *heads)
{
	size_t k = 0, lead = 0;
	while (lead < o->n && !heads[lead])
		lead++;
	for (size_t i = 0; i < lead; i++)
		o->seq[k++] = i;
	size_t end = o->n;
	for (size_t i = o->n; i-- > lead;) {
		if (!heads[i])
			continue;
		for (size_t j = i; j < end; j++)
			o->seq[k++] = j;
		end = i;
	}
}

/* order_next_kept - order_next before and while the kept lines are
 * handed over */
bool order_next_kept(struct order *o, struct span *line)
{
	if (!o->looked) {
		unsigned char *heads;
		o->looked = true;
		look(o, &heads);
		o->pasted = o->pasted || o->wraps || (!o->more && o->n <= ORDER_LOOK_LINES);
		/* a short paste kept whole: records flattened onto a line */
		if (!o->more && o->n <= ORDER_LOOK_LINES && heads && !o->journal) {
			unflatten_kept(o, &heads);
			annotations_kept(o, heads);
		}
		if (o->wraps)
			unwrap_kept(o, heads);
		o->seq = xmalloc((o->n + 1) * sizeof *o->seq);
		if (o->reversed) {
			reverse(o, heads);
		} else {
			for (size_t i = 0; i < o->n; i++)
				o->seq[i] = i;
		}
		free(heads);
	}
	if (o->next < o->n) {
		const struct order_line *v = &o->v[o->seq[o->next++]];
		*line = span_make(o->buf + v->off, v->len);
		o->lineno = v->lineno;
		o->last_lineno = v->last;
		return true;
	}
	if (!o->more)
		return false;
	o->pass = true;
	return order_next(o, line);
}

/* order_free - the copies and the scratch state */
void order_free(struct order *o)
{
	free(o->st);
	free(o->buf);
	free(o->v);
	free(o->seq);
	memset(o, 0, sizeof *o);
}

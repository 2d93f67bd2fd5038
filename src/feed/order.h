/*
 * order.h - the lines of one input in the order they happened: an input
 * whose times run backwards all along (a web UI's export, a pasted
 * excerpt newest first) is handed over oldest first; any other as read.
 * Line numbers stay those of the file.  See order.c.
 */
#ifndef POSTSLEUTH_ORDER_H
#define POSTSLEUTH_ORDER_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include "../input/lines.h"

struct syslog_state;

#define ORDER_MAX_BYTES (1024 * 1024) /* a newest-first input past this is read as is */
#define ORDER_MAX_LINES 16384
#define ORDER_LOOK_LINES 32 /* lines looked at for a wrapped one (a paste's) */

struct order_line {
	size_t off, len;        /* in buf */
	uint64_t lineno;        /* in the file */
	uint64_t last;          /* the last line it takes (a wrapped line's pieces) */
};

struct order {
	struct lines *lr;
	struct syslog_state *st;    /* a scratch state: the lines' times only */
	char *buf;                  /* copies of the lines looked at */
	size_t used, cap;
	struct order_line *v;
	size_t n, cap_v;
	size_t *seq;                /* the order to hand them over in */
	size_t next;                /* next index into seq */
	bool looked;                /* the first lines were looked at */
	bool more;                  /* lines after the kept ones remain in lr */
	bool reversed;              /* newest first: handed over last first */
	bool wraps;                 /* a line without a prefix after one with: a paste
				     * whose wrapped lines are joined again (unwrap.c) */
	bool pasted;                /* wrapped lines, newest first, or short and kept
				     * whole: a paste, not a log as it comes */
	bool journal;               /* journalctl's entries over several lines or
				     * json-seq records in the first lines
				     * (journal_text.c): never joined or reordered,
				     * every line through jtext_line */
	bool pass;                  /* the kept lines are over: straight from lr */
	size_t cut;                 /* records added by cutting flattened lines
				     * apart (unflatten.c): each shares its line's
				     * number and loses the blank before it */
	size_t annotated;           /* kept lines shortened by a remark taken off
				     * after their text (annotation.c) */
	uint64_t lineno;            /* file line number of the line handed over */
	uint64_t last_lineno;       /* ... and of its last piece, when it was wrapped */
	bool as_read;               /* set before the first line: never newest first
				     * reversed (explain tells the lines as in the file) */
	/* called with each line as it is read from lr, in the file's order */
	void (*on_read)(void *ctx, struct span line);
	void *ctx;
};

void order_init(struct order *o, struct lines *lr, int forced_year, time_t ref);
void order_on_read(struct order *o, void (*fn)(void *ctx, struct span line), void *ctx);
bool order_next_kept(struct order *o, struct span *line);
void order_free(struct order *o);

/* order_next - the next line in order, false at the end; o->lineno is its
 * number in the file.  The span is valid until the next call.  Past the
 * first lines of an input in order, a branch and lines_next. */
static inline bool order_next(struct order *o, struct span *line)
{
	if (!o->pass)
		return order_next_kept(o, line);
	if (!lines_next(o->lr, line))
		return false;
	o->lineno = o->last_lineno = o->lr->lineno;
	if (o->on_read)
		o->on_read(o->ctx, *line);
	return true;
}

#endif

/*
 * explain_lines.h - a pasted excerpt told line by line, then as a whole
 * (explain_lines.c): what "postsleuth explain" does with a short input
 * and no selector.
 */
#ifndef POSTSLEUTH_EXPLAIN_LINES_H
#define POSTSLEUTH_EXPLAIN_LINES_H

#include "../analyze/analysis.h"
#include "../diagnose/diagnose.h"
#include "../util/buf.h"

#define EXPLAIN_LINES_MAX 300   /* an input this short is told line by line */

struct feed;
struct explain_lines;

struct explain_lines *explain_lines_read(const struct feed *feed, const struct analysis *a,
					 const struct diag *d, int forced_year, bool show_secrets);
bool explain_lines_text(struct buf *b, const struct explain_lines *el, const struct diag *d,
			bool color);
void explain_lines_json(struct buf *b, const struct explain_lines *el, const struct analysis *a,
			const struct diag *d);
void explain_lines_free(struct explain_lines *el);

#endif

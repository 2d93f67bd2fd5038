/*
 * html_svg.h - the HTML report's charts, drawn as inline SVG with no
 * script: vertical bars over time (grouped or stacked series) and
 * horizontal bars with their labels.  Colours are CSS classes of the
 * page's one style sheet (no style attributes: the CSP forbids them);
 * every bar carries a <title> with its number, and every label from the
 * log goes through buf_html.
 */
#ifndef POSTSLEUTH_HTML_SVG_H
#define POSTSLEUTH_HTML_SVG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../util/buf.h"

#define SVG_WIDTH 760
#define SVG_HEIGHT 220

struct svg_series {
	const char *name;        /* in the legend and the bars' titles (plain text, escaped) */
	const char *cls;         /* CSS class of its colour: "s0", "v3" */
	const uint64_t *v;       /* one value per bucket */
};

uint64_t svg_nice_max(uint64_t v);
int svg_scale(uint64_t v, uint64_t max, int px);
void svg_columns(struct buf *b, const char *title, const char *const *labels, size_t n,
		 const struct svg_series *s, size_t ns, bool stacked);
void svg_hbars(struct buf *b, const char *title, const char *const *labels, const uint64_t *v,
	       const char *const *cls, size_t n);

#endif

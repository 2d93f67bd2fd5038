/*
 * html_svg.c - the charts of html_svg.h: a "nice" axis top (1, 2 or 5
 * times a power of ten), values scaled to pixels, and the SVG markup of
 * column and bar charts, each inside a <figure> with its caption and
 * legend.  Pure functions of their arguments: no state.
 */
#include "html_svg.h"

#include <string.h>

#define PAD_LEFT 52
#define PAD_RIGHT 8
#define PAD_TOP 10
#define PAD_BOTTOM 34
#define XLABELS_MAX 12
#define SLOT_MAX 60            /* a column's widest, when there are few */
#define HBAR_HEIGHT 20
#define HBAR_LABEL 230

/* svg_nice_max - the smallest 1, 2 or 5 x 10^k at or above v (1 for 0),
 * the top of an axis */
uint64_t svg_nice_max(uint64_t v)
{
	if (v <= 1)
		return 1;
	uint64_t p = 1;
	for (;;) {
		static const uint64_t m[] = {1, 2, 5};
		for (int i = 0; i < 3; i++)
			if (m[i] * p >= v)
				return m[i] * p;
		if (p > UINT64_MAX / 100)
			return v;
		p *= 10;
	}
}

/* svg_scale - v of [0, max] as a length of [0, px] pixels, rounded to
 * nearest; a non-zero value is at least one pixel, so that it shows */
int svg_scale(uint64_t v, uint64_t max, int px)
{
	if (!v || !max || px <= 0)
		return 0;
	if (v >= max)
		return px;
	int r = (int)(((long double)v * px) / max + 0.5L);
	return r < 1 ? 1 : r;
}

/* escaped - a plain C string into the page */
static void escaped(struct buf *b, const char *s)
{
	buf_html(b, span_of(s ? s : ""));
}

/* legend - one swatch per series */
static void legend(struct buf *b, const struct svg_series *s, size_t ns)
{
	buf_puts(b, "<ul class=\"legend\">");
	for (size_t k = 0; k < ns; k++) {
		buf_puts(b, "<li><span class=\"sw ");
		escaped(b, s[k].cls);
		buf_puts(b, "\"></span>");
		escaped(b, s[k].name);
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul>\n");
}

/* svg_columns - one column per bucket (labels[i] under it, some left out
 * when there are many), the series side by side or stacked */
void svg_columns(struct buf *b, const char *title, const char *const *labels, size_t n,
		 const struct svg_series *s, size_t ns, bool stacked)
{
	uint64_t top = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t sum = 0;
		for (size_t k = 0; k < ns; k++) {
			sum += s[k].v[i];
			if (!stacked && s[k].v[i] > top)
				top = s[k].v[i];
		}
		if (stacked && sum > top)
			top = sum;
	}
	top = svg_nice_max(top);
	int ph = SVG_HEIGHT - PAD_TOP - PAD_BOTTOM, pw = SVG_WIDTH - PAD_LEFT - PAD_RIGHT;
	int y0 = PAD_TOP + ph;
	buf_puts(b, "<figure class=\"chart\"><figcaption>");
	escaped(b, title);
	buf_printf(b, "</figcaption>\n<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", SVG_WIDTH,
		   SVG_HEIGHT);
	escaped(b, title);
	buf_puts(b, "\">\n");
	/* the value axis: 0, half, top */
	for (int g = 0; g <= 2; g++) {
		int y = y0 - ph * g / 2;
		buf_printf(b, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", g ? "grid" : "axis",
			   PAD_LEFT, y, PAD_LEFT + pw, y);
		uint64_t val = g == 0 ? 0 : g == 1 ? top / 2 : top;
		buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%llu%s</text>\n", PAD_LEFT - 6,
			   y + 4, (unsigned long long)val, top % 2 && g == 1 ? ".5" : "");
	}
	if (!n) {
		buf_puts(b, "</svg>");
		legend(b, s, ns);
		buf_puts(b, "</figure>\n");
		return;
	}
	double slot = (double)pw / (double)n;
	if (slot > SLOT_MAX)
		slot = SLOT_MAX;
	double gap = slot > 6 ? slot * 0.15 : 0;
	size_t every = (n + XLABELS_MAX - 1) / XLABELS_MAX;
	for (size_t i = 0; i < n; i++) {
		double x = PAD_LEFT + slot * (double)i + gap / 2;
		double w = slot - gap;
		uint64_t cum = 0;
		for (size_t k = 0; k < ns; k++) {
			uint64_t v = s[k].v[i];
			int h, y;
			double bx = x, bw = w;
			if (stacked) {
				int lo = svg_scale(cum, top, ph);
				cum += v;
				int hi = svg_scale(cum, top, ph);
				h = hi - lo;
				y = y0 - hi;
			} else {
				bw = w / (double)ns;
				bx = x + bw * (double)k;
				h = svg_scale(v, top, ph);
				y = y0 - h;
			}
			if (!v)
				continue;
			buf_puts(b, "<rect class=\"");
			escaped(b, s[k].cls);
			buf_printf(b, "\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>", bx, y, bw, h);
			escaped(b, labels[i]);
			buf_puts(b, ": ");
			buf_u64(b, v);
			buf_putc(b, ' ');
			escaped(b, s[k].name);
			buf_puts(b, "</title></rect>");
		}
		buf_putc(b, '\n');
		if (i % every == 0) {
			buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x + w / 2,
				   y0 + 16);
			escaped(b, labels[i]);
			buf_puts(b, "</text>\n");
		}
	}
	buf_puts(b, "</svg>\n");
	legend(b, s, ns);
	buf_puts(b, "</figure>\n");
}

/* svg_hbars - one labelled horizontal bar per row, the number after it */
void svg_hbars(struct buf *b, const char *title, const char *const *labels, const uint64_t *v,
	       const char *const *cls, size_t n)
{
	uint64_t top = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i] > top)
			top = v[i];
	int height = (int)n * HBAR_HEIGHT + 8;
	int pw = SVG_WIDTH - HBAR_LABEL - 70;
	buf_puts(b, "<figure class=\"chart\"><figcaption>");
	escaped(b, title);
	buf_printf(b, "</figcaption>\n<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", SVG_WIDTH,
		   height);
	escaped(b, title);
	buf_puts(b, "\">\n");
	for (size_t i = 0; i < n; i++) {
		int y = 4 + (int)i * HBAR_HEIGHT;
		int w = svg_scale(v[i], top, pw);
		buf_printf(b, "<text class=\"hlabel\" x=\"%d\" y=\"%d\" text-anchor=\"end\">", HBAR_LABEL - 8,
			   y + 14);
		escaped(b, labels[i]);
		buf_puts(b, "</text>");
		if (w) {
			buf_puts(b, "<rect class=\"");
			escaped(b, cls ? cls[i] : "s0");
			buf_printf(b, "\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"><title>", HBAR_LABEL, y + 2,
				   w, HBAR_HEIGHT - 6);
			escaped(b, labels[i]);
			buf_puts(b, ": ");
			buf_u64(b, v[i]);
			buf_puts(b, "</title></rect>");
		}
		buf_printf(b, "<text x=\"%d\" y=\"%d\">", HBAR_LABEL + w + 6, y + 14);
		buf_u64(b, v[i]);
		buf_puts(b, "</text>\n");
	}
	buf_puts(b, "</svg></figure>\n");
}

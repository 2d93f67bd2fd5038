/*
 * html.h - what the HTML report's files share (writer_html.c, the page;
 * html_charts.c, its charts; html_tables.c, its tables): escaping
 * helpers, the chart sections and the tables.  Everything from the log
 * goes through buf_html (html_s); html_t is for the catalogue's text.
 */
#ifndef POSTSLEUTH_HTML_H
#define POSTSLEUTH_HTML_H

#include "report.h"
#include "../analyze/summary.h"
#include "../analyze/timeline.h"

#define HTML_BURSTS_BUCKETS 72      /* columns of an account's bursts chart */
#define HTML_DESTINATIONS_CHART 15  /* recipient domains in the chart */
#define HTML_DETAIL_MAX 40          /* clients the page tells in full, each with its evidence */

void html_s(struct buf *b, const char *s);
/* html_t - a catalogue string as text: <, > and & escaped, quotes kept */
void html_t(struct buf *b, const char *s);
/* html_tagged - open, the translated text (html_t), close */
void html_tagged(struct buf *b, const char *open, const char *text, const char *close);
/* a column of a table: its heading (N_(), translated when written), and
 * whether it is numeric (class "n", sorted as a number) */
struct html_col {
	const char *head;
	bool n;
};
/* html_thead - <thead> with the columns' headings, then <tbody> */
void html_thead(struct buf *b, const struct html_col *c, size_t n);
/* html_flush - write out what is built so far, to keep the buffer small */
void html_flush(struct buf *b, const struct report_input *in);
void html_stamp(struct buf *b, struct stamp t);
void html_chart_timeline(struct buf *b, const struct timeline *t);
void html_chart_hours(struct buf *b, const struct summary *s);
void html_chart_deliveries(struct buf *b, const struct summary *s);
void html_chart_destinations(struct buf *b, const struct summary *s);
void html_chart_bursts(struct buf *b, const struct analysis *a, const struct account *ac);
/* html_tables - the "Tables" section: clients, accounts, destinations */
void html_tables(struct buf *b, const struct report_input *in);

#endif

/*
 * html.h - what the HTML report's files share (writer_html.c, the page;
 * html_charts.c, its charts): escaping helpers and the chart sections.
 * Everything from the log goes through buf_html (html_s).
 */
#ifndef POSTSLEUTH_HTML_H
#define POSTSLEUTH_HTML_H

#include "report.h"
#include "../analyze/summary.h"
#include "../analyze/timeline.h"

#define HTML_BURSTS_BUCKETS 72      /* columns of an account's bursts chart */
#define HTML_DESTINATIONS_CHART 15  /* recipient domains in the chart */

void html_s(struct buf *b, const char *s);
void html_stamp(struct buf *b, struct stamp t);
void html_chart_timeline(struct buf *b, const struct timeline *t);
void html_chart_hours(struct buf *b, const struct summary *s);
void html_chart_deliveries(struct buf *b, const struct summary *s);
void html_chart_destinations(struct buf *b, const struct summary *s);
void html_chart_bursts(struct buf *b, const struct analysis *a, const struct account *ac);

#endif

/*
 * summary_json.h - the traffic summary's JSON writer (and, for callers
 * that only want the text, the text writer): see docs/summary.md.
 */
#ifndef POSTSLEUTH_SUMMARY_JSON_H
#define POSTSLEUTH_SUMMARY_JSON_H

#include "../analyze/summary.h"

/* members "totals":{...},"window":{...},... without the outer braces */
void summary_json(const struct summary *s, struct buf *out);
void summary_text(const struct summary *s, struct buf *out, bool color);

#endif

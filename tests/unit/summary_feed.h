/*
 * summary_feed.h - the summary of a few log lines, as summary --json
 * builds it (prefix, parser, summary_event), classic stamps read as
 * 2026: for the summary's tests (test_summary.c, test_filter_kept.c).
 */
#ifndef POSTSLEUTH_TEST_SUMMARY_FEED_H
#define POSTSLEUTH_TEST_SUMMARY_FEED_H

#include "analyze/summary.h"
#include "parse/event.h"
#include "syslog/prefix.h"

/* feed - a summary of the lines (NULL-terminated) */
static inline struct summary *feed(const char *const *lines)
{
	struct summary *s = summary_new();
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	for (; *lines; lines++) {
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(*lines), &l))
			continue;
		parse_line(&l, &ev);
		summary_event(s, &ev);
	}
	return s;
}

#endif

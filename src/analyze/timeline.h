/*
 * timeline.h - connections, messages and session verdicts over time, in
 * at most TIMELINE_BUCKETS buckets of one minute, or 2, 10, 20 minutes,
 * an hour, 2, 6, 12 hours, a day, then 2, 4, 8... days, the narrowest
 * that covers the log: the charts of the HTML report.  Memory is the
 * fixed struct, whatever the length of the log; a log that spans longer
 * makes the buckets wider (neighbours are merged), never more numerous.
 * Bucket edges are whole minutes, hours or days of the log's own clock
 * (the offset of its first time stamp).
 */
#ifndef POSTSLEUTH_TIMELINE_H
#define POSTSLEUTH_TIMELINE_H

#include "analysis.h"
#include "../model/session.h"

#define TIMELINE_BUCKETS 96
#define TIMELINE_MIN_WIDTH INT64_C(60)
#define TIMELINE_HOUR INT64_C(3600)

struct tl_bucket {
	uint32_t sessions, messages;
	uint32_t by_verdict[V__COUNT];  /* sessions by their own verdict (verdict_session) */
};

struct timeline {
	bool any;
	int16_t tzoff;           /* minutes east of UTC of the first stamp: the clock of the edges */
	int64_t start;           /* local seconds since the epoch of bucket 0's start */
	int64_t width;           /* seconds per bucket: 60, 120, 600 ... 86400, then doubling */
	uint32_t n;              /* buckets from the first to the last in use */
	uint64_t merges;         /* times the width grew */
	struct tl_bucket b[TIMELINE_BUCKETS];
};

void timeline_session(struct timeline *t, const struct session *s);
void timeline_message(struct timeline *t, const struct message *m);
struct tl_bucket *timeline_slot(struct timeline *t, struct stamp when);
int64_t timeline_next_width(int64_t w);

#endif

/*
 * timeline.c - the bounded time series of timeline.h: find a moment's
 * bucket, making the buckets wider (merging neighbours) when the moment
 * falls outside the range TIMELINE_BUCKETS buckets can cover.
 */
#include "timeline.h"

#include <string.h>

/* floor_div - a / b rounded down, b > 0 */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* add_bucket - fold one bucket's counters into another */
static void add_bucket(struct tl_bucket *to, const struct tl_bucket *from)
{
	to->sessions += from->sessions;
	to->messages += from->messages;
	for (int v = 0; v < V__COUNT; v++)
		to->by_verdict[v] += from->by_verdict[v];
}

/* next_width - the next width of the ladder: each a multiple of the one
 * before (so that no bucket straddles a new edge) and, up to a day, a
 * divisor or multiple of an hour (so that edges fall on whole hours);
 * past a day, doubling */
int64_t timeline_next_width(int64_t w)
{
	static const int64_t ladder[] = {60, 120, 600, 1200, 3600, 7200, 21600, 43200, 86400};
	for (size_t i = 0; i + 1 < sizeof ladder / sizeof ladder[0]; i++)
		if (ladder[i] == w)
			return ladder[i + 1];
	return w * 2;
}

/* widen - the next width of the ladder; neighbours merge */
static void widen(struct timeline *t)
{
	struct tl_bucket old[TIMELINE_BUCKETS];
	memcpy(old, t->b, sizeof old);
	memset(t->b, 0, sizeof t->b);
	int64_t w = timeline_next_width(t->width);
	int64_t ns = floor_div(t->start, w) * w;
	uint32_t n = 0;
	for (uint32_t i = 0; i < t->n; i++) {
		uint32_t j = (uint32_t)((t->start + (int64_t)i * t->width - ns) / w);
		add_bucket(&t->b[j], &old[i]);
		n = j + 1;
	}
	t->start = ns;
	t->width = w;
	t->n = n;
	t->merges++;
}

/* timeline_slot - the bucket of a moment (NULL for a moment with no time) */
struct tl_bucket *timeline_slot(struct timeline *t, struct stamp when)
{
	if (when.us <= 0)
		return NULL;
	int64_t sec = floor_div(when.us, 1000000);
	if (!t->any) {
		t->any = true;
		t->tzoff = when.tzoff;
		t->width = TIMELINE_MIN_WIDTH;
		t->start = floor_div(sec + t->tzoff * 60, t->width) * t->width;
		t->n = 1;
		memset(t->b, 0, sizeof t->b);
		return &t->b[0];
	}
	sec += t->tzoff * 60;
	for (;;) {
		if (sec < t->start) {
			/* earlier than bucket 0: shift the buckets right, if they fit */
			int64_t ns = floor_div(sec, t->width) * t->width;
			int64_t shift = (t->start - ns) / t->width;
			if (shift + t->n <= TIMELINE_BUCKETS) {
				memmove(&t->b[shift], &t->b[0], t->n * sizeof t->b[0]);
				memset(&t->b[0], 0, (size_t)shift * sizeof t->b[0]);
				t->start = ns;
				t->n += (uint32_t)shift;
				return &t->b[0];
			}
		} else {
			int64_t i = (sec - t->start) / t->width;
			if (i < TIMELINE_BUCKETS) {
				if ((uint32_t)i >= t->n)
					t->n = (uint32_t)i + 1;
				return &t->b[i];
			}
		}
		widen(t);
	}
}

/* timeline_session - one closed session, counted at its start */
void timeline_session(struct timeline *t, const struct session *s)
{
	struct tl_bucket *b = timeline_slot(t, s->start);
	if (!b)
		return;
	b->sessions++;
	b->by_verdict[verdict_session(s)]++;
}

/* timeline_message - one closed message, counted at its first line */
void timeline_message(struct timeline *t, const struct message *m)
{
	struct tl_bucket *b = timeline_slot(t, m->start);
	if (b)
		b->messages++;
}

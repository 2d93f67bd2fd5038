/*
 * timefmt.h - calendar arithmetic and ISO-8601 formatting.
 *
 * Times inside postsleuth are microseconds since the Unix epoch (UTC)
 * plus the UTC offset, in minutes, that the log line carried or that the
 * local zone had; output shows the time in that offset.
 *
 * Every time read from a log or the command line is clamped into
 * 1970-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999Z (time_clamp), so
 * that differences and sums of times (idle limits, durations, intervals)
 * never overflow an int64_t.
 */
#ifndef POSTSLEUTH_TIMEFMT_H
#define POSTSLEUTH_TIMEFMT_H

#include <stdbool.h>
#include <stdint.h>
#include "buf.h"

struct stamp {
	int64_t us;       /* microseconds since the epoch, UTC */
	int16_t tzoff;    /* minutes east of UTC, as shown */
	uint8_t prec;     /* digits of fraction that the source had (0..6) */
};

#define TIME_MIN_US INT64_C(0)                     /* 1970-01-01T00:00:00Z */
#define TIME_MAX_US INT64_C(253402300799999999)    /* 9999-12-31T23:59:59.999999Z */

/* time_clamp - a time in microseconds into TIME_MIN_US..TIME_MAX_US */
static inline int64_t time_clamp(int64_t us)
{
	return us < TIME_MIN_US ? TIME_MIN_US : us > TIME_MAX_US ? TIME_MAX_US : us;
}

/* time_clamp_u64 - an unsigned count of microseconds (the journal's), clamped */
static inline int64_t time_clamp_u64(uint64_t us)
{
	return us > (uint64_t)TIME_MAX_US ? TIME_MAX_US : (int64_t)us;
}

int64_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(int64_t z, int *y, unsigned *m, unsigned *d);
void buf_day(struct buf *b, int64_t day);          /* 2026-11-22 (days since the epoch) */
void buf_stamp(struct buf *b, struct stamp t);      /* 2026-11-22T11:32:05.650309+00:00 */
void buf_stamp_short(struct buf *b, struct stamp t);/* 2026-11-22 11:32:05 */
void buf_stamp_clock(struct buf *b, struct stamp t, bool date); /* 11:32:05, or with the date */
bool stamp_same_day(struct stamp a, struct stamp b); /* one calendar day, each in its offset */
int month_from_abbr(const char *p);                  /* "Jan" -> 1, else 0 */
int month_from_locale(const char *p, size_t n, size_t *len); /* a locale's "janv." ... -> 1 */
bool parse_time_arg(const char *s, int64_t *us);     /* --since/--until values */

#endif

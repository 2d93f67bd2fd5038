/*
 * journal_place.h - places in the systemd journal for "postsleuth watch"
 * (journal_place.c: pure arithmetic and decisions, no libsystemd).
 *
 * The model numbers lines with a uint64 that must only grow (the first
 * line of an open session or message is the oldest by that number).  A
 * journal entry has no byte offset; it has a cursor (exact, opaque) and a
 * realtime timestamp (µs since the epoch).  The number given to an entry
 * is its realtime shifted left by JPOS_SHIFT bits, the low bits a tie
 * counter for entries of the same microsecond; an entry whose time is not
 * after the one before (the same µs, or a clock stepped back) gets the
 * number before plus one.  So the numbers grow, and the high bits of an
 * open object's number give back the realtime to seek to at a restart,
 * with no table from numbers to times to keep in memory.  After a clock
 * step back those high bits are the latest time seen so far, a little
 * later than the entry's own: the restart then rebuilds less of what was
 * open (cut, as at a rotation), and never counts anything twice, for
 * what is counted is decided by the cursor alone.
 *
 * A restart (jstart_plan) reads again, into the model only, from the
 * oldest open object's time up to and including the entry of the saved
 * cursor, then counts from the entry after it (jreplay_step); when that
 * entry has been vacuumed, from the first entry after its time.
 */
#ifndef POSTSLEUTH_JOURNAL_PLACE_H
#define POSTSLEUTH_JOURNAL_PLACE_H

#include <stdbool.h>
#include <stdint.h>

#define JPOS_SHIFT 12   /* 4096 entries per microsecond before the tie spills over */

uint64_t jpos_next(uint64_t prev, uint64_t realtime_us);
uint64_t jpos_realtime(uint64_t pos);

/* how a run begins */
enum jstart_how {
	JS_HEAD,        /* nothing saved: from the oldest entry */
	JS_TAIL,        /* nothing saved, --from-end: only what comes */
	JS_CURSOR,      /* nothing was open: on from the saved entry */
	JS_REPLAY,      /* from the time of the oldest open object, into the model only */
	JS_GONE,        /* the saved entry is gone: from the first entry after its time */
};

struct jstart {
	enum jstart_how how;
	uint64_t us;    /* JS_REPLAY, JS_GONE: the time to seek to */
};

struct jstart jstart_plan(bool have_saved, bool saved_exists, bool from_end, uint64_t replay_us,
			  uint64_t done_us);

/* what to do with one entry read while replaying */
enum jreplay {
	JR_REPLAY,      /* counted before: into the model only */
	JR_LAST,        /* the saved entry: into the model only, count from the next */
	JR_COUNT,       /* past the saved entry (its cursor not met): count it */
};

enum jreplay jreplay_step(bool is_saved, uint64_t realtime_us, uint64_t done_us);

#endif

/*
 * journal_place.c - the line numbers given to journal entries and the
 * decisions of a restart from a saved cursor (see journal_place.h).
 */
#include "journal_place.h"

/* jpos_next - the number of an entry at realtime_us after number prev */
uint64_t jpos_next(uint64_t prev, uint64_t realtime_us)
{
	uint64_t max = UINT64_MAX >> JPOS_SHIFT;
	uint64_t p = (realtime_us > max ? max : realtime_us) << JPOS_SHIFT;
	if (p <= prev)
		p = prev == UINT64_MAX ? prev : prev + 1;
	return p;
}

/* jpos_realtime - the time to seek to for an entry of number pos */
uint64_t jpos_realtime(uint64_t pos)
{
	return pos >> JPOS_SHIFT;
}

/* jstart_plan - where a run starts reading */
struct jstart jstart_plan(bool have_saved, bool saved_exists, bool from_end, uint64_t replay_us,
			  uint64_t done_us)
{
	if (!have_saved)
		return (struct jstart){from_end ? JS_TAIL : JS_HEAD, 0};
	if (!saved_exists)
		return (struct jstart){JS_GONE, done_us + 1};
	if (!replay_us)
		return (struct jstart){JS_CURSOR, 0};
	return (struct jstart){JS_REPLAY, replay_us < done_us ? replay_us : done_us};
}

/* jreplay_step - one entry while replaying: the saved one ends the
 * replay; an entry later than it means it was passed without being met
 * (entries out of time order): counting starts there rather than never */
enum jreplay jreplay_step(bool is_saved, uint64_t realtime_us, uint64_t done_us)
{
	if (is_saved)
		return JR_LAST;
	if (realtime_us > done_us)
		return JR_COUNT;
	return JR_REPLAY;
}

/*
 * event.c - the event type table and resetting an event between lines.
 */
#include "event.h"
#include "../util/xalloc.h"

#include <stddef.h>
#include <string.h>

static const char *const type_names[] = {
#define X(e, s) s,
	EVENT_TYPES(X)
#undef X
};

/* ev_type_name - the stable JSON name of a type */
const char *ev_type_name(enum ev_type t)
{
	return (unsigned)t < EV__COUNT ? type_names[t] : "unknown";
}

/* ev_type_from_name - inverse of ev_type_name */
bool ev_type_from_name(const char *s, enum ev_type *t)
{
	for (unsigned i = 0; i < EV__COUNT; i++)
		if (strcmp(type_names[i], s) == 0) {
			*t = (enum ev_type)i;
			return true;
		}
	return false;
}

/* ev_reset - an empty event for line: all spans unset, numbers -1 */
/* the kept answers' bytes sit in the padding after type (speed22, speed24) */
_Static_assert(offsetof(struct event, line) <= 8, "the kept answers fit before line");
/* ev_reset writes every field before stats, each by name (below) */
_Static_assert(offsetof(struct event, line) == sizeof(uint64_t) &&
		       offsetof(struct event, nstats) + sizeof(unsigned) <= offsetof(struct event, stats),
	       "ev_reset's stores cover the event up to stats");
/* and nothing but the spans and the numbers lies between line and nstats:
 * a field added there must be stored by ev_reset too */
enum {
	EV_NSPANS = 0
#define X(m, s) +1
	EVENT_SPANS(X)
#undef X
	,
	EV_NNUMS = 0
#define X(m, s) +1
	EVENT_NUMS(X)
#undef X
};
_Static_assert(offsetof(struct event, nstats) == offsetof(struct event, line) + sizeof(const struct logline *) +
						       EV_NSPANS * sizeof(struct span) + EV_NNUMS * sizeof(int64_t),
	       "ev_reset stores every field between line and nstats");

/* speed28: each field stored by name (about 45 stores a line, the
 * spans' in 16-byte pairs), not a call to libc's memset of the 672 bytes
 * (about 75 instructions with the call); the bytes between type and line
 * (the kept answers) as one word, the padding after nstats left alone
 * (nothing reads it) */
void ev_reset(struct event *ev, const struct logline *line)
{
	memset(ev, 0, sizeof(uint64_t)); /* type (EV_NONE) and the kept answers */
	ev->line = line;
	/* a span as one 16-byte store (GCC writes SPAN_NULL as two words) */
	typedef long long v2 __attribute__((vector_size(16)));
	_Static_assert(sizeof(struct span) == sizeof(v2), "a span is 16 bytes");
	const v2 none = {0, 0};
#define X(m, s) memcpy(&ev->m, &none, sizeof none);
	EVENT_SPANS(X)
#undef X
#define X(m, s) ev->m = -1;
	EVENT_NUMS(X)
#undef X
	ev->nstats = 0;
}

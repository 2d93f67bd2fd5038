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

void ev_reset(struct event *ev, const struct logline *line)
{
	zero(ev, offsetof(struct event, stats));
	ev->line = line;
#define X(m, s) ev->m = -1;
	EVENT_NUMS(X)
#undef X
}

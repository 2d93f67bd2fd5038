/*
 * open.c - what is still open in the model, for a follower that saves
 * its place (live/watch.c): the first line of every open session and
 * message, so that a restart can read again from the oldest of them;
 * and the open messages themselves, for what watch decides before they
 * close (a deferred message may stay open for days).
 */
#include "model_internal.h"

/* model_open_lines - fn(ctx, kind, first_line) for every open session
 * (kind 's') and message (kind 'm'), lingering messages included */
void model_open_lines(const struct model *m, void (*fn)(void *ctx, char kind, uint64_t first_line),
		      void *ctx)
{
	for (const struct osess *o = m->shead; o; o = o->next)
		if (o->s.first_line)
			fn(ctx, 's', o->s.first_line);
	for (const struct omsg *o = m->mhead; o; o = o->next)
		if (o->m.first_line)
			fn(ctx, 'm', o->m.first_line);
}

/* model_open_messages - fn(ctx, msg) for every open message, as it
 * stands (its recipients so far) */
void model_open_messages(const struct model *m, void (*fn)(void *ctx, const struct message *msg), void *ctx)
{
	for (const struct omsg *o = m->mhead; o; o = o->next)
		fn(ctx, &o->m);
}

/*
 * strpool.h - the strings of one object (an open session or message, a
 * client's detail),
 * bump-allocated from room the object owns: one allocation now and then
 * instead of a malloc and a free per field, and one release at the end.
 *
 * Each string has a two-byte capacity before it.  pool_set replaces a
 * field's string in its own room when the new value fits, so a field set
 * again and again (the last reject, the last error) does not grow the
 * pool; room is handed out in powers of two, so a field that keeps
 * growing costs at most twice its longest value.  Strings are at most
 * POOL_STR_MAX bytes (longer ones are cut, as the model cuts them), but
 * for pool_keep's, copied whole and never replaced in place.
 */
#ifndef POSTSLEUTH_STRPOOL_H
#define POSTSLEUTH_STRPOOL_H

#include <stddef.h>
#include "span.h"

#define POOL_STR_MAX 512
#define POOL_INLINE 128         /* room inside the object itself */

struct strpool {
	char *cur, *end;        /* free room in the newest block */
	void *blocks;           /* heap blocks, chained by their first word */
	size_t next_size;       /* size of the next heap block */
	char room[POOL_INLINE]; /* the first block */
};

void pool_init(struct strpool *p);
char *pool_set(struct strpool *p, char *old, struct span s);
char *pool_keep(struct strpool *p, struct span s);
void pool_free(struct strpool *p);

/* pool_dup - a new NUL-terminated copy of s in p (NULL for an unset span) */
static inline char *pool_dup(struct strpool *p, struct span s)
{
	return pool_set(p, NULL, s);
}

/* pool_strdup - pool_dup of a C string (NULL stays NULL) */
static inline char *pool_strdup(struct strpool *p, const char *s)
{
	return s ? pool_set(p, NULL, span_of(s)) : NULL;
}

#endif

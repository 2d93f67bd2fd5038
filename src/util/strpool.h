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

/* the largest heap block pool_recycle keeps for the next object */
#define POOL_KEEP_MAX 4096

struct strpool {
	char *cur, *end;        /* free room in the newest block */
	void *blocks;           /* heap blocks, chained by their first word
	                         * (their size in the second) */
	size_t next_size;       /* size of the next heap block */
	void *kept;             /* a block no string is in, taken before a
	                         * new one (pool_recycle; NULL: none) */
	char room[POOL_INLINE]; /* the first block */
};

void pool_init(struct strpool *p);
char *pool_set(struct strpool *p, char *old, struct span s);
char *pool_keep(struct strpool *p, struct span s);
void pool_free(struct strpool *p);
/* pool_recycle - pool_free for an object whose record is used again
 * (the model's spare sessions and messages, speed25): one heap block of
 * at most POOL_KEEP_MAX bytes stays in p->kept, every string is gone.
 * The record's next object starts with pool_init_kept(p, the kept
 * block), so that most objects' strings need no malloc and no free;
 * pool_free releases a kept block as well */
void pool_recycle(struct strpool *p);
/* pool_init_kept - pool_init, kept (pool_recycle's, or NULL) the room
 * taken when the inline room is short */
void pool_init_kept(struct strpool *p, void *kept);

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

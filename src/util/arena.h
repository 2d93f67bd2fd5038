/*
 * arena.h - strings kept for the whole run (account names, client
 * "addresses" that are not IP addresses) and zeroed records (a client's
 * detail: arena_zalloc), bump-allocated from large blocks: no header per
 * piece, never moved, all freed at once.
 */
#ifndef POSTSLEUTH_ARENA_H
#define POSTSLEUTH_ARENA_H

#include <stddef.h>
#include "span.h"

struct arena {
	char *cur, *end;        /* free room in the newest block */
	void *blocks;           /* chained by their first word */
	size_t bytes;           /* held in blocks */
};

char *arena_dup(struct arena *a, struct span s);
void *arena_zalloc(struct arena *a, size_t n);
void arena_free(struct arena *a);

#endif

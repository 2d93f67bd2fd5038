/*
 * arena.c - bump allocation from 64 KiB blocks (larger strings get a
 * block of their own size).
 */
#include "arena.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK 65536

/* arena_dup - a NUL-terminated copy of s that lives until arena_free */
char *arena_dup(struct arena *a, struct span s)
{
	size_t need = s.n + 1;
	if ((size_t)(a->end - a->cur) < need) {
		size_t size = sizeof(void *) + (need > ARENA_BLOCK / 4 ? need : ARENA_BLOCK);
		char *blk = xmalloc(size);
		memcpy(blk, &a->blocks, sizeof a->blocks);
		a->blocks = blk;
		a->bytes += size;
		a->cur = blk + sizeof(void *);
		a->end = blk + size;
	}
	char *p = a->cur;
	if (s.n)
		memcpy(p, s.p, s.n);
	p[s.n] = 0;
	a->cur += need;
	return p;
}

/* arena_free - every string at once */
void arena_free(struct arena *a)
{
	while (a->blocks) {
		void *next;
		memcpy(&next, a->blocks, sizeof next);
		free(a->blocks);
		a->blocks = next;
	}
	a->cur = a->end = NULL;
	a->bytes = 0;
}

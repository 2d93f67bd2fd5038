/*
 * arena.c - bump allocation from 64 KiB blocks (larger pieces get a
 * block of their own size).
 */
#include "arena.h"
#include "xalloc.h"

#include <stddef.h>
#include <stdint.h>
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

/* arena_zalloc - n zeroed bytes, aligned as malloc's, that live until
 * arena_free (records kept for the whole run: a client's detail, speed30) */
void *arena_zalloc(struct arena *a, size_t n)
{
	const size_t align = _Alignof(max_align_t);
	size_t pad = (size_t)(-(uintptr_t)a->cur & (align - 1));
	if (!a->cur || (size_t)(a->end - a->cur) < pad + n) {
		/* the block's first word chains it; its room starts aligned */
		size_t size = align + (n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK);
		char *blk = xmalloc(size);
		memcpy(blk, &a->blocks, sizeof a->blocks);
		a->blocks = blk;
		a->bytes += size;
		a->cur = blk + align;
		a->end = blk + size;
		pad = 0;
	}
	char *p = a->cur + pad;
	memset(p, 0, n);
	a->cur = p + n;
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

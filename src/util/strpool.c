/*
 * strpool.c - per-object string room; see strpool.h.
 */
#include "strpool.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HDR 2 /* the uint16_t capacity before each string */
/* a heap block's head: the next block, then its size */
#define BLOCK_HEAD (sizeof(void *) + sizeof(size_t))

/* pool_init - an empty pool whose first room is inside it */
void pool_init(struct strpool *p)
{
	p->cur = p->room;
	p->end = p->room + sizeof p->room;
	p->blocks = NULL;
	p->kept = NULL;
	p->next_size = 512;
}

/* pool_init_kept - see strpool.h */
void pool_init_kept(struct strpool *p, void *kept)
{
	pool_init(p);
	p->kept = kept;
}

/* block_size - the size room_for gave block b */
static size_t block_size(const void *b)
{
	size_t size;
	memcpy(&size, (const char *)b + sizeof(void *), sizeof size);
	return size;
}

/* new_block - a block with need bytes of room after its head: the
 * recycled one (pool_recycle) when it is large enough, else a new one */
static __attribute__((noinline)) void new_block(struct strpool *p, size_t need)
{
	char *b;
	size_t size;
	if (p->kept && block_size(p->kept) >= need + BLOCK_HEAD) {
		b = p->kept; /* a recycled object's block (pool_recycle) */
		size = block_size(b);
		p->kept = NULL;
	} else {
		size = p->next_size;
		while (size < need + BLOCK_HEAD)
			size *= 2;
		b = xmalloc(size);
		memcpy(b + sizeof(void *), &size, sizeof size);
	}
	memcpy(b, &p->blocks, sizeof(void *));
	p->blocks = b;
	p->cur = b + BLOCK_HEAD;
	p->end = b + size;
	if (p->next_size < 4096)
		p->next_size *= 2;
}

/* room_for - cap bytes of string room (plus its header), from a new block
 * when the current one is short */
static inline char *room_for(struct strpool *p, size_t cap)
{
	size_t need = HDR + cap;
	if ((size_t)(p->end - p->cur) < need)
		new_block(p, need);
	char *s = p->cur + HDR;
	uint16_t c = (uint16_t)cap;
	memcpy(p->cur, &c, HDR);
	p->cur += need;
	return s;
}

/* pool_set - s as a NUL-terminated string in p: in old's room when it
 * fits (old must come from this pool, or be NULL); NULL for an unset span */
char *pool_set(struct strpool *p, char *old, struct span s)
{
	if (!s.p)
		return NULL;
	s = span_cut(s, POOL_STR_MAX);
	char *dst = NULL;
	if (old) {
		uint16_t cap;
		memcpy(&cap, old - HDR, HDR);
		if (s.n + 1 <= cap)
			dst = old;
	}
	if (!dst) {
		/* the least power of two from 16 up that holds s and its NUL
		 * (speed25: by the highest bit, not a loop) */
		size_t cap = s.n < 16 ? 16 : (size_t)2 << (63 - __builtin_clzll((unsigned long long)s.n));
		dst = room_for(p, cap);
	}
	if (s.n)
		memmove(dst, s.p, s.n); /* s may be old itself */
	dst[s.n] = 0;
	return dst;
}

/* pool_keep - a NUL-terminated copy of all of s in p, not cut at
 * POOL_STR_MAX (a value kept as the log gave it); its room is marked as
 * holding none, so that pool_set never writes another value into it.
 * NULL for an unset span */
char *pool_keep(struct strpool *p, struct span s)
{
	if (!s.p)
		return NULL;
	char *dst = room_for(p, s.n + 1);
	memset(dst - HDR, 0, HDR);
	if (s.n)
		memcpy(dst, s.p, s.n);
	dst[s.n] = 0;
	return dst;
}

/* pool_free - release the heap blocks (the first room is the object's) */
void pool_free(struct strpool *p)
{
	void *b = p->blocks;
	while (b) {
		void *next;
		memcpy(&next, b, sizeof next);
		free(b);
		b = next;
	}
	free(p->kept);
	pool_init(p);
}

/* pool_recycle - see strpool.h: the largest block up to POOL_KEEP_MAX
 * (the kept one or one of the chain) stays, the others are freed */
void pool_recycle(struct strpool *p)
{
	void *keep = p->kept, *b = p->blocks;
	size_t keep_size = keep ? block_size(keep) : 0;
	while (b) {
		void *next;
		memcpy(&next, b, sizeof next);
		size_t size = block_size(b);
		if (size <= POOL_KEEP_MAX && size > keep_size) {
			free(keep);
			keep = b;
			keep_size = size;
		} else {
			free(b);
		}
		b = next;
	}
	pool_init_kept(p, keep);
}

/*
 * strpool.c - per-object string room; see strpool.h.
 */
#include "strpool.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HDR 2 /* the uint16_t capacity before each string */

/* pool_init - an empty pool whose first room is inside it */
void pool_init(struct strpool *p)
{
	p->cur = p->room;
	p->end = p->room + sizeof p->room;
	p->blocks = NULL;
	p->next_size = 512;
}

/* room_for - cap bytes of string room (plus its header), from a new block
 * when the current one is short */
static char *room_for(struct strpool *p, size_t cap)
{
	size_t need = HDR + cap;
	if ((size_t)(p->end - p->cur) < need) {
		size_t size = p->next_size;
		while (size < need + sizeof(void *))
			size *= 2;
		char *b = xmalloc(size);
		memcpy(b, &p->blocks, sizeof(void *));
		p->blocks = b;
		p->cur = b + sizeof(void *);
		p->end = b + size;
		if (p->next_size < 4096)
			p->next_size *= 2;
	}
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
		size_t cap = 16;
		while (cap < s.n + 1)
			cap *= 2;
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
	pool_init(p);
}

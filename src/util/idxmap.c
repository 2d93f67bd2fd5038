/*
 * idxmap.c - linear probing over (tag, record) slots, insert only.  The
 * home of a tag is its top bits, so a rehash moves slots without keys.
 */
#include "idxmap.h"
#include "xalloc.h"

#include <stdlib.h>

#define MIN_BITS 6

/* home - the first slot to probe for a tag */
static size_t home(const struct idxmap *m, uint32_t tag)
{
	return (size_t)(tag >> (32 - m->bits));
}

/* idxmap_init - an empty index */
void idxmap_init(struct idxmap *m)
{
	m->bits = MIN_BITS;
	m->cap = (size_t)1 << m->bits;
	m->len = 0;
	m->slot = xcalloc(m->cap, sizeof *m->slot);
}

/* idxmap_free - release the slots */
void idxmap_free(struct idxmap *m)
{
	free(m->slot);
	m->slot = NULL;
	m->cap = m->len = 0;
}

/* scan - from it->pos on, the next slot with it->tag, or IDXMAP_NONE */
static uint32_t scan(const struct idxmap *m, struct idxmap_iter *it)
{
	for (;;) {
		uint64_t s = m->slot[it->pos];
		if (!s)
			return IDXMAP_NONE;
		it->pos = (it->pos + 1) & (m->cap - 1);
		if ((uint32_t)(s >> 32) == it->tag)
			return (uint32_t)s - 1;
	}
}

/* idxmap_first - the first candidate for hash h */
uint32_t idxmap_first(const struct idxmap *m, uint64_t h, struct idxmap_iter *it)
{
	it->tag = (uint32_t)(h >> 32);
	it->pos = home(m, it->tag);
	return scan(m, it);
}

/* idxmap_next - the next candidate */
uint32_t idxmap_next(const struct idxmap *m, struct idxmap_iter *it)
{
	return scan(m, it);
}

/* place - put a slot in the first free place from its home */
static void place(struct idxmap *m, uint64_t s)
{
	size_t j = home(m, (uint32_t)(s >> 32));
	while (m->slot[j])
		j = (j + 1) & (m->cap - 1);
	m->slot[j] = s;
}

/* grow - double the slots */
static void grow(struct idxmap *m)
{
	uint64_t *old = m->slot;
	size_t ocap = m->cap;
	if (m->bits >= 32)
		fatal(EXIT_ENV, "index full (2^32 slots)");
	m->bits++;
	m->cap = (size_t)1 << m->bits;
	m->slot = xcalloc(m->cap, sizeof *m->slot);
	for (size_t i = 0; i < ocap; i++)
		if (old[i])
			place(m, old[i]);
	free(old);
}

/* idxmap_add - index record rec under hash h (the caller checked it is new) */
void idxmap_add(struct idxmap *m, uint64_t h, uint32_t rec)
{
	if (rec == IDXMAP_NONE)
		fatal(EXIT_ENV, "index full (2^32 records)");
	if ((m->len + 1) * 4 > m->cap * 3)
		grow(m);
	place(m, (h >> 32) << 32 | ((uint64_t)rec + 1));
	m->len++;
}

/*
 * idxmap.h - an insert-only open-addressing index from a 64-bit hash to
 * a record number, for tables whose fixed-size records live in a flat
 * array elsewhere (the analysis's clients, accounts and logins).
 *
 * A slot is eight bytes: the hash's top 32 bits (the tag) and the record
 * number.  No key is kept, so the caller compares keys on the candidates
 * whose tag matches:
 *
 *	struct idxmap_iter it;
 *	for (uint32_t i = idxmap_first(m, h, &it); i != IDXMAP_NONE;
 *	     i = idxmap_next(m, &it))
 *		if (key_equals(&rec[i], key))
 *			return i;
 *	idxmap_add(m, h, new_record_number);
 *
 * Nothing is deleted.  The home slot is taken from the tag, so the table
 * doubles (at 3/4 full) without looking at any key.
 */
#ifndef POSTSLEUTH_IDXMAP_H
#define POSTSLEUTH_IDXMAP_H

#include <stddef.h>
#include <stdint.h>

#define IDXMAP_NONE UINT32_MAX

struct idxmap {
	uint64_t *slot;         /* tag << 32 | (record + 1); 0 is empty */
	size_t cap, len;        /* cap: a power of two, at most 2^32 */
	unsigned bits;          /* log2(cap) */
};

struct idxmap_iter {
	size_t pos;
	uint32_t tag;
};

void idxmap_init(struct idxmap *m);
void idxmap_free(struct idxmap *m);
uint32_t idxmap_first(const struct idxmap *m, uint64_t h, struct idxmap_iter *it);
uint32_t idxmap_next(const struct idxmap *m, struct idxmap_iter *it);
void idxmap_add(struct idxmap *m, uint64_t h, uint32_t rec);

/* idxmap_bytes - memory held by the slots */
static inline size_t idxmap_bytes(const struct idxmap *m)
{
	return m->cap * sizeof *m->slot;
}

#endif

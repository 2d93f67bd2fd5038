/*
 * hmap.c - linear-probing pointer table, at most half full, deletions by
 * backward shift (no tombstones: a lookup that misses stops at the first
 * empty slot, two or three probes away).  Tombstones made the tables of
 * open messages, where entries come and go all the time, fill up with
 * dead slots that every missed lookup had to walk.
 */
#include "hmap.h"
#include "xalloc.h"

#include <stdlib.h>

/* hmap_init - an empty table */
void hmap_init(struct hmap *m)
{
	m->cap = 64;
	m->len = m->used = 0;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
}

/* hmap_free - release the slots (not the objects) */
void hmap_free(struct hmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->len = m->used = 0;
}

/* rehash - rebuild at a new capacity */
static void rehash(struct hmap *m, size_t cap)
{
	struct hslot *old = m->slots;
	size_t ocap = m->cap;
	m->slots = xcalloc(cap, sizeof *m->slots);
	m->cap = cap;
	for (size_t i = 0; i < ocap; i++) {
		if (!old[i].v)
			continue;
		size_t j = old[i].h & (cap - 1);
		while (m->slots[j].v)
			j = (j + 1) & (cap - 1);
		m->slots[j] = old[i];
	}
	free(old);
}

/* hmap_get - the object with hash h for which eq(obj, key) holds */
void *hmap_get(const struct hmap *m, uint64_t h, hmap_eq_fn eq, const void *key)
{
	size_t j = h & (m->cap - 1);
	for (;;) {
		void *v = m->slots[j].v;
		if (!v)
			return NULL;
		if (m->slots[j].h == h && eq(v, key))
			return v;
		j = (j + 1) & (m->cap - 1);
	}
}

/* hmap_put - insert obj (the caller checked it is not there) */
void hmap_put(struct hmap *m, uint64_t h, void *obj)
{
	if ((m->len + 1) * 2 > m->cap)
		rehash(m, m->cap * 2);
	size_t j = h & (m->cap - 1);
	while (m->slots[j].v)
		j = (j + 1) & (m->cap - 1);
	m->slots[j].h = h;
	m->slots[j].v = obj;
	m->len++;
	m->used = m->len;
}

/* hmap_del - remove exactly obj; false when absent.  The entries after it
 * in its run move back into the hole when their home slot allows, so that
 * every entry stays reachable from its home without tombstones. */
bool hmap_del(struct hmap *m, uint64_t h, const void *obj)
{
	size_t mask = m->cap - 1, j = h & mask;
	for (;;) {
		void *v = m->slots[j].v;
		if (!v)
			return false;
		if (v == obj)
			break;
		j = (j + 1) & mask;
	}
	for (size_t k = (j + 1) & mask; m->slots[k].v; k = (k + 1) & mask) {
		size_t home = m->slots[k].h & mask;
		/* the entry at k may fill the hole at j unless its home lies
		 * cyclically in (j, k] */
		bool stays = j <= k ? (home > j && home <= k) : (home > j || home <= k);
		if (!stays) {
			m->slots[j] = m->slots[k];
			j = k;
		}
	}
	m->slots[j].v = NULL;
	m->slots[j].h = 0;
	m->len--;
	m->used = m->len;
	return true;
}

/* hmap_foreach - call fn on every live object (table order) */
void hmap_foreach(struct hmap *m, void (*fn)(void *obj))
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].v)
			fn(m->slots[i].v);
}

/* hmap_each - call fn(obj, ctx) on every live object (table order) */
void hmap_each(struct hmap *m, void (*fn)(void *obj, void *ctx), void *ctx)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].v)
			fn(m->slots[i].v, ctx);
}

/* hmap_slot - the live object in slot r (mod capacity), or NULL: for sampling */
void *hmap_slot(const struct hmap *m, uint64_t r, uint64_t *h)
{
	const struct hslot *sl = &m->slots[r & (m->cap - 1)];
	if (!sl->v)
		return NULL;
	*h = sl->h;
	return sl->v;
}

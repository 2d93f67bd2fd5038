/*
 * hmap.c - linear-probing pointer table with tombstones.
 */
#include "hmap.h"
#include "xalloc.h"

#include <stdlib.h>

static char tomb_;
#define TOMB ((void *)&tomb_)

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

/* rehash - rebuild at a new capacity, dropping tombstones */
static void rehash(struct hmap *m, size_t cap)
{
	struct hslot *old = m->slots;
	size_t ocap = m->cap;
	m->slots = xcalloc(cap, sizeof *m->slots);
	m->cap = cap;
	m->used = m->len;
	for (size_t i = 0; i < ocap; i++) {
		if (!old[i].v || old[i].v == TOMB)
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
		if (v != TOMB && m->slots[j].h == h && eq(v, key))
			return v;
		j = (j + 1) & (m->cap - 1);
	}
}

/* hmap_put - insert obj (the caller checked it is not there) */
void hmap_put(struct hmap *m, uint64_t h, void *obj)
{
	if ((m->used + 1) * 4 > m->cap * 3)
		rehash(m, m->len * 2 + 2 > m->cap / 2 ? m->cap * 2 : m->cap);
	size_t j = h & (m->cap - 1);
	while (m->slots[j].v && m->slots[j].v != TOMB)
		j = (j + 1) & (m->cap - 1);
	if (!m->slots[j].v)
		m->used++;
	m->slots[j].h = h;
	m->slots[j].v = obj;
	m->len++;
}

/* hmap_del - remove exactly obj; false when absent */
bool hmap_del(struct hmap *m, uint64_t h, const void *obj)
{
	size_t j = h & (m->cap - 1);
	for (;;) {
		void *v = m->slots[j].v;
		if (!v)
			return false;
		if (v == obj) {
			m->slots[j].v = TOMB;
			m->len--;
			return true;
		}
		j = (j + 1) & (m->cap - 1);
	}
	(void)h;
}

/* hmap_foreach - call fn on every live object (table order) */
void hmap_foreach(struct hmap *m, void (*fn)(void *obj))
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].v && m->slots[i].v != TOMB)
			fn(m->slots[i].v);
}

/* hmap_each - call fn(obj, ctx) on every live object (table order) */
void hmap_each(struct hmap *m, void (*fn)(void *obj, void *ctx), void *ctx)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].v && m->slots[i].v != TOMB)
			fn(m->slots[i].v, ctx);
}

/* hmap_slot - the live object in slot r (mod capacity), or NULL: for sampling */
void *hmap_slot(const struct hmap *m, uint64_t r, uint64_t *h)
{
	const struct hslot *sl = &m->slots[r & (m->cap - 1)];
	if (!sl->v || sl->v == TOMB)
		return NULL;
	*h = sl->h;
	return sl->v;
}

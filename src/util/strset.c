/*
 * strset.c - string set on top of hmap; each member is a NUL-terminated
 * heap copy.
 */
#include "strset.h"
#include "xalloc.h"

#include <stdlib.h>

/* member_eq - compare a member with a span key */
static bool member_eq(const void *obj, const void *key)
{
	return span_eqs(*(const struct span *)key, obj);
}

/* strset_init - empty set, at most max members (0: no cap) */
void strset_init(struct strset *s, size_t max)
{
	hmap_init(&s->map);
	s->max = max;
	s->dropped = 0;
}

/* strset_free - members and table */
void strset_free(struct strset *s)
{
	hmap_foreach(&s->map, free);
	hmap_free(&s->map);
}

/* strset_has - membership */
bool strset_has(const struct strset *s, struct span v)
{
	if (!v.p)
		return false;
	return hmap_get(&s->map, span_hash(v), member_eq, &v) != NULL;
}

/* strset_add - insert a copy of v; true when it was not there (its hash
 * taken once for the search and the insertion: speed30) */
bool strset_add(struct strset *s, struct span v)
{
	if (!v.p)
		return false;
	uint64_t h = span_hash(v);
	if (hmap_get(&s->map, h, member_eq, &v))
		return false;
	if (s->max && s->map.len >= s->max) {
		s->dropped++;
		return false;
	}
	hmap_put(&s->map, h, xspandup(v));
	return true;
}

/* strset_del - v out of the set (its copy freed); true when it was there */
bool strset_del(struct strset *s, struct span v)
{
	if (!v.p)
		return false;
	uint64_t h = span_hash(v);
	char *m = hmap_get(&s->map, h, member_eq, &v);
	if (!m)
		return false;
	hmap_del(&s->map, h, m);
	free(m);
	return true;
}

/* strset_len - number of members */
size_t strset_len(const struct strset *s)
{
	return s->map.len;
}

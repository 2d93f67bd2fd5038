/*
 * strset.h - a set of short strings (queue IDs, addresses), owned copies.
 */
#ifndef POSTSLEUTH_STRSET_H
#define POSTSLEUTH_STRSET_H

#include "hmap.h"
#include "span.h"

struct strset {
	struct hmap map;
	size_t max;             /* 0 = unbounded */
	size_t dropped;         /* inserts refused at the cap */
};

void strset_init(struct strset *s, size_t max);
void strset_free(struct strset *s);
bool strset_has(const struct strset *s, struct span v);
bool strset_add(struct strset *s, struct span v);   /* true when newly added */
bool strset_del(struct strset *s, struct span v);   /* true when it was there */
size_t strset_len(const struct strset *s);

#endif

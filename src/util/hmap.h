/*
 * hmap.h - open-addressing hash table of pointers, keyed by a 64-bit
 * hash plus an equality callback, for the model's open objects.
 *
 * The table stores only (hash, pointer); the objects own their keys.
 * Lookups cost one probe sequence; the table is kept at most half full
 * and deletions shift the following entries back (no tombstones).
 */
#ifndef POSTSLEUTH_HMAP_H
#define POSTSLEUTH_HMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hslot {
	uint64_t h;
	void *v;
};

struct hmap {
	struct hslot *slots;
	size_t cap;     /* power of two */
	size_t len;     /* live entries */
	size_t used;    /* = len (kept for callers that read it) */
};

typedef bool (*hmap_eq_fn)(const void *obj, const void *key);

void hmap_init(struct hmap *m);
void hmap_free(struct hmap *m);
void *hmap_get(const struct hmap *m, uint64_t h, hmap_eq_fn eq, const void *key);
void hmap_put(struct hmap *m, uint64_t h, void *obj);
bool hmap_del(struct hmap *m, uint64_t h, const void *obj);
void hmap_foreach(struct hmap *m, void (*fn)(void *obj));
void *hmap_slot(const struct hmap *m, uint64_t r, uint64_t *h);
void hmap_each(struct hmap *m, void (*fn)(void *obj, void *ctx), void *ctx);

#endif

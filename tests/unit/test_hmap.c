/*
 * test_hmap.c - the open-addressing table against a plain array: random
 * inserts and deletions with colliding hashes (the backward-shift delete
 * must keep every entry reachable), wrapping around the end of the table.
 */
#include "tap.h"

#include <stdint.h>
#include <stdlib.h>
#include "util/hmap.h"

struct item {
	uint64_t h;
	int key;
	bool live;
};

static bool item_eq(const void *obj, const void *key)
{
	return ((const struct item *)obj)->key == *(const int *)key;
}

TEST(hmap_random_against_array)
{
	enum { N = 3000 };
	static struct item it[N];
	struct hmap m;
	hmap_init(&m);
	uint64_t rnd = 88172645463325252ULL;
	for (int i = 0; i < N; i++) {
		/* few distinct hashes, many collisions; high bits vary so that
		 * homes spread once the table grows */
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		it[i] = (struct item){(rnd % 37) * 0x9e3779b97f4a7c15ULL + (uint64_t)(i % 5) * 61, i, false};
	}
	size_t live = 0;
	bool ok = true;
	for (int step = 0; step < 60000 && ok; step++) {
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		struct item *x = &it[rnd % N];
		if (x->live) {
			ok &= hmap_del(&m, x->h, x);
			x->live = false;
			live--;
		} else {
			hmap_put(&m, x->h, x);
			x->live = true;
			live++;
		}
		if (step % 997 == 0 || step > 59000) {
			for (int i = 0; i < N; i++) {
				void *got = hmap_get(&m, it[i].h, item_eq, &it[i].key);
				if ((got != NULL) != it[i].live || (got && got != &it[i])) {
					test_fail(__FILE__, __LINE__, "step %d: item %d %s", step, i,
						  it[i].live ? "lost" : "still there");
					ok = false;
					break;
				}
			}
		}
	}
	CHECK(ok);
	CHECK(m.len == live);
	/* every live item once in a walk of the table */
	size_t seen = 0;
	for (uint64_t r = 0; r < m.cap; r++) {
		uint64_t h;
		if (hmap_slot(&m, r, &h))
			seen++;
	}
	CHECK(seen == live);
	CHECK(!hmap_del(&m, 12345, &seen)); /* absent: false */
	hmap_free(&m);
}

/* runs that wrap from the last slot to the first: a small table (64
 * slots, at most 31 entries) whose homes are the last slots and the first */
TEST(hmap_wrapping_runs)
{
	enum { N = 31 };
	static struct item it[N];
	struct hmap m;
	hmap_init(&m);
	static const uint64_t homes[] = {60, 61, 62, 63, 0, 1};
	for (int i = 0; i < N; i++)
		it[i] = (struct item){homes[i % 6] + ((uint64_t)i << 32), i, false};
	uint64_t rnd = 0x2545F4914F6CDD1DULL;
	bool ok = true;
	for (int step = 0; step < 20000 && ok; step++) {
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		struct item *x = &it[rnd % N];
		if (x->live)
			ok &= hmap_del(&m, x->h, x);
		else
			hmap_put(&m, x->h, x);
		x->live = !x->live;
		for (int i = 0; i < N && ok; i++) {
			void *got = hmap_get(&m, it[i].h, item_eq, &it[i].key);
			if ((got != NULL) != it[i].live) {
				test_fail(__FILE__, __LINE__, "step %d: item %d %s", step, i,
					  it[i].live ? "lost" : "still there");
				ok = false;
			}
		}
	}
	CHECK(ok);
	CHECK(m.cap == 64);
	hmap_free(&m);
}

/*
 * test_idxmap.c - the insert-only index against a plain array (colliding
 * tags, growth across many doublings), the spill vector (records keep
 * their values when they move to a file past a tiny budget, and after
 * the mapping is handed back), the arena, and --memory-budget's sizes.
 */
#include "tap.h"

#include <stdint.h>
#include <stdlib.h>
#include "util/arena.h"
#include "util/idxmap.h"
#include "util/spillvec.h"

/* find - the record whose key is k, through the index */
static uint32_t find(const struct idxmap *m, const uint64_t *keys, uint64_t h, uint64_t k)
{
	struct idxmap_iter it;
	for (uint32_t i = idxmap_first(m, h, &it); i != IDXMAP_NONE; i = idxmap_next(m, &it))
		if (keys[i] == k)
			return i;
	return IDXMAP_NONE;
}

TEST(idxmap_against_array)
{
	enum { N = 50000 };
	uint64_t *keys = calloc(N, sizeof *keys);
	struct idxmap m;
	idxmap_init(&m);
	uint64_t rnd = 88172645463325252ULL;
	for (uint32_t i = 0; i < N; i++) {
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		keys[i] = rnd;
		/* only 64 different tags: long runs of equal tags to step over */
		uint64_t h = (rnd % 64) << 58 | rnd >> 40;
		CHECK(find(&m, keys, h, keys[i]) == IDXMAP_NONE);
		idxmap_add(&m, h, i);
	}
	size_t found = 0;
	rnd = 88172645463325252ULL;
	for (uint32_t i = 0; i < N; i++) {
		rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
		found += find(&m, keys, (rnd % 64) << 58 | rnd >> 40, rnd) == i;
	}
	CHECK_INT(found, N);
	CHECK_INT(m.len, N);
	CHECK(m.cap >= (size_t)N * 4 / 3);
	CHECK(find(&m, keys, 12345ULL << 40, 1) == IDXMAP_NONE);
	idxmap_free(&m);
	free(keys);
}

TEST(spillvec_spills_and_keeps_values)
{
	struct membudget b = {.limit = 256 * 1024};
	struct spillvec v;
	spillvec_init(&v, 24, &b);
	enum { N = 200000 };
	for (uint32_t i = 0; i < N; i++) {
		uint32_t *r = spillvec_push(&v);
		CHECK_INT(r[0] | r[5], 0);              /* pushed zeroed */
		r[0] = i;
		r[5] = ~i;
		spillvec_touch(&v);
	}
	CHECK(spillvec_spilled(&v));
	CHECK(b.spilled >= (uint64_t)N * 24);
	CHECK(b.held <= b.limit);
	size_t good = 0;
	for (uint32_t i = 0; i < N; i++) {
		const uint32_t *r = spillvec_at(&v, i);
		good += r[0] == i && r[5] == ~i;
	}
	CHECK_INT(good, N);
	spillvec_free(&v);
	CHECK_INT(b.spilled, 0);
}

TEST(spillvec_no_budget_stays_in_memory)
{
	struct membudget b = {.limit = SIZE_MAX};
	struct spillvec v;
	spillvec_init(&v, 8, &b);
	for (int i = 0; i < 100000; i++)
		*(int *)spillvec_push(&v) = i;
	CHECK(!spillvec_spilled(&v));
	CHECK_INT(*(int *)spillvec_at(&v, 99999), 99999);
	CHECK(b.held >= 800000);
	spillvec_free(&v);
	CHECK_INT(b.held, 0);
}

TEST(arena_keeps_strings)
{
	struct arena a = {0};
	char *first = arena_dup(&a, SPAN_LIT("first"));
	char big[100000];
	memset(big, 'x', sizeof big);
	char *b = arena_dup(&a, span_make(big, sizeof big));
	char *last = NULL;
	for (int i = 0; i < 20000; i++)
		last = arena_dup(&a, SPAN_LIT("0123456789"));
	CHECK_STR(first, "first");
	CHECK_INT(strlen(b), sizeof big);
	CHECK_STR(last, "0123456789");
	CHECK(a.bytes >= 20000 * 11 + sizeof big);
	arena_free(&a);
	CHECK_INT(a.bytes, 0);
}

TEST(membudget_sizes)
{
	static const struct {
		const char *in;
		size_t want;
		bool ok;
	} cases[] = {
	    {"512M", 512u << 20, true}, {"4G", (size_t)4 << 30, true}, {"1048576", 1048576, true},
	    {"64k", 65536, true},       {"2GiB", (size_t)2 << 30, true}, {"1T", (size_t)1 << 40, true},
	    {"", 0, false},             {"-1G", 0, false},      {"12Q", 0, false},
	    {"G", 0, false},            {"99999999999999999999", 0, false},
	    {"17179869184T", 0, false},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t got = 0;
		bool ok = membudget_parse(cases[i].in, &got);
		if (ok != cases[i].ok || (ok && got != cases[i].want))
			test_fail(__FILE__, __LINE__, "membudget_parse(\"%s\"): got %d %zu, want %d %zu",
				  cases[i].in, ok, got, cases[i].ok, cases[i].want);
	}
}

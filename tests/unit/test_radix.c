/*
 * test_radix.c - radix_sort (util/radix.c, speed18) in place of qsort
 * for the end of a run's sorts of numbers: the same order as qsort with
 * the former comparators (kept here): campaign.c's (key hash, client)
 * records, its network hashes, conclude.c's clients' (severity and
 * sessions, IPv4 key) records sorted by the IPv4 key then by the first
 * key; records with equal keys keep their order (the former comparators
 * broke ties by the index the records were made in).  Random counts 0 to
 * 3 000 (the insertion sort below 48 and the passes above), keys drawn
 * from few values (many ties, bytes that are all the same), from the
 * whole range, made of a few varying bytes, and all one value but one
 * record's (a pass skipped only when every record's byte is the same); each array in a heap
 * buffer of its own size, so that a read or write past it is seen.
 */
#include "tap.h"
#include "util/radix.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ckey { /* campaign.c's */
	uint64_t h;
	uint32_t i;
	uint8_t kind;
};

struct ckey_sort { /* conclude.c's */
	uint64_t k;
	uint32_t v4;
	uint32_t i;
};

/* the former comparators, as they were (cmp_key, cmp_u64), and
 * by_severity for two IPv4 clients with the index as the last word */
static int cmp_key(const void *x, const void *y)
{
	const struct ckey *p = x, *q = y;
	if (p->h != q->h)
		return p->h < q->h ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
	return p < q ? -1 : p > q;
}

static int by_severity_v4(const void *x, const void *y)
{
	const struct ckey_sort *p = x, *q = y;
	if (p->k != q->k)
		return p->k < q->k ? -1 : 1;
	if (p->v4 != q->v4)
		return p->v4 < q->v4 ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

static uint64_t rnd_state = 0x5DEECE66D1234567ULL;

/* draw - a key of one of the shapes: few values, the whole range, a few
 * varying bytes in a constant rest, one value but for one record (odd:
 * that record, a byte of it changed) */
static uint64_t draw(int shape, uint64_t base, bool odd)
{
	uint64_t r = tap_rnd(&rnd_state);
	switch (shape) {
	case 4:
		return odd ? base ^ (uint64_t)0x5a << 8 * ((base >> 3) % 4) : base;
	case 0:
		return r % 5;
	case 1:
		return r;
	case 2:
		return base ^ (r & 0x00ff00000000ff00ULL);
	default:
		return base + (r % 300); /* a carry into the next byte */
	}
}

TEST(radix_same_order_as_qsort)
{
	int bad = 0;
	for (int iter = 0; iter < 600 && bad < 5; iter++) {
		size_t n = iter < 60 ? (size_t)iter : tap_rnd(&rnd_state) % 3001;
		int shape = (int)(tap_rnd(&rnd_state) % 5);
		size_t odd = n ? tap_rnd(&rnd_state) % n : 0;
		uint64_t base = tap_rnd(&rnd_state);
		/* campaign keys */
		struct ckey *a = malloc(n ? n * sizeof *a : 1), *b = malloc(n ? n * sizeof *b : 1);
		for (size_t i = 0; i < n; i++) {
			memset(&a[i], 0, sizeof a[i]);
			a[i].h = draw(shape, base, i == odd);
			a[i].i = (uint32_t)i;
			a[i].kind = (uint8_t)(i % 3);
		}
		memcpy(b, a, n * sizeof *a);
		radix_sort(a, n, sizeof *a, offsetof(struct ckey, h), sizeof a->h);
		qsort(b, n, sizeof *b, cmp_key);
		if (memcmp(a, b, n * sizeof *a) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "ckey: n %zu shape %d: not qsort's order", n, shape);
		free(a);
		free(b);
		/* network hashes */
		uint64_t *u = malloc(n ? n * sizeof *u : 1), *w = malloc(n ? n * sizeof *w : 1);
		for (size_t i = 0; i < n; i++)
			u[i] = draw(shape, base, i == odd);
		memcpy(w, u, n * sizeof *u);
		radix_sort(u, n, sizeof *u, 0, sizeof *u);
		qsort(w, n, sizeof *w, cmp_u64);
		if (memcmp(u, w, n * sizeof *u) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "u64: n %zu shape %d: not qsort's order", n, shape);
		free(u);
		free(w);
		/* clients: severity and sessions, then the IPv4 key */
		struct ckey_sort *c = malloc(n ? n * sizeof *c : 1), *d = malloc(n ? n * sizeof *d : 1);
		for (size_t i = 0; i < n; i++) {
			uint64_t sev = tap_rnd(&rnd_state) % 5, sess = draw(shape % 2 ? 3 : 0, 0, false);
			c[i].k = sev << 32 | (UINT32_MAX - (uint32_t)sess);
			c[i].v4 = (uint32_t)draw(shape, base, i == odd);
			c[i].i = (uint32_t)i;
		}
		memcpy(d, c, n * sizeof *c);
		radix_sort(c, n, sizeof *c, offsetof(struct ckey_sort, v4), sizeof c->v4);
		radix_sort(c, n, sizeof *c, offsetof(struct ckey_sort, k), sizeof c->k);
		qsort(d, n, sizeof *d, by_severity_v4);
		if (memcmp(c, d, n * sizeof *c) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "clients: n %zu shape %d: not qsort's order", n, shape);
		free(c);
		free(d);
	}
	/* a record size with no path of its own: 12 bytes, a 4-byte key */
	for (int iter = 0; iter < 50 && bad < 5; iter++) {
		size_t n = tap_rnd(&rnd_state) % 700;
		unsigned char *r = malloc(n ? n * 12 : 1), *s = malloc(n ? n * 12 : 1);
		for (size_t i = 0; i < n; i++) {
			uint32_t k = (uint32_t)draw(iter % 5, 77, i == n / 2), idx = (uint32_t)i, z = 0xdeadbeef;
			memcpy(r + i * 12, &z, 4);
			memcpy(r + i * 12 + 4, &k, 4);
			memcpy(r + i * 12 + 8, &idx, 4);
		}
		memcpy(s, r, n * 12);
		radix_sort(r, n, 12, 4, 4);
		for (size_t i = 1; i < n; i++) { /* s: a stable insertion sort */
			unsigned char t[12];
			memcpy(t, s + i * 12, 12);
			uint32_t k;
			memcpy(&k, t + 4, 4);
			size_t j = i;
			for (; j > 0; j--) {
				uint32_t kj;
				memcpy(&kj, s + (j - 1) * 12 + 4, 4);
				if (kj <= k)
					break;
				memcpy(s + j * 12, s + (j - 1) * 12, 12);
			}
			memcpy(s + j * 12, t, 12);
		}
		if (memcmp(r, s, n * 12) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "12-byte records: n %zu: not the stable order", n);
		free(r);
		free(s);
	}
}

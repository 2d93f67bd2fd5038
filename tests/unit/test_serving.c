/*
 * test_serving.c - diag_serving_find (diagnose.c) finds the slot of an
 * smtpd process by its bucket's hint, or at once nothing when no slot of
 * its bucket has an address: the same slot as the search of the 64 slots
 * (the first with the pid and an address) it replaced, after every
 * diag_serving_take of random sequences: a small pool of pids (reused
 * slots), pids of one bucket, -1, and addresses that start with a NUL
 * (a slot without an address).
 */
#include "tap.h"
#include "diagnose/diag_internal.h"

#include <stdlib.h>
#include <string.h>

/* find_before - the search as it was */
static int find_before(const struct diag *d, int64_t pid)
{
	for (uint32_t i = 0; i < DIAG_SERVING; i++)
		if (d->serving[i].pid == pid && d->serving[i].ip[0])
			return (int)i;
	return -1;
}

static uint64_t rnd_state = 0xA4093822299F31D0ULL;

static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13, rnd_state ^= rnd_state >> 7, rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* a pid: of a small pool, of a large one, one of a single bucket (the
 * multiples of 2^56 hash alike), or -1 */
static int64_t some_pid(unsigned pool)
{
	uint64_t r = rnd();
	switch (r % 8) {
	case 0:
		return (int64_t)((r >> 8) % 4) << 56;
	case 1:
		return -1;
	case 2:
		return (int64_t)((r >> 8) % 100000);
	default:
		return (int64_t)((r >> 8) % pool);
	}
}

TEST(serving_find_same_as_search)
{
	uint64_t found = 0, missed = 0, wrong = 0;
	for (int round = 0; round < 200; round++) {
		struct diag *d = diag_new();
		unsigned pool = 8 + (unsigned)(rnd() % 200);
		for (int step = 0; step < 2000; step++) {
			int64_t pid = some_pid(pool);
			if (rnd() % 3 == 0) {
				char ip[8] = "192.0.2";
				size_t n = 1 + rnd() % 7;
				if (rnd() % 6 == 0)
					ip[0] = 0; /* no address after all */
				diag_serving_take(d, pid, (struct span){ip, n});
			}
			int64_t ask = some_pid(pool);
			int a = find_before(d, ask), b = diag_serving_find(d, ask);
			if (a != b && wrong++ < 5)
				test_fail(__FILE__, __LINE__, "pid %lld: slot %d, want %d", (long long)ask, b, a);
			if (a >= 0)
				found++;
			else
				missed++;
		}
		diag_free(d);
	}
	CHECK(wrong == 0);
	CHECK(found > 50000);
	CHECK(missed > 50000);
}

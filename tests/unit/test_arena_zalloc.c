/*
 * test_arena_zalloc.c - arena_zalloc (util/arena.c, speed30: a client's
 * detail taken from blocks instead of xcalloc): random sizes, small and
 * past a quarter block, mixed with arena_dup's strings in the same arena;
 * each piece aligned as malloc's, zeroed, inside its block, and not
 * overlapping any other (each is filled with its own byte and checked at
 * the end, so a piece handed out twice or an overrun shows; the sanitizer
 * build sees a write past a block).
 */
#include "tap.h"
#include "util/arena.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rs = 0x243F6A8885A308D3ULL;
static uint64_t rnd(void)
{
	rs ^= rs << 13, rs ^= rs >> 7, rs ^= rs << 17;
	return rs;
}

TEST(arena_zalloc_pieces)
{
	enum { N = 4000 };
	static unsigned char *p[N];
	static size_t n[N];
	struct arena a = {0};
	size_t bad = 0;
	for (int i = 0; i < N; i++) {
		if (rnd() % 3 == 0) { /* a string between the pieces */
			char s[40];
			size_t k = rnd() % sizeof s;
			memset(s, 'x', k);
			char *d = arena_dup(&a, span_make(s, k));
			if (strlen(d) != k)
				bad++;
		}
		uint64_t r = rnd() % 100;
		n[i] = r < 90 ? 1 + rnd() % 1000 : r < 98 ? 848 : 16384 + rnd() % 70000;
		p[i] = arena_zalloc(&a, n[i]);
		if ((uintptr_t)p[i] % _Alignof(max_align_t))
			bad++;
		for (size_t k = 0; k < n[i]; k++)
			if (p[i][k])
				bad++;
		memset(p[i], (int)(i % 251) + 1, n[i]);
	}
	for (int i = 0; i < N; i++)
		for (size_t k = 0; k < n[i]; k++)
			if (p[i][k] != (unsigned char)(i % 251 + 1)) {
				bad++;
				break;
			}
	CHECK_INT(bad, 0);
	CHECK(a.bytes > 0);
	arena_free(&a);
	CHECK_INT(a.bytes, 0);
	CHECK(a.blocks == NULL);
}

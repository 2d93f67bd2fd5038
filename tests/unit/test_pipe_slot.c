/*
 * test_pipe_slot.c - pipe_slot inline (speed37), its full batch handed
 * over by pipe_next: every line a reading thread puts in the ring, long
 * or short, committed or not, reaches the consumer's thread whole and
 * in order, as the plain list of the committed lines has them.
 */
#include "tap.h"

#include <pthread.h>
#include <stdlib.h>
#include "feed/pipeline.h"
#include "input/lines.h"

#define PS_LINES 4000

/* ps_line - line i's text into buf (the same for both threads), its length */
static size_t ps_line(uint64_t i, char *buf)
{
	uint64_t s = 0x9e3779b97f4a7c15ULL ^ (i * 0x100000001b3ULL);
	size_t n = (size_t)(tap_rnd(&s) % 9 == 0 ? tap_rnd(&s) % LINE_MAX_LEN : tap_rnd(&s) % 300);
	for (size_t k = 0; k < n; k++)
		buf[k] = (char)('a' + (i + k * 7) % 26);
	return n;
}

/* ps_kept - is line i committed (else a line filtered out, its slot reused) */
static bool ps_kept(uint64_t i)
{
	return i % 5 != 3;
}

static void *ps_reader(void *arg)
{
	struct feed_pipe *p = arg;
	char *buf = malloc(LINE_MAX_LEN);
	for (uint64_t i = 0; i < PS_LINES; i++) {
		size_t n = ps_line(i, buf);
		struct span copy;
		struct pipe_slot *s = pipe_slot(p, span_make(buf, n), &copy);
		s->kind = PIPE_RAW;
		s->lineno = i;
		s->raw = copy;
		memset(buf, 'X', n); /* the slot's copy must not be the reader's bytes */
		if (ps_kept(i))
			pipe_commit(p);
	}
	free(buf);
	pipe_finish(p);
	return NULL;
}

TEST(pipe_slot_inline_same_as_plain)
{
	struct feed_pipe *p = pipe_new();
	pthread_t t;
	CHECK(pthread_create(&t, NULL, ps_reader, p) == 0);
	char *want = malloc(LINE_MAX_LEN);
	uint64_t next = 0, got = 0, bad = 0, batches = 0;
	struct pipe_batch *b;
	while ((b = pipe_take(p))) {
		batches++;
		for (size_t k = 0; k < b->n; k++) {
			while (next < PS_LINES && !ps_kept(next))
				next++;
			const struct pipe_slot *s = &b->slot[k];
			size_t n = ps_line(next, want);
			if (s->lineno != next || s->raw.n != n || (n && memcmp(s->raw.p, want, n))) {
				if (bad++ < 5)
					test_fail(__FILE__, __LINE__, "slot %zu: line %llu (%zu bytes), want %llu (%zu)",
						  k, (unsigned long long)s->lineno, s->raw.n,
						  (unsigned long long)next, n);
			}
			next++, got++;
		}
		pipe_give_back(p, b);
	}
	pthread_join(t, NULL);
	uint64_t kept = 0;
	for (uint64_t i = 0; i < PS_LINES; i++)
		kept += ps_kept(i);
	CHECK_INT(got, kept);
	CHECK(batches > PIPE_BATCHES); /* the ring went round, full arenas among them */
	free(want);
	pipe_free(p);
}

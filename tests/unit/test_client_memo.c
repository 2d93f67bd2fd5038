/*
 * test_client_memo.c - records_client_get (analyze/records.c) answers the
 * address text it was asked last from the analysis's memo (speed13; since
 * speed15 the last one of each slot of the text's last two bytes: the
 * last four addresses share slots with others, two a NUL inside):
 * the same client numbers, and the same records told to the watcher
 * (analysis->touched), as the lookup without the memo, on sequences of
 * addresses asked again in a row and not: IPv4 and IPv6 as the log writes
 * them and not, names, the empty text, a NUL inside, texts past the
 * memo's size, near misses of the same length; each text in a heap buffer
 * of its own size.
 */
#include "tap.h"
#include "analyze/analysis.h"
#include "analyze/records.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* a watcher that keeps what it was told */
struct told {
	uint32_t v[64];
	size_t n;
};

static void told_note(void *ctx, enum record_table t, uint32_t i)
{
	struct told *w = ctx;
	if (w->n < 64)
		w->v[w->n++] = (uint32_t)t << 24 ^ i;
}

static uint64_t rnd_state = 0xA54FF53A5F1D36F1ULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(client_memo_same_as_lookup)
{
	static const char *const addrs[] = {
	    "192.0.2.7",     "192.0.2.8",	   "192.0.2.70",  "10.0.0.1",	 "010.0.0.1",	"2001:db8::1",
	    "2001:db8::2",   "2001:DB8::1",  "::ffff:192.0.2.7", "unknown",	"mail.example.test",
	    "mail.example.tesu", "",		   "192.0.2.7\0x", "192.0.2.7 ",
	    "a-name-longer-than-the-memo-of-forty-six-bytes-x", "a-name-longer-than-the-memo-of-forty-six-bytes-y",
	    "198.51.2.7", "10.9.2.7", "2001:db8::2:1", "192.0.2.7\0y"};
	const size_t na = sizeof addrs / sizeof addrs[0];
	struct analysis *a = analysis_new(), *b = analysis_new();
	struct told wa = {0}, wb = {0};
	a->touched = told_note, a->touched_ctx = &wa;
	b->touched = told_note, b->touched_ctx = &wb;
	size_t k = 0, hits = 0;
	for (int i = 0; i < 100000; i++) {
		uint64_t r = rnd();
		size_t prev = k;
		if (r % 3 == 0)
			k = (size_t)(r >> 2) % na;
		hits += k == prev;
		size_t n = k == 13 || k == 20 ? 11 : strlen(addrs[k]); /* "192.0.2.7\0x" with its NUL */
		char *h = malloc(n ? n : 1);
		if (!h)
			break;
		memcpy(h, addrs[k], n);
		wa.n = wb.n = 0;
		memset(b->cmemo_n, 0, sizeof b->cmemo_n); /* b: the lookup every time */
		struct client *ca = records_client_get(a, span_make(h, n));
		struct client *cb = records_client_get(b, span_make(h, n));
		uint32_t ia = ca ? records_client_number(a, ca) : UINT32_MAX;
		uint32_t ib = cb ? records_client_number(b, cb) : UINT32_MAX;
		bool same = ia == ib && wa.n == wb.n && !memcmp(wa.v, wb.v, wa.n * sizeof *wa.v);
		if (!same) {
			test_fail(__FILE__, __LINE__, "ask %d \"%.*s\": client %u, want %u (told %zu, want %zu)", i,
				  (int)n, h, ia, ib, wa.n, wb.n);
			free(h);
			break;
		}
		free(h);
	}
	CHECK(hits > 50000);
	CHECK(a->clients.n == b->clients.n);
	CHECK(a->clients.n >= 14);
	CHECK(a->clients.n > 1000); /* each ask of the name with a NUL made one more, as before */
	analysis_free(a);
	analysis_free(b);
}

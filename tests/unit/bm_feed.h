/*
 * bm_feed.h - the harness of the pasted-report readers' tests
 * (test_bounce_mailq.c, test_bounce_dsn.c, test_bounce_reply.c): the lines of a text fed to
 * syslog/bounce_mailq.c as feed.c feeds them, each in a heap buffer of
 * its exact size (ASan sees an over-read), and what was made as
 * "LINENO DAEMON: TEXT" lines (CHECK_MADE: those of a text are the ones
 * wanted).
 */
#ifndef POSTSLEUTH_TEST_BM_FEED_H
#define POSTSLEUTH_TEST_BM_FEED_H

#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include "syslog/bounce_mailq.h"
#include "util/buf.h"

struct bm_got {
	struct buf b;
	unsigned n;
};

static inline void bm_on_emit(void *ctx, const char *daemon, struct span text, uint64_t lineno, struct stamp ts)
{
	(void)ts;
	struct bm_got *g = ctx;
	g->n++;
	buf_printf(&g->b, "%llu %s: ", (unsigned long long)lineno, daemon);
	buf_putspan(&g->b, text);
	buf_putc(&g->b, '\n');
}

/* bm_feed - each line asked bm_continues, then bm_line, then the end;
 * the lines made (to free), their count in *n when n is not NULL */
static inline char *bm_feed(const char *text, unsigned *n)
{
	struct bounce_mailq *bm = malloc(sizeof *bm);
	bm_init(bm);
	struct bm_got g = {{0}, 0};
	uint64_t no = 0;
	struct stamp ts = {0};
	for (const char *p = text; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *line = malloc(len ? len : 1);
		memcpy(line, p, len);
		no++;
		struct span s = span_make(line, len);
		if (bm->kind && !bm_continues(bm, s))
			bm_flush(bm, bm_on_emit, &g);
		bm_line(bm, s, no, ts, bm_on_emit, &g);
		free(line);
		p += len + (e ? 1 : 0);
	}
	bm_flush(bm, bm_on_emit, &g);
	free(bm);
	buf_putc(&g.b, 0);
	if (n)
		*n = g.n;
	return g.b.p;
}

/* CHECK_MADE - the lines made of text are want */
#define CHECK_MADE(text, want)                    \
	do {                                      \
		char *got_ = bm_feed(text, NULL); \
		CHECK_STR(got_, want);            \
		free(got_);                       \
	} while (0)

#endif

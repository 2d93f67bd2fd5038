/*
 * pipeline.h - the hand-off between the feed's two threads: a reading
 * thread (read and decompress, split, syslog prefix, Postfix parsers,
 * the consumer's front callback) fills batches of parsed lines, the
 * consumer's thread takes them in order.  A batch owns its bytes (the
 * lines are copied into its arena before they are parsed, so every span
 * of its events points into it) and the batches are a ring of
 * PIPE_BATCHES: memory is fixed whatever the length of the log.  See
 * pipeline.c; feed.c decides when to use it.
 */
#ifndef POSTSLEUTH_PIPELINE_H
#define POSTSLEUTH_PIPELINE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "feed.h"

/* many small batches, not a few large ones: a batch's slots (64 of
 * about 2 KB) are reused while still in a core's L2 (1 MiB here) and
 * the consumer starts on a batch sooner; measured in
 * docs/performance.md ("what crosses between the threads") */
#define PIPE_BATCHES 16
#define PIPE_SLOTS 64
#define PIPE_ARENA (256 * 1024) /* >= 2 * LINE_MAX_LEN: a line and its unescaped text */

enum pipe_kind {
	PIPE_EVENT,     /* a parsed line: ev (ev.line is &l) */
	PIPE_RAW,       /* a line with no syslog prefix (for the transcripts): raw */
};

struct pipe_slot {
	enum pipe_kind kind;
	uint64_t lineno;
	struct span raw;
	struct logline l;
	struct event ev;
	_Alignas(max_align_t) unsigned char note[FEED_NOTE_MAX]; /* the feed's front callback's */
};

struct pipe_batch {
	struct pipe_slot *slot;
	size_t n;
	char *arena;
	size_t used;
};

struct feed_pipe {
	pthread_mutex_t mu;
	pthread_cond_t filled, emptied;
	struct pipe_batch b[PIPE_BATCHES];
	size_t head, tail, ready; /* next to fill, next to take, how many ready */
	bool done;                 /* the reader has finished */
	/* the reader's side only */
	struct pipe_batch *cur;    /* being filled, or NULL */
	enum feed_share share;     /* for the batch being filled: how full the ring was */
	size_t pend;               /* arena bytes of the slot being filled */
	uint64_t handed;           /* batches handed over so far */
};

/* pipe_holds - s lies in the arena of the batch being filled (the
 * slot's line included): its bytes stay in place until the reader fills
 * that batch again, PIPE_BATCHES hand-overs later */
static inline bool pipe_holds(const struct feed_pipe *p, struct span s)
{
	const struct pipe_batch *b = p->cur;
	if (!b)
		return false;
	uintptr_t at = (uintptr_t)s.p, lo = (uintptr_t)b->arena, full = b->used + p->pend;
	return at >= lo && at - lo <= full && s.n <= full - (at - lo);
}

struct feed_pipe *pipe_new(void);
void pipe_free(struct feed_pipe *p);
/* the reader */
struct pipe_batch *pipe_next(struct feed_pipe *p);

/* pipe_slot - a slot for one line, the line copied into the batch
 * (*copy); the caller parses into the slot, then commits it or not.
 * Inline (speed37): the reading thread's per-line call and its saved
 * registers cost more than the test; a full or missing batch is
 * pipe_next's, out of line */
static inline struct pipe_slot *pipe_slot(struct feed_pipe *p, struct span line, struct span *copy)
{
	struct pipe_batch *b = p->cur;
	if (!b || b->used + 2 * line.n + 2 > PIPE_ARENA)
		b = pipe_next(p);
	char *at = b->arena + b->used;
	if (line.n)
		memcpy(at, line.p, line.n);
	p->pend = line.n;
	*copy = span_make(at, line.n);
	return &b->slot[b->n];
}
struct span pipe_extra(struct feed_pipe *p, struct span s);
void pipe_commit(struct feed_pipe *p);
void pipe_finish(struct feed_pipe *p);
/* the consumer */
struct pipe_batch *pipe_take(struct feed_pipe *p);
void pipe_give_back(struct feed_pipe *p, struct pipe_batch *b);

#endif

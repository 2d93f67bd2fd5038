/*
 * pipeline.c - a bounded ring of batches between the feed's reading
 * thread and the consumer's.
 *
 * The reader asks for a slot for each line (pipe_slot): the line is
 * copied into the current batch's arena, with room for as much again
 * (a journal JSON line's unescaped text, pipe_extra), and the slot's
 * logline and event are parsed in place, so that every span points into
 * the batch or into the event itself.  pipe_commit keeps the slot; a
 * slot not committed (a line filtered out) is reused by the next line.
 * A full batch is handed over; when all PIPE_BATCHES are waiting for the
 * consumer, the reader waits.  The consumer takes the batches in order
 * (pipe_take) and gives each back when done with its events.
 *
 * One mutex and two condition variables, taken once per batch (up to
 * PIPE_SLOTS lines), not per line.  At each new batch the reader notes
 * how full the ring is (->share, feed.h's enum feed_share), so that the
 * feed's front callback leaves more work to the consumer when that one
 * waits, and takes more when the reader waits.
 */
#include "pipeline.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* pipe_new - an empty ring, its batches allocated */
struct feed_pipe *pipe_new(void)
{
	struct feed_pipe *p = xcalloc(1, sizeof *p);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->filled, NULL);
	pthread_cond_init(&p->emptied, NULL);
	for (size_t i = 0; i < PIPE_BATCHES; i++) {
		p->b[i].slot = xmalloc(PIPE_SLOTS * sizeof *p->b[i].slot);
		p->b[i].arena = xmalloc(PIPE_ARENA);
	}
	return p;
}

/* pipe_free - the ring (both threads are done with it) */
void pipe_free(struct feed_pipe *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < PIPE_BATCHES; i++) {
		free(p->b[i].slot);
		free(p->b[i].arena);
	}
	pthread_cond_destroy(&p->filled);
	pthread_cond_destroy(&p->emptied);
	pthread_mutex_destroy(&p->mu);
	free(p);
}

/* hand_over - the batch being filled goes to the consumer */
static void hand_over(struct feed_pipe *p)
{
	pthread_mutex_lock(&p->mu);
	p->ready++;
	p->head = (p->head + 1) % PIPE_BATCHES;
	p->handed++;
	pthread_cond_signal(&p->filled);
	pthread_mutex_unlock(&p->mu);
	p->cur = NULL;
}

/* next_batch - an empty batch to fill, waiting for the consumer to give
 * one back if all are taken */
static void next_batch(struct feed_pipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (p->ready == PIPE_BATCHES)
		pthread_cond_wait(&p->emptied, &p->mu);
	p->cur = &p->b[p->head];
	/* the batches the consumer has not given back: none or one, it
	 * waits (or soon will) for this one; all but this one, the reader
	 * is the faster */
	p->share = p->ready <= 1 ? FEED_SHARE_LESS
		 : p->ready >= PIPE_BATCHES - 1 ? FEED_SHARE_MORE : FEED_SHARE_USUAL;
	pthread_mutex_unlock(&p->mu);
	p->cur->n = 0;
	p->cur->used = 0;
}

/* pipe_next - the batch pipe_slot fills next: the one being filled
 * handed over if there is one (it has no room for the line), then an
 * empty one */
struct pipe_batch *pipe_next(struct feed_pipe *p)
{
	if (p->cur)
		hand_over(p);
	next_batch(p);
	return p->cur;
}

/* pipe_extra - a copy of s beside the slot's line (at most as long as
 * the line: the room pipe_slot kept) */
struct span pipe_extra(struct feed_pipe *p, struct span s)
{
	struct pipe_batch *b = p->cur;
	char *at = b->arena + b->used + p->pend;
	if (s.n)
		memcpy(at, s.p, s.n);
	p->pend += s.n;
	return span_make(at, s.n);
}

/* pipe_commit - keep the slot pipe_slot gave; hand the batch over when
 * it is full */
void pipe_commit(struct feed_pipe *p)
{
	struct pipe_batch *b = p->cur;
	b->used += p->pend;
	p->pend = 0;
	if (++b->n == PIPE_SLOTS)
		hand_over(p);
}

/* pipe_finish - the reader is done: what it filled goes over, and the
 * consumer is told there is no more */
void pipe_finish(struct feed_pipe *p)
{
	if (p->cur && p->cur->n)
		hand_over(p);
	p->cur = NULL;
	pthread_mutex_lock(&p->mu);
	p->done = true;
	pthread_cond_signal(&p->filled);
	pthread_mutex_unlock(&p->mu);
}

/* pipe_take - the next batch in order, waiting for it; NULL when the
 * reader has finished and every batch was taken */
struct pipe_batch *pipe_take(struct feed_pipe *p)
{
	pthread_mutex_lock(&p->mu);
	while (!p->ready && !p->done)
		pthread_cond_wait(&p->filled, &p->mu);
	struct pipe_batch *b = p->ready ? &p->b[p->tail] : NULL;
	pthread_mutex_unlock(&p->mu);
	return b;
}

/* pipe_give_back - the consumer is done with the batch pipe_take gave */
void pipe_give_back(struct feed_pipe *p, struct pipe_batch *b)
{
	(void)b;
	pthread_mutex_lock(&p->mu);
	p->ready--;
	p->tail = (p->tail + 1) % PIPE_BATCHES;
	pthread_cond_signal(&p->emptied);
	pthread_mutex_unlock(&p->mu);
}

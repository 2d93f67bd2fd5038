/*
 * correlate.h - rebuild sessions and messages from the event stream
 * (Postfix's own collate model, made robust).
 *
 * Sessions are keyed by (host, pid) from "connect" to "disconnect";
 * messages by (host, instance, queue ID) from their first line to
 * "removed", so reused short queue IDs start a new message.  Bounce and
 * delay notices, content-filter re-injections ("queued as X") and
 * forwards link a child queue ID to its parent, across hosts too.
 *
 * Memory: finished objects are handed to the sink and freed.  Open ones
 * are capped (max_sessions, max_messages); past the cap, or idle longer
 * than session_idle_us, the least recently touched is emitted as
 * evicted and counted.
 */
#ifndef POSTSLEUTH_CORRELATE_H
#define POSTSLEUTH_CORRELATE_H

#include "message.h"
#include "session.h"
#include "../parse/event.h"
#include "../parse/transcript.h"

struct model_sink {
	void (*session_closed)(const struct session *s, void *ctx);
	void (*message_closed)(const struct message *m, void *ctx);
	void *ctx;
};

struct model_stats {
	uint64_t sessions, messages;                 /* closed and emitted */
	uint64_t sessions_open_peak, messages_open_peak;
	uint64_t sessions_evicted, messages_evicted; /* by cap or timeout */
	uint64_t sessions_idle;                      /* of sessions_evicted: an hour idle */
	uint64_t sessions_replaced;                  /* connect without disconnect */
	uint64_t messages_replaced;                  /* queue ID reused, no removed line */
	uint64_t sessions_partial;                   /* began before the log */
	uint64_t sessions_unclosed, messages_unclosed; /* open at end of input */
	uint64_t links, links_pending_dropped;
	uint64_t rcpts_dropped, dialogue_dropped;
};

struct model;

struct model *model_new(const struct model_sink *sink);
void model_limits(struct model *m, uint64_t max_sessions, uint64_t max_messages,
		  int64_t session_idle_us);
void model_event(struct model *m, const struct event *ev, uint64_t lineno, uint64_t file_index);

/* the kinds of smtpd's lines a session is made of (session_event_type),
 * those of a message (the queue ID's lines; a refusal only with a real
 * queue ID), and a warning (smtpd's SASL backend unreachable) */
#define MODEL_KIND(e) (UINT64_C(1) << (e))
#define MODEL_SESSION_KINDS                                                                        \
	(MODEL_KIND(EV_CONNECT) | MODEL_KIND(EV_DISCONNECT) | MODEL_KIND(EV_LOST) | MODEL_KIND(EV_REJECT) | \
	 MODEL_KIND(EV_SASL_FAIL) | MODEL_KIND(EV_SASL_ABORT) | MODEL_KIND(EV_CLIENT) |                \
	 MODEL_KIND(EV_HOSTNAME_VERIFY) | MODEL_KIND(EV_NON_SMTP) | MODEL_KIND(EV_PIPELINING) |        \
	 MODEL_KIND(EV_RATE_LIMIT) | MODEL_KIND(EV_TLS) | MODEL_KIND(EV_SMTP_IN) |                     \
	 MODEL_KIND(EV_SMTP_OUT) | MODEL_KIND(EV_TLS_READ) | MODEL_KIND(EV_TLS_WRITE) |                \
	 MODEL_KIND(EV_TLS_ERROR))
#define MODEL_MESSAGE_KINDS                                                                        \
	(MODEL_KIND(EV_CLIENT) | MODEL_KIND(EV_PICKUP) | MODEL_KIND(EV_MESSAGE_ID) |                   \
	 MODEL_KIND(EV_QUEUED) | MODEL_KIND(EV_DELIVERY) | MODEL_KIND(EV_NOTIFICATION) |               \
	 MODEL_KIND(EV_EXPIRED) | MODEL_KIND(EV_CLEANUP_ACTION) | MODEL_KIND(EV_CLEANUP_REMOVED) |     \
	 MODEL_KIND(EV_REMOVED) | MODEL_KIND(EV_POSTSUPER) | MODEL_KIND(EV_SMTP_ERROR) |               \
	 MODEL_KIND(EV_REJECT))
#define MODEL_EVENT_KINDS (MODEL_SESSION_KINDS | MODEL_MESSAGE_KINDS | MODEL_KIND(EV_WARNING))

/* model_event_reads - the event is one model_event does more with than
 * move its clock: a kind above, verbose chatter naming the user a SASL
 * backend refused, or Dovecot's delivery line naming a Message-ID */
static inline bool model_event_reads(const struct event *ev)
{
	return ((unsigned)ev->type < 64 && (MODEL_EVENT_KINDS >> (unsigned)ev->type & 1)) ||
	       (ev->type == EV_NOISE && ev->sasl_username.n) || (ev->type == EV_OTHER && ev->message_id.n);
}

/* model_tick - what model_event does with any other event: the clock
 * moved to its line's time, and what waited too long let go */
void model_tick(struct model *m, const struct event *ev);

/* model_event_by_kind - model_event, asked only of the events it reads
 * (model_tick for the others: verbose chatter, postscreen's, anvil's,
 * the connection failures; test_stage_kinds.c holds the two to
 * model_event) */
static inline void model_event_by_kind(struct model *m, const struct event *ev, uint64_t lineno,
				       uint64_t file_index)
{
	if (model_event_reads(ev))
		model_event(m, ev, lineno, file_index);
	else
		model_tick(m, ev);
}
void model_finish(struct model *m);    /* emit everything still open */
void model_transcript(struct model *m, const struct transcript *t, uint64_t lineno,
		      uint64_t file_index);
const struct model_stats *model_stats(const struct model *m);
void model_open_lines(const struct model *m, void (*fn)(void *ctx, char kind, uint64_t first_line),
		      void *ctx);
void model_open_messages(const struct model *m, void (*fn)(void *ctx, const struct message *msg), void *ctx);
void model_free(struct model *m);

#endif

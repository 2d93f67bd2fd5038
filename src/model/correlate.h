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
void model_finish(struct model *m);    /* emit everything still open */
void model_transcript(struct model *m, const struct transcript *t, uint64_t lineno,
		      uint64_t file_index);
const struct model_stats *model_stats(const struct model *m);
void model_open_lines(const struct model *m, void (*fn)(void *ctx, char kind, uint64_t first_line),
		      void *ctx);
void model_open_messages(const struct model *m, void (*fn)(void *ctx, const struct message *msg), void *ctx);
void model_free(struct model *m);

#endif

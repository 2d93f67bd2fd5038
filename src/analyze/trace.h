/*
 * trace.h - select what belongs to one story: a queue ID, a Message-ID
 * or an e-mail address, and every queue ID linked to it (bounce and delay
 * notices, content-filter re-injections, forwards), plus the sessions
 * that submitted them and, for addresses, the rejected attempts.
 *
 * Selection works on events (trace_event: grows the set of queue IDs
 * through links) so it can run as a first pass over files; the chosen
 * sessions and messages are then copied out as rendered text/JSON when
 * the correlator closes them (trace_session / trace_message).
 */
#ifndef POSTSLEUTH_TRACE_H
#define POSTSLEUTH_TRACE_H

#include "../model/message.h"
#include "../parse/event.h"
#include "../util/buf.h"
#include "../util/strset.h"

enum trace_kind { TRACE_QID, TRACE_MSGID, TRACE_ADDRESS };

struct trace_item {
	struct stamp start;
	uint64_t order;
	char kind;               /* 's' session, 'm' message, 'r' reject */
	struct buf text, json;
};

/* how a kept object is rendered, as text and as JSON (report/trace_text.c
 * has the usual one: trace_render_default) */
struct trace_render {
	void (*session)(struct buf *text, struct buf *json, const struct session *s, bool color,
			bool show_secrets);
	void (*message)(struct buf *text, struct buf *json, const struct message *m, bool color);
	void (*reject)(struct buf *text, struct buf *json, const struct event *ev, bool color);
};

struct trace {
	const struct trace_render *render;
	enum trace_kind kind;
	char *query;             /* normalised: no <>; lower-cased for addresses */
	struct strset qids;
	bool grew;               /* the last pass added queue IDs */
	struct trace_item *items;
	size_t nitems, cap;
	uint64_t order;
	bool color;
	bool show_secrets;       /* sessions' dialogues with their SASL data */
};

void trace_init(struct trace *t, const char *query);
void trace_free(struct trace *t);
void trace_event(struct trace *t, const struct event *ev);
void trace_session(struct trace *t, const struct session *s);
void trace_message(struct trace *t, const struct message *m);
void trace_reject(struct trace *t, const struct event *ev);
void trace_sort(struct trace *t);
const char *trace_kind_name(enum trace_kind k);

#endif

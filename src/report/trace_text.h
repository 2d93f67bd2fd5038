/*
 * trace_text.h - readable text for one session, message or reject, as
 * "postsleuth trace" prints them.  Untrusted strings pass buf_term().
 */
#ifndef POSTSLEUTH_TRACE_TEXT_H
#define POSTSLEUTH_TRACE_TEXT_H

#include "../analyze/trace.h"
#include "../model/message.h"
#include "../parse/event.h"
#include "../util/buf.h"

void trace_text_session(struct buf *b, const struct session *s, bool color);
void trace_text_message(struct buf *b, const struct message *m, bool color);
void trace_text_reject(struct buf *b, const struct event *ev, bool color);
extern const struct trace_render trace_render_default;
void text_str(struct buf *b, const char *s);
void text_heading(struct buf *b, bool color, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif

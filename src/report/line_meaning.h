/*
 * line_meaning.h - one log line in plain words (line_meaning.c), for
 * explain_lines.c.
 */
#ifndef POSTSLEUTH_LINE_MEANING_H
#define POSTSLEUTH_LINE_MEANING_H

#include "../diagnose/own_backend.h"
#include "../parse/event.h"
#include "../util/buf.h"

/* is the smtp or lmtp client's line about this host's own backend */
enum own_kind line_own_kind(const struct logline *l, const struct event *ev);
/* what the program is for, in the reader's language, or NULL */
const char *line_role(const struct logline *l, enum own_kind own);
/* what the line says, in words */
void line_meaning(struct buf *b, const struct event *ev, enum own_kind own);

#endif

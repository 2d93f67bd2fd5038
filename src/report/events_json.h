/*
 * events_json.h - NDJSON writer for events (postsleuth events): one
 * object per line, schema in docs/events.md.  The SASL secrets of the
 * line (a mask from redact_msg, or NULL to print them) are replaced in
 * every field that holds them.
 */
#ifndef POSTSLEUTH_EVENTS_JSON_H
#define POSTSLEUTH_EVENTS_JSON_H

#include "../parse/event.h"
#include "../parse/redact.h"
#include "../util/buf.h"

void events_json_write(struct buf *b, const struct event *ev, const struct redact_mask *m);

#endif

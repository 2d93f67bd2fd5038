/*
 * events_json.h - NDJSON writer for events (postsleuth events): one
 * object per line, schema in docs/events.md.
 */
#ifndef POSTSLEUTH_EVENTS_JSON_H
#define POSTSLEUTH_EVENTS_JSON_H

#include "../parse/event.h"
#include "../util/buf.h"

void events_json_write(struct buf *b, const struct event *ev);

#endif

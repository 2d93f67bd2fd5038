/*
 * reread.h - the feed's side of reread.c: note each input as it is
 * opened, keep the lines of those that cannot be opened again.  Only
 * feed.c uses this; a second pass uses reread_input/reread_open (feed.h).
 */
#ifndef POSTSLEUTH_REREAD_H
#define POSTSLEUTH_REREAD_H

#include "feed.h"
#include "../input/lines.h"

struct feed_input *reread_note(struct feed *f, const char *path, const struct source *src);
void reread_line(struct feed *f, struct feed_input *in, struct span line, uint64_t *pending);
void reread_flush(struct feed *f, struct feed_input *in, uint64_t nlines);
void reread_mark(struct feed *f, struct feed_input *in, const struct lines *lr);
void reread_seen(struct feed_input *in, const struct source *src);

#endif

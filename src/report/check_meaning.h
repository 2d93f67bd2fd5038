/*
 * check_meaning.h - the lines of the checks run on an accepted message
 * (OpenDMARC, OpenDKIM, Amavis, SpamAssassin's spamd) in plain words
 * (check_meaning.c), for line_meaning.c.
 */
#ifndef POSTSLEUTH_CHECK_MEANING_H
#define POSTSLEUTH_CHECK_MEANING_H

#include "../parse/event.h"
#include "../util/buf.h"

/* the line's check and its result in words; false for any other line */
bool check_meaning(struct buf *b, const struct event *ev);

#endif

/*
 * explain_story.h - one session told step by step (explain_story.c):
 * the text "explain" keeps for each session it tells.
 */
#ifndef POSTSLEUTH_EXPLAIN_STORY_H
#define POSTSLEUTH_EXPLAIN_STORY_H

#include "../model/session.h"
#include "../util/buf.h"

#include <stdbool.h>

/* explain_story - session s in words, appended to b; SASL secrets
 * hidden unless show_secrets, the heading coloured if color */
void explain_story(struct buf *b, const struct session *s, bool show_secrets, bool color);

#endif

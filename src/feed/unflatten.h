/*
 * unflatten.h - several records that a copy site or a chat tool put on
 * one physical line (its line breaks turned into blanks), split again
 * (unflatten.c says where).
 */
#ifndef POSTSLEUTH_UNFLATTEN_H
#define POSTSLEUTH_UNFLATTEN_H

#include <stddef.h>
#include "../util/span.h"

struct syslog_state;

#define UNFLATTEN_MAX_PARTS 256 /* records taken from one line; the rest stays in the last */

size_t unflatten_split(struct syslog_state *scratch, struct span line, struct span *out, size_t max);

#endif

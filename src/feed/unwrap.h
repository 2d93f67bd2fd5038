/*
 * unwrap.h - a Postfix line that a paste tool, a mail client or a
 * terminal wrapped over several lines, joined again (unwrap.c says when).
 */
#ifndef POSTSLEUTH_UNWRAP_H
#define POSTSLEUTH_UNWRAP_H

#include <stdbool.h>
#include <stddef.h>
#include "../util/span.h"

struct syslog_state;
struct buf;

#define UNWRAP_MAX_PARTS 16   /* a line and at most this many after it */
#define UNWRAP_MAX_BYTES 8192 /* the joined line */

bool unwrap_continues(struct span prev, struct span line, bool width, size_t head_n, bool later,
		      bool cut);
size_t unwrap_join(struct syslog_state *scratch, struct span head, bool tagged, const struct span *after,
		   size_t n, struct buf *out);

#endif

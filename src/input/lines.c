/*
 * lines.c - newline splitting over a source with a fixed-size buffer.
 *
 * Memory: one buffer of BUF_CAP bytes per open reader, whatever the
 * line lengths are.  Bounds: a line is at most LINE_MAX_LEN bytes.
 */
#include "lines.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define BUF_CAP (1024 * 1024)

/* lines_init - start reading src */
void lines_init(struct lines *l, struct source *src)
{
	memset(l, 0, sizeof *l);
	l->src = src;
	l->cap = BUF_CAP;
	l->buf = xmalloc(l->cap);
}

/* refill - move the unread tail to the front and read more; false at end */
static bool refill(struct lines *l)
{
	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	if (l->end == l->cap)
		return true; /* full: caller handles the long line */
	ssize_t r = source_read(l->src, l->buf + l->end, l->cap - l->end);
	if (r <= 0)
		return false;
	l->end += (size_t)r;
	l->bytes += (uint64_t)r;
	return true;
}

/* emit - return buf[a..b) as a line, without a trailing CR */
static bool emit(struct lines *l, size_t a, size_t b, struct span *out)
{
	if (b > a && l->buf[b - 1] == '\r')
		b--;
	*out = span_make(l->buf + a, b - a);
	l->lineno++;
	return true;
}

/* lines_next - the next line, or false at the end of the source */
bool lines_next(struct lines *l, struct span *out)
{
	if (l->done)
		return false;
	for (;;) {
		size_t avail = l->end - l->start;
		char *nl = avail ? memchr(l->buf + l->start, '\n', avail) : NULL;
		if (nl) {
			size_t a = l->start, b = (size_t)(nl - l->buf);
			l->start = b + 1;
			if (l->skipping) {
				l->skipping = false;
				continue;
			}
			if (b - a > LINE_MAX_LEN) {
				l->truncated++;
				b = a + LINE_MAX_LEN;
			}
			return emit(l, a, b, out);
		}
		if (l->skipping) {
			l->start = l->end;
		} else if (avail > LINE_MAX_LEN) {
			/* a line with no newline in sight: cut it and skip the rest */
			size_t a = l->start;
			l->start += avail;
			l->skipping = true;
			l->truncated++;
			emit(l, a, a + LINE_MAX_LEN, out);
			/* keep the span valid: the bytes stay in place until refill */
			l->start = l->end;
			return true;
		}
		if (!refill(l)) {
			l->done = true;
			if (l->skipping || l->end == l->start)
				return false;
			size_t a = l->start;
			l->start = l->end;
			return emit(l, a, l->end, out);
		}
	}
}

/* lines_free - release the buffer (not the source) */
void lines_free(struct lines *l)
{
	free(l->buf);
	l->buf = NULL;
}

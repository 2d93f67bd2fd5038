/*
 * lines.h - split a byte source into lines.
 *
 * Lines are returned as spans into the reader's buffer, valid until the
 * next call.  The newline and a trailing CR are removed.  A line longer
 * than LINE_MAX_LEN is cut there (the rest up to the newline is skipped)
 * and counted in ->truncated.  NUL bytes and invalid UTF-8 pass through
 * untouched: the parsers are bounds-checked and the writers escape.
 */
#ifndef POSTSLEUTH_LINES_H
#define POSTSLEUTH_LINES_H

#include <stdint.h>
#include "source.h"
#include "../util/span.h"

#define LINE_MAX_LEN (64 * 1024)

struct lines {
	struct source *src;
	char *buf;
	size_t cap, start, end;
	bool skipping;          /* inside the tail of a truncated line */
	bool mapped;            /* buf is the whole file, mapped read-only */
	bool populate;          /* mapped: MADV_POPULATE_READ works here */
	size_t dropped;         /* mapped: bytes before this were given back */
	bool done;
	uint64_t lineno;        /* 1-based number of the last line returned */
	uint64_t bytes;         /* decompressed bytes consumed */
	uint64_t truncated;
};

void lines_init(struct lines *l, struct source *src);
bool lines_next(struct lines *l, struct span *out);
void lines_free(struct lines *l);

#endif

/*
 * lines.h - split a byte source into lines.
 *
 * Lines are returned as spans into the reader's buffer, valid until the
 * next call.  The newline and a trailing CR are removed.  A line longer
 * than LINE_MAX_LEN is cut there (the rest up to the newline is skipped)
 * and counted in ->truncated.  lines_seek starts again at a line that
 * begins at a known offset (jump.h), numbered as the caller says; with
 * ->marks set, lines_next notes where lines begin there.  NUL bytes and invalid UTF-8 pass through
 * untouched: the parsers are bounds-checked and the writers escape.
 */
#ifndef POSTSLEUTH_LINES_H
#define POSTSLEUTH_LINES_H

#include <stdint.h>
#include "source.h"
#include "../util/span.h"

struct jump_index;

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
	uint64_t off;           /* where it began in the decompressed stream */
	struct jump_index *marks; /* where lines begin is noted here, or NULL */
	uint64_t bytes;         /* decompressed bytes consumed */
	uint64_t truncated;
};

void lines_init(struct lines *l, struct source *src);
bool lines_next(struct lines *l, struct span *out);
bool lines_seek(struct lines *l, uint64_t off, uint64_t lineno, const struct jump_index *ix);
void lines_free(struct lines *l);

#endif

/*
 * jump.h - where to start reading again in the middle of an input,
 * noted during the first read so that a second pass (report's evidence
 * lines) reads only the stretches it needs instead of the whole input.
 *
 * Two kinds of marks, each kept in a bounded list:
 *  - line marks: line number N starts at byte offset OFF of the
 *    decompressed stream (or of the pipe's spool);
 *  - gzip resume points: at a deflate block boundary, the offset in the
 *    compressed file, the bits of the byte before it still unread, the
 *    decompressed offset and the 32 KiB window before it (zlib's
 *    inflatePrime + inflateSetDictionary start inflating there).
 *
 * Marks are taken every `step` bytes; when a list is full every other
 * mark goes and the step doubles, so an input has at most JUMP_LINES
 * line marks and JUMP_GZ resume points whatever its size, and a jump
 * costs at most about 2 * size / max bytes read (or decompressed) to the
 * line wanted.  The resume points of all inputs share one budget
 * (JUMP_GZ_TOTAL windows): memory never grows with the log.
 */
#ifndef POSTSLEUTH_JUMP_H
#define POSTSLEUTH_JUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JUMP_LINES 1024
#define JUMP_LINE_STEP (64 * 1024)
#define JUMP_GZ 64
#define JUMP_GZ_TOTAL 256
#define JUMP_GZ_STEP (1024 * 1024)
#define JUMP_WINDOW (32 * 1024)

struct jump_line {
	uint64_t lineno, off;   /* line lineno begins at decompressed offset off */
};

struct jump_gz {
	uint64_t out;           /* decompressed offset */
	uint64_t in;            /* compressed offset of the first byte not wholly read */
	unsigned bits;          /* 0-7 bits of the byte at in-1 still to be read */
	unsigned wlen;          /* bytes of window */
	unsigned char *window;  /* the decompressed bytes before out, up to 32 KiB */
};

struct jump_index {
	struct jump_line *line;
	size_t nline, capline;
	uint64_t line_step, line_next;
	struct jump_gz *gz;
	size_t ngz;
	uint64_t gz_step, gz_next;
	size_t *gz_total;       /* resume points of every input (the shared budget) */
};

void jump_init(struct jump_index *ix, size_t *gz_total);
void jump_free(struct jump_index *ix);

/* jump_line_due - is a line starting at off to be marked (inline: it is
 * asked of every line of the first pass) */
static inline bool jump_line_due(const struct jump_index *ix, uint64_t off)
{
	return off >= ix->line_next;
}
void jump_mark_line(struct jump_index *ix, uint64_t lineno, uint64_t off);
bool jump_find_line(const struct jump_index *ix, uint64_t lineno, struct jump_line *out);

bool jump_gz_due(const struct jump_index *ix, uint64_t out);
void jump_mark_gz(struct jump_index *ix, uint64_t out, uint64_t in, unsigned bits,
		  const unsigned char *window, unsigned wlen);
const struct jump_gz *jump_find_gz(const struct jump_index *ix, uint64_t out);

#endif

/*
 * follow.h - follow one growing log file across its rotations (the
 * front of "postsleuth watch"), handing over whole lines with their
 * place in the stream.
 *
 * A place is (gen, off): gen counts the files followed since the state
 * began (1, 2, ...: it grows at every rotation or truncation), off is a
 * byte offset in that file; follow_pos() packs both into one number
 * that only grows, which the model keeps as its line numbers.
 *
 * Rotation cases, all found by stat(2) on the path after reading to
 * EOF, inotify (when available) only waking the loop early:
 *   - rename ("create" rotation, dateext): the path names another inode;
 *     the old file is read to its end through the open descriptor and
 *     left when the new file has data (the writer may log a few more
 *     lines into the old one before it reopens) or has gone;
 *   - delete and recreate: the same, the old file read until it ends;
 *   - copytruncate: the same inode, shorter than our offset, or the
 *     bytes before our offset are no longer those we read (it grew past
 *     it again before we looked): what we had not read yet is taken from
 *     the copy when it is beside the file (recognised by those bytes,
 *     compressed or not), then the file from 0 (a new gen, so places
 *     still grow).  Lines written between the copy and the cut are in
 *     neither: copytruncate's own loss;
 *   - compression of the old file afterwards (.1 -> .1.gz): never
 *     opened by name, so never read twice.
 * A line longer than LINE_MAX_LEN is cut there and the rest skipped; a
 * last line without its newline waits for it (or for the file to be
 * left, when it is handed over as it is).
 */
#ifndef POSTSLEUTH_FOLLOW_H
#define POSTSLEUTH_FOLLOW_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "../util/buf.h"
#include "../util/span.h"

#define FOLLOW_GEN_SHIFT 40     /* a file may hold up to 1 TiB */

#define FOLLOW_TAIL 32       /* bytes before a place kept to recognise the file */

/* where reading starts or stands; tail holds the ntail bytes before off,
 * so that a file truncated and grown past off again (copytruncate) is
 * told from the same file grown */
struct follow_at {
	uint64_t dev, ino;      /* the file (0: not known) */
	uint64_t gen, off;
	uint8_t ntail;
	unsigned char tail[FOLLOW_TAIL];
};

typedef void (*follow_line_fn)(void *ctx, struct span line, const struct follow_at *at,
			       uint64_t end);

struct follow {
	char *path;
	int fd;                 /* the file being read, or -1 (none yet) */
	struct follow_at cur;   /* its identity, gen and how far it is read */
	bool old;               /* the path names another file now: read this one out */
	struct buf part;        /* a line not yet ended, from part_off */
	uint64_t part_off;
	bool skipping;          /* past LINE_MAX_LEN: skip to the newline */
	int ifd, wd_dir, wd_file;   /* inotify, -1 when not */
	follow_line_fn fn;
	void *ctx;
	volatile sig_atomic_t *stop;    /* optional: set by a signal, reading stops */
	/* counters */
	uint64_t lines, truncated, rotations, truncations, lost_starts;
	char *note;             /* last thing worth saying (rotation, loss), or NULL */
};

static inline uint64_t follow_pos(uint64_t gen, uint64_t off)
{
	return gen << FOLLOW_GEN_SHIFT | off;
}

void follow_init(struct follow *f, const char *path, follow_line_fn fn, void *ctx);
bool follow_find(const char *path, uint64_t dev, uint64_t ino, char **found);
bool follow_locate(const char *path, const struct follow_at *end, char **found);
bool follow_replay(struct follow *f, const char *name, const struct follow_at *end, uint64_t from);
void follow_start(struct follow *f, const struct follow_at *at, const struct follow_at *verify,
		  bool at_end);
size_t follow_poll(struct follow *f);
void follow_wait(struct follow *f, int timeout_ms);
void follow_free(struct follow *f);

#endif

/*
 * follow_journal.h - follow the systemd journal (the local one, or one
 * journal file by name) for "postsleuth watch": every entry as it is
 * written, handed over as a line (syslog/journal.c makes it one) with its
 * realtime; the caller asks the reader for cursors and seeks.
 *
 * Rotation and vacuuming are libsystemd's business: a cursor stays good
 * while its entry exists, and new journal files are found by the reader.
 * Waiting polls the descriptor of sd_journal_get_fd: libsystemd's inotify
 * on the journal directories (for a journal file given by name, on its
 * directory, IN_MODIFY included, so an append wakes it too), with a
 * timeout in case a change is not seen.
 */
#ifndef POSTSLEUTH_FOLLOW_JOURNAL_H
#define POSTSLEUTH_FOLLOW_JOURNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include "../syslog/journal.h"

/* one entry: l is NULL when it has no time, identifier or message */
typedef void (*jfollow_fn)(void *ctx, const struct logline *l, bool truncated, uint64_t realtime_us);

struct jfollow {
	char *file;             /* a journal file, or NULL: the local journal */
	struct journal *j;
	int fd;                 /* journal_fd, or -1: wait by time only */
	jfollow_fn fn;
	void *ctx;
	volatile sig_atomic_t *stop;    /* optional: set by a signal, reading stops */
	uint64_t entries, truncated;
};

bool jfollow_open(struct jfollow *f, const char *file, jfollow_fn fn, void *ctx, char **err);
size_t jfollow_poll(struct jfollow *f);
void jfollow_wait(struct jfollow *f, int timeout_ms);
void jfollow_close(struct jfollow *f);

#endif

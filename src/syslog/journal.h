/*
 * journal.h - Postfix entries of the systemd journal as struct logline,
 * one at a time (journal.c); the feed (feed/feed_journal.c) drives it.
 */
#ifndef POSTSLEUTH_JOURNAL_H
#define POSTSLEUTH_JOURNAL_H

#include "prefix.h"

#include <stdbool.h>
#include <stdint.h>

struct journal;

/* what journal_next found */
enum journal_entry {
	JOURNAL_END,            /* no more entries */
	JOURNAL_LINE,           /* *out is a line (valid until the next call) */
	JOURNAL_NO_PREFIX,      /* an entry without time, identifier or message */
};

bool journal_available(void);
struct journal *journal_open(const char *const *files, int nfiles, int *err);
enum journal_entry journal_next(struct journal *j, struct logline *out, bool *truncated);
void journal_close(struct journal *j);
/* the reader's place, for watch (live/follow_journal.c) */
uint64_t journal_realtime(struct journal *j);
char *journal_cursor(struct journal *j);
bool journal_is(struct journal *j, const char *cursor);
bool journal_seek_cursor(struct journal *j, const char *cursor);
void journal_seek_realtime(struct journal *j, uint64_t us);
void journal_seek_end(struct journal *j);
int journal_fd(struct journal *j);
void journal_process(struct journal *j);

#endif

/*
 * journal.h - Postfix entries of the systemd journal as struct logline,
 * one at a time (journal.c); the feed (feed/feed_journal.c) drives it.
 */
#ifndef POSTSLEUTH_JOURNAL_H
#define POSTSLEUTH_JOURNAL_H

#include "prefix.h"

#include <stdbool.h>

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

#endif

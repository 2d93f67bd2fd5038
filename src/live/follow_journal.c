/*
 * follow_journal.c - the journal follower of "postsleuth watch": open,
 * read what is there, wait for more (see follow_journal.h).
 */
#include "follow_journal.h"
#include "../util/xalloc.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* jfollow_open - the local journal (file NULL) or one journal file, at
 * its first entry; false with *err (malloc'd) when it cannot be read */
bool jfollow_open(struct jfollow *f, const char *file, jfollow_fn fn, void *ctx, char **err)
{
	memset(f, 0, sizeof *f);
	f->fd = -1;
	f->fn = fn;
	f->ctx = ctx;
	int e = 0;
	const char *one[] = {file, NULL};
	f->j = journal_open(one, file ? 1 : 0, &e);
	if (!f->j) {
		char t[256];
		snprintf(t, sizeof t, "%s", e ? strerror(-e) : "this postsleuth was built without libsystemd");
		*err = xstrdup(t);
		return false;
	}
	f->file = file ? xstrdup(file) : NULL;
	/* asked for at once, so that no change after the open is missed */
	f->fd = journal_fd(f->j);
	if (f->fd < 0)
		f->fd = -1;
	return true;
}

/* jfollow_poll - every entry there is now, handed over in order; the
 * number read */
size_t jfollow_poll(struct jfollow *f)
{
	size_t n = 0;
	struct logline l;
	bool truncated;
	enum journal_entry e;
	while (!(f->stop && *f->stop) && (e = journal_next(f->j, &l, &truncated)) != JOURNAL_END) {
		f->entries++;
		f->truncated += truncated;
		n++;
		f->fn(f->ctx, e == JOURNAL_LINE ? &l : NULL, truncated, journal_realtime(f->j));
	}
	return n;
}

/* jfollow_wait - until the journal changes or timeout_ms pass */
void jfollow_wait(struct jfollow *f, int timeout_ms)
{
	if (f->fd < 0) {
		poll(NULL, 0, timeout_ms);
		return;
	}
	struct pollfd p = {f->fd, POLLIN, 0};
	if (poll(&p, 1, timeout_ms) > 0)
		journal_process(f->j);
}

/* jfollow_close - the reader */
void jfollow_close(struct jfollow *f)
{
	journal_close(f->j);
	f->j = NULL;
	free(f->file);
	f->file = NULL;
}

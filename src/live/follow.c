/*
 * follow.c - follow a log file by name across rename, delete+recreate
 * and copytruncate rotations, handing over whole lines with their place
 * (see follow.h for the cases and the rules).
 */
#include "follow.h"
#include "../input/lines.h"
#include "../input/source.h"
#include "../util/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#define CHUNK (64 * 1024)

/* set_note - remember what to say (the caller prints and clears it) */
static void set_note(struct follow *f, struct buf *b)
{
	buf_putc(b, 0);
	free(f->note);
	f->note = xstrdup(b->p);
	buf_free(b);
}

/* watch_file - (re)arm inotify on the file now followed */
static void watch_file(struct follow *f)
{
	if (f->ifd < 0)
		return;
	if (f->wd_file >= 0)
		inotify_rm_watch(f->ifd, f->wd_file);
	f->wd_file = inotify_add_watch(f->ifd, f->path,
				       IN_MODIFY | IN_MOVE_SELF | IN_DELETE_SELF | IN_ATTRIB);
}

/* follow_init - nothing opened yet; inotify on the file's directory when
 * the kernel gives it (else follow_wait sleeps and polls) */
void follow_init(struct follow *f, const char *path, follow_line_fn fn, void *ctx)
{
	memset(f, 0, sizeof *f);
	f->path = xstrdup(path);
	f->fd = -1;
	f->fn = fn;
	f->ctx = ctx;
	f->wd_dir = f->wd_file = -1;
	f->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (f->ifd >= 0) {
		char *d = xstrdup(path);
		f->wd_dir = inotify_add_watch(f->ifd, dirname(d),
					      IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE);
		free(d);
	}
}

/* follow_find - the file that is (dev, ino): the path itself or, after a
 * rotation, a sibling named after it (path.1, path-20261203, ...) that is
 * not compressed; *found is malloc'd */
bool follow_find(const char *path, uint64_t dev, uint64_t ino, char **found)
{
	struct stat st;
	*found = NULL;
	if (stat(path, &st) == 0 && (uint64_t)st.st_ino == ino && (uint64_t)st.st_dev == dev) {
		*found = xstrdup(path);
		return true;
	}
	char *d = xstrdup(path), *b = xstrdup(path);
	const char *dir = dirname(d), *base = basename(b);
	size_t bn = strlen(base);
	DIR *dp = opendir(dir);
	struct dirent *e;
	while (dp && (e = readdir(dp))) {
		if (strncmp(e->d_name, base, bn) != 0 || !e->d_name[bn])
			continue;
		if ((uint64_t)e->d_ino != ino)
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *p = xmalloc(n);
		snprintf(p, n, "%s/%s", dir, e->d_name);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_ino == ino &&
		    (uint64_t)st.st_dev == dev) {
			*found = p;
			break;
		}
		free(p);
	}
	if (dp)
		closedir(dp);
	free(d);
	free(b);
	return *found != NULL;
}

/* tail_add - n more bytes read: keep the last FOLLOW_TAIL */
static void tail_add(struct follow_at *at, const char *p, size_t n)
{
	if (n >= FOLLOW_TAIL) {
		memcpy(at->tail, p + n - FOLLOW_TAIL, FOLLOW_TAIL);
		at->ntail = FOLLOW_TAIL;
		return;
	}
	size_t keep = at->ntail + n > FOLLOW_TAIL ? FOLLOW_TAIL - n : at->ntail;
	memmove(at->tail, at->tail + at->ntail - keep, keep);
	memcpy(at->tail + keep, p, n);
	at->ntail = (uint8_t)(keep + n);
}

/* tail_ok - does fd still hold at's tail just before at->off */
static bool tail_ok(int fd, const struct follow_at *at)
{
	if (!at->ntail)
		return true;
	if (at->off < at->ntail)
		return false;
	unsigned char b[FOLLOW_TAIL];
	return pread(fd, b, at->ntail, (off_t)(at->off - at->ntail)) == (ssize_t)at->ntail &&
	       !memcmp(b, at->tail, at->ntail);
}

/* open_at - follow the file at name from off (beyond its end: from 0 in
 * a new gen, it was truncated) */
static bool open_at(struct follow *f, const char *name, uint64_t gen, uint64_t off)
{
	int fd = open(name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	if (fd < 0)
		return false;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return false;
	}
	if ((uint64_t)st.st_size < off) {
		struct buf b = {0};
		buf_printf(&b, "%s is shorter (%llu bytes) than where we stood (%llu): truncated, read "
			       "from its start",
			   name, (unsigned long long)st.st_size, (unsigned long long)off);
		set_note(f, &b);
		f->truncations++;
		gen++;
		off = 0;
	}
	if (lseek(fd, (off_t)off, SEEK_SET) < 0) {
		close(fd);
		return false;
	}
	f->fd = fd;
	f->cur = (struct follow_at){(uint64_t)st.st_dev, (uint64_t)st.st_ino, gen, off, 0, {0}};
	f->part.n = 0;
	f->skipping = false;
	return true;
}

/* follow_start - begin where at says (NULL: at the path's start, or its
 * end with at_end; no inode: at the path's start in the gen after
 * at->gen); when that file is gone (rotated twice,
 * compressed, deleted while we were stopped), at the path's start in the
 * next gen, and the loss is noted */
void follow_start(struct follow *f, const struct follow_at *at, const struct follow_at *verify,
		  bool at_end)
{
	watch_file(f);
	if (at && !at->ino) {
		if (!open_at(f, f->path, at->gen + 1, 0))
			f->cur.gen = at->gen;   /* follow_poll opens gen + 1 when it appears */
		return;
	}
	if (!at) {
		if (open_at(f, f->path, 1, 0) && at_end) {
			off_t e = lseek(f->fd, 0, SEEK_END);
			f->cur.off = e > 0 ? (uint64_t)e : 0;
		}
		if (f->fd < 0)
			f->cur.gen = 0;     /* follow_poll opens gen 1 when it appears */
		return;
	}
	char *name;
	if (follow_find(f->path, at->dev, at->ino, &name)) {
		bool ok = open_at(f, name, at->gen, at->off);
		f->old = ok && strcmp(name, f->path) != 0;
		if (ok && at->off && at->ntail)
			memcpy(f->cur.tail, at->tail, sizeof at->tail), f->cur.ntail = at->ntail;
		if (ok && verify && verify->ino == f->cur.ino && verify->dev == f->cur.dev &&
		    !tail_ok(f->fd, verify)) {
			struct buf b = {0};
			buf_printf(&b, "%s changed below where we stood (truncated and written again, "
				       "copytruncate?): read from its start",
				   name);
			set_note(f, &b);
			f->truncations++;
			uint64_t gen = verify->gen + 1;
			close(f->fd);
			f->fd = -1;
			ok = open_at(f, name, gen, 0);
		}
		free(name);
		if (ok)
			return;
	}
	struct buf b = {0};
	buf_printf(&b, "the file we stood in (inode %llu, offset %llu) is no longer beside %s "
		       "uncompressed: its lines after that offset are not read",
		   (unsigned long long)at->ino, (unsigned long long)at->off, f->path);
	set_note(f, &b);
	f->lost_starts++;
	f->cur = (struct follow_at){0, 0, at->gen, 0, 0, {0}};
	open_at(f, f->path, at->gen + 1, 0);
}

/* emit - the line collected in ->part ends here */
static void emit(struct follow *f)
{
	struct follow_at at = f->cur;
	at.off = f->part_off;
	f->lines++;
	f->fn(f->ctx, span_make(f->part.p ? f->part.p : "", f->part.n), &at, f->cur.off);
	f->part.n = 0;
	f->skipping = false;
}

/* take - n bytes read at ->cur.off: split into lines; the tail follows
 * every byte, so the place handed over with a line recognises the file */
static void take(struct follow *f, const char *p, size_t n)
{
	while (n) {
		const char *q = memchr(p, '\n', n);
		size_t k = q ? (size_t)(q - p) : n;
		if (!f->part.n && !f->skipping)
			f->part_off = f->cur.off;
		if (!f->skipping) {
			size_t room = LINE_MAX_LEN - f->part.n, put = k < room ? k : room;
			buf_put(&f->part, p, put);
			if (k > room) {
				f->skipping = true;
				f->truncated++;
			}
		}
		size_t adv = k + (q != NULL);
		tail_add(&f->cur, p, adv);
		f->cur.off += adv;
		p += adv;
		n -= adv;
		if (q)
			emit(f);
	}
}

/* leave - the file is left: an unended last line goes as it is */
static void leave(struct follow *f)
{
	if (f->part.n || f->skipping)
		emit(f);
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	f->old = false;
}

/* drain - read the open file to its current end */
static void drain(struct follow *f)
{
	static char chunk[CHUNK];
	while (!(f->stop && *f->stop)) {
		ssize_t r = read(f->fd, chunk, sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return;
		take(f, chunk, (size_t)r);
	}
}

/* skip_to - read src up to byte off (it is at *at); false if it ends first */
static bool skip_to(struct source *src, uint64_t *at, uint64_t off, char *chunk)
{
	while (*at < off) {
		size_t want = off - *at < CHUNK ? (size_t)(off - *at) : CHUNK;
		ssize_t r = source_read(src, chunk, want);
		if (r <= 0)
			return false;
		*at += (uint64_t)r;
	}
	return true;
}

/* content_match - does the file at name, plain or compressed, hold
 * end's tail just before end->off */
static bool content_match(const char *name, const struct follow_at *end)
{
	static char chunk[CHUNK];
	if (!end->ntail || end->off < end->ntail)
		return false;
	struct source *src = source_open(name);
	uint64_t at = 0;
	unsigned char b[FOLLOW_TAIL];
	size_t got = 0;
	bool ok = !src->error && skip_to(src, &at, end->off - end->ntail, chunk);
	while (ok && got < end->ntail) {
		ssize_t r = source_read(src, b + got, end->ntail - got);
		if (r <= 0)
			ok = false;
		else
			got += (size_t)r;
	}
	ok = ok && !memcmp(b, end->tail, end->ntail);
	source_close(src);
	return ok;
}

/* follow_locate - the file that was gen end->gen, where we left it at
 * end: by inode when it still holds those bytes, else any sibling named
 * after the path, compressed or not, that holds them (copytruncate's
 * copy, a rotation compressed since); *found is malloc'd */
bool follow_locate(const char *path, const struct follow_at *end, char **found)
{
	if (follow_find(path, end->dev, end->ino, found)) {
		int fd = open(*found, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		bool ok = fd >= 0 && tail_ok(fd, end);
		if (fd >= 0)
			close(fd);
		if (ok)
			return true;
		free(*found);
		*found = NULL;
	}
	char *d = xstrdup(path), *b = xstrdup(path);
	const char *dir = dirname(d), *base = basename(b);
	size_t bn = strlen(base);
	DIR *dp = opendir(dir);
	struct dirent *e;
	while (dp && !*found && (e = readdir(dp))) {
		if (strncmp(e->d_name, base, bn) != 0)
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *p = xmalloc(n);
		snprintf(p, n, "%s/%s", dir, e->d_name);
		struct stat st;
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && content_match(p, end))
			*found = p;
		else
			free(p);
	}
	if (dp)
		closedir(dp);
	free(d);
	free(b);
	return *found != NULL;
}

/* follow_replay - hand over the lines of the file at name from byte from
 * up to end->off, as gen end->gen (a restart reading again what is
 * before where it stopped); false if the file ends first */
bool follow_replay(struct follow *f, const char *name, const struct follow_at *end, uint64_t from)
{
	static char chunk[CHUNK];
	struct source *src = source_open(name);
	struct follow_at keep = f->cur;
	f->cur = (struct follow_at){end->dev, end->ino, end->gen, 0, 0, {0}};
	f->part.n = 0;
	f->skipping = false;
	bool ok = !src->error && skip_to(src, &f->cur.off, from, chunk);
	while (ok && f->cur.off < end->off && !(f->stop && *f->stop)) {
		size_t want = end->off - f->cur.off < CHUNK ? (size_t)(end->off - f->cur.off) : CHUNK;
		ssize_t r = source_read(src, chunk, want);
		if (r <= 0)
			ok = false;
		else
			take(f, chunk, (size_t)r);
	}
	if (f->part.n || f->skipping)
		emit(f);
	source_close(src);
	f->cur = keep;
	return ok;
}

/* read_rest - the lines of the file at name from ->cur.off to its end,
 * in the current gen (copytruncate's copy: what was written before the
 * cut that we had not read yet) */
static void read_rest(struct follow *f, const char *name)
{
	static char chunk[CHUNK];
	struct source *src = source_open(name);
	uint64_t at = 0;
	if (!src->error && skip_to(src, &at, f->cur.off, chunk)) {
		ssize_t r;
		while (!(f->stop && *f->stop) && (r = source_read(src, chunk, CHUNK)) > 0)
			take(f, chunk, (size_t)r);
	}
	source_close(src);
}

/* truncated - the file was cut (copytruncate): what we had not read yet
 * is in the copy, if it is beside the file (found by the bytes before
 * where we stand); then the file from its start, in a new gen */
static void truncated(struct follow *f)
{
	char *copy = NULL;
	if (follow_locate(f->path, &f->cur, &copy) && strcmp(copy, f->path) != 0)
		read_rest(f, copy);
	free(copy);
	if (f->part.n || f->skipping)
		emit(f);
	f->truncations++;
	f->cur.gen++;
	f->cur.off = 0;
	f->cur.ntail = 0;
	if (lseek(f->fd, 0, SEEK_SET) < 0)
		leave(f);
}

/* follow_poll - read what was written since, following a rotation or a
 * truncation; returns the lines handed over */
size_t follow_poll(struct follow *f)
{
	uint64_t before = f->lines;
	for (int round = 0; round < 8 && !(f->stop && *f->stop); round++) {
		if (f->fd < 0) {
			if (!open_at(f, f->path, f->cur.gen + 1, 0))
				break;
			watch_file(f);
		}
		if (!tail_ok(f->fd, &f->cur)) {
			truncated(f);
			continue;
		}
		drain(f);
		struct stat st;
		if (stat(f->path, &st) != 0) {
			f->old = true;  /* moved or deleted, nothing new yet: the old one may still grow */
			break;
		}
		if ((uint64_t)st.st_ino != f->cur.ino || (uint64_t)st.st_dev != f->cur.dev) {
			f->old = true;
			if (st.st_size == 0)
				break;  /* the writer may not have reopened yet */
			drain(f);       /* what it wrote before it did */
			leave(f);
			f->rotations++;
			continue;
		}
		if ((uint64_t)st.st_size < f->cur.off || !tail_ok(f->fd, &f->cur)) {
			truncated(f);
			continue;
		}
		break;
	}
	return (size_t)(f->lines - before);
}

/* follow_wait - until inotify says something changed, a signal comes,
 * or timeout_ms pass */
void follow_wait(struct follow *f, int timeout_ms)
{
	if (f->ifd < 0) {
		poll(NULL, 0, timeout_ms);
		return;
	}
	struct pollfd p = {f->ifd, POLLIN, 0};
	if (poll(&p, 1, timeout_ms) > 0) {
		char ev[4096];
		while (read(f->ifd, ev, sizeof ev) > 0)
			;
	}
}

/* follow_free - close everything */
void follow_free(struct follow *f)
{
	if (f->fd >= 0)
		close(f->fd);
	if (f->ifd >= 0)
		close(f->ifd);
	buf_free(&f->part);
	free(f->path);
	free(f->note);
}

/*
 * reread.c - what a second pass over the inputs needs (report's evidence
 * lines, fail2ban's check with fail2ban-regex), noted by the feed as it
 * reads each input the first time.
 *
 * No input is opened a second time unless it is a regular file, named by
 * path, that is still the same file (device and inode).  A file on
 * standard input is read again through a descriptor of its own.  The
 * lines of anything else (a pipe, a FIFO, a process substitution) are
 * kept as they are read in a temporary file that never has a name
 * (O_TMPFILE in $TMPDIR, else a memfd), so that nothing is left behind
 * whatever ends the run; at most feed->spool_max bytes for all inputs,
 * past which the run says so and goes on without them.  A write error
 * is taken the same way.  The spool holds the lines as the reader split
 * them (cut at 64 KiB, CR removed), one per line, so that a second split
 * gives the same lines with the same numbers.
 *
 * A file or a spool gets a bounded list of line marks, a gzip file its
 * resume points too (input/jump.h), taken as the first pass reads: a
 * second pass jumps to the lines it needs.  A file whose size or time
 * changed after the first pass is not read again (the offsets would no
 * longer be those lines), unless it is plain text that only grew: a live
 * log appended to keeps its earlier lines where they were.
 */
#include "reread.h"
#include "../input/jump.h"
#include "../input/source.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define SPOOL_FLUSH (64 * 1024)
#define MIB (1024 * 1024)

/* spool_create - an unlinked temporary file: O_TMPFILE in $TMPDIR (on
 * disk, as a copy of a big input should be), else a memfd; -1 if neither */
static int spool_create(void)
{
	const char *dir = getenv("TMPDIR");
	int fd = open(dir && *dir ? dir : "/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0)
		fd = memfd_create("postsleuth-spool", MFD_CLOEXEC);
	return fd;
}

/* spool_stop - no more lines kept of this input: say so, once */
static void spool_stop(struct feed *f, struct feed_input *in, const char *why)
{
	in->cut = true;
	f->spool_buf->n = 0;
	if (why)
		warnx_("%s: cannot keep its lines for a second look (%s): no evidence lines after "
		       "line %llu", in->name, why, (unsigned long long)in->lines);
	else
		warnx_("%s: more than %llu %s of lines from pipes kept for a second look "
		       "(--spool-max): no evidence lines after line %llu", in->name,
		       (unsigned long long)(f->spool_max % MIB ? f->spool_max / 1024 : f->spool_max / MIB),
		       f->spool_max % MIB ? "KiB" : "MiB", (unsigned long long)in->lines);
}

/* reread_flush - write the buffered lines; on failure keep the whole
 * lines written before, and stop */
void reread_flush(struct feed *f, struct feed_input *in, uint64_t nlines)
{
	struct buf *b = f->spool_buf;
	size_t done = 0;
	while (done < b->n) {
		ssize_t w = write(in->fd, b->p + done, b->n - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = w < 0 ? errno : ENOSPC;
			if (ftruncate(in->fd, (off_t)in->size) != 0)
				in->lines = 0; /* cannot tell whole lines from the rest */
			spool_stop(f, in, strerror(e));
			return;
		}
		done += (size_t)w;
	}
	in->size += b->n;
	in->lines += nlines;
	b->n = 0;
}

/* reread_line - keep one line of a piped input, within the budget */
void reread_line(struct feed *f, struct feed_input *in, struct span line, uint64_t *pending)
{
	if (f->spooled + line.n + 1 > f->spool_max) {
		reread_flush(f, in, *pending);
		*pending = 0;
		if (!in->cut)
			spool_stop(f, in, NULL);
		return;
	}
	f->spooled += line.n + 1;
	buf_put(f->spool_buf, line.p, line.n);
	buf_putc(f->spool_buf, '\n');
	++*pending;
	if (f->spool_buf->n >= SPOOL_FLUSH) {
		reread_flush(f, in, *pending);
		*pending = 0;
	}
}

/* jump_new - the marks of an input a second pass can seek in: a plain
 * file, a gzip file (whose reading takes resume points), a spool (plain
 * text, whatever the pipe carried) */
static void jump_new(struct feed *f, struct feed_input *in, const struct source *src)
{
	if (!in->spool && src->kind != SRC_PLAIN && src->kind != SRC_GZIP)
		return;
	bool gz = !in->spool && src->kind == SRC_GZIP;
	if (gz && !f->jump_gz_total)
		f->jump_gz_total = xcalloc(1, sizeof *f->jump_gz_total);
	in->jump = xmalloc(sizeof *in->jump);
	jump_init(in->jump, gz ? f->jump_gz_total : NULL);
}

/* reread_mark - the line lr just read begins where a mark is due: note
 * it, at its offset in the spool for a piped input (called with every
 * line in the file's order) */
void reread_mark(struct feed *f, struct feed_input *in, const struct lines *lr)
{
	uint64_t at = lr->off;
	if (in->spool)
		at = in->size + f->spool_buf->n;
	if (jump_line_due(in->jump, at))
		jump_mark_line(in->jump, lr->lineno, at);
}

/* reread_seen - the first pass is over this input: its size and time,
 * which a second pass checks (a file written since has other lines at
 * the marks) */
void reread_seen(struct feed_input *in, const struct source *src)
{
	struct stat st;
	if ((in->regular || (!in->spool && in->fd >= 0)) && src->fd >= 0 && fstat(src->fd, &st) == 0) {
		in->file_size = st.st_size;
		in->file_mtime = st.st_mtim;
	}
}

/* same_file - still the size and time the first pass left; a plain
 * file that only grew (a live log, appended to while the first pass
 * read it) still holds the lines it had at the same places */
static bool same_file(const struct feed_input *in, const struct stat *st)
{
	if (in->appendable && st->st_size > in->file_size)
		return true;
	return st->st_size == in->file_size && st->st_mtim.tv_sec == in->file_mtime.tv_sec &&
	       st->st_mtim.tv_nsec == in->file_mtime.tv_nsec;
}

/* reread_note - what a second pass will need of this input */
struct feed_input *reread_note(struct feed *f, const char *path, const struct source *src)
{
	f->inputs = xrealloc(f->inputs, (f->ninputs + 1) * sizeof *f->inputs);
	struct feed_input *in = &f->inputs[f->ninputs++];
	memset(in, 0, sizeof *in);
	in->name = xstrdup(path);
	in->index = f->file_index;
	in->fd = -1;
	in->mtime = src->mtime;
	in->journal = src->kind == SRC_JOURNAL;
	in->appendable = src->kind == SRC_PLAIN;
	struct stat st;
	if (src->error || src->kind == SRC_JOURNAL || src->fd < 0 || fstat(src->fd, &st) != 0)
		return in;
	bool is_stdin = strcmp(path, "-") == 0;
	if (S_ISREG(st.st_mode) && !is_stdin) {
		in->regular = true;
		in->dev = st.st_dev;
		in->ino = st.st_ino;
		jump_new(f, in, src);
		return in;
	}
	if (S_ISREG(st.st_mode) && lseek(src->fd, 0, SEEK_CUR) == (off_t)src->peek_len) {
		in->fd = fcntl(src->fd, F_DUPFD_CLOEXEC, 1); /* a file on stdin, read from its start */
		jump_new(f, in, src);
		return in;
	}
	if (!f->spool_max)
		return in; /* --spool-max 0: nothing kept, as asked */
	in->spool = true;
	in->fd = spool_create();
	if (in->fd < 0)
		warnx_("%s: cannot keep its lines for a second look (%s): no evidence lines", path,
		       strerror(errno));
	else
		jump_new(f, in, src);
	if (!f->spool_buf)
		f->spool_buf = xcalloc(1, sizeof *f->spool_buf);
	return in;
}

/* reread_input - the input a first-pass file_index names, or NULL */
const struct feed_input *reread_input(const struct feed *f, uint64_t file_index)
{
	for (size_t i = 0; i < f->ninputs; i++)
		if (f->inputs[i].index == file_index)
			return &f->inputs[i];
	return NULL;
}

/* reread_open - an input read again, never a pipe or FIFO opened twice:
 * a regular file by name if it is still the same file, else what was
 * kept of it; NULL (said on stderr when it matters) if it cannot be.
 * A spool holds in->lines lines; stop there. */
struct source *reread_open(const struct feed_input *in)
{
	if (in->regular) {
		struct source *src = source_open(in->name);
		struct stat st;
		if (src->error || fstat(src->fd, &st) != 0 || st.st_dev != in->dev ||
		    st.st_ino != in->ino || !same_file(in, &st)) {
			warnx_("%s: no longer the file read first (rotated?): not read again", in->name);
			source_close(src);
			return NULL;
		}
		return src;
	}
	if (in->fd < 0)
		return NULL;
	struct stat st;
	if (!in->spool && (fstat(in->fd, &st) != 0 || !same_file(in, &st))) {
		warnx_("%s: no longer the file read first (rotated?): not read again", in->name);
		return NULL;
	}
	struct source *src = source_open_fd(in->name, in->fd, !in->spool);
	src->mtime = in->mtime;
	return src;
}

/* reread_free - the inputs' notes and spools */
void reread_free(struct feed *f)
{
	for (size_t i = 0; i < f->ninputs; i++) {
		free(f->inputs[i].name);
		if (f->inputs[i].fd >= 0)
			close(f->inputs[i].fd);
		if (f->inputs[i].jump) {
			jump_free(f->inputs[i].jump);
			free(f->inputs[i].jump);
		}
	}
	free(f->jump_gz_total);
	f->jump_gz_total = NULL;
	free(f->inputs);
	f->inputs = NULL;
	f->ninputs = 0;
	if (f->spool_buf) {
		buf_free(f->spool_buf);
		free(f->spool_buf);
		f->spool_buf = NULL;
	}
}

/*
 * feed.c - run the named inputs through lines -> prefix -> parse and
 * hand each event to the consumer; keep the counters, and what a second
 * pass needs to read the inputs again (see feed.h).
 */
#include "feed.h"
#include "lines.h"
#include "source.h"
#include "../util/buf.h"
#include "../util/timefmt.h"
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

/* feed_logline - parse an already split line and deliver its event */
void feed_logline(struct feed *f, const struct logline *l)
{
	if (!f->in_any)
		f->in_first = l->ts;
	f->in_any = true;
	f->in_last = l->ts;
	if (f->filter_time && (l->ts.us < f->since_us || l->ts.us >= f->until_us))
		return;
	struct event ev;
	parse_line(l, &ev);
	f->st.by_type[ev.type]++;
	if (ev.type == EV_OTHER) {
		f->st.other++;
	} else {
		f->st.postfix++;
		if (ev.type == EV_UNKNOWN)
			f->st.unknown++;
		else
			f->st.recognised++;
		if (ev.type == EV_NOISE)
			f->st.noise++;
	}
	f->fn(&ev, f->ctx);
}

/* deliver_transcript - hand a complete transcript over, then forget it */
static void deliver_transcript(struct feed *f)
{
	f->st.transcripts++;
	f->transcript_fn(f->tr, f->ctx);
	transcript_reset(f->tr);
}

/* feed_line - one raw line of text */
void feed_line(struct feed *f, struct syslog_state *st, struct span line)
{
	struct logline l;
	f->st.lines++;
	if (!syslog_parse(st, line, &l)) {
		f->st.no_prefix++;
		if (f->transcript_fn) {
			if (!f->tr)
				f->tr = xcalloc(1, sizeof *f->tr);
			if (transcript_feed(f->tr, line)) {
				deliver_transcript(f);
				transcript_feed(f->tr, line); /* it may start the next mail */
			}
		}
		return;
	}
	feed_logline(f, &l);
}

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

/* spool_flush - write the buffered lines; on failure keep the whole
 * lines written before, and stop */
static void spool_flush(struct feed *f, struct feed_input *in, uint64_t nlines)
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

/* spool_line - keep one line of a piped input, within the budget */
static void spool_line(struct feed *f, struct feed_input *in, struct span line, uint64_t *pending)
{
	if (f->spooled + line.n + 1 > f->spool_max) {
		spool_flush(f, in, *pending);
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
		spool_flush(f, in, *pending);
		*pending = 0;
	}
}

/* input_note - what a second pass will need of this input */
static struct feed_input *input_note(struct feed *f, const char *path, const struct source *src)
{
	f->inputs = xrealloc(f->inputs, (f->ninputs + 1) * sizeof *f->inputs);
	struct feed_input *in = &f->inputs[f->ninputs++];
	memset(in, 0, sizeof *in);
	in->name = xstrdup(path);
	in->index = f->file_index;
	in->fd = -1;
	in->mtime = src->mtime;
	in->journal = src->kind == SRC_JOURNAL;
	struct stat st;
	if (src->error || src->kind == SRC_JOURNAL || src->fd < 0 || fstat(src->fd, &st) != 0)
		return in;
	bool is_stdin = strcmp(path, "-") == 0;
	if (S_ISREG(st.st_mode) && !is_stdin) {
		in->regular = true;
		in->dev = st.st_dev;
		in->ino = st.st_ino;
		return in;
	}
	if (S_ISREG(st.st_mode) && lseek(src->fd, 0, SEEK_CUR) == (off_t)src->peek_len) {
		in->fd = fcntl(src->fd, F_DUPFD_CLOEXEC, 1); /* a file on stdin, read from its start */
		return in;
	}
	if (!f->spool_max)
		return in; /* --spool-max 0: nothing kept, as asked */
	in->spool = true;
	in->fd = spool_create();
	if (in->fd < 0)
		warnx_("%s: cannot keep its lines for a second look (%s): no evidence lines", path,
		       strerror(errno));
	if (!f->spool_buf)
		f->spool_buf = xcalloc(1, sizeof *f->spool_buf);
	return in;
}

/* feed_input_at - the input a first-pass file_index names, or NULL */
const struct feed_input *feed_input_at(const struct feed *f, uint64_t file_index)
{
	for (size_t i = 0; i < f->ninputs; i++)
		if (f->inputs[i].index == file_index)
			return &f->inputs[i];
	return NULL;
}

/* feed_reopen - an input read again, never a pipe or FIFO opened twice:
 * a regular file by name if it is still the same file, else what was
 * kept of it; NULL (said on stderr when it matters) if it cannot be.
 * A spool holds in->lines lines; stop there. */
struct source *feed_reopen(const struct feed_input *in)
{
	if (in->regular) {
		struct source *src = source_open(in->name);
		struct stat st;
		if (src->error || fstat(src->fd, &st) != 0 || st.st_dev != in->dev ||
		    st.st_ino != in->ino) {
			warnx_("%s: no longer the file read first (rotated?): not read again", in->name);
			source_close(src);
			return NULL;
		}
		return src;
	}
	if (in->fd < 0)
		return NULL;
	struct source *src = source_open_fd(in->name, in->fd, !in->spool);
	src->mtime = in->mtime;
	return src;
}

/* feed_inputs_free - the inputs' notes and spools */
void feed_inputs_free(struct feed *f)
{
	for (size_t i = 0; i < f->ninputs; i++) {
		free(f->inputs[i].name);
		if (f->inputs[i].fd >= 0)
			close(f->inputs[i].fd);
	}
	free(f->inputs);
	f->inputs = NULL;
	f->ninputs = 0;
	if (f->spool_buf) {
		buf_free(f->spool_buf);
		free(f->spool_buf);
		f->spool_buf = NULL;
	}
}

/* feed_file - one file or stdin */
static int feed_file(struct feed *f, const char *path)
{
	struct source *src = source_open(path);
	struct feed_input *in = f->keep ? input_note(f, path, src) : NULL;
	if (in && (!in->spool || in->fd < 0))
		in = NULL; /* nothing to keep while reading */
	uint64_t pending = 0;
	f->st.files++;
	f->file_name = path;
	if (src->kind == SRC_JOURNAL && !src->error) {
		source_close(src);
		const char *one[] = {path, NULL};
		return feed_journal(f, one, 1);
	}
	struct syslog_state st;
	syslog_state_init(&st, f->forced_year, src->mtime);
	struct lines lr;
	lines_init(&lr, src);
	struct span line;
	while (lines_next(&lr, &line)) {
		f->lineno = lr.lineno;
		if (in && !in->cut)
			spool_line(f, in, line, &pending);
		feed_line(f, &st, line);
	}
	if (in && !in->cut)
		spool_flush(f, in, pending);
	if (f->tr && transcript_end(f->tr))
		deliver_transcript(f);
	if (f->tr)
		transcript_reset(f->tr);
	f->st.truncated += lr.truncated;
	f->st.bytes += lr.bytes;
	int rc = 0;
	if (src->error) {
		warnx_("%s", src->error);
		f->st.file_errors++;
		rc = EXIT_INPUT;
	}
	lines_free(&lr);
	source_close(src);
	f->file_index++;
	return rc;
}

/* put_span_of_time - "2 d 03:04:05", "03:04:05" */
static void put_span_of_time(struct buf *b, int64_t us)
{
	int64_t s = us / 1000000;
	if (s >= 86400)
		buf_printf(b, "%lld d ", (long long)(s / 86400));
	buf_printf(b, "%02lld:%02lld:%02lld", (long long)(s / 3600 % 24), (long long)(s / 60 % 60),
		   (long long)(s % 60));
}

/* time_step - an input is done: does time go back from the one before */
static void time_step(struct feed *f, const char *name)
{
	if (!f->in_any)
		return;
	if (f->prev_any && f->prev_last.us > f->in_first.us &&
	    (uint64_t)f->prev_last.us - (uint64_t)f->in_first.us > (uint64_t)FEED_TIME_BACK_US) {
		struct buf b = {0};
		buf_puts(&b, "time goes back ");
		put_span_of_time(&b, (int64_t)((uint64_t)f->prev_last.us - (uint64_t)f->in_first.us));
		buf_printf(&b, " from the end of %s (", f->prev_name);
		buf_stamp_short(&b, f->prev_last);
		buf_printf(&b, ") to the start of %s (", name);
		buf_stamp_short(&b, f->in_first);
		buf_puts(&b, "): inputs out of order? Sessions and messages across them are cut, "
			     "and counts may be wrong");
		warnx_("%.*s", (int)b.n, b.p);
		buf_free(&b);
	}
	f->prev_any = true;
	f->prev_last = f->in_last;
	free(f->prev_name);
	f->prev_name = xstrdup(name);
	f->in_any = false;
}

/* feed_run - every path in order; returns 0 or EXIT_INPUT if any failed */
int feed_run(struct feed *f, char **paths, int npaths)
{
	int rc = 0;
	f->file_index = 0;
	if (f->want_journal) {
		int r = feed_journal(f, NULL, 0);
		if (r)
			rc = r;
		time_step(f, "the journal");
	}
	for (int i = 0; i < npaths; i++) {
		int r = feed_file(f, paths[i]);
		if (r)
			rc = r;
		time_step(f, paths[i]);
	}
	free(f->tr);
	f->tr = NULL;
	free(f->prev_name);
	f->prev_name = NULL;
	f->prev_any = false;
	return rc;
}

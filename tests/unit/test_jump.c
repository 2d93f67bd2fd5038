/*
 * test_jump.c - the second pass's jumps (input/jump.h): a gzip file of
 * several members made by gzip(1) from a real test log, read once with
 * resume points and line marks taken close together (so that the lists
 * fill and are thinned), then read again from the mark before each of
 * many lines: every line comes back with its number and its text as the
 * reading in order gave them, inflating from a resume point and not from
 * the start.  The same for the plain file.  The feed takes the marks,
 * and a file changed since will not be read again.
 */
#include "tap.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include "feed/feed.h"
#include "input/jump.h"
#include "input/lines.h"
#include "input/source.h"

#define LOG "../shared/corpus/mail.log"

/* a log read in order: each line's text */
struct seen {
	char **line;
	size_t n;
};

/* gzip_members - path: LOG cut in three, each part gzipped by gzip(1)
 * at another level, the members one after the other; false if it failed */
static bool gzip_members(char *path)
{
	strcpy(path, "/tmp/postsleuth-jump.XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return false;
	close(fd);
	char cmd[512];
	snprintf(cmd, sizeof cmd,
		 "n=$(wc -l <%s); a=$((n / 3)); b=$((n / 3 * 2));"
		 "{ head -n $a %s | gzip -c -6; sed -n \"$((a + 1)),${b}p\" %s | gzip -c -1;"
		 " tail -n +$((b + 1)) %s | gzip -c -9; } >%s",
		 LOG, LOG, LOG, LOG, path);
	return system(cmd) == 0;
}

/* read_all - every line of path, taking resume points (gzip) and line
 * marks every step bytes into ix */
static void read_all(const char *path, struct jump_index *ix, uint64_t step, struct seen *s)
{
	struct source *src = source_open(path);
	ix->gz_step = ix->gz_next = step;
	ix->line_step = step / 4;
	src->jump = src->kind == SRC_GZIP ? ix : NULL;
	struct lines lr;
	lines_init(&lr, src);
	struct span line;
	size_t cap = 0;
	memset(s, 0, sizeof *s);
	while (lines_next(&lr, &line)) {
		if (jump_line_due(ix, lr.off))
			jump_mark_line(ix, lr.lineno, lr.off);
		if (s->n == cap) {
			cap = cap ? cap * 2 : 1024;
			s->line = realloc(s->line, cap * sizeof *s->line);
		}
		s->line[s->n++] = strndup(line.p, line.n);
		CHECK_INT(lr.lineno, s->n);
	}
	CHECK(!src->error);
	lines_free(&lr);
	source_close(src);
}

/* fetch_each - line k read again after a jump to the mark before it,
 * for many k: its number and text as read in order; *resumed counts
 * the gzip fetches that inflated from a resume point past the start */
static void fetch_each(const char *path, const struct jump_index *ix, const struct seen *s,
		       size_t *resumed)
{
	*resumed = 0;
	for (size_t k = 1; k <= s->n; k += k < 20 ? 1 : 13) {
		struct source *src = source_open(path);
		struct lines lr;
		lines_init(&lr, src);
		struct jump_line m;
		if (jump_find_line(ix, k, &m)) {
			CHECK(m.lineno <= k);
			CHECK(lines_seek(&lr, m.off, m.lineno - 1, ix));
			const struct jump_gz *g = src->kind == SRC_GZIP ? jump_find_gz(ix, m.off) : NULL;
			if (g && g->out > 0) {
				/* inflated from g, not from the start of the file */
				CHECK(((z_stream *)src->codec)->total_out <= m.off - g->out);
				++*resumed;
			}
		}
		struct span line;
		bool got = false;
		while (lines_next(&lr, &line)) {
			if (lr.lineno == k) {
				got = true;
				if (!span_eqs(line, s->line[k - 1]))
					test_fail(__FILE__, __LINE__, "line %zu: got \"%.*s\", want \"%s\"", k,
						  (int)line.n, line.p, s->line[k - 1]);
				break;
			}
		}
		CHECK(got);
		lines_free(&lr);
		source_close(src);
	}
}

static void seen_free(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->line[i]);
	free(s->line);
}

/* three gzip members, resume points every 4 KiB: every line fetched is
 * the line read in order */
TEST(jump_gzip_members_same_lines)
{
	char path[64];
	if (!gzip_members(path)) {
		CHECK(!"gzip(1) of the test log failed");
		return;
	}
	size_t total = 0;
	struct jump_index ix;
	jump_init(&ix, &total);
	struct seen s;
	read_all(path, &ix, 4096, &s);
	CHECK(s.n > 1000);
	/* at block boundaries (gzip makes blocks of tens to hundreds of
	 * KiB of this log) and at the second and third members' starts */
	CHECK(ix.ngz >= 5);
	CHECK_INT(total, ix.ngz);
	size_t starts = 0;
	for (size_t i = 0; i < ix.ngz; i++)
		starts += ix.gz[i].wlen == 0;
	CHECK_INT(starts, 2);
	CHECK(ix.nline > 0 && ix.nline <= JUMP_LINES);
	for (size_t i = 1; i < ix.ngz; i++)
		CHECK(ix.gz[i].out > ix.gz[i - 1].out && ix.gz[i].in > ix.gz[i - 1].in);
	size_t resumed;
	fetch_each(path, &ix, &s, &resumed);
	CHECK(resumed > 150);
	jump_free(&ix);
	CHECK_INT(total, 0);
	seen_free(&s);
	unlink(path);
}

/* plain_same_lines - lines fetched after a jump are the lines read in order */
static void plain_same_lines(const char *path, bool mapped)
{
	struct source *src = source_open(path);
	struct lines lr;
	lines_init(&lr, src);
	CHECK(lr.mapped == mapped);
	lines_free(&lr);
	source_close(src);
	struct jump_index ix;
	jump_init(&ix, NULL);
	struct seen s;
	read_all(path, &ix, 4096, &s);
	CHECK(s.n > 1000);
	CHECK_INT(ix.ngz, 0);
	CHECK(ix.nline > 100);
	size_t resumed;
	fetch_each(path, &ix, &s, &resumed);
	jump_free(&ix);
	seen_free(&s);
}

/* the plain log, read through the buffer */
TEST(jump_plain_same_lines)
{
	plain_same_lines(LOG, false);
}

/* three copies of it, over 1 MiB: mapped */
TEST(jump_mapped_same_lines)
{
	char path[64], cmd[256];
	strcpy(path, "/tmp/postsleuth-jump.XXXXXX");
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	snprintf(cmd, sizeof cmd, "cat %s %s %s >%s", LOG, LOG, LOG, path);
	CHECK(system(cmd) == 0);
	plain_same_lines(path, true);
	unlink(path);
}

/* the budget shared by all inputs: a second input finds it full and
 * thins its own list, never taking more than JUMP_GZ_TOTAL in all */
TEST(jump_gzip_shared_budget)
{
	size_t total = JUMP_GZ_TOTAL - 3; /* the other inputs' points */
	struct jump_index ix;
	jump_init(&ix, &total);
	ix.gz_step = ix.gz_next = 4096;
	static const unsigned char w[16];
	for (uint64_t out = 0; out < 100 * 4096; out += 4096)
		if (jump_gz_due(&ix, out))
			jump_mark_gz(&ix, out, out / 4, 0, w, sizeof w);
	CHECK(total <= JUMP_GZ_TOTAL);
	CHECK(ix.ngz >= 1 && ix.ngz <= 3);
	jump_free(&ix);
	CHECK_INT(total, JUMP_GZ_TOTAL - 3);
}

/* a full list keeps every other point, twice as far apart: at most
 * JUMP_GZ, evenly spread over all that was read */
TEST(jump_gzip_thinned)
{
	size_t total = 0;
	struct jump_index ix;
	jump_init(&ix, &total);
	ix.gz_step = ix.gz_next = 4096;
	static const unsigned char w[16];
	uint64_t end = 1000 * 4096;
	for (uint64_t out = 0; out < end; out += 4096)
		if (jump_gz_due(&ix, out))
			jump_mark_gz(&ix, out, out / 4, 0, w, sizeof w);
	CHECK(ix.ngz > JUMP_GZ / 2 && ix.ngz <= JUMP_GZ);
	CHECK_INT(total, ix.ngz);
	CHECK_INT(ix.gz_step, 4096 * 16);
	for (size_t i = 1; i < ix.ngz; i++)
		CHECK_INT(ix.gz[i].out - ix.gz[i - 1].out, ix.gz_step);
	CHECK(end - ix.gz[ix.ngz - 1].out <= ix.gz_step);
	const struct jump_gz *g = jump_find_gz(&ix, 500 * 4096 + 7);
	CHECK(g && g->out <= 500 * 4096 + 7 && 500 * 4096 + 7 - g->out < ix.gz_step);
	jump_free(&ix);
	CHECK_INT(total, 0);
}

/* line marks the same way: at most JUMP_LINES, the last mark before a
 * line found */
TEST(jump_lines_thinned)
{
	struct jump_index ix;
	jump_init(&ix, NULL);
	for (uint64_t no = 1; no <= 100000; no++) {
		uint64_t off = (no - 1) * 1000;
		if (jump_line_due(&ix, off))
			jump_mark_line(&ix, no, off);
	}
	CHECK(ix.nline > JUMP_LINES / 2 && ix.nline <= JUMP_LINES);
	CHECK(ix.line_step > JUMP_LINE_STEP);
	struct jump_line m = {0}; /* gcc -O3 with LTO cannot tell jump_find_line sets it */
	CHECK(jump_find_line(&ix, 77777, &m));
	CHECK(m.lineno <= 77777 && (77777 - m.lineno) * 1000 < ix.line_step);
	CHECK_INT(m.off, (m.lineno - 1) * 1000);
	CHECK(jump_find_line(&ix, 1, &m) && m.lineno == 1);
	jump_free(&ix);
}

static void no_event(const struct event *ev, void *ctx)
{
	(void)ev;
	(void)ctx;
}

/* feed_copy - a copy of the test log in path, read by f's first pass
 * with its inputs kept for a second */
static void feed_copy(char path[static 64], struct feed *f)
{
	char cmd[256];
	strcpy(path, "/tmp/postsleuth-jump.XXXXXX");
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	close(fd);
	snprintf(cmd, sizeof cmd, "cp %s %s", LOG, path);
	CHECK(system(cmd) == 0);
	memset(f, 0, sizeof *f);
	f->fn = no_event;
	f->keep = true;
	f->spool_max = FEED_SPOOL_DEFAULT;
	f->threads = 1;
	char *paths[] = {path};
	CHECK_INT(feed_run(f, paths, 1), 0);
}

/* the feed takes line marks as it reads a file kept for a second pass;
 * once the file's time (or size) is not what the first pass left, it is
 * not read again: its marks would point into other lines */
TEST(jump_feed_marks_and_changed_file)
{
	char path[64];
	struct feed f;
	feed_copy(path, &f);
	CHECK_INT(f.ninputs, 1);
	const struct feed_input *in = reread_input(&f, 0);
	CHECK(in && in->regular && in->jump);
	CHECK(in && in->jump && in->jump->nline > 4); /* every 64 KiB of 470 KiB */
	struct source *src = in ? reread_open(in) : NULL;
	CHECK(src != NULL);
	source_close(src);
	struct timespec ts[2] = {{0, UTIME_OMIT}, {1000000000, 0}};
	CHECK(utimensat(AT_FDCWD, path, ts, 0) == 0);
	CHECK(in && reread_open(in) == NULL);
	reread_free(&f);
	unlink(path);
}

/* a live log appended to after the first pass is still read again (its
 * earlier lines are where the marks say); one cut shorter is not */
TEST(jump_feed_appended_file)
{
	char path[64];
	struct feed f;
	feed_copy(path, &f);
	const struct feed_input *in = reread_input(&f, 0);
	CHECK(in && in->regular && in->appendable);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "echo 'Dec  3 12:00:00 mx postfix/smtpd[1]: connect from a[192.0.2.1]' >> %s", path);
	CHECK(system(cmd) == 0);
	struct source *src = in ? reread_open(in) : NULL;
	CHECK(src != NULL);
	if (src)
		source_close(src);
	CHECK(truncate(path, 1000) == 0);
	CHECK(in && reread_open(in) == NULL);
	reread_free(&f);
	unlink(path);
}

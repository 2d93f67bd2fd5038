/*
 * lines.c - newline splitting over a source with a fixed-size buffer.
 *
 * Memory: one buffer of BUF_CAP bytes per open reader, whatever the
 * line lengths are.  Bounds: a line is at most LINE_MAX_LEN bytes.
 */
#include "lines.h"
#include "jump.h"
#include "../util/xalloc.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUF_CAP (1024 * 1024)
#define MAP_MIN (1024 * 1024)        /* smaller files are read */
#define MAP_GIVE_BACK (2 * 1024 * 1024) /* unmap what was read, by this much */

/*
 * A file that shrinks while it is mapped (logrotate's copytruncate) makes
 * the pages past its new end raise SIGBUS.  The handler maps a page of
 * zeros over the faulting one and raises a flag; lines_next then stops at
 * the file's new end, as a read() would have.  One mapping at a time.
 */
static char *volatile map_lo, *volatile map_hi;
static volatile sig_atomic_t map_shrank;
static uintptr_t map_page;             /* the page size, for the handler */
static struct sigaction old_sigbus;    /* put back when the mapping goes */

/* on_sigbus - zeros over a vanished page of the mapping, else the default */
static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	char *a = si->si_addr;
	if (map_lo && a >= map_lo && a < map_hi) {
		void *base = (void *)((uintptr_t)a / map_page * map_page);
		if (mmap(base, map_page, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0) !=
		    MAP_FAILED) {
			map_shrank = 1;
			return;
		}
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* try_map - a plain regular file is mapped instead of read: no copy from
 * the page cache, which was a tenth of the time of parse + correlate */
static bool try_map(struct lines *l, struct source *src)
{
	struct stat st;
	if (src->kind != SRC_PLAIN || src->eof || src->fd <= 0 || map_lo ||
	    fstat(src->fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < MAP_MIN ||
	    (uint64_t)st.st_size > SIZE_MAX / 2)
		return false;
	long pg = sysconf(_SC_PAGESIZE);
	if (pg <= 0)
		return false;
	void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, src->fd, 0);
	if (p == MAP_FAILED)
		return false;
	map_page = (uintptr_t)pg;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_sigbus;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &old_sigbus);
	madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
	l->buf = p;
	l->cap = l->end = (size_t)st.st_size;
	l->bytes = (uint64_t)st.st_size;
	l->mapped = true;
	l->populate = true;
	map_shrank = 0;
	map_lo = p;
	map_hi = (char *)p + st.st_size;
	src->eof = true;
	return true;
}

/* shrunk - mapped: the file lost its tail under us; cut the buffer at the
 * new end (the lines already returned were read before the cut) */
static void shrunk(struct lines *l)
{
	struct stat st;
	size_t end = l->start;
	if (fstat(l->src->fd, &st) == 0 && st.st_size >= 0 && (uint64_t)st.st_size < l->end)
		end = (size_t)st.st_size > l->start ? (size_t)st.st_size : l->start;
	l->bytes -= l->end - end;
	l->end = end;
	map_shrank = 0;
}

/* lines_init - start reading src */
void lines_init(struct lines *l, struct source *src)
{
	memset(l, 0, sizeof *l);
	l->src = src;
	if (try_map(l, src))
		return;
	l->cap = BUF_CAP;
	l->buf = xmalloc(l->cap);
}

#ifndef MADV_POPULATE_READ
#define MADV_POPULATE_READ 22 /* Linux 5.14 */
#endif

/* give_back_now - mapped: drop the pages already read from the resident set
 * (the page cache keeps them), so that memory stays flat, and map the
 * next stretch in one call instead of a page fault every 64 KiB */
static __attribute__((noinline)) void give_back_now(struct lines *l)
{
	size_t to = l->start / map_page * map_page;
	if (to > l->dropped) {
		madvise(l->buf + l->dropped, to - l->dropped, MADV_DONTNEED);
		l->dropped = to;
	}
	size_t ahead = l->cap - to < MAP_GIVE_BACK ? l->cap - to : MAP_GIVE_BACK;
	if (l->populate && ahead && madvise(l->buf + to, ahead, MADV_POPULATE_READ) != 0)
		l->populate = false; /* an older kernel, or the file shrank: faults will do */
}

/* give_back - give_back_now once a stretch has been read: the test is
 * inline, the call made once in MAP_GIVE_BACK bytes, not on every line */
static inline void give_back(struct lines *l)
{
	if (l->start - l->dropped >= MAP_GIVE_BACK)
		give_back_now(l);
}

/* refill - move the unread tail to the front and read more; false at end */
static bool refill(struct lines *l)
{
	if (l->mapped)
		return false;
	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	if (l->end == l->cap)
		return true; /* full: caller handles the long line */
	ssize_t r = source_read(l->src, l->buf + l->end, l->cap - l->end);
	if (r <= 0)
		return false;
	l->end += (size_t)r;
	l->bytes += (uint64_t)r;
	return true;
}

/* emit - return buf[a..b) as a line, without a trailing CR (inline: once
 * a line) */
static inline __attribute__((always_inline)) bool emit(struct lines *l, size_t a, size_t b, struct span *out)
{
	if (b > a && l->buf[b - 1] == '\r')
		b--;
	*out = span_make(l->buf + a, b - a);
	l->off = l->bytes - (l->end - a);
	l->lineno++;
	if (l->marks && jump_line_due(l->marks, l->off))
		jump_mark_line(l->marks, l->lineno, l->off);
	return true;
}

/* lines_next - the next line, or false at the end of the source.  A
 * mapped file's usual line (no give-back due, not inside an overlong
 * line's tail, its newline within LINE_MAX_LEN + 1 bytes, the file not
 * shrunk) is taken first with only the tests it needs; every other case
 * goes the whole way, which finds that line again in the same bytes */
static __attribute__((noinline)) bool lines_next_slow(struct lines *l, struct span *out);

bool lines_next(struct lines *l, struct span *out)
{
	size_t at = l->start;
	if (l->mapped && !l->done && !l->skipping && at - l->dropped < MAP_GIVE_BACK) {
		size_t avail = l->end - at, look = avail < LINE_MAX_LEN + 1 ? avail : LINE_MAX_LEN + 1;
		char *nl = look ? memchr(l->buf + at, '\n', look) : NULL;
		atomic_signal_fence(memory_order_seq_cst); /* as below */
		if (nl && !map_shrank) {
			size_t b = (size_t)(nl - l->buf);
			l->start = b + 1;
			return emit(l, at, b, out); /* b - at <= LINE_MAX_LEN: no cut */
		}
	}
	return lines_next_slow(l, out);
}

/* lines_next_slow - lines_next's whole way, apart: the usual line's path
 * above then saves no register for it (speed26) */
static __attribute__((noinline)) bool lines_next_slow(struct lines *l, struct span *out)
{
	if (l->done)
		return false;
	if (l->mapped)
		give_back(l);
	for (;;) {
		/* mapped: look no further than a line may be long, or when
		 * skipping an overlong line's tail, than a stretch of it */
		size_t avail = l->end - l->start, look = avail;
		size_t stretch = l->skipping ? MAP_GIVE_BACK : LINE_MAX_LEN + 1;
		if (l->mapped && look > stretch)
			look = stretch;
		char *nl = look ? memchr(l->buf + l->start, '\n', look) : NULL;
		/* the scan, which may fault, before the flag the fault raises:
		 * memchr is pure to the compiler, which could move it past */
		atomic_signal_fence(memory_order_seq_cst);
		if (map_shrank && l->mapped) {
			shrunk(l);
			continue;
		}
		if (nl) {
			size_t a = l->start, b = (size_t)(nl - l->buf);
			l->start = b + 1;
			if (l->skipping) {
				l->skipping = false;
				continue;
			}
			if (b - a > LINE_MAX_LEN) {
				l->truncated++;
				b = a + utf8_cut(l->buf + a, b - a, LINE_MAX_LEN);
			}
			return emit(l, a, b, out);
		}
		if (l->skipping) {
			/* mapped: the tail of an overlong line is passed a stretch at
			 * a time and given back, not made resident all at once */
			l->start += look;
			if (l->mapped && l->start < l->end) {
				give_back(l);
				continue;
			}
		} else if (avail > LINE_MAX_LEN) {
			/* a line with no newline in sight: cut it and skip the rest */
			size_t a = l->start;
			l->skipping = true;
			l->truncated++;
			emit(l, a, a + utf8_cut(l->buf + a, avail, LINE_MAX_LEN), out);
			/* keep the span valid: the bytes stay in place until refill */
			l->start += look;
			return true;
		}
		if (!refill(l)) {
			l->done = true;
			if (l->skipping || l->end == l->start)
				return false;
			size_t a = l->start;
			l->start = l->end;
			return emit(l, a, l->end, out);
		}
	}
}

/* lines_seek - go on reading at the line that begins at decompressed
 * offset off, which is line lineno + 1; false (nothing changed) if the
 * source cannot jump there (source_seek) */
bool lines_seek(struct lines *l, uint64_t off, uint64_t lineno, const struct jump_index *ix)
{
	if (l->mapped) {
		if (off > l->end)
			return false;
		/* give back what was read (and read ahead) before the jump */
		size_t to = (size_t)off / map_page * map_page;
		if (to > l->dropped) {
			madvise(l->buf + l->dropped, to - l->dropped, MADV_DONTNEED);
			l->dropped = to;
		}
		l->start = (size_t)off;
	} else if (off >= l->bytes - l->end && off <= l->bytes) {
		l->start = (size_t)(off - (l->bytes - l->end)); /* already in the buffer */
	} else {
		if (!source_seek(l->src, off, ix))
			return false;
		l->start = l->end = 0;
		l->bytes = off;
	}
	l->skipping = false;
	l->done = false;
	l->lineno = lineno;
	return true;
}

/* lines_free - release the buffer (not the source) */
void lines_free(struct lines *l)
{
	if (l->mapped) {
		munmap(l->buf, l->cap);
		map_lo = map_hi = NULL;
		sigaction(SIGBUS, &old_sigbus, NULL);
	} else {
		free(l->buf);
	}
	l->buf = NULL;
}

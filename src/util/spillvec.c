/*
 * spillvec.c - records in the heap, then in an unlinked file mapped
 * shared once the budget is reached.  The file is sized with
 * posix_fallocate before it is mapped, so a full disk is an error at
 * growth time (said, then the records stay in memory), never a SIGBUS
 * when a page is written.
 */
#include "spillvec.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define FIRST_BYTES 65536
#define TRIM_PAGES 4096         /* pages of mapping we may hold between trims, at least */

/* spillvec_init - an empty vector of elem-byte records; budget may be NULL */
void spillvec_init(struct spillvec *v, size_t elem, struct membudget *budget)
{
	memset(v, 0, sizeof *v);
	v->elem = elem;
	v->budget = budget;
	v->fd = -1;
}

/* spill_open - an unlinked file in $TMPDIR or /tmp, or -1 with errno */
static int spill_open(void)
{
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	char path[4096];
	if (snprintf(path, sizeof path, "%s/postsleuth-spill-XXXXXX", dir) >= (int)sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkstemp(path);
	if (fd >= 0)
		unlink(path);
	return fd;
}

/* file_size - make the spill file hold bytes, reserving the blocks; errno on failure */
static bool file_size(int fd, size_t bytes)
{
	int e = posix_fallocate(fd, 0, (off_t)bytes);
	if (e) {
		errno = e;
		return false;
	}
	return true;
}

/* spill - move the records (cap grows to ncap) into a new file; false if none can be made */
static bool spill(struct spillvec *v, size_t ncap)
{
	size_t bytes = ncap * v->elem;
	int fd = spill_open();
	if (fd < 0 || !file_size(fd, bytes)) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		errno = e;
		return false;
	}
	void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		int e = errno;
		close(fd);
		errno = e;
		return false;
	}
	if (v->n)
		memcpy(p, v->p, v->n * v->elem);
	free(v->p);
	v->budget->held -= v->cap * v->elem;
	v->budget->spilled += bytes;
	v->p = p;
	v->cap = ncap;
	v->fd = fd;
	return true;
}

/* grow_file - a spilled vector doubles in its file */
static void grow_file(struct spillvec *v, size_t ncap)
{
	size_t old = v->cap * v->elem, bytes = ncap * v->elem;
	if (!file_size(v->fd, bytes))
		fatal(EXIT_ENV, "cannot grow the spill file in %s to %zu MiB: %s",
		      getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", bytes >> 20, strerror(errno));
	void *p = mremap(v->p, old, bytes, MREMAP_MAYMOVE);
	if (p == MAP_FAILED)
		fatal(EXIT_ENV, "cannot map the spill file (%zu MiB): %s", bytes >> 20, strerror(errno));
	v->budget->spilled += bytes - old;
	v->p = p;
	v->cap = ncap;
}

/* grow - room for at least one more record */
static void grow(struct spillvec *v)
{
	size_t ncap = v->cap ? v->cap * 2 : (FIRST_BYTES + v->elem - 1) / v->elem;
	if (ncap > SIZE_MAX / 2 / v->elem)
		fatal(EXIT_ENV, "out of memory (%zu records)", v->n);
	if (v->fd >= 0) {
		grow_file(v, ncap);
		return;
	}
	struct membudget *b = v->budget;
	size_t old = v->cap * v->elem, bytes = ncap * v->elem;
	if (b && b->held - old + bytes > b->limit && !b->failed) {
		if (spill(v, ncap))
			return;
		b->failed = true;
		fprintf(stderr, "%s: over the memory budget (%zu MiB), and no spill file can be made "
				"in %s (%s): going on in memory\n",
			progname, b->limit >> 20, getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
			strerror(errno));
	}
	v->p = xrealloc(v->p, bytes);
	v->cap = ncap;
	if (b)
		b->held += bytes - old;
}

/* spillvec_push - a new zeroed record at the end */
void *spillvec_push(struct spillvec *v)
{
	if (v->n == v->cap)
		grow(v);
	void *r = spillvec_at(v, v->n++);
	memset(r, 0, v->elem);
	return r;
}

/* spillvec_touch - count one access; a spilled vector hands its pages
 * back to the kernel (they stay in the file) every budget/4 pages or so */
void spillvec_touch(struct spillvec *v)
{
	if (v->fd < 0)
		return;
	size_t every = v->budget->limit / 4 / 4096;
	if (every < TRIM_PAGES)
		every = TRIM_PAGES;
	if (++v->touches < every)
		return;
	v->touches = 0;
	madvise(v->p, v->cap * v->elem, MADV_DONTNEED);
}

/* spillvec_free - the records, and the file */
void spillvec_free(struct spillvec *v)
{
	if (v->fd >= 0) {
		munmap(v->p, v->cap * v->elem);
		close(v->fd);
		v->budget->spilled -= v->cap * v->elem;
	} else {
		free(v->p);
		if (v->budget)
			v->budget->held -= v->cap * v->elem;
	}
	v->p = NULL;
	v->n = v->cap = 0;
	v->fd = -1;
}

/* membudget_parse - "512M", "4G", "1048576" (bytes; K, M, G, T are powers of 1024) */
bool membudget_parse(const char *s, size_t *bytes)
{
	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	char *end;
	unsigned long long n = strtoull(s, &end, 10);
	if (errno)
		return false;
	unsigned shift = 0;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	case 't': case 'T': shift = 40; end++; break;
	default: break;
	}
	if (*end == 'i' && shift)
		end++;
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end || n > (SIZE_MAX >> shift))
		return false;
	*bytes = (size_t)n << shift;
	return true;
}

/* membudget_default - half the machine's memory (1 GiB if unknown) */
size_t membudget_default(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
	if (pages <= 0 || size <= 0)
		return (size_t)1 << 30;
	return (size_t)pages / 2 * (size_t)size;
}

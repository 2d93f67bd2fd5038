/*
 * fuzz_source.c - libFuzzer target: the byte sources and the line
 * splitter on an arbitrary file (plain, or gzip/xz/zstd by magic, so
 * corrupt and truncated compressed data), read through a memfd.  The
 * error, if any, must name the file and a byte offset within it.  Then
 * the same lines through order.c (newest first read oldest first, a
 * wrapped line joined again, records flattened onto one line cut apart):
 * every line once, whatever their order (the records cut from one line
 * share its number), the same bytes unless pieces were joined or cut.
 */
#include "fuzz.h"
#include "input/lines.h"
#include "feed/order.h"

#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* LLVMFuzzerTestOneInput - write the input to a memfd, read it all */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", MFD_CLOEXEC);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	struct source *src = source_open(path);
	struct lines lr;
	lines_init(&lr, src);
	struct span line;
	uint64_t total = 0;
	while (lines_next(&lr, &line))
		for (size_t i = 0; i < line.n; i++)
			total += (unsigned char)line.p[i]; /* every byte read, for ASan */
	if (lr.truncated > lr.lineno || (src->error && !strstr(src->error, path)) ||
	    src->raw_off > size)
		abort();
	uint64_t n = lr.lineno;
	lines_free(&lr);
	source_close(src);
	src = source_open(path);
	lines_init(&lr, src);
	struct order o;
	order_init(&o, &lr, 0, 1795000000);
	uint64_t total2 = 0;
	size_t cuts = 0;
	/* each line number of the file handed over once; a number handed
	 * over again starts another record cut from that line (unflatten.c),
	 * wherever it comes: a newest-first paste is handed over block by
	 * block, so the lines without a prefix after a cut line's last record
	 * come between its records */
	unsigned char *seen = calloc(n + 1, 1);
	if (!seen)
		abort();
	while (order_next(&o, &line)) {
		for (size_t i = 0; i < line.n; i++)
			total2 += (unsigned char)line.p[i];
		/* a wrapped line joined again (unwrap.c) stands for its pieces */
		if (o.lineno < 1 || o.last_lineno < o.lineno || o.last_lineno > n)
			abort();
		uint64_t k = o.lineno;
		if (seen[k]) {
			cuts++;
			k++;
		}
		for (; k <= o.last_lineno; k++) {
			if (seen[k])
				abort(); /* one line in two records not cut from it */
			seen[k] = 1;
		}
	}
	for (uint64_t k = 1; k <= n; k++)
		if (!seen[k])
			abort(); /* a line lost */
	free(seen);
	/* the bytes are the same unless pieces were joined or cut (their
	 * blanks), or a remark was taken off a line (annotation.c) */
	if (cuts != o.cut || (!o.wraps && !o.cut && !o.annotated && total2 != total))
		abort();
	order_free(&o);
	lines_free(&lr);
	source_close(src);
	close(fd);
	return (int)(total & 0);
}

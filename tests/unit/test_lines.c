/*
 * test_lines.c - the line reader over a mapped file: the same lines as
 * the read path (CR LF, an over-long line, no final newline), memory
 * given back as it goes, and a file cut short under the reader.
 */
#include "tap.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "input/lines.h"
#include "input/source.h"

/* make_log - a file of n bytes: numbered lines, every 97th with CR LF,
 * one of 100 000 bytes, and a last line without a newline; its path */
static size_t make_log(char *path, size_t want)
{
	strcpy(path, "/tmp/postsleuth-lines.XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return 0;
	FILE *f = fdopen(fd, "w");
	size_t n = 0;
	for (unsigned i = 0; n < want; i++) {
		if (i == 1000) {
			for (int j = 0; j < 100000; j++)
				fputc('x', f);
			fputc('\n', f);
			n += 100001;
			continue;
		}
		n += (size_t)fprintf(f, "line %u of the test log%s\n", i, i % 97 == 0 ? "\r" : "");
	}
	n += (size_t)fprintf(f, "the last line");
	fclose(f);
	return n;
}

/* every line comes back, cut at LINE_MAX_LEN, CR removed */
TEST(lines_mapped_file_same_lines)
{
	char path[64];
	size_t size = make_log(path, 3 * 1024 * 1024);
	CHECK(size > 3 * 1024 * 1024);
	struct source *src = source_open(path);
	struct lines l;
	lines_init(&l, src);
	CHECK(l.mapped); /* a plain file over 1 MiB */
	struct span s;
	unsigned i = 0;
	bool ok = true;
	while (lines_next(&l, &s)) {
		char want[64];
		if (i == 1000) {
			ok &= s.n == LINE_MAX_LEN && s.p[0] == 'x' && s.p[s.n - 1] == 'x';
		} else if (s.n && s.p[0] == 't') {
			ok &= span_eq(s, SPAN_LIT("the last line"));
		} else {
			snprintf(want, sizeof want, "line %u of the test log", i);
			if (!span_eq(s, span_of(want))) {
				test_fail(__FILE__, __LINE__, "line %u: got %.*s", i, (int)s.n, s.p);
				ok = false;
				break;
			}
		}
		i++;
	}
	CHECK(ok);
	CHECK_INT(l.truncated, 1);
	CHECK(l.bytes == size);
	CHECK(l.lineno == i);
	/* what was read was given back as the reader went (give_back's test
	 * is inline, give_back_now called once a stretch: speed12) */
	CHECK(l.dropped >= 2 * 1024 * 1024); /* MAP_GIVE_BACK, lines.c */
	lines_free(&l);
	source_close(src);
	unlink(path);
}

/* the file loses its tail while mapped (copytruncate): no SIGBUS, the
 * reader ends where the file now ends */
TEST(lines_mapped_file_cut_short)
{
	char path[64];
	size_t size = make_log(path, 4 * 1024 * 1024);
	struct source *src = source_open(path);
	struct lines l;
	lines_init(&l, src);
	CHECK(l.mapped);
	struct span s;
	for (int i = 0; i < 10; i++)
		CHECK(lines_next(&l, &s));
	size_t cut = 2 * 1024 * 1024 + 123;
	CHECK(truncate(path, (off_t)cut) == 0);
	uint64_t n = 10;
	size_t last = 0;
	while (lines_next(&l, &s)) {
		n++;
		last = (size_t)(s.p - (const char *)l.buf) + s.n;
	}
	CHECK(n > 1000);
	CHECK(last <= cut);      /* nothing past the new end */
	CHECK(last + 100 > cut); /* and up to it */
	CHECK(l.bytes == cut);
	CHECK(size > cut);
	lines_free(&l);
	source_close(src);
	unlink(path);
}

/* overlong lines in a mapped file, one in the middle and one at the end
 * without a newline: each cut at LINE_MAX_LEN, the lines after the first
 * one intact, no read past the end (the tail is skipped a stretch at a
 * time, so the stretches must stop at the end of the file) */
TEST(lines_mapped_file_overlong_lines)
{
	char path[] = "/tmp/postsleuth-lines.XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	FILE *f = fdopen(fd, "w");
	size_t size = (size_t)fprintf(f, "first\n");
	for (int i = 0; i < 5 * 1024 * 1024 + 77; i++)
		fputc('y', f);
	size += 5 * 1024 * 1024 + 77;
	size += (size_t)fprintf(f, "\nafter\n");
	for (int i = 0; i < 3 * 1024 * 1024 + 5; i++)
		fputc('z', f);
	size += 3 * 1024 * 1024 + 5;
	fclose(f);
	struct source *src = source_open(path);
	struct lines l;
	lines_init(&l, src);
	CHECK(l.mapped);
	struct span s;
	CHECK(lines_next(&l, &s) && span_eqs(s, "first"));
	CHECK(lines_next(&l, &s) && s.n == LINE_MAX_LEN && s.p[0] == 'y' && s.p[s.n - 1] == 'y');
	CHECK(lines_next(&l, &s) && span_eqs(s, "after"));
	CHECK(lines_next(&l, &s) && s.n == LINE_MAX_LEN && s.p[0] == 'z' && s.p[s.n - 1] == 'z');
	CHECK(!lines_next(&l, &s));
	CHECK_INT(l.truncated, 2);
	CHECK_INT(l.lineno, 4);
	CHECK(l.bytes == size);
	lines_free(&l);
	source_close(src);
	unlink(path);
}

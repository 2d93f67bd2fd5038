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

/* the mapped path's shortcut for the usual line (speed15) gives what the
 * read path gives: a random file of 5 MiB (empty lines, CR LF, a lone CR,
 * NULs, lines of LINE_MAX_LEN - 1 to LINE_MAX_LEN + 2 bytes and longer
 * ones, every 1024th a stretch of 200 000 bytes, the last without its
 * newline half the time) read mapped and, while that mapping is held
 * (one at a time), read again through the buffer; every line, its number
 * and its offset the same, and the mapping given back as it goes */
TEST(lines_mapped_same_as_read)
{
	uint64_t rnd = 0xD1B54A32D192ED03ULL;
	for (int round = 0; round < 2; round++) {
		char path[] = "/tmp/postsleuth-lines.XXXXXX";
		int fd = mkstemp(path);
		CHECK(fd >= 0);
		FILE *f = fdopen(fd, "w");
		size_t size = 0;
		for (unsigned i = 0; size < 5 * 1024 * 1024; i++) {
			rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
			size_t n = rnd % 300;
			if (i % 1024 == 1023)
				n = 200000;
			else if (rnd % 97 == 0)
				n = LINE_MAX_LEN - 1 + (rnd >> 8) % 4;
			for (size_t k = 0; k < n; k++)
				fputc("abc \r\0xyz:[]"[(k * 7 + i) % 13], f);
			if (rnd % 5 == 0)
				fputc('\r', f), n++;
			size += n;
			if (round == 0 || size < 5 * 1024 * 1024)
				fputc('\n', f), size++;
		}
		fclose(f);
		struct source *s1 = source_open(path), *s2 = source_open(path);
		struct lines a, b;
		lines_init(&a, s1);
		lines_init(&b, s2);
		CHECK(a.mapped);
		CHECK(!b.mapped);
		struct span x, y;
		size_t bad = 0, lines = 0, far = 0;
		for (;;) {
			bool ra = lines_next(&a, &x), rb = lines_next(&b, &y);
			/* given back as it goes: never more than a stretch
			 * (MAP_GIVE_BACK) and a line read since the last time */
			if (a.start - a.dropped > far)
				far = a.start - a.dropped;
			if (ra != rb || (ra && (!span_eq(x, y) || a.lineno != b.lineno || a.off != b.off))) {
				if (bad++ < 3)
					test_fail(__FILE__, __LINE__, "line %llu: %d/%d, %zu/%zu bytes",
						  (unsigned long long)b.lineno, ra, rb, x.n, y.n);
				break;
			}
			if (!ra)
				break;
			lines++;
		}
		CHECK_INT(bad, 0);
		CHECK(lines > 4000);
		CHECK(far <= 2 * 1024 * 1024 + LINE_MAX_LEN + 1);
		CHECK(a.truncated == b.truncated && a.truncated > 4);
		CHECK(a.bytes == size && b.bytes == size);
		CHECK(a.dropped >= 2 * 1024 * 1024);
		lines_free(&a);
		lines_free(&b);
		source_close(s1);
		source_close(s2);
		unlink(path);
	}
}

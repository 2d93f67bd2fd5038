/*
 * test_feed_doubled.c - the feed's count of Postfix lines written twice
 * in a row (log-lines-doubled) is the same read by one thread, which
 * compares a line with its copy of the line before, and by two, whose
 * reader compares it with the line before where it lies in its batch
 * (feed.c, copied and keep_prev), and both are the plain count: the
 * length, time and pid the same, the first 256 and the last 64 bytes
 * too.  Random logs of lines that share their length, time and pid and
 * differ in one byte anywhere (head, middle, tail, about the 256th
 * byte), copies, third copies, and runs of long lines without a prefix
 * between them that fill more batches than the ring holds, so that the
 * line before is copied out of its batch before that batch is filled
 * again.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "feed/feed.h"

static void no_event(const struct event *ev, void *ctx)
{
	(void)ev;
	(void)ctx;
}

static void no_transcript(const struct transcript *t, void *ctx)
{
	(void)t;
	(void)ctx;
}

/* counts - a feed's doubled and timed counts over path, threads */
static void counts(const char *path, int threads, uint64_t *doubled, uint64_t *timed)
{
	static struct feed f;
	memset(&f, 0, sizeof f);
	f.forced_year = 2026;
	f.threads = threads;
	f.fn = no_event;
	/* lines without a prefix take slots of their own with two threads */
	f.transcript_fn = no_transcript;
	char *paths[] = {(char *)path};
	feed_run(&f, paths, 1);
	*doubled = f.st.doubled;
	*timed = f.st.timed;
}

struct plain {
	char prev[2048];
	size_t n;
	uint64_t doubled;
};

/* plain_line - the plain count of one Postfix line (all have a time and
 * a pid): its length and first 256 and last 64 bytes against the line
 * before's (the time and pid are among its first bytes) */
static void plain_line(struct plain *p, const char *s, size_t n)
{
	size_t h = n < 256 ? n : 256;
	if (p->n == n && !memcmp(p->prev, s, h) && (n <= 256 || !memcmp(p->prev + n - 64, s + n - 64, 64))) {
		p->doubled++;
		p->n = 0;
		return;
	}
	memcpy(p->prev, s, n);
	p->n = n;
}

static uint64_t rnd_state;
static unsigned rnd(unsigned m)
{
	rnd_state = rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(rnd_state >> 33) % m;
}

/* random_log - a log of such lines into path; the plain count of its
 * copies in *want */
static bool random_log(char *path, uint64_t *want)
{
	int fd = mkstemp(path);
	if (fd < 0)
		return false;
	FILE *fp = fdopen(fd, "w");
	static char big[65536 + 1], line[2048]; /* LINE_MAX_LEN: 2 a batch */
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = 0;
	static const size_t lens[] = {120, 255, 256, 257, 300, 321, 700};
	struct plain p = {.n = 0};
	char prev[2048];
	size_t prev_n = 0;
	for (int i = 0; i < 900; i++) {
		unsigned r = rnd(100);
		bool run = i == 300 || i == 450 || i == 600;
		/* long lines, 2 a batch: past the ring (the line before's batch
		 * filled again), near it, or a few batches; then a copy */
		if (run)
			for (unsigned k = i == 300 ? 34 + rnd(6) : i == 450 ? 26 + rnd(6) : 6; k; k--)
				fprintf(fp, "%s\n", big);
		if (r < 10)
			fprintf(fp, "no prefix %d\n", i);
		size_t n;
		if ((run || r < 40) && prev_n) { /* the line before again, or one byte changed */
			n = prev_n;
			memcpy(line, prev, n);
			if (!run && rnd(2)) {
				size_t at = 44 + rnd((unsigned)(n - 44)); /* past the prefix */
				line[at] = line[at] == 'a' ? 'b' : 'a';
			}
		} else {
			int head = snprintf(line, sizeof line, "Nov 23 11:00:0%u mail postfix/smtpd[%u]: x ",
					    rnd(2), 100 + rnd(2));
			n = lens[rnd(sizeof lens / sizeof lens[0])];
			for (size_t k = (size_t)head; k < n; k++)
				line[k] = (char)('a' + (k * 7) % 26);
		}
		fwrite(line, 1, n, fp);
		fputc('\n', fp);
		plain_line(&p, line, n);
		memcpy(prev, line, n);
		prev_n = n;
	}
	*want = p.doubled;
	return fclose(fp) == 0;
}

TEST(feed_doubled_in_place_equiv)
{
	setenv("TZ", "UTC", 1);
	rnd_state = 17;
	uint64_t total = 0;
	for (int round = 0; round < 4; round++) {
		char tmp[] = "/tmp/postsleuth-doubled.XXXXXX";
		uint64_t want = 0, d1, t1, d2, t2;
		CHECK(random_log(tmp, &want));
		counts(tmp, 1, &d1, &t1);
		counts(tmp, 2, &d2, &t2);
		CHECK_INT(d1, want);
		CHECK_INT(d2, want);
		CHECK_INT(t2, t1);
		CHECK(t1 >= 800);
		total += want;
		unlink(tmp);
	}
	CHECK(total > 200); /* copies counted, not only lines told apart */
}

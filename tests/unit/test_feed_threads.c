/*
 * test_feed_threads.c - the feed read by two threads (feed/pipeline.c)
 * hands the consumer exactly what one thread does: the same events, in
 * the same order, with the same line numbers, inputs, texts and
 * counters; the front callback sees every event once, in order, and
 * what it notes reaches fn with that event; the
 * transcripts and a journal JSON line's unescaped text survive the
 * batches.  Inputs: the repository's test logs (run from the top of the
 * tree, as make check does) and a generated one with lines long enough
 * to fill a batch's arena in a few lines.
 */
#include "tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "feed/feed.h"
#include "util/buf.h"

struct digest {
	struct feed *f;
	struct buf seen;        /* what fn saw, in order */
	struct buf front;       /* what front saw, in order */
	uint64_t events, fronts, transcripts, bad_notes;
};

/* put_event - every field of an event and its line, as text */
static void put_event(struct buf *b, const struct event *ev)
{
	const struct logline *l = ev->line;
	buf_printf(b, "%d|%lld|%d|%lld|", (int)ev->type, (long long)l->ts.us, (int)l->format,
		   (long long)l->pid);
	struct span ls[] = {l->host, l->prog, l->instance, l->daemon, l->service, l->severity, l->text, l->raw};
	for (size_t i = 0; i < sizeof ls / sizeof ls[0]; i++) {
		buf_putspan(b, ls[i]);
		buf_putc(b, '|');
	}
#define X(m, s)                   \
	buf_putspan(b, ev->m);    \
	buf_putc(b, ev->m.p ? '|' : '_');
	EVENT_SPANS(X)
#undef X
#define X(m, s) buf_printf(b, "%lld|", (long long)ev->m);
	EVENT_NUMS(X)
#undef X
	for (unsigned i = 0; i < ev->nstats; i++) {
		buf_putspan(b, ev->stats[i].name);
		buf_printf(b, "=%u/%u|", ev->stats[i].ok, ev->stats[i].total);
	}
	buf_putc(b, '\n');
}

/* on_front - notes the event's number, for on_event to check */
static void on_front(struct event *ev, void *ctx, void *note, enum feed_share share)
{
	(void)share;
	struct digest *d = ctx;
	d->fronts++;
	put_event(&d->front, ev);
	memcpy(note, &d->fronts, sizeof d->fronts);
}

static void on_event(const struct event *ev, void *ctx)
{
	struct digest *d = ctx;
	d->events++;
	uint64_t noted;
	memcpy(&noted, d->f->note, sizeof noted);
	if (noted != d->events)
		d->bad_notes++;
	buf_printf(&d->seen, "%llu:%llu:", (unsigned long long)d->f->file_index,
		   (unsigned long long)d->f->lineno);
	put_event(&d->seen, ev);
}

static void on_transcript(const struct transcript *t, void *ctx)
{
	struct digest *d = ctx;
	d->transcripts++;
	buf_printf(&d->seen, "transcript %llu:%llu %u %s %s\n", (unsigned long long)d->f->file_index,
		   (unsigned long long)d->f->lineno, (unsigned)t->nlines, t->client, t->reason);
}

/* run - the inputs through a feed with this many threads */
static void run(struct digest *d, int threads, char **paths, int n)
{
	static struct feed f;
	memset(&f, 0, sizeof f);
	memset(d, 0, sizeof *d);
	f.forced_year = 2026;
	f.threads = threads;
	f.fn = on_event;
	f.front = on_front;
	f.transcript_fn = on_transcript;
	f.ctx = d;
	d->f = &f;
	/* the inputs' times go back from one to the next: said on stderr */
	fflush(stderr);
	int saved = dup(2), null = open("/dev/null", O_WRONLY);
	dup2(null, 2);
	feed_run(&f, paths, n);
	dup2(saved, 2);
	close(saved);
	close(null);
	/* the counters, minus what no reading can agree on (none) */
	buf_printf(&d->seen, "lines %llu bytes %llu no_prefix %llu other %llu postfix %llu noise %llu "
			     "unknown %llu truncated %llu transcripts %llu pasted %llu files %llu\n",
		   (unsigned long long)f.st.lines, (unsigned long long)f.st.bytes,
		   (unsigned long long)f.st.no_prefix, (unsigned long long)f.st.other,
		   (unsigned long long)f.st.postfix, (unsigned long long)f.st.noise,
		   (unsigned long long)f.st.unknown, (unsigned long long)f.st.truncated,
		   (unsigned long long)f.st.transcripts, (unsigned long long)f.st.pasted,
		   (unsigned long long)f.st.files);
	for (int i = 0; i < EV__COUNT; i++)
		buf_printf(&d->seen, "%llu ", (unsigned long long)f.st.by_type[i]);
}

/* long_lines - a log of lines near LINE_MAX_LEN between ordinary ones,
 * more lines than a batch holds; its path in path */
static bool long_lines(char *path)
{
	int fd = mkstemp(path);
	if (fd < 0)
		return false;
	FILE *fp = fdopen(fd, "w");
	char *big = malloc(70000);
	for (int i = 0; i < 3000; i++) {
		fprintf(fp, "Nov 23 11:%02d:%02d mail postfix/smtpd[%d]: connect from a%d[192.0.2.%d]\n",
			i / 60 % 60, i % 60, 100 + i % 7, i, i % 250 + 1);
		if (i % 97 == 0) {
			size_t n = 30000 + (size_t)i * 13 % 39000; /* some cut at 64 KiB */
			memset(big, 'x', n);
			big[n] = 0;
			fprintf(fp, "Nov 23 11:%02d:%02d mail postfix/cleanup[9]: warning: header Subject: %s\n",
				i / 60 % 60, i % 60, big);
		}
		fprintf(fp, "no prefix at all %d\n", i);
		if (i % 41 == 0) /* a pasted bounce paragraph, ended by the next line */
			fprintf(fp, "<u%d@example.com>: host mx.example.com[203.0.113.9] said: 550 5.1.1\n"
				    "    no such user %d (in reply to RCPT TO command)\n",
				i, i);
		fprintf(fp, "Nov 23 11:%02d:%02d mail postfix/smtpd[%d]: disconnect from a%d[192.0.2.%d] "
			    "ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4\n",
			i / 60 % 60, i % 60, 100 + i % 7, i, i % 250 + 1);
	}
	free(big);
	return fclose(fp) == 0;
}

TEST(feed_threads_same_events)
{
	setenv("TZ", "UTC", 1);
	char tmp[] = "/tmp/postsleuth-threads.XXXXXX";
	CHECK(long_lines(tmp));
	char *paths[] = {"tests/data/mail.log",        "tests/data/seed002-transcript.txt",
			 "tests/data/extra/mail.journal.json", "tests/data/pasted/web-ui-newest-first.log",
			 "tests/data/pasted/qa-dev-shapes.log", "tests/data/secrets-planted.log",
			 "tests/data/pasted/bounce-mailq.txt", tmp};
	int n = (int)(sizeof paths / sizeof paths[0]);
	for (int i = 0; i < n; i++)
		CHECK(access(paths[i], R_OK) == 0);
	struct digest one, two;
	run(&one, 1, paths, n);
	run(&two, 2, paths, n);
	CHECK(one.events > 10000);
	CHECK(one.transcripts > 0);
	CHECK_INT(two.events, one.events);
	CHECK_INT(two.transcripts, one.transcripts);
	CHECK(memmem(one.seen.p, one.seen.n, "pasted 82 ", 10) != NULL); /* 74 paragraphs, 8 from bounce-mailq.txt */
	CHECK_INT(one.fronts, one.events);
	CHECK_INT(two.fronts, two.events);
	CHECK_INT(one.bad_notes, 0);
	CHECK_INT(two.bad_notes, 0); /* each event comes with its own note */
	CHECK(one.seen.n == two.seen.n && !memcmp(one.seen.p, two.seen.p, one.seen.n));
	CHECK(one.front.n == two.front.n && !memcmp(one.front.p, two.front.p, one.front.n));
	/* front saw the events fn saw: its digest is fn's without the places */
	CHECK(two.front.n > 0 && two.front.n < two.seen.n);
	buf_free(&one.seen);
	buf_free(&one.front);
	buf_free(&two.seen);
	buf_free(&two.front);
	unlink(tmp);
}

/*
 * feed.c - run the named inputs through lines -> prefix -> parse and
 * hand each event to the consumer; keep the counters, and (reread.c)
 * what a second pass needs to read the inputs again.
 */
#include "feed.h"
#include "journal_text.h"
#include "../input/jump.h"
#include "../input/lines.h"
#include "order.h"
#include "pipeline.h"
#include "reread.h"
#include "../input/source.h"
#include "../util/buf.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* copied - a Postfix line with a time and a pid that repeats the one
 * before it byte for byte (its length, first 256 and last 64 bytes):
 * Postfix never writes that, two writers of the same file do.  The bytes
 * are compared only when the length, the time and the pid are the same.
 * The line before is read where it is when its bytes stay there
 * (in_place: a batch's arena on the reading thread, prev_at), else from
 * the feed's copy of them */
static inline __attribute__((always_inline)) void copied(struct feed *f, const struct logline *l,
							   bool in_place)
{
	if (!l || l->pid < 0 || !l->ts.us || !l->raw.n)
		return;
	/* the head holds the whole of a line up to 256 bytes: the tail is
	 * kept only beyond */
	size_t n = l->raw.n < sizeof f->prev_raw ? l->raw.n : sizeof f->prev_raw;
	size_t t = l->raw.n > sizeof f->prev_raw ? sizeof f->prev_tail : 0;
	const char *tail = l->raw.p + l->raw.n - t;
	f->st.timed++;
	if (f->prev_raw_n == l->raw.n && f->prev_us == l->ts.us && f->prev_pid == l->pid) {
		const char *head = f->prev_at ? f->prev_at : f->prev_raw;
		const char *ptail = f->prev_at ? f->prev_at + l->raw.n - t : f->prev_tail;
		if (!memcmp(head, l->raw.p, n) && (!t || !memcmp(ptail, tail, t))) {
			f->st.doubled++;
			f->prev_raw_n = 0; /* a third copy is not a second pair */
			return;
		}
	}
	if (in_place) {
		f->prev_at = l->raw.p;
		f->prev_hand = f->pipe->handed;
	} else {
		f->prev_at = NULL;
		memcpy(f->prev_raw, l->raw.p, n);
		if (t)
			memcpy(f->prev_tail, tail, t);
	}
	f->prev_raw_n = l->raw.n;
	f->prev_us = l->ts.us;
	f->prev_pid = l->pid;
}

/* keep_prev_now - the line before copied out of its batch into the
 * feed's copy (keep_prev) */
static __attribute__((noinline)) void keep_prev_now(struct feed *f)
{
	size_t n = f->prev_raw_n < sizeof f->prev_raw ? f->prev_raw_n : sizeof f->prev_raw;
	memcpy(f->prev_raw, f->prev_at, n);
	if (f->prev_raw_n > sizeof f->prev_raw)
		memcpy(f->prev_tail, f->prev_at + f->prev_raw_n - sizeof f->prev_tail,
		       sizeof f->prev_tail);
	f->prev_at = NULL;
}

/* keep_prev - on the reading thread, before a slot is asked for: the
 * line before copied out of its batch while that batch is still two
 * hand-overs or more from being filled again (a slot may hand one over
 * and take the next); the test inline, the copy seldom */
static inline void keep_prev(struct feed *f)
{
	if (f->prev_at && f->pipe->handed - f->prev_hand >= PIPE_BATCHES - 2)
		keep_prev_now(f);
}

/* count - the counters of one parsed event */
static inline __attribute__((always_inline)) void count(struct feed *f, const struct event *ev,
							  bool in_place)
{
	f->st.by_type[ev->type]++;
	if (ev->type == EV_OTHER) {
		f->st.other++;
	} else {
		f->st.postfix++;
		if (ev->type == EV_UNKNOWN)
			f->st.unknown++;
		else
			f->st.recognised++;
		if (ev->type == EV_NOISE)
			f->st.noise++;
		copied(f, ev->line, in_place);
	}
}

/* in_window - note the line's time; is it inside --since/--until */
static bool in_window(struct feed *f, const struct logline *l)
{
	if (!f->in_any)
		f->in_first = l->ts;
	f->in_any = true;
	f->in_last = l->ts;
	return !f->filter_time || (l->ts.us >= f->since_us && l->ts.us < f->until_us);
}

/* feed_logline - parse an already split line and deliver its event */
void feed_logline(struct feed *f, const struct logline *l)
{
	if (!in_window(f, l))
		return;
	struct event ev;
	parse_line(l, &ev);
	count(f, &ev, false);
	if (f->front) {
		/* one thread: fn runs next, on this one; front leaves it
		 * all it can do */
		f->front(&ev, f->ctx, f->note_buf, FEED_SHARE_ONE);
		f->note = f->note_buf;
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

/* pasted_emit - what a pasted bounce report or mailq listing says, as
 * the Postfix line that logs it (bounce_mailq.h): parsed and delivered
 * like a line without a prefix, at the line the paragraph began at; on
 * the reading thread when there are two, in a slot of its own */
static void pasted_emit(void *ctx, const char *daemon, struct span text, uint64_t lineno,
			struct stamp ts)
{
	struct feed *f = ctx;
	if (f->filter_time && ts.us && (ts.us < f->since_us || ts.us >= f->until_us))
		return;
	f->st.pasted++;
	if (f->pipe) {
		struct span copy;
		keep_prev(f);
		struct pipe_slot *s = pipe_slot(f->pipe, text, &copy);
		s->lineno = lineno;
		s->kind = PIPE_EVENT;
		bm_logline(&s->l, daemon, copy, ts);
		parse_line(&s->l, &s->ev);
		if (f->front)
			f->front(&s->ev, f->ctx, s->note, f->pipe->share);
		pipe_commit(f->pipe);
		return;
	}
	struct logline l;
	bm_logline(&l, daemon, text, ts);
	struct event ev;
	parse_line(&l, &ev);
	uint64_t at = f->lineno;
	f->lineno = lineno;
	if (f->front) {
		f->front(&ev, f->ctx, f->note_buf, FEED_SHARE_ONE);
		f->note = f->note_buf;
	}
	f->fn(&ev, f->ctx);
	f->lineno = at;
}

/* pasted_before - before a line's own event: the paragraph or entry it
 * does not go on with, if one is pending */
static inline void pasted_before(struct feed *f, struct span line)
{
	if (f->bm && f->bm->kind && !bm_continues(f->bm, line))
		bm_flush(f->bm, pasted_emit, f);
}

/* pasted_line - a line with no syslog prefix, for the pasted outputs */
static void pasted_line(struct feed *f, struct span line, struct stamp ts)
{
	if (!f->bm) {
		f->bm = xmalloc(sizeof *f->bm);
		bm_init(f->bm);
	}
	bm_line(f->bm, line, f->lineno, ts, pasted_emit, f);
}

/* pasted_end - the end of an input ends what is pending */
static void pasted_end(struct feed *f)
{
	if (f->bm) {
		bm_flush(f->bm, pasted_emit, f);
		bm_init(f->bm);
	}
}

/* feed_end - what a caller of feed_line owes at its input's end: the
 * pending pasted paragraph or entry told, the pasted reader freed */
void feed_end(struct feed *f)
{
	pasted_end(f);
	free(f->bm);
	f->bm = NULL;
}

/* transcript_line - a line with no syslog prefix, for the transcripts */
static void transcript_line(struct feed *f, struct span line)
{
	if (!f->tr)
		f->tr = xcalloc(1, sizeof *f->tr);
	if (transcript_feed(f->tr, line)) {
		deliver_transcript(f);
		transcript_feed(f->tr, line); /* it may start the next mail */
	}
}

/* own_text - a JSON line's text (the journal's, Docker's) is unescaped into the syslog
 * state, which the next line overwrites: the batch keeps a copy of what
 * the line's spans (text, severity) point to there */
static void own_text(struct feed *f, const struct syslog_state *st, struct logline *l)
{
	if (l->format != FMT_JOURNAL && !l->unescaped)
		return; /* only a JSON line's text is unescaped into st->json_msg */
	struct span *v[] = {&l->host, &l->prog, &l->instance, &l->daemon,
			    &l->service, &l->severity, &l->text, &l->raw};
	const char *lo = st->json_msg, *hi = st->json_msg + sizeof st->json_msg;
	const char *a = hi, *b = lo;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (v[i]->p < lo || v[i]->p >= hi)
			continue;
		if (v[i]->p < a)
			a = v[i]->p;
		if (v[i]->p + v[i]->n > b)
			b = v[i]->p + v[i]->n;
	}
	if (a == hi)
		return;
	struct span c = pipe_extra(f->pipe, span_make(a, (size_t)(b - a)));
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (v[i]->p >= lo && v[i]->p < hi)
			v[i]->p = c.p + (v[i]->p - a);
}

/* pipe_line - feed_line on the reading thread: the line is parsed into
 * a slot of the batch that carries it to the consumer's thread */
static void pipe_line(struct feed *f, struct syslog_state *st, struct span line)
{
	pasted_before(f, line);
	struct span copy;
	keep_prev(f);
	struct pipe_slot *s = pipe_slot(f->pipe, line, &copy);
	f->st.lines++;
	s->lineno = f->lineno;
	if (!syslog_parse(st, copy, &s->l)) {
		f->st.no_prefix++;
		if (f->transcript_fn) {
			s->kind = PIPE_RAW;
			s->raw = copy;
			pipe_commit(f->pipe);
		}
		/* the reader's own line, not the slot's copy: what the
		 * paragraph makes takes slots of its own */
		pasted_line(f, line, st->last_ts);
		return;
	}
	own_text(f, st, &s->l);
	if (!in_window(f, &s->l))
		return;
	s->kind = PIPE_EVENT;
	parse_line(&s->l, &s->ev);
	count(f, &s->ev, pipe_holds(f->pipe, s->l.raw));
	if (f->front)
		f->front(&s->ev, f->ctx, s->note, f->pipe->share);
	pipe_commit(f->pipe);
}

/* plain_line - feed_line with one thread: the line parsed and handed
 * to the consumer here */
static void plain_line(struct feed *f, struct syslog_state *st, struct span line)
{
	struct logline l;
	f->st.lines++;
	pasted_before(f, line);
	if (!syslog_parse(st, line, &l)) {
		f->st.no_prefix++;
		pasted_line(f, line, st->last_ts);
		if (f->transcript_fn)
			transcript_line(f, line);
		return;
	}
	feed_logline(f, &l);
}

/* feed_line - one raw line of text */
void feed_line(struct feed *f, struct syslog_state *st, struct span line)
{
	if (f->pipe)
		pipe_line(f, st, line);
	else
		plain_line(f, st, line);
}

/* spool - what spool_read needs: the lines of a pipe kept for a second
 * pass, and where they begin in the spool (reread.c) */
struct spool {
	struct feed *f;
	struct feed_input *in;
	const struct lines *lr;
	uint64_t pending;
};

/* spool_read - keep a line as it is read, in the file's order (order.c
 * may hand the lines over in another) */
static void spool_read(void *ctx, struct span line)
{
	struct spool *sp = ctx;
	if (sp->in->cut)
		return;
	if (sp->in->jump)
		reread_mark(sp->f, sp->in, sp->lr);
	reread_line(sp->f, sp->in, line, &sp->pending);
}

/* text_line - a line of an input through journal_text.c (journalctl's
 * renderings over several lines) to feed_line, at lineno */
static void text_line(struct feed *f, struct syslog_state *st, struct jtext *jt, struct span line,
		      uint64_t lineno)
{
	if (!jtext_maybe(jt, line)) {
		f->lineno = lineno;
		feed_line(f, st, line);
		return;
	}
	struct span entry, rest;
	uint64_t at = lineno;
	jtext_line(jt, line, lineno, &entry, &at, &rest);
	if (entry.p) {
		f->lineno = at;
		feed_line(f, st, entry);
	}
	if (rest.p) {
		f->lineno = lineno;
		feed_line(f, st, rest);
	}
}

/* text_end - the entry journal_text.c still holds at an input's end */
static void text_end(struct feed *f, struct syslog_state *st, struct jtext *jt)
{
	struct span entry;
	uint64_t at = 0;
	jtext_end(jt, &entry, &at);
	if (entry.p) {
		f->lineno = at;
		feed_line(f, st, entry);
	}
}

/* read_lines - the lines of src, in order, through feed_line; for a
 * second pass (in), a piped input's lines kept, a file's line marks
 * taken by the reader (the reading half of feed_file) */
static void read_lines(struct feed *f, struct source *src, struct lines *lr, struct feed_input *in)
{
	struct syslog_state st;
	syslog_state_init(&st, f->forced_year, src->mtime);
	struct order ord; /* an input newest first is handed over oldest first */
	order_init(&ord, lr, f->forced_year, src->mtime);
	struct span line;
	bool keep = in && in->spool && in->fd >= 0;
	struct spool sp = {f, in, lr, 0};
	if (keep)
		order_on_read(&ord, spool_read, &sp); /* kept in file order */
	else if (in)
		lr->marks = in->jump;
	struct jtext jt;
	jtext_init(&jt);
	const bool piped = f->pipe != NULL; /* the same for the whole input */
	while (order_next(&ord, &line)) {
		st.pasted = ord.pasted;
		if (ord.journal) { /* told by the first lines (order.c) */
			text_line(f, &st, &jt, line, ord.lineno);
			continue;
		}
		f->lineno = ord.lineno;
		if (piped) /* feed_line without its call (speed37) */
			pipe_line(f, &st, line);
		else
			plain_line(f, &st, line);
	}
	text_end(f, &st, &jt);
	if (in && ord.journal)
		in->entries = true;
	jtext_free(&jt);
	order_free(&ord);
	lr->marks = NULL;
	if (keep && !in->cut)
		reread_flush(f, in, sp.pending);
}

/* reader - what the reading thread runs: read_lines on its own copy of
 * the feed, then the end of the batches */
struct reader {
	struct feed f;          /* the reading thread's: counters, times, spool */
	struct source *src;
	struct lines *lr;
	struct feed_input *in;
};

static void *reader_run(void *arg)
{
	struct reader *rd = arg;
	read_lines(&rd->f, rd->src, rd->lr, rd->in);
	pipe_finish(rd->f.pipe);
	return NULL;
}

/* consume - the events of one batch, in order, on the consumer's thread */
static void consume(struct feed *f, const struct pipe_batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct pipe_slot *s = &b->slot[i];
		f->lineno = s->lineno;
		f->note = (void *)s->note;
		if (s->kind == PIPE_EVENT)
			f->fn(&s->ev, f->ctx);
		else
			transcript_line(f, s->raw);
	}
}

/* read_threaded - read_lines on a thread of its own while this one
 * consumes the events; false (nothing read) if no thread could start */
static bool read_threaded(struct feed *f, struct source *src, struct lines *lr, struct feed_input *in)
{
	struct reader *rd = xmalloc(sizeof *rd);
	rd->f = *f;
	rd->f.pipe = pipe_new();
	rd->src = src;
	rd->lr = lr;
	rd->in = in;
	pthread_t t;
	if (pthread_create(&t, NULL, reader_run, rd) != 0) {
		pipe_free(rd->f.pipe);
		free(rd);
		return false;
	}
	struct pipe_batch *b;
	while ((b = pipe_take(rd->f.pipe))) {
		consume(f, b);
		pipe_give_back(rd->f.pipe, b);
	}
	pthread_join(t, NULL);
	/* what the reader counted and noted; the transcripts were this side's */
	uint64_t transcripts = f->st.transcripts;
	f->st = rd->f.st;
	f->st.transcripts = transcripts;
	f->in_first = rd->f.in_first;
	f->in_last = rd->f.in_last;
	f->in_any = rd->f.in_any;
	f->spooled = rd->f.spooled;
	f->lineno = rd->f.lineno;
	f->bm = rd->f.bm; /* the reader's, perhaps made there */
	pipe_free(rd->f.pipe);
	free(rd);
	return true;
}

/* threads_for - how many threads read this input: 1 for the journal, a
 * small input or (unless asked for) anything but a regular file; 2 for
 * a large one when there are two CPUs.  POSTSLEUTH_THREADS=N (1 or 2)
 * chooses for every input; f->threads when the caller set it. */
static int threads_for(const struct feed *f, const struct source *src)
{
	if (src->kind == SRC_JOURNAL || src->error)
		return 1;
	int want = f->threads;
	const char *e = getenv("POSTSLEUTH_THREADS");
	if (!want && e && *e)
		want = atoi(e);
	if (want)
		return want >= 2 ? 2 : 1;
	struct stat sb;
	if (src->fd < 0 || fstat(src->fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		return 1;
	uint64_t min = src->kind == SRC_PLAIN ? FEED_THREADS_MIN : FEED_THREADS_MIN / 4;
	if ((uint64_t)sb.st_size < min || sysconf(_SC_NPROCESSORS_ONLN) < 2)
		return 1;
	return 2;
}

/* feed_file - one file or stdin */
static int feed_file(struct feed *f, const char *path)
{
	struct source *src = source_open(path);
	struct feed_input *in = f->keep ? reread_note(f, path, src) : NULL;
	if (in && in->jump && in->jump->gz_total && src->kind == SRC_GZIP)
		src->jump = in->jump; /* resume points, taken as it inflates */
	f->st.files++;
	f->file_name = path;
	if (src->kind == SRC_JOURNAL && !src->error) {
		source_close(src);
		const char *one[] = {path, NULL};
		return feed_journal(f, one, 1);
	}
	struct lines lr;
	lines_init(&lr, src);
	if (threads_for(f, src) < 2 || !read_threaded(f, src, &lr, in))
		read_lines(f, src, &lr, in);
	pasted_end(f);
	if (f->tr && transcript_end(f->tr))
		deliver_transcript(f);
	if (f->tr)
		transcript_reset(f->tr);
	if (in)
		reread_seen(in, src);
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

/* feed_again - a second pass over the inputs another feed kept (its keep
 * was set): each read as feed_run read it (oldest first, transcripts),
 * a pipe from its spooled lines; the journal is not read again here */
void feed_again(struct feed *f, const struct feed *first)
{
	for (size_t i = 0; i < first->ninputs; i++) {
		const struct feed_input *in = &first->inputs[i];
		struct source *src = reread_open(in);
		if (!src || src->error || src->kind == SRC_JOURNAL) {
			if (src)
				source_close(src);
			continue;
		}
		f->file_index = in->index;
		f->file_name = in->name;
		struct syslog_state st;
		syslog_state_init(&st, f->forced_year, src->mtime);
		struct lines lr;
		lines_init(&lr, src);
		struct order ord;
		order_init(&ord, &lr, f->forced_year, src->mtime);
		uint64_t upto = in->spool ? in->lines : UINT64_MAX;
		struct span line;
		struct jtext jt;
		jtext_init(&jt);
		while (order_next(&ord, &line)) {
			if (ord.lineno > upto)
				continue;
			if (ord.journal) {
				text_line(f, &st, &jt, line, ord.lineno);
				continue;
			}
			f->lineno = ord.lineno;
			feed_line(f, &st, line);
		}
		text_end(f, &st, &jt);
		jtext_free(&jt);
		order_free(&ord);
		pasted_end(f);
		if (f->tr && transcript_end(f->tr))
			deliver_transcript(f);
		if (f->tr)
			transcript_reset(f->tr);
		lines_free(&lr);
		source_close(src);
	}
	free(f->tr);
	f->tr = NULL;
	free(f->bm);
	f->bm = NULL;
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
	free(f->bm);
	f->bm = NULL;
	free(f->prev_name);
	f->prev_name = NULL;
	f->prev_any = false;
	return rc;
}

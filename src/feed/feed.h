/*
 * feed.h - the front of the pipeline: named inputs -> lines -> syslog
 * prefix -> events, handed one at a time to a consumer callback.
 *
 * The event and its spans are valid only during the callback.  The feed
 * counts everything it sees so that no line is lost silently.
 *
 * A second pass (report's evidence lines, fail2ban's check) never opens
 * a pipe or FIFO again: with ->keep, regular files are noted by identity
 * and opened again by name, and the lines of any other input are kept,
 * as read, in an unlinked temporary file (nothing to remove, whatever
 * signal ends the run), at most ->spool_max bytes for all of them; past
 * that the run goes on, saying that later lines have no second pass
 * (reread.c).  As the first pass reads, it notes where lines begin
 * (and, in a gzip file, where inflate can start again), a bounded number
 * of places per input (input/jump.h), so that the second pass reads only
 * the stretches it needs.
 *
 * A large regular file (FEED_THREADS_MIN, a quarter of it compressed)
 * is read by a thread of its own when there are two CPUs: it reads and
 * decompresses, splits, parses the prefix and the Postfix line and calls
 * ->front, and hands the events over in batches (pipeline.h) to the
 * calling thread, which calls ->fn and ->transcript_fn in the same order
 * and with the same ->lineno as one thread would.  ->threads (or
 * POSTSLEUTH_THREADS) forces 1 or 2 for every input; the journal, pipes
 * and small files are read by one thread.
 *
 * Inputs are read in the order given (rotate.c puts rotated sets oldest
 * first); when the first line of an input is more than FEED_TIME_BACK_US
 * older than the last line of the one before, the feed says so on
 * stderr: sessions and messages that span the two are cut, counts wrong.
 */
#ifndef POSTSLEUTH_FEED_H
#define POSTSLEUTH_FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include "../parse/event.h"
#include "../parse/transcript.h"
#include "../syslog/bounce_mailq.h"

struct feed_stats {
	uint64_t lines;          /* all lines read */
	uint64_t bytes;          /* decompressed bytes */
	uint64_t no_prefix;      /* no syslog shape at all */
	uint64_t other;          /* syslog lines of other programs (skipped) */
	uint64_t postfix;        /* Postfix lines */
	uint64_t recognised;     /* Postfix lines with a known type (incl. noise) */
	uint64_t noise;          /* verbose/debug lines recognised as noise */
	uint64_t unknown;        /* Postfix lines of no known type */
	uint64_t truncated;      /* lines cut at LINE_MAX_LEN */
	uint64_t transcripts;    /* postmaster transcripts found in non-syslog text */
	uint64_t pasted;         /* lines made from a pasted bounce report or mailq listing */
	uint64_t timed;          /* Postfix lines with a time and a pid */
	uint64_t doubled;        /* those the same as the line before, byte for byte */
	uint64_t files;
	uint64_t file_errors;
	uint64_t by_type[EV__COUNT];
};

typedef void (*feed_fn)(const struct event *ev, void *ctx);

struct buf;
struct source;
struct feed_pipe;

#define FEED_SPOOL_DEFAULT (1024ULL << 20)
#define FEED_TIME_BACK_US (60 * 1000000LL)
/* an input smaller than this (a quarter for a compressed one) is read
 * by one thread */
#define FEED_THREADS_MIN (4ULL << 20)
#define FEED_NOTE_MAX 384

/* how much ->front should take on of what ->fn could do as well: with
 * one thread, ONE (fn runs next on the same thread: nothing to share,
 * but an answer fn would ask several times is as well asked once);
 * with two, less when the consumer's thread has caught up with the
 * reading one (the ring ran dry), more when the reading thread is ahead
 * (the ring is full), else the usual share */
enum feed_share { FEED_SHARE_USUAL, FEED_SHARE_LESS, FEED_SHARE_MORE, FEED_SHARE_ONE };

/* one input as the first pass found it, for a second pass (reread_open) */
struct feed_input {
	char *name;
	uint64_t index;          /* its feed file_index */
	bool regular;            /* a regular file by name: opened again, if still the same */
	dev_t dev;
	ino_t ino;
	time_t mtime;
	bool journal;            /* a journal file: read through libsystemd, not again */
	bool entries;            /* text of journal entries over several lines
				  * or json-seq records (journal_text.h): a
				  * second pass gathers them too, and starts
				  * reading JT_BACK_LINES before a line it wants */
	int fd;                  /* else what is kept of it, or -1 */
	bool spool;              /* fd holds its lines (else: a regular stdin, read again) */
	bool cut;                /* the spool stopped before the input's end */
	uint64_t lines, size;    /* whole lines and bytes in the spool */
	/* a file (by name or on stdin) as the first read left it: read
	 * again only if its size and time are still these, or, for a plain
	 * file (a live log being appended to), if it only grew */
	off_t file_size;
	struct timespec file_mtime;
	bool appendable;         /* plain text: lines added after the first
				  * pass leave the earlier ones where they were */
	/* where a second pass may start reading (input/jump.h), or NULL:
	 * line marks in the file or the spool, gzip resume points */
	struct jump_index *jump;
};

struct feed {
	int forced_year;
	bool want_journal;       /* --journal: the local systemd journal */
	bool filter_time;
	int64_t since_us, until_us;
	feed_fn fn;
	void *ctx;
	/* optional: called with each event just before fn, but on the
	 * reading thread when there are two (feed.c): it may touch only
	 * state that nothing else touches until feed_run returns, and
	 * leave fn up to FEED_NOTE_MAX bytes about the event in note
	 * (fn finds them at ->note).  share says which thread waits for
	 * the other, so that work fn could do as well goes to the idle one;
	 * front may keep in ev answers asked of the event alone (event.h's
	 * kept_nobody) that fn would otherwise ask */
	void (*front)(struct event *ev, void *ctx, void *note, enum feed_share share);
	void *note;              /* during fn: what front noted of this event */
	_Alignas(max_align_t) unsigned char note_buf[FEED_NOTE_MAX];
	int threads;             /* 1 or 2; 0: chosen per input (threads_for) */
	struct feed_pipe *pipe;  /* the reading thread's hand-off, or NULL */
	/* postmaster transcripts in the text (optional) */
	void (*transcript_fn)(const struct transcript *t, void *ctx);
	struct transcript *tr;
	/* a bounce report or mailq listing pasted in the text (bounce_mailq.h) */
	struct bounce_mailq *bm;
	struct feed_stats st;
	/* the last Postfix line with a time and a pid (its first and last
	 * bytes): the next one the same is a copy of it (count, in feed.c) */
	char prev_raw[256], prev_tail[64]; /* copied(): the line before */
	const char *prev_at;     /* or its bytes in place (a batch's arena), NULL */
	uint64_t prev_hand;      /* the pipe's hand-overs when prev_at was set */
	int64_t prev_us;
	int64_t prev_pid;
	size_t prev_raw_n;
	/* inputs read again later (cmd_reread_setup) */
	bool keep;
	uint64_t spool_max;      /* bytes of spooled lines, all inputs together */
	uint64_t spooled;
	struct feed_input *inputs; /* one per named input, in order */
	size_t ninputs;
	struct buf *spool_buf;
	size_t *jump_gz_total;   /* gzip resume points of all inputs (jump.h) */
	/* line times across inputs: a warning when they go back from the
	 * end of one input to the start of the next (feed_run) */
	struct stamp in_first, in_last, prev_last;
	bool in_any, prev_any;
	char *prev_name;
	uint64_t file_index;     /* which input the current line came from */
	uint64_t lineno;         /* its line number in that input */
	const char *file_name;
};

/* a second pass (reread.c) */
const struct feed_input *reread_input(const struct feed *f, uint64_t file_index);
struct source *reread_open(const struct feed_input *in);
void reread_free(struct feed *f);
int feed_run(struct feed *f, char **paths, int npaths);
void feed_again(struct feed *f, const struct feed *first);
void feed_line(struct feed *f, struct syslog_state *st, struct span line);
void feed_end(struct feed *f);
void feed_logline(struct feed *f, const struct logline *l);
bool feed_journal_available(void);
int feed_journal(struct feed *f, const char *const *files, int nfiles);

#endif

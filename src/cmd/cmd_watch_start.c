/*
 * cmd_watch_start.c - where "postsleuth watch" begins: the file or the
 * journal from its start (or end) when nothing is saved, else the lines
 * since the oldest open session or message read again into the model
 * only, up to the saved place, then on from there counting; and, at
 * each save, the places a restart will need (cmd_watch.c explains the
 * exactly-once scheme).
 */
#include "cmd_watch.h"
#include "../live/journal_place.h"
#include "../syslog/journal.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* oldest_open - model_open_lines' callback */
static void oldest_open(void *ctx, char kind, uint64_t first_line)
{
	(void)kind;
	uint64_t *o = ctx;
	if (first_line < *o)
		*o = first_line;
}

/* watch_replay_place - where a restart reads again from: the first line of
 * the oldest open object, or where we stand */
struct follow_at watch_replay_place(struct watch *w)
{
	uint64_t oldest = UINT64_MAX;
	model_open_lines(w->model, oldest_open, &oldest);
	struct follow_at r = w->done;
	if (oldest >= follow_pos(w->done.gen, w->done.off))
		return r;
	r = (struct follow_at){0, 0, oldest >> FOLLOW_GEN_SHIFT,
			       oldest & ((1ULL << FOLLOW_GEN_SHIFT) - 1), 0, {0}};
	return r;
}

/* watch_journal_place_put - the cursor of the last entry folded (the reader
 * stands on it whenever a save happens: every entry read is folded, or
 * replayed and then save waits) and the time to read again from */
void watch_journal_place_put(struct watch *w)
{
	char *c = journal_cursor(w->jf.j);
	if (!c)
		return;
	uint64_t oldest = UINT64_MAX;
	model_open_lines(w->model, oldest_open, &oldest);
	struct state_journal sj = {c, w->done_us, 0};
	if (oldest != UINT64_MAX)
		sj.replay_us = jpos_realtime(oldest) ? jpos_realtime(oldest) : 1;
	state_journal_put(w->db, w->key, &sj);
	free(c);
}

/* say_cut - files followed before could not be found again */
static void say_cut(struct watch *w, const char *what)
{
	struct buf b = {0};
	buf_term(&b, span_of(w->path));
	fprintf(stderr, "postsleuth: watch: %s (not beside %.*s, even compressed): sessions and messages "
			"open across it are cut\n",
		what, (int)b.n, b.p);
	buf_free(&b);
}

/* watch_start - where to begin.  With nothing saved: the file's start (or end,
 * --from-end).  Else the files followed since the oldest open object's
 * first line are read again into the model only, each found by the
 * bytes before where it was left (renamed, copied by copytruncate,
 * compressed: follow_locate), as far back as they all are found; then
 * the saved file on, counting from the saved place.  Files not found
 * are said: what was open across them is cut, nothing counted twice. */
void watch_start(struct watch *w)
{
	struct state_source src;
	if (!state_source_get(w->db, w->path, &src)) {
		follow_start(&w->fl, NULL, NULL, w->o->from_end);
		return;
	}
	w->replay_until = follow_pos(src.done.gen, src.done.off);
	w->done = src.done;
	uint64_t from = src.replay.gen, last = src.done.gen, first = last;
	size_t n = last >= from ? (size_t)(last - from + 1) : 1;
	char **names = xcalloc(n, sizeof *names);
	struct follow_at *ends = xcalloc(n, sizeof *ends);
	/* the saved file: still at the path's inode, holding what we read? */
	char *here = NULL;
	bool in_place = follow_find(w->path, src.done.dev, src.done.ino, &here) &&
			follow_locate(w->path, &src.done, &names[n - 1]) && !strcmp(names[n - 1], here);
	free(here);
	ends[n - 1] = src.done;
	if (!in_place && !names[n - 1])
		first = last + 1;
	for (uint64_t g = last; g-- > from && first == g + 1;) {
		size_t k = (size_t)(g - from);
		if (state_gen_get(w->db, w->path, g, &ends[k]) && follow_locate(w->path, &ends[k], &names[k]))
			first = g;
	}
	if (first > from)
		say_cut(w, first > last ? "the file we stopped in is gone" : "a file followed before is gone");
	for (uint64_t g = first; g < last || (g == last && !in_place && names[n - 1]); g++) {
		size_t k = (size_t)(g - from);
		follow_replay(&w->fl, names[k], &ends[k], g == from ? src.replay.off : 0);
	}
	struct follow_at at = src.done;
	if (in_place) {
		at.off = first == from && from == last ? src.replay.off : 0;
		at.ntail = 0;
		follow_start(&w->fl, &at, &src.done, false);
	} else {
		at.ino = 0;     /* the path from its start, in the next gen */
		follow_start(&w->fl, &at, NULL, false);
	}
	for (size_t k = 0; k < n; k++)
		free(names[k]);
	free(names);
	free(ends);
}

/* watch_say_gone - the journal entry we stopped at is not there any more */
void watch_say_gone(struct watch *w, uint64_t after_us)
{
	struct buf b = {0}, t = {0};
	buf_term(&b, span_of(w->path));
	buf_stamp(&t, (struct stamp){.us = time_clamp_u64(after_us), .prec = 6});
	fprintf(stderr, "postsleuth: watch: the entry we stopped at is gone from %.*s (vacuumed or "
			"rotated away): reading on from the first entry after %.*s; sessions and "
			"messages open across it are cut\n",
		(int)b.n, b.p, (int)t.n, t.p);
	buf_free(&b);
	buf_free(&t);
}

/* watch_start_journal - where to begin in the journal (journal_place.h): the
 * first entry, or the end with --from-end, when nothing is saved; else
 * from the oldest open object's time, into the model only up to the
 * saved entry; or on after the saved entry when nothing was open, or
 * after its time when it is gone */
void watch_start_journal(struct watch *w)
{
	struct state_journal sj = {0};
	bool have = state_journal_get(w->db, w->key, &sj);
	bool exists = have && journal_seek_cursor(w->jf.j, sj.cursor);
	struct jstart p = jstart_plan(have, exists, w->o->from_end, sj.replay_us, sj.done_us);
	switch (p.how) {
	case JS_HEAD:
	case JS_CURSOR:
		break;          /* at the first entry, or on the saved one */
	case JS_TAIL:
		journal_seek_end(w->jf.j);
		break;
	case JS_REPLAY:
		journal_seek_realtime(w->jf.j, p.us);
		w->replaying = true;
		w->saved_cursor = sj.cursor;
		w->saved_us = sj.done_us;
		sj.cursor = NULL;
		break;
	case JS_GONE:
		watch_say_gone(w, sj.done_us);
		journal_seek_realtime(w->jf.j, p.us);
		break;
	}
	w->done_us = sj.done_us;
	free(sj.cursor);
}

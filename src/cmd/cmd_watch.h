/*
 * cmd_watch.h - the watcher's state, shared by cmd_watch.c (options, the
 * loop, deciding and acting, saving) and cmd_watch_start.c (where a run
 * begins and what it reads again after a restart).
 */
#ifndef POSTSLEUTH_CMD_WATCH_H
#define POSTSLEUTH_CMD_WATCH_H

#include "cmd.h"
#include "../act/ban_rules.h"
#include "../analyze/analysis.h"
#include "../diagnose/diagnose.h"
#include "../diagnose/finding.h"
#include "../feed/feed.h"
#include "../live/action.h"
#include "../live/follow.h"
#include "../live/follow_journal.h"
#include "../live/state.h"
#include "../model/correlate.h"
#include "../util/marks.h"

/* per client number: what was done */
enum { DONE_NOTHING, DONE_ACTED, DONE_SPARED };

struct watch {
	struct opts *o;
	const char *path;
	struct feed feed;
	struct syslog_state *st;
	struct model *model;
	struct analysis *a;
	struct diag *diag;        /* the closed messages' relaying (open relay: relay-abuser) */
	struct state *db;
	struct follow fl;
	/* or the journal */
	bool journal;
	const char *jfile;        /* a journal file, or NULL: the local journal */
	const char *key;          /* its name in the state */
	struct jfollow jf;
	char *saved_cursor;       /* while replaying: the last entry counted before */
	uint64_t saved_us;        /* its time */
	uint64_t done_us;         /* the time of the last entry folded */
	struct action_cfg cfg;
	struct action_stats ast, ast_saved;
	struct ban_nets allow;
	struct ban_nets test_loopback;      /* $POSTSLEUTH_TEST_BANNABLE: loopback nets a test may ban */
	bool sel[V__COUNT];
	/* places */
	uint64_t pos;             /* of the line being read */
	uint64_t replay_until;    /* lines before it were counted before a restart */
	bool replaying;
	struct follow_at done;    /* after the last line folded */
	bool have_done;
	uint64_t oldest;          /* while saving: the first line of the oldest open object */
	/* what changed since the last save */
	struct marks dirty[3], check, acheck;
	uint8_t *done_by;         /* DONE_* by client number */
	size_t ndone;
	uint64_t lines, postfix;  /* counted, not yet saved */
	uint64_t run_lines;       /* counted in this run */
	uint64_t findings[F__COUNT];
	uint64_t verdicts[V__COUNT], bans[V__COUNT], alerts;
	bool unsaved, save_now;
	bool in_message;          /* inside on_message: its account is alert-checked */
	int64_t last_save_ms, last_prune_ms;
	int64_t last_line_us;     /* log time of the last line read */
};

struct follow_at watch_replay_place(struct watch *w);
void watch_journal_place_put(struct watch *w);
void watch_start(struct watch *w);
void watch_start_journal(struct watch *w);
void watch_say_gone(struct watch *w, uint64_t after_us);

#endif

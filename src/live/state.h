/*
 * state.h - what "postsleuth watch" remembers between runs, in one
 * SQLite database (WAL; default STATE_DEFAULT_PATH): per source the
 * place read up to and the place to read again from at a restart, the
 * client, account and login records of the analysis, every hostile
 * verdict with its first and last time and whether it was acted on,
 * account alerts, and the counters behind the metrics.
 *
 * A journal followed instead of a file (schema 2) is kept by the cursor
 * of the last entry folded, its time and the time of the oldest open
 * object (table journal).
 *
 * For each file followed (each gen) since the oldest open object began,
 * the place it was read up to, with the bytes before it: a restart finds
 * that file again by them, renamed, copied or compressed.
 *
 * A save (state_save_*) happens inside one transaction with the source's
 * place, so the database always holds the records of exactly the lines
 * before that place: a kill at any moment loses nothing and counts
 * nothing twice.  Records are kept whole (a BLOB of the in-memory
 * record, its size checked at load) beside the columns a report or an
 * admin with sqlite3 reads; rows whose last activity is older than the
 * age limit are pruned.
 */
#ifndef POSTSLEUTH_STATE_H
#define POSTSLEUTH_STATE_H

#include <stdbool.h>
#include <stdint.h>
#include "follow.h"
#include "../analyze/analysis.h"

#define STATE_DEFAULT_PATH "/var/lib/postsleuth/state.db"
#define STATE_SCHEMA 2         /* 2: the journal table; a schema-1 file is migrated */

struct state;

/* a source's places: lines before done are in the saved records; a
 * restart reads again from replay (<= done: the first line of the
 * oldest session or message still open) without counting what is
 * before done a second time */
struct state_source {
	struct follow_at done, replay;
};

/* a journal's places: the cursor of the last entry folded and its time;
 * a restart reads again from replay_us (the oldest open object's time,
 * 0: none open) up to that entry (live/journal_place.h) */
struct state_journal {
	char *cursor;
	uint64_t done_us, replay_us;
};

struct state_counter {
	char *name;
	uint64_t value;
};

struct state *state_open(const char *path, bool readonly, char **err);
void state_close(struct state *s);
void state_begin(struct state *s);
void state_commit(struct state *s);
bool state_source_get(struct state *s, const char *name, struct state_source *out);
void state_source_put(struct state *s, const char *name, const struct state_source *src);
void state_gen_put(struct state *s, const char *name, const struct follow_at *at, uint64_t keep_from);
bool state_journal_get(struct state *s, const char *name, struct state_journal *out);
void state_journal_put(struct state *s, const char *name, const struct state_journal *j);
bool state_gen_get(struct state *s, const char *name, uint64_t gen, struct follow_at *out);
void state_save_client(struct state *s, const struct analysis *a, const struct client *c,
		       enum verdict v);
void state_save_account(struct state *s, const struct account *ac);
void state_save_login(struct state *s, const struct analysis *a, const struct login *l);
void state_verdict(struct state *s, const char *addr, enum verdict v, int64_t at_us, bool acted);
void state_alert(struct state *s, const char *account, int64_t at_us);
bool state_alerted(struct state *s, const char *account);
void state_counter_add(struct state *s, const char *name, uint64_t delta);
size_t state_counters(struct state *s, struct state_counter **out);
void state_counters_free(struct state_counter *v, size_t n);
void state_load(struct state *s, struct analysis *a, void (*acted)(void *ctx, const char *addr),
		void *ctx);
uint64_t state_prune(struct state *s, int64_t before_us);
size_t state_verdict_counts(struct state *s, uint64_t counts[V__COUNT]);

#endif

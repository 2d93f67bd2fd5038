/*
 * test_journal_place.c - the journal's line numbers and restart
 * decisions (live/journal_place.c), and the state's journal places with
 * the migration of a schema-1 database (live/state.c).
 */
#include "tap.h"
#include "analyze/records.h"
#include "live/journal_place.h"
#include "live/state.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#define T0 1795347123253598ULL  /* 2026-11-22T11:32:03.253598Z */

TEST(jpos_grows_with_time_and_ties)
{
	uint64_t p = jpos_next(0, T0);
	CHECK(p == T0 << JPOS_SHIFT);
	CHECK(jpos_realtime(p) == T0);
	/* the same microsecond: the tie counter */
	uint64_t q = jpos_next(p, T0);
	CHECK(q == p + 1);
	CHECK(jpos_realtime(q) == T0);
	/* later: the time again, whatever the tie was */
	uint64_t r = jpos_next(q, T0 + 1);
	CHECK(r == (T0 + 1) << JPOS_SHIFT);
	CHECK(jpos_realtime(r) == T0 + 1);
}

TEST(jpos_clock_stepped_back_still_grows)
{
	uint64_t p = jpos_next(0, T0 + 5000000);
	uint64_t q = jpos_next(p, T0);          /* an hour's step back, say */
	CHECK(q > p);
	/* the time it gives back is the latest seen, never earlier than p's */
	CHECK(jpos_realtime(q) == T0 + 5000000);
	uint64_t r = jpos_next(q, T0 + 5000001);
	CHECK(r > q && jpos_realtime(r) == T0 + 5000001);
}

TEST(jpos_absurd_times_do_not_wrap)
{
	uint64_t p = jpos_next(0, UINT64_MAX);
	CHECK(p > jpos_next(0, T0));
	uint64_t q = jpos_next(p, UINT64_MAX);
	CHECK(q == p + 1);
	CHECK(jpos_next(UINT64_MAX, 5) == UINT64_MAX);  /* stays, never back to 0 */
	/* many entries in one microsecond spill into the next, still growing */
	uint64_t x = jpos_next(0, T0), prev = x;
	for (int i = 0; i < (1 << JPOS_SHIFT) + 10; i++) {
		x = jpos_next(prev, T0);
		CHECK(x > prev);
		prev = x;
	}
	CHECK(jpos_realtime(x) == T0 + 1);
}

TEST(jstart_plans)
{
	struct jstart s = jstart_plan(false, false, false, 0, 0);
	CHECK_INT(s.how, JS_HEAD);
	s = jstart_plan(false, false, true, 0, 0);
	CHECK_INT(s.how, JS_TAIL);
	/* saved, nothing open: on after the saved entry, --from-end or not */
	s = jstart_plan(true, true, true, 0, T0);
	CHECK_INT(s.how, JS_CURSOR);
	/* something open: from its time */
	s = jstart_plan(true, true, false, T0 - 7, T0);
	CHECK_INT(s.how, JS_REPLAY);
	CHECK(s.us == T0 - 7);
	/* never past the saved entry's own time */
	s = jstart_plan(true, true, false, T0 + 9, T0);
	CHECK(s.how == JS_REPLAY && s.us == T0);
	/* the saved entry vacuumed: after its time, no replay */
	s = jstart_plan(true, false, false, T0 - 7, T0);
	CHECK(s.how == JS_GONE && s.us == T0 + 1);
}

TEST(jreplay_steps)
{
	CHECK_INT(jreplay_step(false, T0 - 1, T0), JR_REPLAY);
	CHECK_INT(jreplay_step(false, T0, T0), JR_REPLAY);   /* same µs, another entry */
	CHECK_INT(jreplay_step(true, T0, T0), JR_LAST);
	CHECK_INT(jreplay_step(false, T0 + 1, T0), JR_COUNT);
}

/* the schema "postsleuth watch" wrote before the journal (schema 1) */
static const char schema1[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "CREATE TABLE source(name TEXT PRIMARY KEY, dev INTEGER, ino INTEGER,"
    " gen INTEGER, off INTEGER, replay_dev INTEGER, replay_ino INTEGER, replay_gen INTEGER,"
    " replay_off INTEGER, tail BLOB);"
    "CREATE TABLE client(addr TEXT PRIMARY KEY, verdict TEXT NOT NULL,"
    " sessions INTEGER, auth_failures INTEGER, auth_successes INTEGER, messages INTEGER,"
    " first_us INTEGER, last_us INTEGER, rec BLOB NOT NULL);"
    "CREATE TABLE account(name TEXT PRIMARY KEY, logins INTEGER, messages INTEGER,"
    " recipients INTEGER, first_us INTEGER, last_us INTEGER, rec BLOB NOT NULL);"
    "CREATE TABLE login(addr TEXT NOT NULL, account TEXT NOT NULL, logins INTEGER,"
    " messages INTEGER, recipients INTEGER, last_us INTEGER, rec BLOB NOT NULL,"
    " PRIMARY KEY(addr, account));"
    "CREATE TABLE verdict(addr TEXT PRIMARY KEY, verdict TEXT NOT NULL,"
    " first_us INTEGER, last_us INTEGER, acted INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE alert(account TEXT PRIMARY KEY, first_us INTEGER, last_us INTEGER);"
    "CREATE TABLE counter(name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "CREATE TABLE gen(source TEXT NOT NULL, gen INTEGER NOT NULL, dev INTEGER,"
    " ino INTEGER, off INTEGER, tail BLOB, PRIMARY KEY(source, gen));"
    "INSERT INTO source VALUES ('/var/log/mail.log', 1, 2, 3, 40, 1, 2, 3, 10, x'6162');"
    "INSERT INTO counter VALUES ('lines', 17);";

static int64_t meta_schema(const char *db)
{
	sqlite3 *h;
	sqlite3_stmt *q;
	int64_t v = -1;
	if (sqlite3_open(db, &h) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, "SELECT value FROM meta WHERE key = 'schema'", -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW)
			v = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
	}
	sqlite3_close(h);
	return v;
}

/* make_db - a database from sql and the meta rows of schema version */
static void make_db(const char *db, const char *sql, int version)
{
	sqlite3 *h;
	char meta[512];
	snprintf(meta, sizeof meta,
		 "INSERT INTO meta VALUES ('schema', %d), ('client_size', %zu), ('account_size', %zu),"
		 " ('login_size', %zu);",
		 version, sizeof(struct client), sizeof(struct account), sizeof(struct login));
	if (sqlite3_open(db, &h) != SQLITE_OK || sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(h, meta, NULL, NULL, NULL) != SQLITE_OK)
		abort();
	sqlite3_close(h);
}

static char dir[256], db[300];

static void fresh(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/ps-jstate-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(db, sizeof db, "%s/state.db", dir);
}

static void cleanup(void)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		abort();
}

TEST(state_schema1_migrated_and_kept)
{
	fresh();
	make_db(db, schema1, 1);
	char *err = NULL;
	/* a reader (report --state) takes it as it is, and changes nothing */
	struct state *s = state_open(db, true, &err);
	CHECK(s != NULL);
	state_close(s);
	CHECK_INT(meta_schema(db), 1);
	/* a writer migrates it: its places and counters stay */
	s = state_open(db, false, &err);
	CHECK(s != NULL);
	if (!s) {
		free(err);
		cleanup();
		return;
	}
	CHECK_INT(meta_schema(db), STATE_SCHEMA);
	struct state_source src;
	CHECK(state_source_get(s, "/var/log/mail.log", &src));
	CHECK_INT(src.done.off, 40);
	CHECK_INT(src.replay.off, 10);
	CHECK(src.done.ntail == 2 && !memcmp(src.done.tail, "ab", 2));
	struct state_counter *cv;
	size_t n = state_counters(s, &cv);
	CHECK(n == 1 && cv[0].value == 17);
	state_counters_free(cv, n);
	/* and the journal's places are kept now */
	struct state_journal j = {0};
	CHECK(!state_journal_get(s, "local", &j));
	state_begin(s);
	state_journal_put(s, "local", &(struct state_journal){"s=1;i=2;b=3;m=4;t=5;x=6", T0, T0 - 3});
	state_commit(s);
	state_close(s);
	s = state_open(db, false, &err);
	CHECK(s != NULL);
	if (s) {
		CHECK(state_journal_get(s, "local", &j));
		CHECK_STR(j.cursor, "s=1;i=2;b=3;m=4;t=5;x=6");
		CHECK(j.done_us == T0 && j.replay_us == T0 - 3);
		free(j.cursor);
		CHECK(!state_journal_get(s, "/var/log/mail.log", &j));
		state_close(s);
	}
	cleanup();
}

TEST(state_newer_schema_refused)
{
	fresh();
	make_db(db, "CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);", STATE_SCHEMA + 1);
	char *err = NULL;
	struct state *s = state_open(db, false, &err);
	CHECK(s == NULL);
	CHECK(err && strstr(err, "move it away"));
	free(err);
	state_close(s);
	err = NULL;
	s = state_open(db, true, &err);
	CHECK(s == NULL);
	free(err);
	cleanup();
}

/*
 * state.c - the watcher's memory in SQLite (libsqlite3): schema, the
 * prepared statements, saving and loading records, pruning by age.
 * See state.h for what is kept and why it is consistent.
 */
#include "state.h"
#include "../analyze/records.h"
#include "../util/xalloc.h"

#include <errno.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS source(name TEXT PRIMARY KEY, dev INTEGER, ino INTEGER,"
    " gen INTEGER, off INTEGER, replay_dev INTEGER, replay_ino INTEGER, replay_gen INTEGER,"
    " replay_off INTEGER, tail BLOB);"
    "CREATE TABLE IF NOT EXISTS client(addr TEXT PRIMARY KEY, verdict TEXT NOT NULL,"
    " sessions INTEGER, auth_failures INTEGER, auth_successes INTEGER, messages INTEGER,"
    " first_us INTEGER, last_us INTEGER, rec BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS account(name TEXT PRIMARY KEY, logins INTEGER, messages INTEGER,"
    " recipients INTEGER, first_us INTEGER, last_us INTEGER, rec BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS login(addr TEXT NOT NULL, account TEXT NOT NULL, logins INTEGER,"
    " messages INTEGER, recipients INTEGER, last_us INTEGER, rec BLOB NOT NULL,"
    " PRIMARY KEY(addr, account));"
    "CREATE TABLE IF NOT EXISTS verdict(addr TEXT PRIMARY KEY, verdict TEXT NOT NULL,"
    " first_us INTEGER, last_us INTEGER, acted INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS alert(account TEXT PRIMARY KEY, first_us INTEGER, last_us INTEGER);"
    "CREATE TABLE IF NOT EXISTS counter(name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS gen(source TEXT NOT NULL, gen INTEGER NOT NULL, dev INTEGER,"
    " ino INTEGER, off INTEGER, tail BLOB, PRIMARY KEY(source, gen));"
    /* schema 2: a journal followed, by the cursor of the last entry folded */
    "CREATE TABLE IF NOT EXISTS journal(source TEXT PRIMARY KEY, cursor TEXT NOT NULL,"
    " done_us INTEGER NOT NULL, replay_us INTEGER NOT NULL);";

/* the migrations, each from the schema before it: schema 1 had no
 * journal table (made above); a database written by it is used as it is */
static const char *const migrate[STATE_SCHEMA + 1] = {
    [2] = "UPDATE meta SET value = 2 WHERE key = 'schema' AND value = 1;",
};

/* the statements, one enum and one text each */
#define STMTS(X)                                                                                 \
	X(Q_BEGIN, "BEGIN IMMEDIATE")                                                            \
	X(Q_COMMIT, "COMMIT")                                                                    \
	X(Q_SOURCE_GET, "SELECT dev, ino, gen, off, replay_dev, replay_ino, replay_gen, replay_off, tail " \
			"FROM source WHERE name = ?1")                                           \
	X(Q_SOURCE_PUT, "INSERT OR REPLACE INTO source VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") \
	X(Q_CLIENT_PUT, "INSERT OR REPLACE INTO client VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	X(Q_ACCOUNT_PUT, "INSERT OR REPLACE INTO account VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")     \
	X(Q_LOGIN_PUT, "INSERT OR REPLACE INTO login VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")         \
	X(Q_VERDICT_PUT, "INSERT INTO verdict VALUES (?1, ?2, ?3, ?3, ?4) ON CONFLICT(addr) DO "   \
			 "UPDATE SET verdict = excluded.verdict, first_us = CASE WHEN verdict = "  \
			 "excluded.verdict THEN first_us ELSE excluded.first_us END, last_us = "   \
			 "max(last_us, excluded.last_us), acted = max(acted, excluded.acted)")     \
	X(Q_ALERT_PUT, "INSERT INTO alert VALUES (?1, ?2, ?2) ON CONFLICT(account) DO UPDATE SET " \
		       "last_us = max(last_us, excluded.last_us)")                                \
	X(Q_ALERT_GET, "SELECT 1 FROM alert WHERE account = ?1")                                 \
	X(Q_COUNTER_ADD, "INSERT INTO counter VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET "    \
			 "value = value + excluded.value")                                         \
	X(Q_COUNTERS, "SELECT name, value FROM counter ORDER BY name")                           \
	X(Q_VERDICT_COUNTS, "SELECT verdict, count(*) FROM client GROUP BY verdict")             \
	X(Q_GEN_PUT, "INSERT OR REPLACE INTO gen VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                \
	X(Q_GEN_GET, "SELECT dev, ino, off, tail FROM gen WHERE source = ?1 AND gen = ?2")        \
	X(Q_GEN_PRUNE, "DELETE FROM gen WHERE source = ?1 AND gen < ?2")

enum {
#define X(e, s) e,
	STMTS(X)
#undef X
	Q__COUNT
};

static const char *const stmt_sql[] = {
#define X(e, s) s,
    STMTS(X)
#undef X
};

struct state {
	sqlite3 *db;
	char *path;
	bool readonly;
	int lock;               /* path-lock, flock'd: one writer at a time */
	sqlite3_stmt *q[Q__COUNT];
	sqlite3_stmt *jget, *jput;      /* the journal table's, when used */
};

/* die - a database that will not work is an environment failure */
static void die(struct state *s, const char *what)
{
	fatal(EXIT_ENV, "state %s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

/* exec - one or more statements without results */
static void exec(struct state *s, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fatal(EXIT_ENV, "state %s: %s", s->path, msg ? msg : "error");
}

/* step - run a prepared statement that returns no rows, and reset it */
static void step(struct state *s, sqlite3_stmt *q)
{
	int rc = sqlite3_step(q);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		die(s, sqlite3_sql(q));
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
}

/* meta_check - the schema version and record sizes it was written
 * with; a new database gets ours */
static bool meta_check(struct state *s, const char *key, int64_t want, char **err)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?1", -1, &q, NULL) != SQLITE_OK)
		die(s, "meta");
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	bool ok = true;
	if (sqlite3_step(q) == SQLITE_ROW) {
		int64_t have = sqlite3_column_int64(q, 0);
		if (have != want) {
			char t[256];
			snprintf(t, sizeof t, "written with %s %lld, this postsleuth has %lld: move it "
					      "away to start afresh",
				 key, (long long)have, (long long)want);
			*err = xstrdup(t);
			ok = false;
		}
	} else if (!s->readonly) {
		sqlite3_finalize(q);
		if (sqlite3_prepare_v2(s->db, "INSERT INTO meta VALUES (?1, ?2)", -1, &q, NULL) != SQLITE_OK)
			die(s, "meta");
		sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 2, want);
		if (sqlite3_step(q) != SQLITE_DONE)
			die(s, "meta");
	}
	sqlite3_finalize(q);
	return ok;
}

/* schema_version - the schema the database was written with (0: new) */
static int64_t schema_version(struct state *s)
{
	sqlite3_stmt *q;
	int64_t v = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema'", -1, &q, NULL) !=
	    SQLITE_OK)
		return 0;       /* no meta table: not ours, or new */
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

/* migrate_up - a database of an older schema brought to ours, one step
 * at a time, each step in one transaction */
static void migrate_up(struct state *s)
{
	int64_t v = schema_version(s);
	for (; v >= 1 && v < STATE_SCHEMA; v++) {
		exec(s, "BEGIN IMMEDIATE");
		exec(s, migrate[v + 1]);
		exec(s, "COMMIT");
	}
}

/* schema_readable - a reader (report --state) takes every schema since
 * 1: what it reads was there from the start */
static bool schema_readable(struct state *s, char **err)
{
	int64_t v = schema_version(s);
	if (v >= 1 && v <= STATE_SCHEMA)
		return true;
	return meta_check(s, "schema", STATE_SCHEMA, err);
}

/* state_open - open or create the database (and its directory, 0750);
 * NULL with *err said when it cannot be used */
struct state *state_open(const char *path, bool readonly, char **err)
{
	*err = NULL;
	struct state *s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->readonly = readonly;
	if (!readonly) {
		char *d = xstrdup(path);
		const char *dir = dirname(d);
		if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
			char t[512];
			snprintf(t, sizeof t, "cannot make %s: %s", dir, strerror(errno));
			*err = xstrdup(t);
		}
		free(d);
		if (*err) {
			free(s->path);
			free(s);
			return NULL;
		}
	}
	s->lock = -1;
	if (!readonly) {
		size_t n = strlen(path) + 8;
		char *lp = xmalloc(n);
		snprintf(lp, n, "%s-lock", path);
		s->lock = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0640);
		free(lp);
		if (s->lock < 0 || flock(s->lock, LOCK_EX | LOCK_NB) != 0) {
			*err = xstrdup(s->lock < 0 ? strerror(errno)
						   : "in use by another postsleuth watch (one per state)");
			if (s->lock >= 0)
				close(s->lock);
			free(s->path);
			free(s);
			return NULL;
		}
	}
	int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		*err = xstrdup(s->db ? sqlite3_errmsg(s->db) : "cannot open");
		sqlite3_close(s->db);
		if (s->lock >= 0)
			close(s->lock);
		free(s->path);
		free(s);
		return NULL;
	}
	sqlite3_busy_timeout(s->db, 5000);
	if (!readonly)
		exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
	exec(s, readonly ? "SELECT 1" : schema);
	if (!readonly)
		migrate_up(s);
	bool ok = (readonly ? schema_readable(s, err) : meta_check(s, "schema", STATE_SCHEMA, err)) &&
		  meta_check(s, "client_size", sizeof(struct client), err) &&
		  meta_check(s, "account_size", sizeof(struct account), err) &&
		  meta_check(s, "login_size", sizeof(struct login), err);
	for (int i = 0; ok && i < Q__COUNT; i++) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &s->q[i],
				       NULL) != SQLITE_OK) {
			*err = xstrdup(sqlite3_errmsg(s->db));
			ok = false;
		}
	}
	if (!ok) {
		state_close(s);
		return NULL;
	}
	return s;
}

/* state_close - finalize and close (the WAL is checkpointed by SQLite) */
void state_close(struct state *s)
{
	if (!s)
		return;
	for (int i = 0; i < Q__COUNT; i++)
		sqlite3_finalize(s->q[i]);
	sqlite3_finalize(s->jget);
	sqlite3_finalize(s->jput);
	sqlite3_close(s->db);
	if (s->lock >= 0)
		close(s->lock);
	free(s->path);
	free(s);
}

void state_begin(struct state *s)
{
	step(s, s->q[Q_BEGIN]);
}

void state_commit(struct state *s)
{
	step(s, s->q[Q_COMMIT]);
}

/* state_source_get - the places saved for a source */
bool state_source_get(struct state *s, const char *name, struct state_source *out)
{
	sqlite3_stmt *q = s->q[Q_SOURCE_GET];
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(q) == SQLITE_ROW;
	if (found) {
		uint64_t v[8];
		for (int i = 0; i < 8; i++)
			v[i] = (uint64_t)sqlite3_column_int64(q, i);
		memset(out, 0, sizeof *out);
		out->done = (struct follow_at){v[0], v[1], v[2], v[3], 0, {0}};
		out->replay = (struct follow_at){v[4], v[5], v[6], v[7], 0, {0}};
		int n = sqlite3_column_bytes(q, 8);
		const void *t = sqlite3_column_blob(q, 8);
		if (t && n > 0 && n <= FOLLOW_TAIL) {
			memcpy(out->done.tail, t, (size_t)n);
			out->done.ntail = (uint8_t)n;
		}
	}
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return found;
}

/* state_source_put - the places of a source (inside the transaction of
 * the records they go with) */
void state_source_put(struct state *s, const char *name, const struct state_source *src)
{
	sqlite3_stmt *q = s->q[Q_SOURCE_PUT];
	const struct follow_at *p[2] = {&src->done, &src->replay};
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	for (int k = 0; k < 2; k++) {
		sqlite3_bind_int64(q, 2 + 4 * k, (int64_t)p[k]->dev);
		sqlite3_bind_int64(q, 3 + 4 * k, (int64_t)p[k]->ino);
		sqlite3_bind_int64(q, 4 + 4 * k, (int64_t)p[k]->gen);
		sqlite3_bind_int64(q, 5 + 4 * k, (int64_t)p[k]->off);
	}
	sqlite3_bind_blob(q, 10, src->done.tail, src->done.ntail, SQLITE_TRANSIENT);
	step(s, q);
}

/* state_journal_get - the places saved for a journal; out->cursor is
 * malloc'd */
bool state_journal_get(struct state *s, const char *name, struct state_journal *out)
{
	if (!s->jget && sqlite3_prepare_v2(s->db, "SELECT cursor, done_us, replay_us FROM journal "
						  "WHERE source = ?1", -1, &s->jget, NULL) != SQLITE_OK)
		die(s, "journal");
	sqlite3_stmt *q = s->jget;
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	bool found = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0);
	if (found) {
		out->cursor = xstrdup((const char *)sqlite3_column_text(q, 0));
		out->done_us = (uint64_t)sqlite3_column_int64(q, 1);
		out->replay_us = (uint64_t)sqlite3_column_int64(q, 2);
	}
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return found;
}

/* state_journal_put - the places of a journal (inside the transaction
 * of the records they go with) */
void state_journal_put(struct state *s, const char *name, const struct state_journal *j)
{
	if (!s->jput && sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO journal VALUES (?1, ?2, ?3, ?4)",
					   -1, &s->jput, NULL) != SQLITE_OK)
		die(s, "journal");
	sqlite3_stmt *q = s->jput;
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, j->cursor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 3, (int64_t)j->done_us);
	sqlite3_bind_int64(q, 4, (int64_t)j->replay_us);
	step(s, q);
}

/* state_gen_put - where the file of at->gen was read up to (the file
 * is recognised by it later, even compressed), and forget the files
 * before gen keep_from */
void state_gen_put(struct state *s, const char *name, const struct follow_at *at, uint64_t keep_from)
{
	sqlite3_stmt *q = s->q[Q_GEN_PUT];
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, (int64_t)at->gen);
	sqlite3_bind_int64(q, 3, (int64_t)at->dev);
	sqlite3_bind_int64(q, 4, (int64_t)at->ino);
	sqlite3_bind_int64(q, 5, (int64_t)at->off);
	sqlite3_bind_blob(q, 6, at->tail, at->ntail, SQLITE_TRANSIENT);
	step(s, q);
	q = s->q[Q_GEN_PRUNE];
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, (int64_t)keep_from);
	step(s, q);
}

/* state_gen_get - where the file of gen was left */
bool state_gen_get(struct state *s, const char *name, uint64_t gen, struct follow_at *out)
{
	sqlite3_stmt *q = s->q[Q_GEN_GET];
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, (int64_t)gen);
	bool found = sqlite3_step(q) == SQLITE_ROW;
	if (found) {
		memset(out, 0, sizeof *out);
		out->dev = (uint64_t)sqlite3_column_int64(q, 0);
		out->ino = (uint64_t)sqlite3_column_int64(q, 1);
		out->gen = gen;
		out->off = (uint64_t)sqlite3_column_int64(q, 2);
		int n = sqlite3_column_bytes(q, 3);
		const void *t = sqlite3_column_blob(q, 3);
		if (t && n > 0 && n <= FOLLOW_TAIL) {
			memcpy(out->tail, t, (size_t)n);
			out->ntail = (uint8_t)n;
		}
	}
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return found;
}

/* state_save_client - one client record, with its verdict now */
void state_save_client(struct state *s, const struct analysis *a, const struct client *c,
		       enum verdict v)
{
	(void)a;
	sqlite3_stmt *q = s->q[Q_CLIENT_PUT];
	struct client_addr ca = client_addr(c);
	struct client r = *c;
	r.detail = 0;
	r.login0 = r.nlogin = 0;
	if (r.kind == CA_TEXT)
		memset(r.addr, 0, sizeof r.addr);  /* a pointer: meaningless in a file */
	sqlite3_bind_text(q, 1, ca.s, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, verdict_id(v), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, c->sessions);
	sqlite3_bind_int64(q, 4, c->auth_failures);
	sqlite3_bind_int64(q, 5, c->auth_successes);
	sqlite3_bind_int64(q, 6, c->messages);
	sqlite3_bind_int64(q, 7, c->first_us);
	sqlite3_bind_int64(q, 8, c->last_us);
	sqlite3_bind_blob(q, 9, &r, sizeof r, SQLITE_TRANSIENT);
	step(s, q);
}

/* state_save_account - one account record */
void state_save_account(struct state *s, const struct account *ac)
{
	sqlite3_stmt *q = s->q[Q_ACCOUNT_PUT];
	struct account r = *ac;
	r.name = NULL;
	r.detail = 0;
	r.login0 = r.nlogin = 0;
	r.new_ip = 0;
	sqlite3_bind_text(q, 1, ac->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, ac->logins);
	sqlite3_bind_int64(q, 3, ac->messages);
	sqlite3_bind_int64(q, 4, ac->recipients);
	sqlite3_bind_int64(q, 5, ac->first.us);
	sqlite3_bind_int64(q, 6, ac->last.us);
	sqlite3_bind_blob(q, 7, &r, sizeof r, SQLITE_TRANSIENT);
	step(s, q);
}

/* state_save_login - one (address, account) pair, by name */
void state_save_login(struct state *s, const struct analysis *a, const struct login *l)
{
	sqlite3_stmt *q = s->q[Q_LOGIN_PUT];
	struct client_addr ca = client_addr(records_client(a, l->client));
	struct login r = *l;
	r.client = r.account = 0;
	sqlite3_bind_text(q, 1, ca.s, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, records_account(a, l->account)->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 3, l->logins);
	sqlite3_bind_int64(q, 4, l->messages);
	sqlite3_bind_int64(q, 5, l->recipients);
	sqlite3_bind_int64(q, 6, l->last.us);
	sqlite3_bind_blob(q, 7, &r, sizeof r, SQLITE_TRANSIENT);
	step(s, q);
}

/* state_verdict - a client's hostile verdict seen at at_us (log time);
 * acted: its action was taken */
void state_verdict(struct state *s, const char *addr, enum verdict v, int64_t at_us, bool acted)
{
	sqlite3_stmt *q = s->q[Q_VERDICT_PUT];
	sqlite3_bind_text(q, 1, addr, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, verdict_id(v), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, at_us);
	sqlite3_bind_int(q, 4, acted);
	step(s, q);
}

/* state_alert - an account alerted on, at at_us */
void state_alert(struct state *s, const char *account, int64_t at_us)
{
	sqlite3_stmt *q = s->q[Q_ALERT_PUT];
	sqlite3_bind_text(q, 1, account, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, at_us);
	step(s, q);
}

/* state_alerted - was the account alerted on before */
bool state_alerted(struct state *s, const char *account)
{
	sqlite3_stmt *q = s->q[Q_ALERT_GET];
	sqlite3_bind_text(q, 1, account, -1, SQLITE_TRANSIENT);
	bool yes = sqlite3_step(q) == SQLITE_ROW;
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return yes;
}

/* state_counter_add - a counter of the metrics grows */
void state_counter_add(struct state *s, const char *name, uint64_t delta)
{
	if (!delta)
		return;
	sqlite3_stmt *q = s->q[Q_COUNTER_ADD];
	sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, (int64_t)delta);
	step(s, q);
}

/* state_counters - every counter, by name; *out is malloc'd */
size_t state_counters(struct state *s, struct state_counter **out)
{
	sqlite3_stmt *q = s->q[Q_COUNTERS];
	size_t n = 0;
	*out = NULL;
	while (sqlite3_step(q) == SQLITE_ROW) {
		*out = xrealloc(*out, (n + 1) * sizeof **out);
		(*out)[n].name = xstrdup((const char *)sqlite3_column_text(q, 0));
		(*out)[n].value = (uint64_t)sqlite3_column_int64(q, 1);
		n++;
	}
	sqlite3_reset(q);
	return n;
}

void state_counters_free(struct state_counter *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/* state_verdict_counts - clients by their saved verdict */
size_t state_verdict_counts(struct state *s, uint64_t counts[V__COUNT])
{
	sqlite3_stmt *q = s->q[Q_VERDICT_COUNTS];
	size_t total = 0;
	memset(counts, 0, V__COUNT * sizeof *counts);
	while (sqlite3_step(q) == SQLITE_ROW) {
		enum verdict v;
		if (verdict_from_id((const char *)sqlite3_column_text(q, 0), &v)) {
			counts[v] = (uint64_t)sqlite3_column_int64(q, 1);
			total += counts[v];
		}
	}
	sqlite3_reset(q);
	return total;
}

/* blob_ok - a record blob of the expected size */
static const void *blob_ok(struct state *s, sqlite3_stmt *q, int col, size_t want)
{
	const void *p = sqlite3_column_blob(q, col);
	if (!p || (size_t)sqlite3_column_bytes(q, col) != want)
		fatal(EXIT_ENV, "state %s: a record of the wrong size: the database is damaged", s->path);
	return p;
}

/* state_load - the saved records into a fresh analysis, and acted(addr)
 * for every address already acted on */
void state_load(struct state *s, struct analysis *a, void (*acted)(void *ctx, const char *addr),
		void *ctx)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db, "SELECT addr, rec FROM client", -1, &q, NULL) != SQLITE_OK)
		die(s, "load");
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *addr = (const char *)sqlite3_column_text(q, 0);
		struct client r;
		memcpy(&r, blob_ok(s, q, 1, sizeof r), sizeof r);
		struct client *c = records_client_get(a, span_of(addr ? addr : ""));
		if (!c)
			continue;
		memcpy(r.addr, c->addr, sizeof r.addr);
		r.kind = c->kind;
		r.detail = c->detail;
		*c = r;
	}
	sqlite3_finalize(q);
	if (sqlite3_prepare_v2(s->db, "SELECT name, rec FROM account", -1, &q, NULL) != SQLITE_OK)
		die(s, "load");
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(q, 0);
		struct account r;
		memcpy(&r, blob_ok(s, q, 1, sizeof r), sizeof r);
		struct account *ac = records_account_get(a, span_of(name ? name : ""));
		if (!ac)
			continue;
		r.name = ac->name;
		r.detail = ac->detail;
		*ac = r;
	}
	sqlite3_finalize(q);
	if (sqlite3_prepare_v2(s->db, "SELECT addr, account, rec FROM login", -1, &q, NULL) != SQLITE_OK)
		die(s, "load");
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *addr = (const char *)sqlite3_column_text(q, 0);
		const char *name = (const char *)sqlite3_column_text(q, 1);
		struct login r;
		memcpy(&r, blob_ok(s, q, 2, sizeof r), sizeof r);
		struct client *c = records_client_get(a, span_of(addr ? addr : ""));
		uint32_t ci = c ? records_client_number(a, c) : 0;
		struct account *ac = records_account_get(a, span_of(name ? name : ""));
		if (!c || !ac)
			continue;
		struct login *l = records_login_get(a, ci, records_account_number(a, ac));
		r.client = l->client;
		r.account = l->account;
		*l = r;
	}
	sqlite3_finalize(q);
	if (!acted)
		return;
	if (sqlite3_prepare_v2(s->db, "SELECT addr FROM verdict WHERE acted", -1, &q, NULL) != SQLITE_OK)
		die(s, "load");
	while (sqlite3_step(q) == SQLITE_ROW)
		acted(ctx, (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
}

/* state_prune - forget what was last active before before_us (log
 * time); returns the rows removed */
uint64_t state_prune(struct state *s, int64_t before_us)
{
	static const char *const sql[] = {
	    "DELETE FROM client WHERE last_us < ?1", "DELETE FROM login WHERE last_us < ?1",
	    "DELETE FROM account WHERE last_us < ?1", "DELETE FROM verdict WHERE last_us < ?1",
	    "DELETE FROM alert WHERE last_us < ?1"};
	uint64_t n = 0;
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(s->db, sql[i], -1, &q, NULL) != SQLITE_OK)
			die(s, "prune");
		sqlite3_bind_int64(q, 1, before_us);
		if (sqlite3_step(q) != SQLITE_DONE)
			die(s, "prune");
		n += (uint64_t)sqlite3_changes(s->db);
		sqlite3_finalize(q);
	}
	return n;
}

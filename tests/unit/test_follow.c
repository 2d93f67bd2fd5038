/*
 * test_follow.c - the live follower (live/follow.c) through every
 * rotation case on real files in a temporary directory, and the state
 * (live/state.c) saved and loaded back.
 */
#include "tap.h"
#include "analyze/records.h"
#include "input/lines.h"
#include "live/follow.h"
#include "live/state.h"
#include "util/xalloc.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

struct got {
	char text[4096];        /* lines joined with '|' */
	size_t n;
	struct follow_at last;  /* place of the last line */
	struct follow_at after[16];     /* the place after each line, as watch saves it */
	uint64_t end, longest;
};

static void collect(void *ctx, struct span line, const struct follow_at *at, uint64_t end)
{
	struct got *g = ctx;
	size_t k = strlen(g->text);
	snprintf(g->text + k, sizeof g->text - k, "%s%.*s", g->n ? "|" : "",
		 (int)(line.n > 64 ? 64 : line.n), line.p);
	g->n++;
	g->last = *at;
	g->end = end;
	if (g->n <= 16) {
		g->after[g->n - 1] = *at;
		g->after[g->n - 1].off = end;
	}
	if (line.n > g->longest)
		g->longest = line.n;
}

/* a fresh directory with mail.log in it */
static char dir[256], path[300], path1[300];

static void fresh(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/ps-follow-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/mail.log", dir);
	snprintf(path1, sizeof path1, "%s/mail.log.1", dir);
}

static void cleanup(void)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		abort();
}

static void append(const char *p, const char *s)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (fd < 0 || write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		abort();
	close(fd);
}

static void reset(struct got *g)
{
	memset(g, 0, sizeof *g);
}

TEST(follow_lines_and_partial_last_line)
{
	fresh();
	struct got g = {0};
	struct follow f;
	append(path, "a\nbb\n");
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, false);
	CHECK_INT(follow_poll(&f), 2);
	CHECK_STR(g.text, "a|bb");
	CHECK_INT(g.last.off, 2);
	CHECK_INT(g.end, 5);
	CHECK_INT(g.last.gen, 1);
	reset(&g);
	append(path, "cc");             /* a line being written */
	CHECK_INT(follow_poll(&f), 0);
	append(path, "c\n");
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "ccc");
	CHECK_INT(g.last.off, 5);
	CHECK_INT(g.end, 9);
	follow_free(&f);
	cleanup();
}

TEST(follow_rename_rotation)
{
	fresh();
	struct got g = {0};
	struct follow f;
	append(path, "one\n");
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, false);
	follow_poll(&f);
	reset(&g);
	CHECK(rename(path, path1) == 0);
	append(path1, "late\n");        /* the writer has not reopened yet */
	append(path, "");               /* logrotate's create: empty */
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "late");
	CHECK_INT(g.last.gen, 1);
	CHECK(f.old);
	append(path1, "later\n");
	append(path, "new\n");          /* the writer reopened */
	reset(&g);
	CHECK_INT(follow_poll(&f), 2);
	CHECK_STR(g.text, "later|new");
	CHECK_INT(g.last.gen, 2);
	CHECK_INT(g.last.off, 0);
	CHECK_INT(f.rotations, 1);
	/* the old file compressed afterwards is never read */
	unlink(path1);
	char gz[320];
	snprintf(gz, sizeof gz, "%s.gz", path1);
	append(gz, "one\nlate\nlater\n");
	reset(&g);
	CHECK_INT(follow_poll(&f), 0);
	follow_free(&f);
	cleanup();
}

TEST(follow_copytruncate)
{
	fresh();
	struct got g = {0};
	struct follow f;
	append(path, "first line\nsecond line\n");
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, false);
	follow_poll(&f);
	CHECK(truncate(path, 0) == 0);
	append(path, "x\n");
	reset(&g);
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "x");
	CHECK_INT(g.last.gen, 2);
	CHECK_INT(g.last.off, 0);
	CHECK_INT(f.truncations, 1);
	/* truncated and grown past where we stood before we looked */
	CHECK(truncate(path, 0) == 0);
	append(path, "a line longer than x\n");
	reset(&g);
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "a line longer than x");
	CHECK_INT(g.last.gen, 3);
	/* ... and so while stopped */
	struct follow_at at = g.after[0];
	follow_free(&f);
	CHECK(truncate(path, 0) == 0);
	append(path, "yet another line, longer\n");
	reset(&g);
	follow_init(&f, path, collect, &g);
	follow_start(&f, &at, &at, false);
	CHECK(f.note != NULL);
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "yet another line, longer");
	CHECK_INT(g.last.gen, 4);
	follow_free(&f);
	cleanup();
}

TEST(follow_copytruncate_unread_rest_from_the_copy)
{
	fresh();
	struct got g = {0};
	struct follow f;
	append(path, "first line\n");
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, false);
	follow_poll(&f);
	append(path, "written before the copy\n");  /* not read yet */
	char cmd[1400];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && gzip '%s'", path, path1, path1);
	CHECK(system(cmd) == 0);                    /* the copy, compressed at once */
	CHECK(truncate(path, 0) == 0);
	append(path, "after\n");
	reset(&g);
	CHECK_INT(follow_poll(&f), 2);
	CHECK_STR(g.text, "written before the copy|after");
	CHECK_INT(g.after[0].gen, 1);
	CHECK_INT(g.after[1].gen, 2);
	follow_free(&f);
	cleanup();
}

TEST(follow_delete_and_recreate)
{
	fresh();
	struct got g = {0};
	struct follow f;
	append(path, "a\n");
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, false);
	follow_poll(&f);
	unlink(path);
	reset(&g);
	CHECK_INT(follow_poll(&f), 0);
	CHECK(f.old);
	append(path, "b\n");
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "b");
	CHECK_INT(g.last.gen, 2);
	follow_free(&f);
	cleanup();
}

TEST(follow_file_appears_later)
{
	fresh();
	struct got g = {0};
	struct follow f;
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, false);
	CHECK_INT(follow_poll(&f), 0);
	append(path, "a\n");
	CHECK_INT(follow_poll(&f), 1);
	CHECK_INT(g.last.gen, 1);
	follow_free(&f);
	cleanup();
}

TEST(follow_restart_from_saved_place)
{
	fresh();
	struct got g = {0};
	struct follow f;
	append(path, "a\nb\nc\n");
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, false);
	follow_poll(&f);
	struct follow_at at = g.after[1];       /* after "a\nb\n" */
	CHECK_INT(at.off, 4);
	CHECK_INT(at.ntail, 4);
	follow_free(&f);
	reset(&g);
	follow_init(&f, path, collect, &g);
	follow_start(&f, &at, &at, false);
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "c");
	CHECK_INT(g.last.off, 4);
	follow_free(&f);
	/* rotated while stopped: the rest of the old file, then the new one */
	CHECK(rename(path, path1) == 0);
	append(path, "d\n");
	reset(&g);
	follow_init(&f, path, collect, &g);
	follow_start(&f, &at, &at, false);
	CHECK_INT(follow_poll(&f), 2);
	CHECK_STR(g.text, "c|d");
	CHECK_INT(g.last.gen, at.gen + 1);
	follow_free(&f);
	/* the saved file is gone (compressed): the path from its start, said */
	unlink(path1);
	reset(&g);
	follow_init(&f, path, collect, &g);
	follow_start(&f, &at, &at, false);
	CHECK(f.note != NULL);
	CHECK_INT(f.lost_starts, 1);
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "d");
	CHECK_INT(g.last.gen, at.gen + 1);
	follow_free(&f);
	/* at the end, with nothing saved */
	reset(&g);
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, true);
	CHECK_INT(follow_poll(&f), 0);
	append(path, "e\n");
	CHECK_INT(follow_poll(&f), 1);
	CHECK_STR(g.text, "e");
	follow_free(&f);
	cleanup();
}

TEST(follow_overlong_line_cut)
{
	fresh();
	struct got g = {0};
	struct follow f;
	size_t n = LINE_MAX_LEN + 100;
	char *big = xmalloc(n + 2);
	memset(big, 'x', n);
	big[n] = '\n';
	big[n + 1] = 0;
	append(path, big);
	append(path, "short\n");
	free(big);
	follow_init(&f, path, collect, &g);
	follow_start(&f, NULL, NULL, false);
	CHECK_INT(follow_poll(&f), 2);
	CHECK_INT(g.longest, LINE_MAX_LEN);
	CHECK_INT(f.truncated, 1);
	CHECK_INT(g.last.off, n + 1);
	follow_free(&f);
	cleanup();
}

static void count_acted(void *ctx, const char *addr)
{
	CHECK_STR(addr, "192.0.2.7");
	(*(int *)ctx)++;
}

TEST(state_round_trip)
{
	fresh();
	char db[320];
	snprintf(db, sizeof db, "%s/state.db", dir);
	char *err = NULL;
	struct state *s = state_open(db, false, &err);
	CHECK(s != NULL);
	if (!s)
		return;
	struct analysis *a = analysis_new();
	struct client *c = records_client_get(a, span_of("192.0.2.7"));
	c->sessions = 5;
	c->auth_failures = 12;
	c->first_us = 1000;
	c->last_us = 2000;
	c->verdict = V_AUTH_BRUTEFORCE;
	struct client *c6 = records_client_get(a, span_of("2001:db8::1"));
	c6->sessions = 1;
	c6->messages = 3;
	struct account *ac = records_account_get(a, span_of("alice@example.org"));
	ac->logins = 2;
	ac->recipients = 40;
	struct login *l = records_login_get(a, records_client_number(a, c6), records_account_number(a, ac));
	l->logins = 2;
	state_begin(s);
	for (uint32_t i = 0; i < a->clients.n; i++)
		state_save_client(s, a, records_client(a, i), (enum verdict)records_client(a, i)->verdict);
	state_save_account(s, ac);
	state_save_login(s, a, l);
	state_verdict(s, "192.0.2.7", V_AUTH_BRUTEFORCE, 2000, true);
	state_counter_add(s, "lines", 42);
	struct state_source src = {{1, 2, 3, 4, 2, "ab"}, {1, 2, 3, 1, 0, {0}}};
	state_source_put(s, "/var/log/mail.log", &src);
	state_commit(s);
	state_close(s);

	s = state_open(db, false, &err);
	CHECK(s != NULL);
	if (!s)
		return;
	struct analysis *b = analysis_new();
	int acted = 0;
	state_load(s, b, count_acted, &acted);
	CHECK_INT(acted, 1);
	CHECK_INT(b->clients.n, 2);
	struct client *bc = records_client_find(b, span_of("192.0.2.7"));
	CHECK(bc != NULL);
	if (bc) {
		CHECK_INT(bc->sessions, 5);
		CHECK_INT(bc->auth_failures, 12);
		CHECK_INT(bc->last_us, 2000);
		CHECK_INT(bc->verdict, V_AUTH_BRUTEFORCE);
		CHECK_INT(verdict_decide(bc), V_AUTH_BRUTEFORCE);
	}
	struct client *bc6 = records_client_find(b, span_of("2001:db8::1"));
	CHECK(bc6 && bc6->messages == 3);
	struct account *bac = analysis_account(b, "alice@example.org");
	CHECK(bac && bac->recipients == 40);
	CHECK_INT(b->logins.n, 1);
	if (bac && bc6) {
		struct login *bl = records_login_find(b, records_client_number(b, bc6),
						      records_account_number(b, bac));
		CHECK(bl && bl->logins == 2);
	}
	struct state_source got;
	CHECK(state_source_get(s, "/var/log/mail.log", &got));
	CHECK_INT(got.done.off, 4);
	CHECK_INT(got.replay.off, 1);
	CHECK_INT(got.done.ino, 2);
	CHECK_INT(got.done.ntail, 2);
	CHECK(!memcmp(got.done.tail, "ab", 2));
	struct state_counter *cv;
	size_t n = state_counters(s, &cv);
	CHECK_INT(n, 1);
	CHECK_INT(n ? cv[0].value : 0, 42);
	state_counters_free(cv, n);
	uint64_t counts[V__COUNT];
	CHECK_INT(state_verdict_counts(s, counts), 2);
	CHECK_INT(counts[V_AUTH_BRUTEFORCE], 1);
	/* pruned by age: the IPv6 client (last seen at 0), its login, the
	 * account (no time): the IPv4 client, last seen at 2000, stays */
	state_begin(s);
	CHECK_INT(state_prune(s, 1500), 3);
	state_commit(s);
	CHECK_INT(state_verdict_counts(s, counts), 1);
	CHECK_INT(counts[V_AUTH_BRUTEFORCE], 1);
	state_close(s);
	analysis_free(a);
	analysis_free(b);
	cleanup();
}

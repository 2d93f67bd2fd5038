/*
 * cmd_watch.c - "postsleuth watch": follow a live mail log across its
 * rotations (live/follow.c), run every line through the same pipeline
 * as the batch commands (feed -> model -> analysis), decide a client's
 * verdict again whenever its record changes, act once when it becomes
 * bannable (live/action.c), and keep everything in SQLite
 * (live/state.c) so that a restart goes on where it stopped.
 *
 * Exactly once, across kill -9: a save writes the changed records and
 * the place of the last line folded into them in one transaction.  The
 * sessions and messages still open are not saved as such; the save
 * also records the place of the first line of the oldest of them, and a
 * restart reads again from there, feeding the model only (no analysis,
 * no counter) up to the saved place: the open objects are rebuilt, and
 * an object the replay closes before that place was already counted.
 * When that first line is in a file no longer beside the log (rotated
 * twice, compressed), the replay starts at the saved file's beginning,
 * and what was open across that rotation is cut.
 *
 * The systemd journal (--journal, or a journal file by name) is followed
 * the same way through libsystemd (live/follow_journal.c): the saved
 * place is the cursor of the last entry folded, the replay place the
 * realtime of the oldest open object's first entry; a restart seeks to
 * that time and feeds the model only up to and including the saved
 * entry.  The model's line numbers are made from the entries' realtime
 * (live/journal_place.h says how and why).  When the saved entry has
 * been vacuumed, reading goes on after its time, and what was open
 * across the gap is cut.
 *
 * Where a run begins and what a restart reads again: cmd_watch_start.c.
 *
 * A ban follows the rules of "postsleuth ban" (ban.c): the same default
 * verdicts (or --verdict), never loopback or special addresses, never
 * --allow or mynetworks, never an address that logged in successfully;
 * and each address is acted on once (remembered in the state).
 */
#include "cmd_watch.h"
#include "../act/ban_rules.h"
#include "../analyze/analysis.h"
#include "../analyze/records.h"
#include "../diagnose/rules.h"
#include "../feed/feed.h"
#include "../input/source.h"
#include "../live/action.h"
#include "../live/follow.h"
#include "../live/follow_journal.h"
#include "../live/journal_place.h"
#include "../live/metrics.h"
#include "../live/state.h"
#include "../model/correlate.h"
#include "../util/cidr.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WATCH_DEFAULT_LOG "/var/log/mail.log"
#define WATCH_LOCAL_JOURNAL "local"     /* the local journal's name in the state */
#define WATCH_SAVE_MS 1000      /* save at least this often while lines come */
#define WATCH_PRUNE_MS (3600 * 1000)

static volatile sig_atomic_t got_term, got_hup;

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		got_hup = 1;
	else
		got_term = 1;
}

/* now_ms - monotonic */
static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* on_touched - the analysis found or made a record: save it next time,
 * and decide its client again after this line */
static void on_touched(void *ctx, enum record_table t, uint32_t i)
{
	struct watch *w = ctx;
	marks_add(&w->dirty[t], i);
	if (t == REC_CLIENT)
		marks_add(&w->check, i);
	else if (t == REC_ACCOUNT && w->in_message)
		marks_add(&w->acheck, i);   /* what makes an account look compromised is its mail */
}

/* on_event - replayed lines feed the model only */
static void on_event(const struct event *ev, void *ctx)
{
	struct watch *w = ctx;
	if (!w->replaying) {
		w->postfix += ev->type != EV_OTHER;
		analysis_event(w->a, ev);
		struct diag_hit hit;
		if (ev->type != EV_OTHER && diag_classify(ev, &hit))
			w->findings[hit.id]++;
	}
	model_event(w->model, ev, w->pos, 0);
}

/* on_session - a closed session; while replaying, it was counted */
static void on_session(const struct session *s, void *ctx)
{
	struct watch *w = ctx;
	if (!w->replaying)
		analysis_session(w->a, s);
}

/* on_message - a closed message; its account is checked for an alert */
static void on_message(const struct message *m, void *ctx)
{
	struct watch *w = ctx;
	if (w->replaying)
		return;
	w->in_message = true;
	analysis_message(w->a, m);
	w->in_message = false;
	diag_message(w->diag, m);
}

/* done_get / done_set - what was done for client i */
static uint8_t done_get(const struct watch *w, uint32_t i)
{
	return i < w->ndone ? w->done_by[i] : DONE_NOTHING;
}

static void done_set(struct watch *w, uint32_t i, uint8_t v)
{
	w->done_by = xgrow_bytes(w->done_by, &w->ndone, i, 1024);
	w->done_by[i] = v;
}

static const char not_yet[] = "";

/* spare - why a bannable client is left alone, or NULL (ban.c's rules);
 * not_yet: fewer sessions than --min-sessions so far */
static const char *spare(struct watch *w, const struct client *c, struct cidr *addr)
{
	uint64_t sessions = client_visits(c);
	if (sessions < (uint64_t)w->o->min_sessions)
		return not_yet;
	if (client_is_placeholder(c))
		return "address not logged";
	if (!cidr_addr(client_addr(c).s, addr))
		return "not an IP address";
	if (cidr_special(addr) && ban_nets_hit(&w->test_loopback, addr) < 0)
		return "loopback or special";
	ptrdiff_t k = ban_nets_hit(&w->allow, addr);
	if (k >= 0)
		return w->allow.why[k];
	if (c->auth_successes || c->auth_ok_sessions || c->nlogin)
		return "logged in successfully";
	return NULL;
}

/* decide - client i's verdict again; act when it newly became bannable */
static void decide(struct watch *w, uint32_t i)
{
	struct client *c = records_client(w->a, i);
	enum verdict v = verdict_decide(c);
	if (v != c->verdict) {
		c->verdict = (uint8_t)v;
		w->verdicts[v]++;
	}
	if (!w->sel[v] || done_get(w, i) != DONE_NOTHING)
		return;
	struct cidr addr;
	const char *why = spare(w, c, &addr);
	if (why == not_yet)
		return;
	char text[CIDR_STRLEN];
	if (why) {
		done_set(w, i, DONE_SPARED);
		struct buf b = {0};
		buf_term(&b, span_cut(span_of(client_addr(c).s), 80));
		fprintf(stderr, "postsleuth: watch: not banned: %.*s (%s): %s\n", (int)b.n, b.p,
			verdict_id(v), why);
		buf_free(&b);
		return;
	}
	cidr_format(&addr, text, sizeof text, false);
	struct action_ban b = {text, addr.family == AF_INET6, v, c};
	action_ban(&w->cfg, &b, &w->ast);
	done_set(w, i, DONE_ACTED);
	w->bans[v]++;
	w->save_now = true;
}

/* alert_check - account i: compromised-suspect from its record alone (the
 * rule of verdict_account without the whole-log "new source" test) */
static void alert_check(struct watch *w, uint32_t i)
{
	struct account *ac = records_account(w->a, i);
	if (ac->compromised)
		return;
	uint32_t l0 = ac->login0, nl = ac->nlogin;
	ac->login0 = ac->nlogin = 0;
	verdict_account(w->a, ac);
	ac->login0 = l0;
	ac->nlogin = nl;
	if (!ac->compromised || state_alerted(w->db, ac->name))
		return;
	action_alert(&w->cfg, ac, &w->ast);
	state_alert(w->db, ac->name, ac->last.us);
	w->alerts++;
	w->save_now = true;
}

/* count_add - one counter with an optional label */
static void count_add(struct watch *w, const char *family, const char *label, uint64_t n)
{
	char name[128];
	snprintf(name, sizeof name, "%s%s%s", family, label ? ":" : "", label ? label : "");
	state_counter_add(w->db, name, n);
}

/* write_metrics - the textfile, from the saved counters */
static void write_metrics(struct watch *w)
{
	if (!w->o->metrics)
		return;
	struct state_counter *c;
	size_t n = state_counters(w->db, &c);
	struct metrics_gauges g = {.clients = w->a->clients.n, .accounts = w->a->accounts.n,
				   .rotations = w->fl.rotations + w->fl.truncations};
	if (w->last_line_us) {
		struct timespec t;
		clock_gettime(CLOCK_REALTIME, &t);
		g.lag_seconds = (double)t.tv_sec + t.tv_nsec / 1e9 - (double)w->last_line_us / 1e6;
		g.have_lag = true;
	}
	char *err = NULL;
	if (!metrics_write(w->o->metrics, c, n, &g, &err)) {
		fprintf(stderr, "postsleuth: watch: metrics: %s\n", err);
		free(err);
	}
	state_counters_free(c, n);
}

/* relay_abusers - the clients of an open relay so far become
 * relay-abuser, as "report" decides after its analysis
 * (diag_relayed_verdicts): asked at each save, not for each line, over
 * the closed messages and the open ones as they stand (peek: a deferred
 * message stays open for days; each is counted once); a client that
 * changed is decided again (and acted on) and saved */
static void peek(void *ctx, const struct message *m)
{
	diag_message_peek(ctx, m);
}

static void relay_abusers(struct watch *w)
{
	model_open_messages(w->model, peek, w->diag);
	const char *ips[DIAG_RELAY_CLIENTS];
	size_t n = diag_relay_abusers(w->diag, ips);
	uint32_t fresh[DIAG_RELAY_CLIENTS];
	uint8_t before[DIAG_RELAY_CLIENTS];
	size_t nfresh = 0;
	for (size_t k = 0; k < n; k++) {
		struct client *c = analysis_client(w->a, ips[k]);
		if (c && !(c->diag_flags & CD_RELAY_ABUSE)) {
			before[nfresh] = c->verdict;
			fresh[nfresh++] = records_client_number(w->a, c);
		}
	}
	if (!nfresh)
		return;
	analysis_relay_abusers(w->a, ips, n);
	for (size_t k = 0; k < nfresh; k++) {
		struct client *c = records_client(w->a, fresh[k]);
		marks_add(&w->dirty[REC_CLIENT], fresh[k]);
		if (c->verdict != before[k])
			w->verdicts[c->verdict]++;
		decide(w, fresh[k]);
	}
}

/* save - the changed records, the counters and the places, in one
 * transaction */
static void save(struct watch *w)
{
	if (!w->have_done || w->replaying)
		return;
	relay_abusers(w);
	state_begin(w->db);
	struct analysis *a = w->a;
	for (size_t k = 0; k < w->dirty[REC_CLIENT].n; k++) {
		uint32_t i = w->dirty[REC_CLIENT].list[k];
		const struct client *c = records_client(a, i);
		enum verdict v = (enum verdict)c->verdict;
		state_save_client(w->db, a, c, v);
		if (verdict_severity(v) >= 2)
			state_verdict(w->db, client_addr(c).s, v, c->last_us ? c->last_us : c->first_us,
				      done_get(w, i) == DONE_ACTED);
	}
	for (size_t k = 0; k < w->dirty[REC_ACCOUNT].n; k++)
		state_save_account(w->db, records_account(a, w->dirty[REC_ACCOUNT].list[k]));
	for (size_t k = 0; k < w->dirty[REC_LOGIN].n; k++)
		state_save_login(w->db, a, records_login(a, w->dirty[REC_LOGIN].list[k]));
	count_add(w, "lines", NULL, w->lines);
	count_add(w, "postfix_lines", NULL, w->postfix);
	for (int f = 0; f < F__COUNT; f++)
		count_add(w, "finding", finding_id((enum finding_id)f), w->findings[f]);
	for (int v = 0; v < V__COUNT; v++) {
		count_add(w, "verdict", verdict_id((enum verdict)v), w->verdicts[v]);
		count_add(w, "ban", verdict_id((enum verdict)v), w->bans[v]);
	}
	count_add(w, "alert", NULL, w->alerts);
	count_add(w, "ban_error", NULL, w->ast.ban_errors - w->ast_saved.ban_errors);
	count_add(w, "hook_error", NULL, w->ast.hook_errors - w->ast_saved.hook_errors);
	if (w->journal) {
		watch_journal_place_put(w);
	} else {
		struct state_source src = {w->done, watch_replay_place(w)};
		state_source_put(w->db, w->path, &src);
		state_gen_put(w->db, w->path, &w->done, src.replay.gen);
	}
	int64_t t = now_ms();
	if (t - w->last_prune_ms >= WATCH_PRUNE_MS && a->have_time) {
		state_prune(w->db, a->last.us - (int64_t)w->o->max_age_days * 86400 * 1000000);
		w->last_prune_ms = t;
	}
	state_commit(w->db);
	for (int k = 0; k < 3; k++)
		marks_clear(&w->dirty[k]);
	w->lines = w->postfix = 0;
	memset(w->findings, 0, sizeof w->findings);
	memset(w->verdicts, 0, sizeof w->verdicts);
	memset(w->bans, 0, sizeof w->bans);
	w->alerts = 0;
	w->ast_saved = w->ast;
	w->unsaved = w->save_now = false;
	w->last_save_ms = t;
	write_metrics(w);
}

/* fold - after a line went through the feed: unless replayed, it is
 * counted and the clients and accounts it touched decided again */
static bool fold(struct watch *w)
{
	if (w->replaying) {
		marks_clear(&w->check);
		marks_clear(&w->acheck);
		return false;
	}
	w->lines++;
	w->run_lines++;
	for (size_t k = 0; k < w->check.n; k++)
		decide(w, w->check.list[k]);
	marks_clear(&w->check);
	for (size_t k = 0; k < w->acheck.n; k++)
		alert_check(w, w->acheck.list[k]);
	marks_clear(&w->acheck);
	return true;
}

/* folded - a line counted, its place noted: saved now and then */
static void folded(struct watch *w)
{
	w->have_done = w->unsaved = true;
	if (w->a->have_time)
		w->last_line_us = w->a->last.us;
	if (w->save_now || (w->lines % 1024 == 0 && now_ms() - w->last_save_ms >= WATCH_SAVE_MS))
		save(w);
}

/* on_line - one line of the followed file, at its place */
static void on_line(void *ctx, struct span line, const struct follow_at *at, uint64_t end)
{
	struct watch *w = ctx;
	w->pos = follow_pos(at->gen, at->off);
	w->replaying = w->pos < w->replay_until;
	if (!w->replaying && w->have_done && at->gen != w->done.gen)
		save(w);        /* where the file before was left is saved with it */
	feed_line(&w->feed, w->st, line);
	if (!fold(w))
		return;
	w->done = *at;
	w->done.off = end;
	folded(w);
}

/* on_entry - one entry of the followed journal, of time rt */
static void on_entry(void *ctx, const struct logline *l, bool truncated, uint64_t rt)
{
	struct watch *w = ctx;
	w->pos = jpos_next(w->pos, rt);
	bool last = false;
	if (w->replaying) {
		switch (jreplay_step(journal_is(w->jf.j, w->saved_cursor), rt, w->saved_us)) {
		case JR_REPLAY:
			break;
		case JR_LAST:
			last = true;
			break;
		case JR_COUNT:
			fprintf(stderr, "postsleuth: watch: the entry we stopped at was not met again "
					"(entries out of time order): counting from a later one\n");
			w->replaying = false;
			break;
		}
	}
	w->feed.st.lines++;
	w->feed.st.truncated += truncated;
	if (l)
		feed_logline(&w->feed, l);
	else
		w->feed.st.no_prefix++;
	if (!fold(w)) {
		if (last) {
			w->replaying = false;
			free(w->saved_cursor);
			w->saved_cursor = NULL;
		}
		return;
	}
	w->done_us = rt;
	folded(w);
}

/* on_acted - an address acted on in an earlier run */
static void on_acted(void *ctx, const char *addr)
{
	struct watch *w = ctx;
	struct client *c = records_client_find(w->a, span_of(addr));
	if (c)
		done_set(w, records_client_number(w->a, c), DONE_ACTED);
}

/* journal_open_or_die - the journal followed (at start and SIGHUP) */
static void journal_open_or_die(struct watch *w)
{
	char *err = NULL;
	if (!jfollow_open(&w->jf, w->jfile, on_entry, w, &err))
		fatal(EXIT_ENV, "watch: cannot open %s: %s", w->path, err);
	w->jf.stop = &got_term;
}

/* journal_reopen - SIGHUP: the journal opened again, on after the last
 * entry read (every entry read was folded, or replayed to its end) */
static void journal_reopen(struct watch *w)
{
	if (w->unsaved)
		save(w);        /* while the reader still stands on the last entry folded */
	char *c = w->replaying ? NULL : journal_cursor(w->jf.j);
	jfollow_close(&w->jf);
	journal_open_or_die(w);
	if (!c) {
		w->replaying = false;
		free(w->saved_cursor);
		w->saved_cursor = NULL;
		watch_start_journal(w);
	} else if (!journal_seek_cursor(w->jf.j, c)) {
		watch_say_gone(w, w->done_us);
		journal_seek_realtime(w->jf.j, w->done_us + 1);
	}
	free(c);
}

/* is_journal_file - does path hold a systemd journal file (its magic) */
static bool is_journal_file(const char *path)
{
	unsigned char m[8];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, m, sizeof m);
	close(fd);
	return n == (ssize_t)sizeof m && source_sniff(m, sizeof m) == SRC_JOURNAL;
}

/* allow_setup - --allow and mynetworks (again at SIGHUP) */
static void allow_setup(struct watch *w)
{
	struct opts *o = w->o;
	ban_nets_free(&w->allow);
	memset(&w->allow, 0, sizeof w->allow);
	for (int i = 0; i < o->nallow; i++) {
		char *t = xstrdup(o->allow[i]), *save = NULL;
		for (char *x = strtok_r(t, ", \t", &save); x; x = strtok_r(NULL, ", \t", &save)) {
			struct cidr c;
			if (!cidr_parse(x, &c, NULL))
				fatal(EXIT_USAGE, "watch: --allow: '%s' is not an address or CIDR network", x);
			ban_nets_add(&w->allow, &c, "--allow");
		}
		free(t);
	}
	ban_mynetworks(&w->allow, "watch");
}

/* setup - options into the watcher; usage errors exit 2 */
static void setup(struct watch *w, struct opts *o)
{
	w->o = o;
	if (o->nfiles > 1)
		fatal(EXIT_USAGE, "watch: one log file at a time (it follows its rotations itself)");
	w->path = o->nfiles ? o->files[0] : WATCH_DEFAULT_LOG;
	if (!strcmp(w->path, "-"))
		fatal(EXIT_USAGE, "watch: follows a file by name, not standard input");
	if (o->metrics && metrics_foreign(o->metrics))
		fatal(EXIT_USAGE,
		      "watch: --metrics %s: that file exists and is not a metrics file (the log?); "
		      "not replaced: name another file, or remove it first",
		      o->metrics);
	/* --journal: the local journal, or the journal file named; a file
	 * holding a journal (by its magic, as the batch commands tell) too */
	bool jfile = o->nfiles && is_journal_file(w->path);
	if (o->journal && o->nfiles && !jfile)
		fatal(EXIT_USAGE, "watch: --journal follows the local journal, or the journal file "
				  "named; '%s' is not one (one source at a time)",
		      w->path);
	if (o->journal || jfile) {
		w->journal = true;
		w->jfile = o->nfiles ? w->path : NULL;
		w->path = o->nfiles ? w->path : "the local journal";
		w->key = o->nfiles ? w->jfile : WATCH_LOCAL_JOURNAL;
	}
	w->cfg.enabled = o->act;
	w->cfg.ban_seconds = o->ban_seconds ? o->ban_seconds : 3600;
	w->cfg.hook = o->hook;
	w->cfg.ipset = o->ipset;
	if (o->nft_set && !action_cfg_nft(w->cfg.nft, o->nft_set))
		fatal(EXIT_USAGE, "watch: --nft-set: want \"FAMILY TABLE SET\", e.g. \"inet filter "
				  "postsleuth_ban\" (a set you made, with flags timeout)");
	if (o->nft_set6 && !action_cfg_nft(w->cfg.nft6, o->nft_set6))
		fatal(EXIT_USAGE, "watch: --nft-set6: want \"FAMILY TABLE SET\"");
	bool any = false;
	for (int i = 0; i < o->nverdicts; i++) {
		enum verdict v;
		char *t = xstrdup(o->verdicts[i]), *save = NULL;
		for (char *x = strtok_r(t, ", \t", &save); x; x = strtok_r(NULL, ", \t", &save)) {
			if (!verdict_from_id(x, &v))
				fatal(EXIT_USAGE, "watch: --verdict: no verdict '%s' (see postsleuth(1))", x);
			w->sel[v] = any = true;
		}
		free(t);
	}
	for (int v = 0; !any && v < V__COUNT; v++)
		w->sel[v] = verdict_row((enum verdict)v)->ban;     /* as "ban" lists by default */
	allow_setup(w);
	/* tests on loopback (make e2e) play their attackers from 127.x: only
	 * there may loopback networks be banned, each named, in a namespace */
	const char *t = getenv("POSTSLEUTH_TEST_BANNABLE");
	if (t && *t) {
		char *v = xstrdup(t), *save = NULL;
		for (char *x = strtok_r(v, ", ", &save); x; x = strtok_r(NULL, ", ", &save)) {
			struct cidr c;
			if (!cidr_parse(x, &c, NULL) || !cidr_special(&c))
				fatal(EXIT_USAGE, "watch: POSTSLEUTH_TEST_BANNABLE: '%s' is not a loopback "
						  "network",
				      x);
			ban_nets_add(&w->test_loopback, &c, "POSTSLEUTH_TEST_BANNABLE");
		}
		free(v);
		fprintf(stderr, "postsleuth: watch: POSTSLEUTH_TEST_BANNABLE=%s: these loopback "
				"addresses may be banned (for tests only)\n",
			t);
	}
}

/* cmd_watch - follow, decide, act, remember */
int cmd_watch(struct opts *o)
{
	struct watch *w = xcalloc(1, sizeof *w);
	setup(w, o);
	const char *dbpath = o->state_path ? o->state_path : STATE_DEFAULT_PATH;
	char *err = NULL;
	w->db = state_open(dbpath, false, &err);
	if (!w->db)
		fatal(EXIT_ENV, "watch: state %s: %s", dbpath, err);
	w->a = analysis_new();
	analysis_limits(w->a, o->memory_budget, ANALYSIS_DETAIL_CLIENTS, ANALYSIS_DETAIL_ACCOUNTS);
	state_load(w->db, w->a, on_acted, w);
	w->diag = diag_new();
	w->a->touched = on_touched;
	w->a->touched_ctx = w;
	struct model_sink sink = {on_session, on_message, w};
	w->model = model_new(&sink);
	cmd_feed_setup(&w->feed, o);
	w->feed.fn = on_event;
	w->feed.ctx = w;
	w->st = xmalloc(sizeof *w->st);
	syslog_state_init(w->st, o->year, time(NULL));
	if (w->journal) {
		journal_open_or_die(w);
		watch_start_journal(w);
	} else {
		follow_init(&w->fl, w->path, on_line, w);
		w->fl.stop = &got_term;
		watch_start(w);
	}

	struct sigaction sa = {0};
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	w->last_save_ms = w->last_prune_ms = now_ms();
	fprintf(stderr, "postsleuth: watch: following %s (state %s, %s)\n", w->path, dbpath,
		o->act ? "acting" : "dry run: --act to act");
	while (!got_term) {
		if (w->journal)
			jfollow_poll(&w->jf);
		else
			follow_poll(&w->fl);
		if (w->fl.note) {
			struct buf b = {0};
			buf_term(&b, span_of(w->fl.note));
			fprintf(stderr, "postsleuth: watch: %.*s\n", (int)b.n, b.p);
			buf_free(&b);
			free(w->fl.note);
			w->fl.note = NULL;
		}
		/* saved at least every WATCH_SAVE_MS, not after every wake: a
		 * busy log wakes us every few milliseconds */
		if (w->unsaved && (o->once || w->save_now || now_ms() - w->last_save_ms >= WATCH_SAVE_MS))
			save(w);
		if (o->once)
			break;
		if (got_hup) {
			got_hup = 0;
			allow_setup(w);
			fprintf(stderr, "postsleuth: watch: SIGHUP: mynetworks read again, %s reopened\n",
				w->path);
			if (w->journal) {
				journal_reopen(w);
				continue;
			}
			follow_free(&w->fl);
			follow_init(&w->fl, w->path, on_line, w);
			w->fl.stop = &got_term;
			struct follow_at at = w->done;
			if (w->have_done)
				follow_start(&w->fl, &at, &at, false);
			else
				watch_start(w);
			continue;
		}
		if (w->journal)
			jfollow_wait(&w->jf, w->unsaved ? WATCH_SAVE_MS / 4 : 1000);
		else
			follow_wait(&w->fl, w->unsaved ? WATCH_SAVE_MS / 4 : 1000);
	}
	if (w->unsaved)
		save(w);
	write_metrics(w);
	fprintf(stderr, "postsleuth: watch: stopped; %llu lines counted, %llu addresses acted on, "
			"state saved\n",
		(unsigned long long)w->run_lines, (unsigned long long)w->ast.bans);
	/* open sessions stay open: the next run rebuilds them (no model_finish) */
	if (w->journal)
		jfollow_close(&w->jf);
	else
		follow_free(&w->fl);
	free(w->saved_cursor);
	model_free(w->model);
	diag_free(w->diag);
	analysis_free(w->a);
	state_close(w->db);
	for (int k = 0; k < 3; k++)
		marks_free(&w->dirty[k]);
	marks_free(&w->check);
	marks_free(&w->acheck);
	free(w->done_by);
	ban_nets_free(&w->allow);
	ban_nets_free(&w->test_loopback);
	for (int i = 0; i < 3; i++)
		free(w->cfg.nft[i]), free(w->cfg.nft6[i]);
	free(w->feed.bm); /* a pasted paragraph pending at the end is not told */
	free(w->st);
	free(w);
	return 0;
}

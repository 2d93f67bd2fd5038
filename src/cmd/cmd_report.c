/*
 * cmd_report.c - "postsleuth report" (the default), "clients", "accounts"
 * and "explain": one pass through feed -> model -> analysis, verdicts,
 * then a second pass for the evidence lines of the clients shown, or
 * (explain with no selector) for the sessions of the top findings.
 */
#include "cmd.h"
#include "../report/writer.h"
#include "../analyze/analysis.h"
#include "../analyze/campaign.h"
#include "../feed/evidence.h"
#include "../analyze/summary.h"
#include "../analyze/timeline.h"
#include "../diagnose/diagnose.h"
#include "../feed/feed.h"
#include "../model/correlate.h"
#include "../report/explain.h"
#include "../report/explain_lines.h"
#include "../report/report.h"
#include "../report/summary_json.h"
#include "../util/file_head.h"
#include "../util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct run {
	struct feed feed;
	struct model *model;
	struct analysis *a;
	struct explain *ex;       /* explain: the sessions told step by step */
	struct summary *sum;      /* report: pflogsumm's traffic summary */
	struct diag *diag;        /* the server's problems */
	struct timeline *tl;      /* report --html: counts over time, for its charts */
	char **paths;
	int npaths;
	bool journal;
	bool evidence;            /* report: the inputs are read again for evidence */
};

/* on_front - what needs each event but nothing of the model or the
 * analysis: pflogsumm's summary and most of the findings' rules; run on
 * the feed's reading thread when there are two (feed.h), so nothing
 * else touches r->sum until the end; the rules touch no state, their
 * answer is noted for on_event */
_Static_assert(sizeof(struct diag_note) <= FEED_NOTE_MAX, "a diag_note fits in a feed note");
static void on_front(struct event *ev, void *vctx, void *note, enum feed_share share)
{
	struct run *r = vctx;
	if (r->sum)
		summary_event(r->sum, ev);
	/* a refusal's answers that the session, the client's record and
	 * the rules ask on the consumer's thread (accuses nobody, domain not
	 * found, relay denied, own network: event.h), asked here and kept in
	 * the event unless that thread waits (speed22); with one thread too,
	 * where the consumer's stages would ask some of them two or three
	 * times each (speed30) */
	if (ev->type == EV_REJECT && share != FEED_SHARE_LESS)
		ev_keep_refusal(ev);
	diag_front(ev, note, share == FEED_SHARE_LESS || share == FEED_SHARE_ONE ? DIAG_FRONT_NONE
			     : share == FEED_SHARE_MORE ? DIAG_FRONT_ALL : DIAG_FRONT_USUAL);
}

/* on_event - every event feeds the model, the analysis and the findings,
 * each stage called only for the kinds it reads (its mask: one bit
 * test); for the others the analysis and the model keep the line's time
 * alone and the findings nothing (speed17: 130 instructions of calls and
 * tests in turn for a line of verbose chatter before) */
static void on_event(const struct event *ev, void *vctx)
{
	struct run *r = vctx;
	analysis_at(r->a, r->feed.file_index, r->feed.lineno);
	analysis_event_by_kind(r->a, ev);
	if (!diag_passes_by(ev))
		diag_event_noted(r->diag, ev, r->feed.note);
	model_event_by_kind(r->model, ev, r->feed.lineno, r->feed.file_index);
}

/* on_transcript - a postmaster transcript is a session told by the server */
static void on_transcript(const struct transcript *t, void *vctx)
{
	struct run *r = vctx;
	model_transcript(r->model, t, r->feed.lineno, r->feed.file_index);
}

/* on_session - closed sessions go to the analysis */
static void on_session(const struct session *s, void *vctx)
{
	struct run *r = vctx;
	analysis_session(r->a, s);
	if (r->tl)
		timeline_session(r->tl, s);
	if (r->ex)
		explain_session(r->ex, s);
}

/* on_message - closed messages go to the analysis and the findings */
static void on_message(const struct message *m, void *vctx)
{
	struct run *r = vctx;
	analysis_message(r->a, m);
	diag_message(r->diag, m);
	if (r->tl)
		timeline_message(r->tl, m);
	if (r->ex)
		explain_message(r->ex, m);
}

/* run_analysis - read everything, compute verdicts */
static int run_analysis(struct run *r, struct opts *o)
{
	r->paths = cmd_reread_setup(&r->feed, o, &r->npaths, &r->journal, r->evidence);
	r->feed.fn = on_event;
	r->feed.front = on_front;
	r->feed.transcript_fn = on_transcript;
	r->feed.ctx = r;
	r->a = analysis_new();
	analysis_limits(r->a, o->memory_budget, ANALYSIS_DETAIL_CLIENTS, ANALYSIS_DETAIL_ACCOUNTS);
	r->a->show_secrets = o->show_secrets;
	r->diag = diag_new();
	r->diag->show_secrets = o->show_secrets;
	struct model_sink sink = {on_session, on_message, r};
	r->model = model_new(&sink);
	int rc = feed_run(&r->feed, r->paths, r->npaths);
	rc = cmd_input_check(&r->feed, o, r->paths, r->npaths, r->journal, rc);
	model_finish(r->model);
	analysis_finish(r->a);
	diag_clients(r->diag, r->a);
	diag_log_doubled(r->diag, r->feed.st.timed, r->feed.st.doubled);
	diag_finish(r->diag);
	return rc;
}

/* run_free - everything */
static void run_free(struct run *r)
{
	if (r->sum)
		summary_free(r->sum);
	model_free(r->model);
	analysis_free(r->a);
	diag_free(r->diag);
	free(r->tl);
	reread_free(&r->feed);
	cmd_inputs_free(r->paths, r->npaths);
}

/* fetch_evidence - the lines behind the verdicts of the clients the
 * report tells: for JSON the first REPORT_EVIDENCE_MAX that are not
 * legitimate (all with --all); for text the first `top` outside the
 * campaigns and each campaign's samples, or with --all the first
 * REPORT_EVIDENCE_MAX of all */
static void fetch_evidence(struct run *r, struct evidence_set *ev, const struct campaigns *cs,
			   const struct opts *o, size_t top)
{
	const struct analysis *a = r->a;
	bool full = o->json || o->html;         /* machines and the page take every client */
	bool *want = xcalloc(a->nclist + 1, sizeof *want);
	size_t chosen = 0, n = 0;
	for (size_t i = 0; i < a->nclist && chosen < REPORT_EVIDENCE_MAX; i++) {
		const struct client *c = a->clist[i];
		if (!o->all && c->verdict == V_LEGITIMATE)
			continue;
		if (!full && !o->all && campaign_of(cs, i))
			continue;
		if (!full && top && chosen >= top)
			break;
		want[i] = true;
		chosen++;
	}
	for (size_t k = 0; !full && k < cs->n && (!top || k < top); k++)
		for (uint32_t j = 0; j < cs->list[k].nsample; j++)
			want[cs->list[k].sample[j]] = true;
	for (size_t i = 0; i < a->nclist; i++)
		if (want[i]) {
			const struct client_detail *d = client_detail(a, a->clist[i]);
			n += d ? d->nevidence : 0;
		}
	struct evidence_ref **refs = xcalloc(n + 1, sizeof *refs);
	size_t k = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		struct client *c = a->clist[i];
		struct client_detail *d = want[i] && a->cdetail && c->detail ? a->cdetail[c->detail - 1] : NULL;
		for (uint32_t j = 0; d && j < d->nevidence; j++)
			refs[k++] = &d->evidence[j];
	}
	memset(ev, 0, sizeof *ev);
	if (!r->journal && !r->feed.want_journal)
		evidence_collect(ev, refs, k, &r->feed, o->year, o->show_secrets);
	free(refs);
	free(want);
}

/* finish_output - flush and check the write */
static void finish_output(struct buf *b)
{
	buf_flush(b, stdout);
	buf_free(b);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
}

/* not_a_page - an existing regular file with something in it that is not
 * a web page: most likely the log, named where --html wants the page's
 * file ("report --html mail.log"), which opening would empty */
static bool not_a_page(const char *path)
{
	static const char *const page[] = {"<!DOCTYPE html", "<html"};
	return file_head_foreign(path, page, sizeof page / sizeof *page);
}

/* open_html - report --html FILE: the file, created now so that a path
 * that cannot be written fails before the work; "-" is standard output;
 * an existing file that is not a web page is left alone */
static FILE *open_html(const struct opts *o)
{
	if (o->json)
		fatal(EXIT_USAGE, "--html and --json: choose one");
	if (!strcmp(o->html, "-"))
		return stdout;
	if (not_a_page(o->html))
		fatal(EXIT_USAGE,
		      "--html %s: that file exists and is not a web page (a log named as the page's "
		      "file?); not overwritten: name another file, or remove it first",
		      o->html);
	FILE *f = fopen(o->html, "w");
	if (!f)
		fatal(EXIT_ENV, "cannot write %s: %s", o->html, strerror(errno));
	return f;
}

/* close_html - the page written in full, or a write error */
static void close_html(const struct opts *o, FILE *f, struct buf *b)
{
	buf_flush(b, f);
	buf_free(b);
	if (f == stdout ? fflush(f) != 0 : fclose(f) != 0)
		fatal(EXIT_ENV, "write error on %s", f == stdout ? "standard output" : o->html);
}

/* sum_text - the traffic summary inside the text report */
static void sum_text(struct buf *b, void *ctx, bool color)
{
	summary_text(ctx, b, color);
	buf_putc(b, '\n');
}

/* sum_json - the traffic summary's members inside the JSON report */
static void sum_json(struct buf *b, void *ctx)
{
	summary_json(ctx, b);
}

/* cmd_report - the first screen, what to do, the sections by severity
 * (the first --top N items of each; --all: every item and the traffic
 * summary), the input counters; JSON has everything */
int cmd_report(struct opts *o)
{
	if (o->state_path)
		return cmd_report_state(o);
	struct run r = {.evidence = true};
	FILE *out = stdout;
	if (o->html) {
		out = open_html(o);
		r.tl = xcalloc(1, sizeof *r.tl);
	}
	/* the summary: in JSON and HTML always, in text with --all */
	bool with_summary = o->json || o->all || o->html;
	if (with_summary) {
		r.sum = summary_new();
		summary_window(r.sum, o->have_since, o->since_us, o->have_until, o->until_us);
	}
	int rc = run_analysis(&r, o);
	struct campaigns cs;
	campaigns_find(&cs, r.a);
	size_t top = o->all ? 0 : o->top ? (size_t)o->top : REPORT_TOP_DEFAULT;
	struct evidence_set ev;
	fetch_evidence(&r, &ev, &cs, o, top);
	struct buf problem = {0};
	if (cmd_input_problem(&r.feed, o, r.paths, r.npaths, r.journal, &problem))
		buf_putc(&problem, 0);
	struct report_input in = {
	    .a = r.a, .feed = &r.feed.st, .model = model_stats(r.model), .evidence = &ev, .diag = r.diag,
	    .color = cmd_color(o), .show_secrets = o->show_secrets, .all_clients = o->all, .top = top,
	    .campaigns = &cs, .extra_text = o->all ? sum_text : NULL, .extra_json = sum_json,
	    .extra_ctx = r.sum, .out = out, .problem = problem.n ? problem.p : NULL, .summary = r.sum,
	    .timeline = r.tl};
	struct buf b = {0};
	cmd_writer(o)->report(&b, &in);
	if (o->html)
		close_html(o, out, &b);
	else
		finish_output(&b);
	buf_free(&problem);
	evidence_free(&ev);
	campaigns_free(&cs);
	run_free(&r);
	return rc;
}

/* filter_verdict - keep the clients of one verdict (--verdict) */
static bool client_selected(const struct client *c, const struct opts *o)
{
	if (!o->verdict)
		return true;
	return !strcmp(o->verdict, verdict_id(c->verdict));
}

/* client_cmp_* - --sort keys for clients */
static int cmp_sessions(const void *x, const void *y)
{
	const struct client *a = *(struct client *const *)x, *b = *(struct client *const *)y;
	return a->sessions == b->sessions ? client_cmp_addr(a, b) : a->sessions < b->sessions ? 1 : -1;
}
static int cmp_ip(const void *x, const void *y)
{
	return client_cmp_addr(*(struct client *const *)x, *(struct client *const *)y);
}
static int cmp_first(const void *x, const void *y)
{
	const struct client *a = *(struct client *const *)x, *b = *(struct client *const *)y;
	return a->first_us == b->first_us ? client_cmp_addr(a, b) : a->first_us < b->first_us ? -1 : 1;
}
static int cmp_auth(const void *x, const void *y)
{
	const struct client *a = *(struct client *const *)x, *b = *(struct client *const *)y;
	return a->auth_failures == b->auth_failures ? client_cmp_addr(a, b)
						    : a->auth_failures < b->auth_failures ? 1 : -1;
}

/* cmd_clients - the clients table */
int cmd_clients(struct opts *o)
{
	enum verdict v;
	if (o->verdict && !verdict_from_id(o->verdict, &v))
		fatal(EXIT_USAGE, "--verdict: no verdict '%s' (see postsleuth(1))", o->verdict);
	struct run r = {0};
	int rc = run_analysis(&r, o);
	struct client **list = xcalloc(r.a->nclist + 1, sizeof *list);
	size_t n = 0;
	for (size_t i = 0; i < r.a->nclist; i++)
		if (client_selected(r.a->clist[i], o))
			list[n++] = r.a->clist[i];
	if (o->sort) {
		int (*cmp)(const void *, const void *) = NULL;
		if (!strcmp(o->sort, "sessions"))
			cmp = cmp_sessions;
		else if (!strcmp(o->sort, "ip"))
			cmp = cmp_ip;
		else if (!strcmp(o->sort, "first-seen"))
			cmp = cmp_first;
		else if (!strcmp(o->sort, "auth-failures"))
			cmp = cmp_auth;
		else if (strcmp(o->sort, "severity") != 0)
			fatal(EXIT_USAGE, "--sort: want severity, sessions, ip, first-seen or auth-failures");
		if (cmp)
			qsort(list, n, sizeof *list, cmp);
	}
	struct buf b = {0};
	cmd_writer(o)->clients(&b, r.a, list, n, cmd_color(o), stdout);
	finish_output(&b);
	cmd_input_note(&r.feed.st, model_stats(r.model));
	cmd_analysis_note(r.a);
	free(list);
	run_free(&r);
	return rc;
}

/* account_cmp_* - --sort keys for accounts */
static int cmp_recipients(const void *x, const void *y)
{
	const struct account *a = *(struct account *const *)x, *b = *(struct account *const *)y;
	return a->recipients == b->recipients ? strcmp(a->name, b->name)
					      : a->recipients < b->recipients ? 1 : -1;
}
static int cmp_name(const void *x, const void *y)
{
	return strcmp((*(struct account *const *)x)->name, (*(struct account *const *)y)->name);
}

/* cmd_accounts - the accounts table */
int cmd_accounts(struct opts *o)
{
	if (o->verdict && strcmp(o->verdict, "normal") != 0 &&
	    strcmp(o->verdict, "compromised-suspect") != 0)
		fatal(EXIT_USAGE, "--verdict: accounts are 'normal' or 'compromised-suspect'");
	struct run r = {0};
	int rc = run_analysis(&r, o);
	struct account **list = xcalloc(r.a->nalist + 1, sizeof *list);
	size_t n = 0;
	for (size_t i = 0; i < r.a->nalist; i++) {
		struct account *ac = r.a->alist[i];
		if (o->verdict && strcmp(o->verdict, ac->compromised ? "compromised-suspect" : "normal"))
			continue;
		list[n++] = ac;
	}
	if (o->sort) {
		if (!strcmp(o->sort, "name"))
			qsort(list, n, sizeof *list, cmp_name);
		else if (!strcmp(o->sort, "recipients"))
			qsort(list, n, sizeof *list, cmp_recipients);
		else if (strcmp(o->sort, "severity") != 0)
			fatal(EXIT_USAGE, "--sort: want severity, recipients or name");
	}
	struct buf b = {0};
	cmd_writer(o)->accounts(&b, r.a, list, n, cmd_color(o), stdout);
	finish_output(&b);
	cmd_input_note(&r.feed.st, model_stats(r.model));
	cmd_analysis_note(r.a);
	free(list);
	run_free(&r);
	return rc;
}

/* a second pass through feed -> model, the closed sessions to explain */
struct retell {
	struct feed feed;
	struct model *model;
	struct explain *ex;
};

/* retell_event - events only rebuild sessions this time */
static void retell_event(const struct event *ev, void *vctx)
{
	struct retell *t = vctx;
	model_event(t->model, ev, t->feed.lineno, t->feed.file_index);
}

/* retell_transcript - postmaster transcripts are sessions too */
static void retell_transcript(const struct transcript *tr, void *vctx)
{
	struct retell *t = vctx;
	model_transcript(t->model, tr, t->feed.lineno, t->feed.file_index);
}

/* retell_session - a closed session, to explain if it is a finding's */
static void retell_session(const struct session *s, void *vctx)
{
	explain_session(((struct retell *)vctx)->ex, s);
}

/* top_findings - compromised accounts, then the clients that are not
 * legitimate, most serious first: the first `top` (all when 0) go to
 * the explanation, the others are counted */
static void top_findings(struct run *r, struct explain *ex, size_t top)
{
	struct explain_finding *f = xcalloc(r->a->nalist + r->a->nclist + 1, sizeof *f);
	size_t n = 0, more_c = 0, more_a = 0;
	for (size_t i = 0; i < r->a->nalist; i++) {
		if (!r->a->alist[i]->compromised)
			continue;
		if (top && n >= top)
			more_a++;
		else
			f[n++].account = r->a->alist[i];
	}
	for (size_t i = 0; i < r->a->nclist; i++) {
		if (r->a->clist[i]->verdict == V_LEGITIMATE)
			continue;
		if (top && n >= top)
			more_c++;
		else
			f[n++].client = r->a->clist[i];
	}
	explain_focus(ex, r->a, f, n, more_c, more_a);
	free(f);
}

/* retell_inputs - the second pass: the inputs as the first pass kept
 * them (a pipe's spooled lines, a file opened again), or the journal */
static void retell_inputs(struct retell *t, struct run *r, struct opts *o)
{
	cmd_feed_setup(&t->feed, o);
	t->feed.fn = retell_event;
	t->feed.transcript_fn = retell_transcript;
	t->feed.ctx = t;
	struct model_sink sink = {retell_session, NULL, t};
	t->model = model_new(&sink);
	if (r->journal) {
		t->feed.want_journal = true;
		feed_run(&t->feed, r->paths, r->npaths);
	} else {
		feed_again(&t->feed, &r->feed);
	}
	model_finish(t->model);
	model_free(t->model);
}

/* explain_top - no selector: find the most serious clients and accounts,
 * then read the input again for their sessions; a short input (a pasted
 * excerpt) is told line by line first */
static int explain_top(struct opts *o)
{
	struct run r = {.evidence = true}; /* a pipe is spooled for the second pass */
	int rc = run_analysis(&r, o);
	struct retell t = {.ex = explain_new("top", NULL, o->show_secrets, cmd_color(o))};
	top_findings(&r, t.ex, o->all ? 0 : o->top ? (size_t)o->top : EXPLAIN_TOP_DEFAULT);
	if (r.feed.st.lines <= EXPLAIN_LINES_MAX && !o->top && !o->all && !r.journal)
		explain_by_line(t.ex, explain_lines_read(&r.feed, r.a, r.diag, o->year, o->show_secrets),
				r.diag);
	retell_inputs(&t, &r, o);
	struct buf b = {0};
	cmd_writer(o)->explain(&b, t.ex, r.a);
	finish_output(&b);
	cmd_input_note(&r.feed.st, model_stats(r.model));
	explain_free(t.ex);
	run_free(&r);
	return rc;
}

/* cmd_explain - the selected sessions told step by step, or the top findings */
int cmd_explain(struct opts *o)
{
	if (!o->select)
		return explain_top(o);
	struct run r = {0};
	r.ex = explain_new(o->select, o->query, o->show_secrets, cmd_color(o));
	int rc = run_analysis(&r, o);
	struct buf b = {0};
	cmd_writer(o)->explain(&b, r.ex, r.a);
	finish_output(&b);
	cmd_input_note(&r.feed.st, model_stats(r.model));
	cmd_analysis_note(r.a);
	explain_free(r.ex);
	run_free(&r);
	return rc;
}

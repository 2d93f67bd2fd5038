/*
 * report.c - "postsleuth report" (the default), "clients", "accounts"
 * and "explain": one pass through feed -> model -> analysis, verdicts,
 * then a second pass for the evidence lines of the clients shown.
 */
#include "cmd.h"
#include "../analyze/analysis.h"
#include "../analyze/evidence.h"
#include "../analyze/summary.h"
#include "../input/feed.h"
#include "../model/correlate.h"
#include "../report/explain.h"
#include "../report/report.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct run {
	struct feed feed;
	struct model *model;
	struct analysis *a;
	struct explain *ex;       /* explain: the sessions told step by step */
	struct summary *sum;      /* report: pflogsumm's traffic summary */
	char **paths;
	int npaths;
	bool journal;
};

/* on_event - every event feeds the model and the analysis */
static void on_event(const struct event *ev, void *vctx)
{
	struct run *r = vctx;
	analysis_event(r->a, ev);
	if (r->sum)
		summary_event(r->sum, ev);
	model_event(r->model, ev, r->feed.lineno, r->feed.file_index);
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
	if (r->ex)
		explain_session(r->ex, s);
}

/* on_message - closed messages go to the analysis */
static void on_message(const struct message *m, void *vctx)
{
	struct run *r = vctx;
	analysis_message(r->a, m);
	if (r->ex)
		explain_message(r->ex, m);
}

/* run_analysis - read everything, compute verdicts */
static int run_analysis(struct run *r, struct opts *o)
{
	r->paths = cmd_reread_setup(&r->feed, o, &r->npaths, &r->journal);
	r->feed.fn = on_event;
	r->feed.transcript_fn = on_transcript;
	r->feed.ctx = r;
	r->a = analysis_new();
	analysis_limits(r->a, o->memory_budget, ANALYSIS_DETAIL_CLIENTS, ANALYSIS_DETAIL_ACCOUNTS);
	r->a->show_secrets = o->show_secrets;
	struct model_sink sink = {on_session, on_message, r};
	r->model = model_new(&sink);
	int rc = feed_run(&r->feed, r->paths, r->npaths);
	model_finish(r->model);
	analysis_finish(r->a);
	return rc;
}

/* run_free - everything */
static void run_free(struct run *r)
{
	if (r->sum)
		summary_free(r->sum);
	model_free(r->model);
	analysis_free(r->a);
	cmd_inputs_free(r->paths, r->npaths);
}

/* want_client - shown in the report (and so needs evidence) */
static bool want_client(const struct client *c, bool all)
{
	return all || c->verdict != V_LEGITIMATE;
}

/* fetch_evidence - the lines behind the first shown clients' verdicts */
static void fetch_evidence(struct run *r, struct evidence_set *ev, bool all, int year)
{
	size_t n = 0, chosen = 0;
	for (size_t i = 0; i < r->a->nclist && chosen < REPORT_EVIDENCE_MAX; i++)
		if (want_client(r->a->clist[i], all)) {
			const struct client_detail *d = client_detail(r->a, r->a->clist[i]);
			n += d ? d->nevidence : 0;
			chosen++;
		}
	struct evidence_ref **refs = xcalloc(n + 1, sizeof *refs);
	size_t k = 0;
	chosen = 0;
	for (size_t i = 0; i < r->a->nclist && chosen < REPORT_EVIDENCE_MAX; i++) {
		struct client *c = r->a->clist[i];
		if (!want_client(c, all))
			continue;
		chosen++;
		struct client_detail *d = r->a->cdetail && c->detail ? r->a->cdetail[c->detail - 1] : NULL;
		for (uint32_t j = 0; d && j < d->nevidence; j++)
			refs[k++] = &d->evidence[j];
	}
	memset(ev, 0, sizeof *ev);
	if (!r->journal && !r->feed.want_journal)
		evidence_collect(ev, refs, k, r->paths, r->npaths, year);
	free(refs);
}

/* finish_output - flush and check the write */
static void finish_output(struct buf *b)
{
	buf_flush(b, stdout);
	buf_free(b);
	if (fflush(stdout) != 0)
		fatal(EXIT_ENV, "write error on standard output");
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

/* cmd_report - findings, actions, summary, input counters */
int cmd_report(struct opts *o)
{
	struct run r = {0};
	r.sum = summary_new();
	summary_window(r.sum, o->have_since, o->since_us, o->have_until, o->until_us);
	int rc = run_analysis(&r, o);
	struct evidence_set ev;
	fetch_evidence(&r, &ev, o->all, o->year);
	struct report_input in = {
	    .a = r.a, .feed = &r.feed.st, .model = model_stats(r.model), .evidence = &ev,
	    .color = cmd_color(o), .show_secrets = o->show_secrets, .all_clients = o->all,
	    .extra_text = sum_text, .extra_json = sum_json, .extra_ctx = r.sum, .out = stdout};
	struct buf b = {0};
	if (o->json)
		report_json(&b, &in);
	else
		report_text(&b, &in);
	finish_output(&b);
	evidence_free(&ev);
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
	if (o->json) {
		buf_puts(&b, "{\"clients\":[");
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_putc(&b, ',');
			client_json(&b, r.a, list[i], NULL);
			if (b.n > (1 << 16))
				buf_flush(&b, stdout);
		}
		buf_puts(&b, "]}\n");
	} else {
		clients_table(&b, r.a, list, n, cmd_color(o), stdout);
	}
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
	if (o->json) {
		buf_puts(&b, "{\"accounts\":[");
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_putc(&b, ',');
			account_json(&b, r.a, list[i]);
			if (b.n > (1 << 16))
				buf_flush(&b, stdout);
		}
		buf_puts(&b, "]}\n");
	} else {
		accounts_table(&b, r.a, list, n, cmd_color(o), stdout);
	}
	finish_output(&b);
	cmd_input_note(&r.feed.st, model_stats(r.model));
	cmd_analysis_note(r.a);
	free(list);
	run_free(&r);
	return rc;
}

/* cmd_explain - the selected sessions told step by step */
int cmd_explain(struct opts *o)
{
	struct run r = {0};
	r.ex = explain_new(o->select ? o->select : "all", o->query, o->show_secrets, cmd_color(o));
	int rc = run_analysis(&r, o);
	struct buf b = {0};
	explain_write(r.ex, r.a, &b, o->json);
	finish_output(&b);
	cmd_input_note(&r.feed.st, model_stats(r.model));
	cmd_analysis_note(r.a);
	explain_free(r.ex);
	run_free(&r);
	return rc;
}

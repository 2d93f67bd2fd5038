/*
 * act.c - one pass feed -> model -> analysis for the action commands,
 * plus fail2ban's per-address event counts, kept by client number.  The
 * log is untrusted: addresses are validated later by whoever writes them
 * anywhere.
 */
#include "act.h"
#include "../diagnose/diagnose.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* act_kinds - fail2ban's counters for the address ip (made when new),
 * or NULL when the event names no address */
uint32_t *act_kinds(struct act_run *r, struct span ip)
{
	uint32_t i = analysis_client_get(r->a, ip);
	if (i == UINT32_MAX)
		return NULL;
	if (i >= r->nkinds) {
		size_t n = r->nkinds ? r->nkinds : 1024;
		while (n <= i)
			n *= 2;
		r->kinds = xrealloc(r->kinds, n * sizeof *r->kinds);
		memset(r->kinds + r->nkinds, 0, (n - r->nkinds) * sizeof *r->kinds);
		r->nkinds = n;
	}
	return r->kinds[i];
}

/* act_kind - how many events of fail2ban behaviour k client c had */
uint32_t act_kind(const struct act_run *r, const struct client *c, unsigned k)
{
	uint32_t i = analysis_client_number(r->a, c);
	return i < r->nkinds && k < ACT_KINDS ? r->kinds[i][k] : 0;
}

/* act_auth_fail_smtp - sessions with only failed AUTH on the port 25 service */
uint64_t act_auth_fail_smtp(const struct act_run *r)
{
	uint64_t n = 0;
	for (size_t i = 0; i < r->a->nclist; i++)
		n += r->a->clist[i]->auth_fail_smtp;
	return n;
}

/* act_list_add - append the comma- or blank-separated words of arg */
bool act_list_add(char ***list, int *n, const char *arg)
{
	bool any = false;
	const char *p = arg;
	while (*p) {
		size_t k = strcspn(p, ", \t");
		if (k) {
			*list = xrealloc(*list, (size_t)(*n + 1) * sizeof **list);
			(*list)[(*n)++] = xspandup(span_make(p, k));
			any = true;
		}
		p += k;
		while (*p == ',' || *p == ' ' || *p == '\t')
			p++;
	}
	return any;
}

/* master_version - "daemon started -- version 3.7.11, configuration ..." */
static void master_version(struct act_run *r, const struct event *ev)
{
	struct span t = ev->text;
	ptrdiff_t k = span_index(t, "version ");
	if (k < 0)
		return;
	t = span_skip(t, (size_t)k + 8);
	size_t n = 0;
	while (n < t.n && n + 1 < sizeof r->postfix_version &&
	       ((t.p[n] >= '0' && t.p[n] <= '9') || t.p[n] == '.'))
		n++;
	if (n) {
		memcpy(r->postfix_version, t.p, n);
		r->postfix_version[n] = 0;
	}
}

/* on_event - every event feeds the model and the analysis */
static void on_event(const struct event *ev, void *vctx)
{
	struct act_run *r = vctx;
	analysis_at(r->a, r->feed.file_index, r->feed.lineno);
	analysis_event(r->a, ev);
	diag_event(r->diag, ev);
	model_event(r->model, ev, r->feed.lineno, r->feed.file_index);
	if (span_eqs(ev->line->daemon, "postscreen"))
		r->postscreen_lines++;
	if (ev->type == EV_PIPELINING && span_eqs(ev->stage, "CONNECT") &&
	    span_eqs(ev->line->daemon, "smtpd"))
		r->pregreet_passed++;
	if (ev->type == EV_PS_DNSBL ||
	    (ev->type == EV_REJECT && span_find(ev->reason, "blocked using ").p))
		r->dnsbl_answers++;
	switch (ev->type) {
	case EV_SMTP_IN: case EV_SMTP_OUT: case EV_TLS_READ: case EV_TLS_WRITE:
		r->debug_lines++;
		break;
	case EV_MASTER:
		if (span_eqs(ev->action, "started"))
			master_version(r, ev);
		break;
	default:
		break;
	}
	if (r->event_hook)
		r->event_hook(r, ev);
}

/* on_session - closed sessions go to the analysis */
static void on_session(const struct session *s, void *vctx)
{
	struct act_run *r = vctx;
	analysis_session(r->a, s);
	if (s->have_stats)
		r->sessions_with_stats++;
	else if (s->end_kind == END_DISCONNECT)
		r->sessions_without_stats++;
}

/* on_message - closed messages go to the analysis and the findings */
static void on_message(const struct message *m, void *vctx)
{
	struct act_run *r = vctx;
	analysis_message(r->a, m);
	diag_message(r->diag, m);
}

/* act_begin - the feed (set up by the caller) into the model, the
 * analysis and the diagnosis; the caller runs the feed, then act_end */
void act_begin(struct act_run *r, size_t memory_budget, bool show_secrets)
{
	r->feed.fn = on_event;
	r->feed.ctx = r;
	r->a = analysis_new();
	analysis_limits(r->a, memory_budget, ANALYSIS_DETAIL_CLIENTS, ANALYSIS_DETAIL_ACCOUNTS);
	r->a->track_peak = true;
	r->diag = diag_new();
	r->diag->show_secrets = show_secrets;
	struct model_sink sink = {on_session, on_message, r};
	r->model = model_new(&sink);
}

/* act_end - everything read: close what is open, decide the verdicts */
void act_end(struct act_run *r)
{
	model_finish(r->model);
	analysis_finish(r->a);
	diag_clients(r->diag, r->a);
	diag_log_doubled(r->diag, r->feed.st.timed, r->feed.st.doubled);
	diag_finish(r->diag);
}

/* act_free - everything act_run made */
void act_free(struct act_run *r)
{
	model_free(r->model);
	analysis_free(r->a);
	diag_free(r->diag);
	free(r->kinds);
	reread_free(&r->feed);
	for (int i = 0; i < r->npaths; i++)
		free(r->paths[i]);
	free(r->paths);
}

/*
 * blame_pipe.h - the whole front of the pipeline as the report command
 * runs it (prefix, parsers, model, analysis, diagnosis), for the tests
 * of who is blamed (test_blame*.c): feed lines, then ask a client's
 * verdict and explanation, an account's explanation, a finding's group.
 */
#ifndef POSTSLEUTH_TEST_BLAME_PIPE_H
#define POSTSLEUTH_TEST_BLAME_PIPE_H

#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include "analyze/analysis.h"
#include "diagnose/diagnose.h"
#include "util/xalloc.h"
#include "parse/dnsbl.h"
#include "feed/feed.h"
#include "model/correlate.h"


#define MAX_SESSIONS 16

struct pipe {
	struct feed feed;
	struct syslog_state st;
	struct model *model;
	struct analysis *a;
	struct diag *diag;
	size_t nsess;
	char *sess_ip[MAX_SESSIONS];
	enum verdict sess_v[MAX_SESSIONS];
	char *sess_tls_error[MAX_SESSIONS];
};

static inline void on_event(const struct event *ev, void *ctx)
{
	struct pipe *p = ctx;
	analysis_at(p->a, 0, p->feed.st.lines);
	analysis_event(p->a, ev);
	diag_event(p->diag, ev);
	model_event(p->model, ev, p->feed.st.lines, 0);
}

/* on_session - fold it, and keep its label (as explain, trace, events show it) */
static inline void on_session(const struct session *s, void *ctx)
{
	struct pipe *p = ctx;
	analysis_session(p->a, s);
	if (p->nsess < MAX_SESSIONS) {
		p->sess_ip[p->nsess] = strdup(s->client_ip ? s->client_ip : "");
		p->sess_v[p->nsess] = verdict_session(s);
		p->sess_tls_error[p->nsess] = s->tls_error ? strdup(s->tls_error) : NULL;
		p->nsess++;
	}
}

/* on_message - closed messages go to the analysis and the findings, as
 * the report command hands them */
static inline void on_message(const struct message *m, void *ctx)
{
	analysis_message(((struct pipe *)ctx)->a, m);
	diag_message(((struct pipe *)ctx)->diag, m);
}

static inline struct pipe *pipe_new(void)
{
	struct pipe *p = calloc(1, sizeof *p);
	p->feed.fn = on_event;
	p->feed.ctx = p;
	syslog_state_init(&p->st, 2026, 0);
	p->a = analysis_new();
	p->diag = diag_new();
	struct model_sink sink = {on_session, on_message, p};
	p->model = model_new(&sink);
	return p;
}

/* pipe_lines - the lines, then the end of input */
static inline void pipe_lines(struct pipe *p, const char *const *lines)
{
	for (size_t i = 0; lines[i]; i++)
		feed_line(&p->feed, &p->st, span_of(lines[i]));
	model_finish(p->model);
	analysis_finish(p->a);
	diag_clients(p->diag, p->a);
	diag_finish(p->diag);
}

static inline void pipe_free(struct pipe *p)
{
	for (size_t i = 0; i < p->nsess; i++) {
		free(p->sess_ip[i]);
		free(p->sess_tls_error[i]);
	}
	model_free(p->model);
	analysis_free(p->a);
	diag_free(p->diag);
	free(p);
}

/* verdict_of - a client's verdict, or -1 when the client is not known */
static inline int verdict_of(struct pipe *p, const char *ip)
{
	struct client *c = analysis_client(p->a, ip);
	return c ? (int)c->verdict : -1;
}

/* has_finding - the diagnosis holds the finding */
static inline bool has_finding(const struct pipe *p, enum finding_id id)
{
	for (size_t i = 0; i < p->diag->nlist; i++)
		if (p->diag->list[i]->id == id)
			return true;
	return false;
}

/* explanation - a client's explanation, in a static buffer */
static inline const char *explanation(struct pipe *p, const char *ip)
{
	static char out[4096];
	struct client *c = analysis_client(p->a, ip);
	struct buf b = {0};
	if (c)
		client_explain(p->a, c, &b);
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p ? b.p : "");
	buf_free(&b);
	return out;
}

/* group_with - the diagnosis' group of the finding, or NULL */
static inline const struct diag_group *group_with(const struct pipe *p, enum finding_id id)
{
	for (size_t i = 0; i < p->diag->nlist; i++)
		if (p->diag->list[i]->id == id)
			return p->diag->list[i];
	return NULL;
}

/* account_explanation - an account's explanation, in a static buffer */
static inline const char *account_explanation(struct pipe *p, const char *name)
{
	static char out[4096];
	struct account *ac = analysis_account(p->a, name);
	struct buf b = {0};
	if (ac)
		account_explain(p->a, ac, &b);
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p ? b.p : "");
	buf_free(&b);
	return out;
}

/* group_subject - the diagnosis has a group of id whose subjects hold ip */
static inline bool group_subject(const struct pipe *p, enum finding_id id, const char *ip)
{
	for (size_t i = 0; i < p->diag->nlist; i++)
		if (p->diag->list[i]->id == id && strset_has(&p->diag->list[i]->subjects, span_of(ip)))
			return true;
	return false;
}

#endif

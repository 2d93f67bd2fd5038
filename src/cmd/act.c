/*
 * act.c - one pass feed -> model -> analysis for the action commands,
 * plus per-address facts the actions need.  The log is untrusted: the
 * address strings kept here are copies of what the log said, capped,
 * and are validated later by whoever writes them anywhere.
 */
#include "act.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ACT_IP_MAX 64           /* longer "addresses" are not addresses */

/* ip_eq - hmap equality on the address text */
static bool ip_eq(const void *obj, const void *key)
{
	const struct act_ip *x = obj;
	const struct span *k = key;
	return span_eqs(*k, x->ip);
}

/* act_ip_get - the facts for an address, created unless over the cap */
struct act_ip *act_ip_get(struct act_run *r, struct span ip)
{
	if (!ip.p || ip.n > ACT_IP_MAX)
		return NULL;
	if (!ip.n)
		ip = SPAN_LIT(CLIENT_NO_ADDRESS);
	uint64_t h = span_hash(ip);
	struct act_ip *x = hmap_get(&r->ips, h, ip_eq, &ip);
	if (x)
		return x;
	if (r->nips >= ACT_MAX_IPS) {
		r->ips_dropped++;
		return NULL;
	}
	x = xcalloc(1, sizeof *x);
	x->ip = xspandup(ip);
	hmap_put(&r->ips, h, x);
	r->nips++;
	return x;
}

/* act_ip - lookup only */
struct act_ip *act_ip(struct act_run *r, const char *ip)
{
	struct span k = span_of(ip);
	return hmap_get(&r->ips, span_hash(k), ip_eq, &k);
}

/* act_is_port25 - is this smtpd program name the port 25 "smtp" service:
 * postfix/smtpd or postfix-inst/smtp/smtpd, not postfix/submission/smtpd */
bool act_is_port25(const char *program)
{
	if (!program)
		return false;
	const char *s1 = strchr(program, '/');
	if (!s1)
		return false;
	const char *s2 = strchr(s1 + 1, '/');
	if (!s2)
		return true;
	return (size_t)(s2 - s1 - 1) == 4 && !strncmp(s1 + 1, "smtp", 4);
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
	analysis_event(r->a, ev);
	model_event(r->model, ev, r->feed.lineno, r->feed.file_index);
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

/* note_start - the busiest minute of an address, over its last starts */
static void note_start(struct act_ip *x, int64_t us)
{
	x->ring[x->ring_pos] = us;
	x->ring_pos = (x->ring_pos + 1) % ACT_RING;
	if (x->nring < ACT_RING)
		x->nring++;
	uint32_t n = 0;
	for (uint32_t i = 0; i < x->nring; i++)
		if (x->ring[i] <= us && us - x->ring[i] < 60LL * 1000000)
			n++;
	if (n > x->peak_minute)
		x->peak_minute = n;
}

/* on_session - closed sessions go to the analysis, and to our facts */
static void on_session(const struct session *s, void *vctx)
{
	struct act_run *r = vctx;
	analysis_session(r->a, s);
	if (s->have_stats)
		r->sessions_with_stats++;
	else if (s->end_kind == END_DISCONNECT)
		r->sessions_without_stats++;
	if (!s->client_ip)
		return;
	struct act_ip *x = act_ip_get(r, span_of(s->client_ip));
	if (!x)
		return;
	x->sessions++;
	if (s->saw_connect)
		note_start(x, s->start.us);
	uint32_t ok = 0, total = 0;
	session_stat(s, "auth", &ok, &total);
	if (ok || s->sasl_username) {
		x->auth_ok_sessions++;
		if (s->sasl_username)
			x->auth_named_sessions++;
	}
	if (session_auth_failures(s) && !ok && !s->sasl_username) {
		if (act_is_port25(s->service))
			x->auth_fail_smtp++;
		else
			x->auth_fail_other++;
	}
}

/* on_message - closed messages go to the analysis */
static void on_message(const struct message *m, void *vctx)
{
	struct act_run *r = vctx;
	analysis_message(r->a, m);
}

/* by_ip - sort the facts by address text */
static int by_ip(const void *x, const void *y)
{
	return strcmp((*(struct act_ip *const *)x)->ip, (*(struct act_ip *const *)y)->ip);
}

/* collect - hmap_each callback into iplist */
static void collect(void *obj, void *ctx)
{
	struct act_run *r = ctx;
	r->iplist[r->nips++] = obj;
}

/* act_run - read everything, compute verdicts and facts; returns the
 * feed's exit status (1 when some input could not be read, or held no
 * Postfix line) */
int act_run(struct act_run *r, struct opts *o)
{
	r->paths = cmd_reread_setup(&r->feed, o, &r->npaths, &r->journal, r->reread);
	r->feed.fn = on_event;
	r->feed.ctx = r;
	hmap_init(&r->ips);
	r->a = analysis_new();
	struct model_sink sink = {on_session, on_message, r};
	r->model = model_new(&sink);
	int rc = feed_run(&r->feed, r->paths, r->npaths);
	rc = cmd_input_check(&r->feed, o, r->paths, r->npaths, r->journal, rc);
	model_finish(r->model);
	analysis_finish(r->a);
	uint64_t n = r->nips;
	r->iplist = xcalloc(n + 1, sizeof *r->iplist);
	r->nips = 0;
	hmap_each(&r->ips, collect, r);
	qsort(r->iplist, r->nips, sizeof *r->iplist, by_ip);
	return rc;
}

/* ip_free - one address's facts */
static void ip_free(void *obj)
{
	struct act_ip *x = obj;
	free(x->ip);
	free(x);
}

/* act_free - everything act_run made */
void act_free(struct act_run *r)
{
	model_free(r->model);
	analysis_free(r->a);
	hmap_foreach(&r->ips, ip_free);
	hmap_free(&r->ips);
	free(r->iplist);
	reread_free(&r->feed);
	cmd_inputs_free(r->paths, r->npaths);
}

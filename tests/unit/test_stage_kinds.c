/*
 * test_stage_kinds.c - report's on_event calls each stage only for the
 * kinds it reads (speed17): analysis_event_by_kind (analysis.h),
 * diag_passes_by (diagnose.h) and model_event_by_kind (correlate.h).
 * Held here to the former calls, every stage asked of every event: two
 * pipelines (model, analysis, findings, with report's sinks) fed the
 * same events, the lines of real logs and events made of every kind with
 * every field set, must close the same sessions and messages, keep the
 * same model counters, clients and time span, and find the same groups.
 */
#include "tap.h"
#include "analyze/analysis.h"
#include "diagnose/diagnose.h"
#include "model/correlate.h"
#include "parse/event.h"
#include "syslog/prefix.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pipe {
	struct model *model;
	struct analysis *a;
	struct diag *diag;
	struct buf closed; /* the sessions and messages closed, in order */
};

static void on_session(const struct session *s, void *ctx)
{
	struct pipe *p = ctx;
	char t[512];
	snprintf(t, sizeof t, "S %llu %lld %s %llu-%llu %lld-%lld %d r%u l%u d%u a%u/%u %s %s\n",
		 (unsigned long long)s->id, (long long)s->pid, s->client_ip ? s->client_ip : "-",
		 (unsigned long long)s->first_line, (unsigned long long)s->last_line, (long long)s->start.us,
		 (long long)s->end.us, (int)s->end_kind, s->rejects, s->local_rejects, s->domain_rejects,
		 s->auth_backend_failures, (unsigned)s->sasl_backend_down, s->fail_user ? s->fail_user : "-",
		 s->helo ? s->helo : "-");
	buf_puts(&p->closed, t);
	analysis_session(p->a, s);
}

static void on_message(const struct message *m, void *ctx)
{
	struct pipe *p = ctx;
	char t[512];
	snprintf(t, sizeof t, "M %llu %s %u %lld-%lld\n", (unsigned long long)m->id, m->qid ? m->qid : "-",
		 m->nrcpts, (long long)m->start.us, (long long)m->end.us);
	buf_puts(&p->closed, t);
	analysis_message(p->a, m);
	diag_message(p->diag, m);
}

static void pipe_init(struct pipe *p)
{
	memset(p, 0, sizeof *p);
	p->a = analysis_new();
	p->diag = diag_new();
	struct model_sink sink = {on_session, on_message, p};
	p->model = model_new(&sink);
	model_limits(p->model, 0, 0, 600LL * 1000000); /* ten minutes idle: evictions happen */
}

/* feed - one event through a pipeline, the former way (all) or by kind */
static void feed(struct pipe *p, const struct event *ev, uint64_t lineno, bool all)
{
	struct diag_note note;
	diag_front(ev, &note, DIAG_FRONT_NONE);
	analysis_at(p->a, 0, lineno);
	if (all) {
		analysis_event(p->a, ev);
		diag_event_noted(p->diag, ev, &note);
		model_event(p->model, ev, lineno, 0);
	} else {
		analysis_event_by_kind(p->a, ev);
		if (!diag_passes_by(ev))
			diag_event_noted(p->diag, ev, &note);
		model_event_by_kind(p->model, ev, lineno, 0);
	}
}

/* digest - what each stage kept */
static void digest(struct pipe *p, struct buf *b)
{
	model_finish(p->model);
	analysis_finish(p->a);
	diag_finish(p->diag);
	buf_putspan(b, buf_span(&p->closed));
	char t[512];
	const struct model_stats *st = model_stats(p->model);
	const uint64_t *n = (const uint64_t *)st;
	for (size_t i = 0; i < sizeof *st / sizeof *n; i++) {
		snprintf(t, sizeof t, "st%zu %llu\n", i, (unsigned long long)n[i]);
		buf_puts(b, t);
	}
	snprintf(t, sizeof t, "time %d %lld %lld sessions %llu messages %llu clients %zu accounts %zu\n",
		 (int)p->a->have_time, (long long)p->a->first.us, (long long)p->a->last.us,
		 (unsigned long long)p->a->sessions, (unsigned long long)p->a->messages, p->a->nclist,
		 p->a->nalist);
	buf_puts(b, t);
	snprintf(t, sizeof t, "local %zu dnf %zu/%u clients %zu/%zu\n", strset_len(&p->a->local_domains),
		 strset_len(&p->a->dnf_domains), p->a->dnf_known, strset_len(&p->a->dnf_clients),
		 strset_len(&p->a->dnf_other));
	buf_puts(b, t);
	for (size_t i = 0; i < p->a->nclist; i++) {
		const struct client *c = p->a->clist[i];
		snprintf(t, sizeof t, "C %s v%u f%x s%u r%u ps%u pg%u nv%u rank%u abf%u pw%u af%u/%u rf%u\n",
			 client_addr(c).s, c->verdict, c->flags, c->sessions, c->rejects, c->ps_connects, c->pregreet,
			 c->non_smtp, c->ps_dnsbl_rank, c->auth_backend_fail, c->pw_failures, c->auth_failures,
			 c->auth_successes, c->relay_from_hash);
		buf_puts(b, t);
		for (unsigned v = 0; v < V__SESSION_COUNT; v++)
			if (c->by_verdict[v]) {
				snprintf(t, sizeof t, " v%u=%u", v, c->by_verdict[v]);
				buf_puts(b, t);
			}
		buf_putc(b, '\n');
	}
	for (size_t i = 0; i < p->diag->nlist; i++) {
		const struct diag_group *g = p->diag->list[i];
		snprintf(t, sizeof t, "G %s|%s|%llu|%u\n", finding_id(g->id), g->key, (unsigned long long)g->lines,
			 g->nsample);
		buf_puts(b, t);
	}
	snprintf(t, sizeof t, "port25 %llu own %llu dropped %llu ndr %llu/%llu\n",
		 (unsigned long long)p->diag->sent_port25, (unsigned long long)p->diag->own_delivered,
		 (unsigned long long)p->diag->dropped, (unsigned long long)p->diag->ndr_notices,
		 (unsigned long long)p->diag->ndr_failures);
	buf_puts(b, t);
}

static void pipe_free(struct pipe *p)
{
	model_free(p->model);
	analysis_free(p->a);
	diag_free(p->diag);
	buf_free(&p->closed);
}

/* the text of the made events, in a heap buffer of its own size: every
 * span of a made event is a part of it (a reply's code is where the
 * model expects it, before its text) */
static const char made_words[] =
    "554 5.7.1 cannot connect to saslauthd server: No such file or directory; from=<a@b.example> "
    "to=<c@d.example> helo=<bad.example> EHLO bad.example zen.spamhaus.org bob LOGIN A1B2C3D4E5 NOQUEUE "
    "unknown 198.51.100.3 203.0.113.9 192.0.2.77 10.1.2.3 reject RCPT bounced mx.d.example[203.0.113.9]:25";
static char *made_text;

/* part - the first w in the made text */
static struct span part(const char *w)
{
	const char *at = strstr(made_text, w);
	return at ? span_make(at, strlen(w)) : SPAN_NULL;
}

/* made_event - an event of kind on line l (its text the made text) with
 * every field the stages read set (a client, a user, a queue ID, a
 * status, a reply ...) */
static void made_event(struct event *ev, const struct logline *l, enum ev_type kind, unsigned i)
{
	static const char *const ips[] = {"198.51.100.3", "203.0.113.9", "192.0.2.77", "10.1.2.3"};
	ev_reset(ev, l);
	ev->type = kind;
	ev->client_ip = part(ips[i % 4]);
	ev->client_name = part("unknown");
	ev->helo = part("bad.example");
	ev->queue_id = (i & 1) ? part("A1B2C3D4E5") : part("NOQUEUE");
	ev->sasl_username = part("bob");
	ev->sasl_method = part("LOGIN");
	ev->from = part("a@b.example");
	ev->to = part("c@d.example");
	ev->action = part("reject");
	ev->stage = part("RCPT");
	ev->code = part("554");
	ev->dsn = part("5.7.1");
	if (i % 3 == 0)
		ev->status = part("bounced");
	ev->relay = part("mx.d.example[203.0.113.9]:25");
	ev->reason = part("cannot connect to saslauthd server: No such file or directory");
	ev->listed = part("zen.spamhaus.org");
	ev->command = part("EHLO bad.example");
	ev->text = l->text;
	ev->count = 3;
}

/* one line's syslog prefix, in a heap buffer of its own size */
struct held {
	char *text;
	struct logline l;
};

TEST(stage_kinds_same_as_every_stage)
{
	setenv("TZ", "UTC", 1);
	static const char *const paths[] = {
	    "tests/data/mail.log",           "tests/data/dnsbl-real-server.log", "tests/data/dovecot-only.log",
	    "tests/data/warning-families.log", "tests/data/backscatter.log",     "tests/data/distributed-sasl.log",
	    "tests/data/secrets-planted.log", "tests/data/own-backends.log",
	};
	made_text = malloc(sizeof made_words);
	memcpy(made_text, made_words, sizeof made_words);
	struct pipe ref, got;
	pipe_init(&ref);
	pipe_init(&got);
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	static struct event ev, made;
	static struct logline last;
	char *last_text = NULL;
	uint64_t lineno = 0, nmade = 0, kinds_seen = 0;
	char *line = NULL;
	size_t cap = 0;
	for (size_t f = 0; f < sizeof paths / sizeof paths[0]; f++) {
		FILE *fp = fopen(paths[f], "r");
		if (!fp) {
			test_fail(__FILE__, __LINE__, "cannot open %s", paths[f]);
			continue;
		}
		ssize_t n;
		while ((n = getline(&line, &cap, fp)) > 0) {
			if (line[n - 1] == '\n')
				n--;
			struct held h = {.text = malloc((size_t)n + 1)};
			memcpy(h.text, line, (size_t)n);
			lineno++;
			if (!syslog_parse(&st, span_make(h.text, (size_t)n), &h.l)) {
				free(h.text);
				continue;
			}
			parse_line(&h.l, &ev);
			kinds_seen |= UINT64_C(1) << ev.type;
			feed(&ref, &ev, lineno, true);
			feed(&got, &ev, lineno, false);
			/* every 7th line also told as each kind in turn, every
			 * field set */
			if (lineno % 7 == 0) {
				enum ev_type k = (enum ev_type)(nmade % EV__COUNT);
				unsigned i = (unsigned)(nmade / EV__COUNT);
				/* every other one on smtpd's line of a session
				 * just opened, a SASL backend's warning */
				struct logline ml = h.l;
				ml.text = span_make(made_text, sizeof made_words - 1);
				if (i & 1) {
					ml.daemon = SPAN_LIT("smtpd");
					ml.pid = 4242;
					ml.postfix = true;
					made_event(&made, &ml, EV_CONNECT, i);
					feed(&ref, &made, lineno, true);
					feed(&got, &made, lineno, false);
				}
				made_event(&made, &ml, k, i);
				nmade++;
				feed(&ref, &made, lineno, true);
				feed(&got, &made, lineno, false);
			}
			last = h.l; /* its text kept for the end */
			free(last_text);
			last_text = h.text;
		}
		fclose(fp);
	}
	free(line);
	/* a session opened, then a day later a line of chatter: it goes idle */
	last.daemon = SPAN_LIT("smtpd");
	last.pid = 4343;
	last.postfix = true;
	made_event(&made, &last, EV_CONNECT, 0);
	feed(&ref, &made, lineno, true);
	feed(&got, &made, lineno, false);
	last.ts.us += 86400LL * 1000000;
	last.text = span_make(made_text, sizeof made_words - 1);
	made_event(&made, &last, EV_NOISE, 0);
	made.sasl_username = SPAN_NULL;
	made.status = SPAN_NULL;
	feed(&ref, &made, lineno + 1, true);
	feed(&got, &made, lineno + 1, false);
	free(last_text);
	CHECK(lineno > 3000);
	CHECK(nmade > 8 * EV__COUNT);
	/* the logs hold the kinds the masks turn on */
	static const enum ev_type want[] = {EV_NOISE,    EV_OTHER,    EV_CONNECT,  EV_DISCONNECT, EV_REJECT,
					    EV_DELIVERY, EV_QUEUED,   EV_REMOVED,  EV_SASL_FAIL,  EV_WARNING,
					    EV_PS_CONNECT, EV_CLIENT, EV_MESSAGE_ID};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!(kinds_seen >> want[i] & 1))
			test_fail(__FILE__, __LINE__, "no line of kind %s", ev_type_name(want[i]));
	struct buf a = {0}, b = {0};
	digest(&ref, &a);
	digest(&got, &b);
	CHECK(a.n > 1000);
	if (a.n != b.n || memcmp(a.p, b.p, a.n)) {
		size_t i = 0;
		while (i < a.n && i < b.n && a.p[i] == b.p[i])
			i++;
		size_t from = i > 200 ? i - 200 : 0;
		test_fail(__FILE__, __LINE__, "the stages differ at byte %zu:\n%.400s\nwant:\n%.400s", i,
			  b.p + from, a.p + from);
	}
	buf_free(&a);
	buf_free(&b);
	pipe_free(&ref);
	pipe_free(&got);
	free(made_text);
}

/*
 * fuzz_stream.c - libFuzzer target: the whole pipeline on a fuzzed log.
 * Lines -> syslog prefix (or transcripts) -> parsers -> correlator (with tiny caps, so
 * eviction runs) -> analysis, explain and summary -> every text and JSON
 * writer, the events' NDJSON and the session and message records
 * included.  Text must be terminal-safe and JSON must parse strictly (no
 * inf or nan: fuzz.h's validator knows only JSON's own numbers).
 */
#include "fuzz.h"
#include "analyze/summary.h"
#include "model/correlate.h"
#include "report/events_json.h"
#include "report/explain.h"
#include "report/model_json.h"
#include "report/report.h"
#include "report/summary_json.h"

struct run {
	struct feed f;
	struct buf rec;         /* one event or record as JSON, checked at once */
	struct model *m;
	struct analysis *a;
	struct explain *x;
	struct summary *sum;
};

/* on_event, on_session, on_message - wired as the commands wire them,
 * each also written as the "events" command writes it */
static void on_event(const struct event *ev, void *c)
{
	struct run *r = c;
	r->rec.n = 0;
	events_json_write(&r->rec, ev, NULL); /* no mask: fuzz_parse runs the redactor */
	fuzz_check_json(&r->rec);
	analysis_event(r->a, ev);
	summary_event(r->sum, ev);
	model_event(r->m, ev, r->f.st.lines, 0);
}
static void on_session(const struct session *s, void *c)
{
	struct run *r = c;
	r->rec.n = 0;
	session_json(&r->rec, s, true);
	fuzz_check_json(&r->rec);
	analysis_session(r->a, s);
	explain_session(r->x, s);
}
static void on_message(const struct message *m, void *c)
{
	struct run *r = c;
	r->rec.n = 0;
	message_json(&r->rec, m);
	fuzz_check_json(&r->rec);
	analysis_message(r->a, m);
	explain_message(r->x, m);
}
static void on_transcript(const struct transcript *t, void *c)
{
	model_transcript(((struct run *)c)->m, t, ((struct run *)c)->f.st.lines, 0);
}

/* render - one writer's output through its oracle */
#define RENDER(check, call) do { b.n = 0; call; check(&b); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* LLVMFuzzerTestOneInput - one fuzzed log through everything */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run r = {.f = {.fn = on_event, .transcript_fn = on_transcript, .ctx = &r}};
	struct model_sink sink = {on_session, on_message, &r};
	r.m = model_new(&sink);
	model_limits(r.m, 3, 3, 60 * 1000000LL);
	r.a = analysis_new();
	analysis_limits(r.a, 0, 3, 3);
	r.a->show_secrets = size & 1;
	r.x = explain_new("all", NULL, size & 1, false);
	r.sum = summary_new();
	struct syslog_state st;
	syslog_state_init(&st, 0, 1795000000);
	struct span cur = span_make((const char *)data, size), line;
	while (fuzz_next_line(&cur, &line)) {
		char *p = fuzz_copy((const uint8_t *)line.p, line.n);
		feed_line(&r.f, &st, span_make(p, line.n));
		free(p);
	}
	feed_end(&r.f);
	if (r.f.tr && transcript_end(r.f.tr))
		on_transcript(r.f.tr, &r);
	model_finish(r.m);
	analysis_finish(r.a);
	struct evidence_set ev = {0};
	struct report_input in = {.a = r.a, .feed = &r.f.st, .model = model_stats(r.m),
				  .evidence = &ev, .show_secrets = size & 1, .all_clients = true};
	struct buf b = {0};
	RENDER(fuzz_check_text, report_text(&b, &in));
	RENDER(fuzz_check_json, report_json(&b, &in));
	RENDER(fuzz_check_text, explain_write(r.x, r.a, &b, false));
	RENDER(fuzz_check_json, explain_write(r.x, r.a, &b, true));
	RENDER(fuzz_check_text, clients_table(&b, r.a, r.a->clist, r.a->nclist, false, NULL));
	RENDER(fuzz_check_text, accounts_table(&b, r.a, r.a->alist, r.a->nalist, false, NULL));
	RENDER(fuzz_check_text, summary_text(r.sum, &b, false));
	RENDER(fuzz_check_json, (buf_putc(&b, '{'), summary_json(r.sum, &b), buf_putc(&b, '}')));
	buf_free(&b);
	buf_free(&r.rec);
	summary_free(r.sum);
	free(r.f.tr);
	explain_free(r.x);
	model_free(r.m);
	analysis_free(r.a);
	return 0;
}

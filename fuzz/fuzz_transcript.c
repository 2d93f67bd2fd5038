/*
 * fuzz_transcript.c - libFuzzer target: postmaster transcripts in mail
 * text.  Every line goes to transcript_feed; each complete transcript
 * becomes a session (model_transcript) that is written as JSON, as a
 * trace and as an explanation, each through its oracle.
 */
#include "fuzz.h"
#include "model/correlate.h"
#include "report/explain.h"
#include "report/model_json.h"
#include "report/trace_text.h"

static struct explain *x;

/* on_session - every writer that shows a session */
static void on_session(const struct session *s, void *ctx)
{
	struct buf b = {0};
	session_json(&b, s, true);
	fuzz_check_json(&b);
	b.n = 0;
	trace_text_session(&b, s, false);
	fuzz_check_text(&b);
	buf_free(&b);
	explain_session(x, s);
	(void)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* LLVMFuzzerTestOneInput - feed the lines, close, render */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct transcript t;
	struct model_sink sink = {on_session, NULL, NULL};
	struct model *m = model_new(&sink);
	x = explain_new("all", NULL, true, false);
	transcript_reset(&t);
	struct span cur = span_make((const char *)data, size), line;
	while (fuzz_next_line(&cur, &line)) {
		char *p = fuzz_copy((const uint8_t *)line.p, line.n);
		if (transcript_feed(&t, span_make(p, line.n))) {
			model_transcript(m, &t, 1, 0);
			transcript_reset(&t);
			transcript_feed(&t, span_make(p, line.n));
		}
		free(p);
	}
	if (transcript_end(&t))
		model_transcript(m, &t, 1, 0);
	struct buf b = {0};
	explain_write(x, NULL, &b, false);
	fuzz_check_text(&b);
	buf_free(&b);
	explain_free(x);
	model_free(m);
	return 0;
}

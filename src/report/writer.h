/*
 * writer.h - an output backend: one struct of functions per format, text
 * for people, JSON for programs, HTML for a browser (report only), chosen
 * once from the command line (cmd_writer), so that no command asks which
 * format it is writing.  Every writer escapes what comes from the log
 * (buf_term for text, buf_json for JSON, buf_html for HTML).
 */
#ifndef POSTSLEUTH_WRITER_H
#define POSTSLEUTH_WRITER_H

#include "advise_writers.h"
#include "explain.h"
#include "report.h"
#include "../analyze/summary.h"
#include "../analyze/trace.h"

/* what "summary" prints beside the summary itself */
struct summary_input {
	struct summary *s;
	const struct feed_stats *feed;
	bool color;
};

/* what "trace" prints: the story, and whether it was read in one pass */
struct trace_input {
	const struct trace *t;
	bool single_pass;
};

struct writer {
	const char *name;
	void (*report)(struct buf *b, const struct report_input *in);
	void (*clients)(struct buf *b, const struct analysis *a, struct client *const *list, size_t n,
			bool color, FILE *out);
	void (*accounts)(struct buf *b, const struct analysis *a, struct account *const *list, size_t n,
			 bool color, FILE *out);
	void (*summary)(struct buf *b, const struct summary_input *in);
	void (*trace)(struct buf *b, const struct trace_input *in);
	void (*explain)(struct buf *b, struct explain *x, const struct analysis *a);
	void (*advice)(struct buf *b, const struct advise_out *o);
};

extern const struct writer writer_text, writer_json, writer_html;

#endif

/*
 * report.h - the writers of "postsleuth report", "clients", "accounts":
 * plain text for people (findings first, then what to do) and one JSON
 * document (schema in docs/report.md).
 */
#ifndef POSTSLEUTH_REPORT_H
#define POSTSLEUTH_REPORT_H

#include "../analyze/analysis.h"
#include "../feed/evidence.h"
#include "../diagnose/diagnose.h"
#include "../feed/feed.h"
#include "../model/correlate.h"
#include "../util/buf.h"

/* clients told in full in the text report (the rest are counted by
 * verdict); clients whose evidence lines are fetched (text and JSON) */
#define REPORT_DETAIL_MAX 40
#define REPORT_EVIDENCE_MAX 200

struct summary;
struct timeline;

struct report_input {
	const struct analysis *a;
	const struct feed_stats *feed;
	const struct model_stats *model;
	const struct evidence_set *evidence;
	const struct diag *diag;     /* the server's problems (may be NULL) */
	bool color;
	bool show_secrets;
	bool all_clients;            /* list legitimate clients in full too */
	const char *problem;         /* "no Postfix log line found in ...", or NULL */
	void (*extra_text)(struct buf *b, void *ctx, bool color);   /* traffic summary */
	void (*extra_json)(struct buf *b, void *ctx);
	void *extra_ctx;
	FILE *out;                   /* when set, the writers flush into it as they go */
	const struct summary *summary;     /* HTML: its charts and destinations (may be NULL) */
	const struct timeline *timeline;   /* HTML: its charts over time (may be NULL) */
};

void report_text(struct buf *b, const struct report_input *in);
void report_json(struct buf *b, const struct report_input *in);
void report_actions_text(struct buf *b, const struct analysis *a, const struct diag *d, bool color,
			 bool debug_on);
void report_input_text(struct buf *b, const struct report_input *in);
void analysis_note_text(struct buf *b, const struct analysis *a, const char *indent);
void client_json(struct buf *b, const struct analysis *a, const struct client *c,
		 const struct evidence_set *ev);
void account_json(struct buf *b, const struct analysis *a, const struct account *ac);
void wrap_text(struct buf *b, const char *text, int indent, int width);
void wrap_explanation(struct buf *b, const struct analysis *a, const struct client *c, int indent);
void clients_table(struct buf *b, const struct analysis *a, struct client *const *list, size_t n,
		   bool color, FILE *out);
void accounts_table(struct buf *b, const struct analysis *a, struct account *const *list, size_t n,
		    bool color, FILE *out);

#endif

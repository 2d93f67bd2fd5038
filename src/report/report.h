/*
 * report.h - the writers of "postsleuth report", "clients", "accounts":
 * plain text for people (findings first, then what to do) and one JSON
 * document (schema in docs/report.md).
 */
#ifndef POSTSLEUTH_REPORT_H
#define POSTSLEUTH_REPORT_H

#include "../analyze/analysis.h"
#include "../analyze/campaign.h"
#include "../feed/evidence.h"
#include "../diagnose/diagnose.h"
#include "../feed/feed.h"
#include "../model/correlate.h"
#include "../util/buf.h"

/* items told per section of the text report by default (--top N, --all);
 * clients whose evidence lines are fetched for JSON; the lines of the
 * report's first screen ("At a glance" and what comes before it) */
#define REPORT_TOP_DEFAULT 5
#define REPORT_EVIDENCE_MAX 200
#define REPORT_SCREEN 40
#define REPORT_WIDTH 78

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
	bool all_clients;            /* --all: legitimate clients in full too, and the summary */
	size_t top;                  /* items told per section (0: all of them) */
	const struct campaigns *campaigns;   /* clients that act alike (may be NULL) */
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
/* what debug logging the log shows: none, only its chatter (TLS
 * handshake states, -v internals), or what clients sent (the dialogue) */
enum debug_seen { DEBUG_NONE, DEBUG_CHATTER, DEBUG_DIALOGUE };
void report_actions_text(struct buf *b, const struct analysis *a, const struct diag *d,
			 const struct campaigns *cs, bool color, enum debug_seen debug, bool no_postfix);
enum debug_seen report_debug_seen(const struct report_input *in);
void overview_text(struct buf *b, const struct report_input *in, size_t lines_before);
void campaigns_text(struct buf *b, const struct report_input *in);
void campaigns_json(struct buf *b, const struct analysis *a, const struct campaigns *cs);
void campaign_headline(struct buf *b, const struct campaign *c, const struct analysis *a);
void when_text(struct buf *b, const struct analysis *a, struct stamp first, struct stamp last);
void evidence_text(struct buf *b, const struct client *c, const struct client_detail *d,
		   const struct evidence_set *ev);
void report_input_text(struct buf *b, const struct report_input *in);
void analysis_note_text(struct buf *b, const struct analysis *a, const char *indent);
void client_json(struct buf *b, const struct analysis *a, const struct client *c,
		 const struct evidence_set *ev);
void account_json(struct buf *b, const struct analysis *a, const struct account *ac);
void wrap_text(struct buf *b, const char *text, int indent, int width);
void wrap_set_unbounded(bool on);
bool wrap_is_unbounded(void);
/* sections_json - "at_a_glance" and "what_to_do": the text report's own
 * sections, item by item (sections_json.c) */
void sections_json(struct buf *b, bool *first, const struct report_input *in);
void wrap_explanation(struct buf *b, const struct analysis *a, const struct client *c, int indent);
void clients_table(struct buf *b, const struct analysis *a, struct client *const *list, size_t n,
		   bool color, FILE *out);
void accounts_table(struct buf *b, const struct analysis *a, struct account *const *list, size_t n,
		    bool color, FILE *out);

/* report_severity_tag - a client severity's tag in the reader's language (campaigns_text.c) */
const char *report_severity_tag(int sev);

#endif

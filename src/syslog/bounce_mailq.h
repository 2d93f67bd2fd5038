/*
 * bounce_mailq.h - two other outputs of Postfix that admins paste among
 * its log lines, a bounce report's recipient paragraphs and mailq's
 * listing, read as the status lines Postfix logs for the same facts
 * (bounce_mailq.c says which and how).
 *
 * Fed in order with the lines that have no syslog prefix; what a
 * paragraph or an entry says is handed to ->emit as the message text of
 * a Postfix line with the program that logs it, once the paragraph or
 * entry is complete: at the line that does not continue it (the caller
 * asks bm_continues before that line's own event, and flushes), at the
 * end of the input (bm_flush).
 */
#ifndef POSTSLEUTH_BOUNCE_MAILQ_H
#define POSTSLEUTH_BOUNCE_MAILQ_H

#include <stdbool.h>
#include <stdint.h>
#include "../util/span.h"
#include "../util/timefmt.h"

#define BM_ADDR_MAX 256
#define BM_TEXT_MAX 1024
#define BM_QID_MAX 32
#define BM_RCPTS 16
#define BM_REASONS 4

/* what the lines say, for the program that logs it: daemon ("smtp",
 * "qmgr"...), text (valid during the call only), the input line the
 * paragraph or entry began at and the time last read before it */
typedef void (*bm_emit_fn)(void *ctx, const char *daemon, struct span text, uint64_t lineno,
			   struct stamp ts);

enum bm_kind { BM_NONE, BM_PARAGRAPH, BM_ENTRY, BM_DSN, BM_REPLY };

/* the report the paragraphs belong to, from its heading */
enum bm_report {
	BM_NO_REPORT,  /* none seen: a paragraph is read only when its reason has a failure's shape */
	BM_RETURNED,   /* "could not be delivered": the recipients bounced */
	BM_DELAYED,    /* "THIS IS A WARNING ONLY": deferred */
	BM_DELIVERED,  /* a success notice: nothing failed, nothing read */
};

struct bounce_mailq {
	enum bm_kind kind;
	enum bm_report report;
	uint64_t lineno;                 /* where the pending paragraph or entry began */
	struct stamp ts;
	/* a paragraph: "<rcpt> (expanded from <orig>): reason" */
	char rcpt[BM_ADDR_MAX], orig[BM_ADDR_MAX];
	bool lone;                       /* a reason pasted alone, no recipient before it */
	/* an entry: "QID[*!#] size date sender", "(reason)", recipients */
	char qid[BM_QID_MAX];
	char sender[BM_ADDR_MAX];
	uint64_t size;
	bool hold;
	bool reason_open;                /* a "(reason" whose ')' is on a later line */
	unsigned reason_lines;           /* lines it took so far */
	unsigned nrcpt, nkept, nreasons;
	int cur_reason;                  /* the reason the next recipients have, or -1 */
	struct {
		char addr[BM_ADDR_MAX];
		int reason;
	} rcpts[BM_RCPTS];
	char reasons[BM_REASONS][BM_TEXT_MAX];
	/* the reason being read (a paragraph's, or an entry's open one) */
	char text[BM_TEXT_MAX];
	size_t text_n;
	bool gap;                        /* a blank line after the paragraph, which may go on */
	/* a DSN's recipient part (bounce_dsn.c); its Diagnostic-Code in text[] */
	char dsn_rcpt[BM_ADDR_MAX];
	char dsn_status[16];             /* Status: 5.7.1 */
	bool dsn_diag, dsn_smtp;         /* a Diagnostic-Code read; its type smtp */
	bool dsn_later, dsn_quiet;       /* Action: delayed; delivered, relayed, expanded */
	char line[BM_TEXT_MAX];          /* the line with its markdown links undone */
	char out[BM_TEXT_MAX + 2 * BM_ADDR_MAX + 128];
};

struct logline;
void bm_logline(struct logline *l, const char *daemon, struct span text, struct stamp ts);
void bm_init(struct bounce_mailq *bm);
void bm_line(struct bounce_mailq *bm, struct span line, uint64_t lineno, struct stamp ts,
	     bm_emit_fn emit, void *ctx);
void bm_flush(struct bounce_mailq *bm, bm_emit_fn emit, void *ctx);
bool bm_continues(const struct bounce_mailq *bm, struct span line);
/* bounce_dsn.c: a DSN's fields, the line unquoted (lead_blank: it began
 * with blanks); bm_dsn_line is true when it took the line, and flushes
 * what it does not go on with */
bool bm_dsn_line(struct bounce_mailq *bm, struct span cur, bool lead_blank, uint64_t lineno,
		 struct stamp ts, bm_emit_fn emit, void *ctx);
bool bm_dsn_continues(const struct bounce_mailq *bm, struct span cur, bool lead_blank);
void bm_dsn_flush(struct bounce_mailq *bm, bm_emit_fn emit, void *ctx);
/* bounce_reply.c: a refusal of smtpd pasted alone, kept in bm->out as
 * its log line's message (BM_REPLY), handed on by bm_reply_flush */
bool bm_reply_line(struct bounce_mailq *bm, struct span line);
void bm_reply_flush(struct bounce_mailq *bm, bm_emit_fn emit, void *ctx);
/* bounce_mailq.c: s to the reason being read (bm->text), after one blank */
void bm_text_add(struct bounce_mailq *bm, struct span s);

#endif

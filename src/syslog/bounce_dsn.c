/*
 * bounce_dsn.c - a delivery status notification's per-recipient fields
 * pasted among the log lines (RFC 3464, as bounce(8) writes them in the
 * message/delivery-status part: global/bounce_notify_util.c), read as the
 * status line Postfix logged for the same recipient:
 *
 *   Final-Recipient: rfc822; RCPT
 *   Action: failed | delayed
 *   Status: 5.7.1
 *   Remote-MTA: dns; HOST
 *   Diagnostic-Code: smtp; 550-5.7.1 ... (continued by indented lines)
 *
 * becomes "to=<RCPT>, relay=none, dsn=5.7.1, status=bounced (550-5.7.1
 * ...)" of the SMTP client (an "smtp;" code is the remote server's reply)
 * or of the agent the reason's words name ("X-Postfix;": Postfix's own
 * reason).  Only a Diagnostic-Code makes a line: the other fields (the
 * message's Reporting-MTA, Arrival-Date...) are taken and add nothing; an
 * Action of delivered, relayed or expanded makes none.  The recipient
 * unknown (the Diagnostic-Code pasted alone) is "<>".  What a block of
 * fields says is told at its first line (explain_lines.c ties it there).
 * Under a bounce report's heading the fields repeat its paragraphs, which
 * are read (bounce_mailq.c): they are left to it, as text.  Untrusted
 * input: every field is bounded and copied (bounce_mailq.h's buffers).
 */
#include "bounce_mailq.h"
#include "prefix.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* field - "Name: value" with this name, any case; *val the value, trimmed */
static bool field(struct span s, const char *name, struct span *val)
{
	size_t n = strlen(name);
	if (s.n <= n || strncasecmp(s.p, name, n) != 0 || s.p[n] != ':')
		return false;
	*val = span_trim(span_skip(s, n + 1));
	return true;
}

/* after_type - "rfc822; ADDR" or "smtp; TEXT": what follows the type */
static struct span after_type(struct span v, struct span *type)
{
	ptrdiff_t i = span_chr(v, ';');
	if (i < 0) {
		*type = SPAN_NULL;
		return v;
	}
	*type = span_trim(span_make(v.p, (size_t)i));
	return span_trim(span_skip(v, (size_t)i + 1));
}

/* the fields of a recipient's part that are taken and add nothing */
static const char *const quiet[] = {
    "Original-Recipient", "Remote-MTA", "Reporting-MTA", "Received-From-MTA", "Arrival-Date",
    "Last-Attempt-Date", "Will-Retry-Until", "X-Postfix-Queue-ID", "X-Postfix-Sender", "X-Actual-Recipient",
};

/* is_field - one of the fields this reader knows */
static bool is_field(struct span s)
{
	static const char *const known[] = {"Final-Recipient", "Action", "Status", "Diagnostic-Code"};
	struct span v;
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (field(s, known[i], &v))
			return true;
	for (size_t i = 0; i < sizeof quiet / sizeof *quiet; i++)
		if (field(s, quiet[i], &v))
			return true;
	return false;
}

/* bm_dsn_continues - see bounce_mailq.h */
bool bm_dsn_continues(const struct bounce_mailq *bm, struct span cur, bool lead_blank)
{
	return (lead_blank && bm->dsn_diag) || is_field(cur);
}

/* bm_dsn_flush - see bounce_mailq.h */
void bm_dsn_flush(struct bounce_mailq *bm, bm_emit_fn emit, void *ctx)
{
	struct span r = span_trim(span_make(bm->text, bm->text_n));
	if (bm->dsn_diag && r.n && !bm->dsn_quiet && bm->report == BM_NO_REPORT) {
		char c = bm->dsn_status[0] ? bm->dsn_status[0] : r.p[0];
		const char *status = bm->dsn_later || c != '5' ? "deferred" : "bounced";
		int n = snprintf(bm->out, sizeof bm->out, "to=<%s>, relay=none, %s%s%sstatus=%s (%.*s)",
				 bm->dsn_rcpt, bm->dsn_status[0] ? "dsn=" : "", bm->dsn_status,
				 bm->dsn_status[0] ? ", " : "", status, (int)r.n, r.p);
		if (n > 0) {
			struct span t = span_make(bm->out, (size_t)n < sizeof bm->out ? (size_t)n : sizeof bm->out - 1);
			const char *d = bm->dsn_smtp ? "smtp" : syslog_bare_daemon(t);
			emit(ctx, d ? d : "error", t, bm->lineno, bm->ts);
		}
	}
	bm->dsn_diag = bm->dsn_later = bm->dsn_quiet = bm->dsn_smtp = false;
	bm->dsn_rcpt[0] = bm->dsn_status[0] = 0;
}

/* bm_dsn_line - see bounce_mailq.h */
bool bm_dsn_line(struct bounce_mailq *bm, struct span cur, bool lead_blank, uint64_t lineno,
		 struct stamp ts, bm_emit_fn emit, void *ctx)
{
	if (bm->report != BM_NO_REPORT)
		return false; /* the report's own part: its paragraphs are read */
	if (bm->kind == BM_DSN && lead_blank && bm->dsn_diag && cur.n) {
		bm_text_add(bm, span_trim(cur));
		return true;
	}
	if (!cur.n || !is_field(cur)) {
		if (bm->kind == BM_DSN)
			bm_flush(bm, emit, ctx);
		return false;
	}
	struct span v, type;
	if (bm->kind != BM_DSN) {
		bm_flush(bm, emit, ctx); /* the paragraph or entry before */
		bm->kind = BM_DSN;
		bm->text_n = 0;
		bm->lineno = lineno;
		bm->ts = ts;
	}
	if (field(cur, "Final-Recipient", &v)) {
		if (bm->dsn_diag || bm->dsn_rcpt[0]) { /* the next recipient's part */
			bm_dsn_flush(bm, emit, ctx);
			bm->text_n = 0;
		}
		struct span a = after_type(v, &type);
		if (a.n && a.p[0] == '<' && a.p[a.n - 1] == '>')
			a = span_make(a.p + 1, a.n - 2);
		/* the address alone: the line made of it ("to=<%s>, relay=...")
		 * must not take fields from it ("a@b>, status=sent (") */
		size_t k = 0;
		while (k < a.n && a.p[k] != '<' && a.p[k] != '>' && a.p[k] != ',' && a.p[k] != ' ' && a.p[k] != '\t')
			k++;
		span_cstr(bm->dsn_rcpt, sizeof bm->dsn_rcpt, span_make(a.p, k));
	} else if (field(cur, "Action", &v)) {
		bm->dsn_later = span_starts(v, "delayed");
		bm->dsn_quiet = span_starts(v, "delivered") || span_starts(v, "relayed") || span_starts(v, "expanded");
	} else if (field(cur, "Status", &v)) {
		size_t n = 0;
		while (n < v.n && n < sizeof bm->dsn_status - 1 && ((v.p[n] >= '0' && v.p[n] <= '9') || v.p[n] == '.'))
			n++;
		span_cstr(bm->dsn_status, sizeof bm->dsn_status, span_make(v.p, n));
	} else if (field(cur, "Diagnostic-Code", &v)) {
		struct span t = after_type(v, &type);
		bm->dsn_smtp = type.n == 4 && !strncasecmp(type.p, "smtp", 4);
		bm->dsn_diag = true;
		bm->text_n = 0;
		bm_text_add(bm, t);
	}
	return true;
}

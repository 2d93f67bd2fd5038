/*
 * explain_lines.c - "postsleuth explain" on a pasted excerpt (a short
 * input and no selector): each line in plain words (which program wrote
 * it, what it says, which side is at fault, the finding it belongs to,
 * the verdict of the client it names), then the whole: the findings and
 * the clients' verdicts, most serious first.
 *
 * The lines are read again (input/reread: a pipe's lines were spooled by
 * the first pass), parsed as the first pass did, and judged with what
 * the first pass concluded: a line's finding is the diagnosis' group it
 * went to (after the whole-log conclusions), its client's verdict the
 * analysis' one.  At most EXPLAIN_LINES_MAX lines are told.  SASL
 * secrets are hidden unless show_secrets (parse/redact.h); every log
 * string passes buf_term or buf_json.
 */
#include "explain.h"
#include "explain_lines.h"
#include "line_meaning.h"
#include "../syslog/bounce_mailq.h"
#include "findings.h"
#include "report.h"
#include "trace_text.h"
#include "../parse/dnsbl.h"
#include "../diagnose/own_backend.h"
#include "../diagnose/rules.h"
#include "../feed/feed.h"
#include "../feed/order.h"
#include "../input/lines.h"
#include "../input/source.h"
#include "../parse/redact.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* one line, told */
struct line_note {
	uint64_t file_index, lineno;
	char *text;              /* as shown: redacted, cut */
	char *program;           /* the tag, or NULL */
	const char *role;        /* what the program is for, or NULL */
	char *meaning;
	int side;                /* enum finding_side, or -1: nobody decided */
	int finding;             /* enum finding_id, or -1 */
	char *client;            /* the client it names, or NULL */
	int verdict;             /* that client's verdict, or -1 */
	bool noise;              /* debug detail: a run of them is one note */
	int64_t pid;
	uint64_t last_lineno, nnoise;
};

struct explain_lines {
	struct line_note *v;
	size_t n, cap;
	uint64_t more;           /* lines past EXPLAIN_LINES_MAX */
	size_t ninputs;
	bool cut;                /* a pipe's spool stopped before its end */
};

/* group_of - the diagnosis' group a hit went to, after its conclusions */
static const struct diag_group *group_of(const struct diag *d, const struct diag_hit *hit)
{
	for (size_t i = 0; i < d->nlist; i++)
		if (d->list[i]->id == hit->id && !strcmp(d->list[i]->key, hit->key))
			return d->list[i];
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if ((hit->id == F_TLS_HANDSHAKE_IN && g->id == F_TLS_SETTINGS_IN && !strcmp(g->key, hit->key)) ||
		    (hit->id == F_OUT_TIMEOUT && hit->port25 && g->id == F_OUT_PORT25_BLOCKED) ||
		    (hit->id == F_OUT_TLS_UNVERIFIED && g->id == F_OUT_TLS_TRUST) ||
		    /* "QID: Cannot start TLS" after its process's SSL_connect
		     * error to this host's own backend (diagnose.c, own_tls_take) */
		    (hit->id == F_OUT_TLS_FAIL && (g->id == F_FILTER_FAILED || g->id == F_OWN_DELIVERY_FAILED)) ||
		    (hit->id == F_OUT_DNS_TEMP && (g->id == F_OUT_DEST_DNS || g->id == F_OUT_DNS_TEMP_ONE) &&
		     !strcmp(g->key, hit->subject)))
			return g;
	}
	return diag_alias_of(d, hit->id, hit->key);
}

/* hostile_verdict - a verdict that blames the client (refused mail alone does not) */
static bool hostile_verdict(enum verdict v)
{
	return verdict_severity(v) >= 3 || v == V_CAPABILITY_PROBE || v == V_NON_SMTP_PROBE ||
	       v == V_PREGREET || v == V_PIPELINING || v == V_PROTOCOL_VIOLATION;
}

/* client_act - a line that shows what the client did (not its connect or TLS) */
static bool client_act(enum ev_type t)
{
	switch (t) {
	case EV_REJECT: case EV_SASL_FAIL: case EV_SASL_ABORT: case EV_NON_SMTP: case EV_PIPELINING:
	case EV_LOST: case EV_DISCONNECT: case EV_PS_PREGREET: case EV_PS_VIOLATION: case EV_PS_HANGUP:
	case EV_SMTP_IN: case EV_TLS_READ:
		return true;
	default:
		return false;
	}
}

/* copy_of_before - a line told as the one just before it, in a log the
 * diagnosis found written twice (log-lines-doubled): tied to that
 * finding, the copy said */
static void copy_of_before(struct line_note *n, const struct line_note *prev, const struct diag *d)
{
	if (!d || n->finding >= 0 || !prev || !prev->text || !n->text || prev->pid != n->pid ||
	    prev->last_lineno + 1 != n->lineno || strcmp(prev->text, n->text) ||
	    !diag_has(d, F_LOG_LINES_DOUBLED))
		return;
	n->finding = (int)F_LOG_LINES_DOUBLED;
	n->side = (int)finding_side(F_LOG_LINES_DOUBLED);
	char *m = n->meaning;
	struct buf b = {0};
	buf_puts(&b, m ? m : "");
	buf_puts(&b, _("; the same line as the one before it, a second copy the logging wrote"));
	n->meaning = xspandup(buf_span(&b));
	buf_free(&b);
	free(m);
}

/* judge - the side at fault, the finding and the client of one line */
static void judge(struct line_note *n, const struct event *ev, const struct analysis *a,
		  const struct diag *d, struct diag_causes *causes)
{
	n->side = -1;
	n->finding = -1;
	n->verdict = -1;
	struct diag_hit hit;
	bool ruled = diag_classify(ev, &hit);
	if (ruled) {
		diag_forward_take(d, ev, &hit); /* forwarded mail, as the diagnosis told it */
		diag_greylist_take(d, ev, &hit); /* greylisting's retries, the same */
	}
	/* an effect line is its process' cause's, as the diagnosis had it:
	 * the tracker sees every line, in the order the diagnosis did */
	if (ruled)
		diag_cause_hit(causes, ev, &hit);
	else
		diag_cause_line(causes, ev);
	/* a conclusion over several lines first (backscatter, trust by
	 * address): it says more than the line's own rule */
	const struct diag_group *g = diag_line_group(d, ev);
	if (!g && ruled)
		g = group_of(d, &hit);
	if (g) {
		n->finding = (int)g->id;
		n->side = (int)finding_side(g->id);
	}
	struct span ip = ev->client_ip;
	if (ip.n) {
		char buf[CLIENT_ADDR_MAX];
		snprintf(buf, sizeof buf, "%.*s", (int)(ip.n % CLIENT_ADDR_MAX), ip.p);
		struct client *c = analysis_client((struct analysis *)a, buf);
		if (c) {
			n->client = xstrdup(client_addr(c).s);
			n->verdict = c->verdict;
		}
	}
	if (n->side >= 0)
		return;
	if (ev_reject_local_fault(ev) || ev_sasl_backend_fault(ev) ||
	    (ev->type == EV_PS_DNSBL && ev->listed.n && dnsbl_is_error(ev->reason)))
		n->side = SIDE_CONFIG;
	else if (n->verdict >= 0 && hostile_verdict((enum verdict)n->verdict) && client_act(ev->type))
		n->side = SIDE_HOSTILE;
	else if (n->verdict == V_HEALTH_CHECK)
		n->side = SIDE_BENIGN;
	/* the lines of ordinary traffic blame nobody and say so by saying nothing */
}

/* push - one more note, or NULL past the cap */
static struct line_note *push(struct explain_lines *el)
{
	if (el->n >= EXPLAIN_LINES_MAX) {
		el->more++;
		return NULL;
	}
	if (el->n == el->cap) {
		el->cap = el->cap ? el->cap * 2 : 64;
		el->v = xrealloc(el->v, el->cap * sizeof *el->v);
	}
	struct line_note *n = &el->v[el->n++];
	memset(n, 0, sizeof *n);
	return n;
}

/* shown - the line as told: its pasted bullet off, secrets hidden, cut;
 * a journal entry as its time, host, program and message */
static char *shown(const struct logline *l, struct span line, struct redact *rd, bool show_secrets)
{
	struct span raw = l->raw.p ? l->raw : line;
	struct redact_mask m;
	redact_msg(rd, l, &m);
	struct buf b = {0};
	if (l->format == FMT_JOURNAL) /* its message maybe escaped in the JSON */
		redact_line(&b, l, show_secrets ? NULL : &m);
	else if (show_secrets || !redact_touches(&m, raw))
		buf_putspan(&b, span_cut(raw, 400));
	else
		redact_put(&b, span_cut(raw, 400), &m);
	char *s = xspandup(span_cut(buf_span(&b), 400));
	buf_free(&b);
	return s;
}

/* what a pasted bounce notice or mailq entry says is told on its first
 * line, which takes the lines that continue it (bounce_mailq.h) */
struct pasted_tell {
	struct explain_lines *el;
	const struct analysis *a;
	const struct diag *d;
	struct diag_causes *causes;
	size_t at;               /* the note of its first line, or SIZE_MAX */
	bool told;               /* that note already tells one line made of it */
};

/* tell_pasted - one line made of the pasted output, told on its note */
static void tell_pasted(void *ctx, const char *daemon, struct span text, uint64_t lineno,
			struct stamp ts)
{
	struct pasted_tell *t = ctx;
	if (t->at >= t->el->n || t->el->v[t->at].lineno != lineno)
		return;
	struct line_note *n = &t->el->v[t->at];
	struct logline l;
	bm_logline(&l, daemon, text, ts);
	struct event ev;
	parse_line(&l, &ev);
	enum own_kind own = line_own_kind(&l, &ev);
	struct buf b = {0};
	if (t->told) {
		buf_puts(&b, n->meaning);
		buf_puts(&b, "; ");
	} else {
		free(n->program);
		n->program = xstrdup(daemon);
		n->role = line_role(&l, own);
	}
	/* a refusal of smtpd pasted alone (bounce_reply.c): whose server
	 * gave it is not in the words */
	if (!t->told && span_starts(text, "NOQUEUE: reject: "))
		buf_puts(&b, _("a refusal in the words of Postfix's SMTP server, pasted without its log "
			       "line: read as this server's refusal (if another server gave it, its "
			       "cause is on that server): "));
	size_t had = b.n;
	line_meaning(&b, &ev, own);
	struct span said = span_make(b.p + had, b.n - had);
	if (t->told && had >= said.n + 2 && !memcmp(b.p + had - 2 - said.n, said.p, said.n))
		b.n = had - 2; /* another recipient's same failure: told once */
	free(n->meaning);
	n->meaning = xspandup(buf_span(&b));
	buf_free(&b);
	struct line_note j = *n;
	j.client = NULL;
	judge(&j, &ev, t->a, t->d, t->causes);
	free(j.client);
	if (!t->told || (n->finding < 0 && j.finding >= 0)) {
		n->finding = j.finding;
		n->side = j.side;
	}
	t->told = true;
}

/* pasted_before - a pending paragraph or entry the line does not go on
 * with is told first */
static void pasted_before(struct bounce_mailq *bm, struct pasted_tell *t, struct span line)
{
	if (bm->kind && !bm_continues(bm, line))
		bm_flush(bm, tell_pasted, t);
}

/* explain_lines_read - each line of the inputs, told */
struct explain_lines *explain_lines_read(const struct feed *feed, const struct analysis *a,
					 const struct diag *d, int forced_year, bool show_secrets)
{
	struct explain_lines *el = xcalloc(1, sizeof *el);
	el->ninputs = feed->ninputs;
	struct redact_table *rt = redact_table_new();
	struct diag_causes *causes = xcalloc(1, sizeof *causes);
	struct bounce_mailq *bm = xmalloc(sizeof *bm);
	struct pasted_tell pt = {el, a, d, causes, SIZE_MAX, false};
	for (size_t i = 0; i < feed->ninputs; i++) {
		const struct feed_input *in = &feed->inputs[i];
		struct source *src = reread_open(in);
		if (!src || src->error || src->kind == SRC_JOURNAL) {
			if (src)
				source_close(src);
			continue;
		}
		el->cut |= in->cut;
		uint64_t upto = in->spool ? in->lines : UINT64_MAX;
		struct syslog_state st;
		syslog_state_init(&st, forced_year, src->mtime);
		struct lines lr;
		lines_init(&lr, src);
		struct span line;
		bm_init(bm);
		/* in the file's order, a wrapped line joined again (order.c) */
		struct order ord;
		order_init(&ord, &lr, forced_year, src->mtime);
		ord.as_read = true;
		while (order_next(&ord, &line) && ord.lineno <= upto) {
			struct logline l;
			st.pasted = ord.pasted; /* read as the analysis read it */
			pasted_before(bm, &pt, line);
			if (!span_trim(line).n) {
				/* a blank line inside a pasted paragraph counts
				 * as the analysis counted it (one may sit there) */
				if (bm->kind)
					bm_line(bm, line, ord.lineno, st.last_ts, tell_pasted, &pt);
				continue;
			}
			bool parsed = syslog_parse(&st, line, &l);
			if (!parsed && bm->kind && pt.at < el->n) {
				/* a line that goes on with a pasted paragraph or
				 * entry: told with its first line */
				el->v[pt.at].last_lineno = ord.lineno;
				bm_line(bm, line, ord.lineno, st.last_ts, tell_pasted, &pt);
				continue;
			}
			struct line_note *n = push(el);
			if (!n)
				continue;
			n->file_index = in->index;
			n->lineno = ord.lineno;
			if (!parsed) {
				/* no log line: tell it anyway, the reader pasted it */
				n->text = xspandup(span_cut(line, 400));
				n->meaning = xstrdup(_("not a log line: the rest of the line before, wrapped "
						       "when it was pasted, or other text"));
				n->side = n->finding = n->verdict = -1;
				n->last_lineno = ord.lineno;
				bm_line(bm, line, ord.lineno, st.last_ts, tell_pasted, &pt);
				if (bm->kind) {
					pt.at = el->n - 1;
					pt.told = false;
				}
				continue;
			}
			struct event ev;
			parse_line(&l, &ev);
			struct redact *rd = redact_table_get(rt, l.host, l.pid);
			/* a run of debug detail of one process is told once */
			struct line_note *prev = el->n >= 2 ? &el->v[el->n - 2] : NULL;
			if (ev.type == EV_NOISE && prev && prev->noise && prev->pid == l.pid &&
			    prev->last_lineno + 1 == ord.lineno) {
				struct redact_mask m;
				redact_msg(rd, &l, &m);
				prev->last_lineno = ord.last_lineno;
				prev->nnoise++;
				el->n--;
				continue;
			}
			n->noise = ev.type == EV_NOISE;
			n->pid = l.pid;
			n->last_lineno = ord.last_lineno;
			n->nnoise = 1;
			n->text = shown(&l, line, rd, show_secrets);
			n->program = l.prog.n ? xspandup(l.prog) : NULL;
			enum own_kind own = line_own_kind(&l, &ev);
			n->role = line_role(&l, own);
			struct buf b = {0};
			line_meaning(&b, &ev, own);
			n->meaning = xspandup(buf_span(&b));
			buf_free(&b);
			judge(n, &ev, a, d, causes);
			copy_of_before(n, el->n >= 2 ? &el->v[el->n - 2] : NULL, d);
		}
		bm_flush(bm, tell_pasted, &pt);
		pt.at = SIZE_MAX;
		order_free(&ord);
		lines_free(&lr);
		source_close(src);
	}
	redact_table_free(rt);
	free(causes);
	free(bm);
	return el;
}

/* line_text - one told line */
static void line_text(struct buf *b, const struct explain_lines *el, const struct line_note *n)
{
	if (el->ninputs > 1)
		buf_printf(b, "  %llu:%llu  ", (unsigned long long)n->file_index + 1,
			   (unsigned long long)n->lineno);
	else
		buf_printf(b, "  %3llu  ", (unsigned long long)n->lineno);
	buf_term(b, span_of(n->text));
	buf_putc(b, '\n');
	if (n->nnoise > 1)
		/* TRANSLATORS: how many more lines of debug detail, and the last one's number */
		buf_printf(b, P_("       ... and %llu more lines of it, to line %llu\n",
				 "       ... and %llu more lines of it, to line %llu\n", n->nnoise - 1),
			   (unsigned long long)n->nnoise - 1, (unsigned long long)n->last_lineno);
	else if (n->last_lineno > n->lineno)
		/* TRANSLATORS: a line wrapped when it was pasted, or a pasted
		 * notice's paragraph, told once: the number of its last line */
		buf_printf(b, _("       (with the pasted lines that go on with it, to line %llu)\n"),
			   (unsigned long long)n->last_lineno);
	struct buf t = {0};
	if (n->program)
		buf_term(&t, span_of(n->program));
	if (n->program && n->role)
		buf_printf(&t, " (%s)", n->role);
	if (n->program)
		buf_puts(&t, ": ");
	buf_puts(&t, n->meaning);
	buf_puts(&t, ".");
	if (n->side >= 0)
		/* TRANSLATORS: %s is who is at fault: "this server's configuration" */
		buf_printf(&t, _(" At fault: %s."), finding_side_words((enum finding_side)n->side));
	if (n->finding >= 0)
		/* TRANSLATORS: the finding's title and its severity tag */
		buf_printf(&t, _(" Problem: %s [%s]."), finding_title((enum finding_id)n->finding),
			   finding_severity_word(finding_severity((enum finding_id)n->finding)));
	if (n->client && n->verdict >= 0)
		/* TRANSLATORS: the client's address and its verdict id (not translated) */
		buf_printf(&t, _(" Client %s: %s."), explain_client_words(n->client),
			   verdict_id((enum verdict)n->verdict));
	buf_putc(&t, 0);
	wrap_text(b, t.p, 7, 78);
	buf_free(&t);
}

/* explain_lines_text - line by line, then the heading of the whole and
 * the server's problems; true when there were any (the caller tells the
 * clients after them): a benign note of no weight (a WARN rule's line,
 * a greylisting) is told, and is no problem */
bool explain_lines_text(struct buf *b, const struct explain_lines *el, const struct diag *d,
			bool color)
{
	text_heading(b, color, "%s", _("Line by line"));
	buf_putc(b, '\n');
	for (size_t i = 0; i < el->n; i++)
		line_text(b, el, &el->v[i]);
	if (el->more)
		buf_printf(b, P_("  (%llu more lines not told: explain tells at most %d; postsleuth report "
				 "reads any length)\n",
				 "  (%llu more lines not told: explain tells at most %d; postsleuth report "
				 "reads any length)\n",
				 el->more),
			   (unsigned long long)el->more, EXPLAIN_LINES_MAX);
	if (el->cut)
		buf_puts(b, _("  (the piped input was longer than the spool kept: not every line is told)\n"));
	buf_putc(b, '\n');
	text_heading(b, color, "%s", _("The whole, most serious first"));
	buf_putc(b, '\n');
	if (!d || !d->nlist)
		return false;
	findings_text(b, d, color, 0);
	for (size_t i = 0; i < d->nlist; i++)
		if (finding_side(d->list[i]->id) != SIDE_BENIGN || finding_severity(d->list[i]->id) > 0)
			return true;
	return false;
}

/* explain_lines_json - {"select":"lines","lines":[...],"findings":[...],"clients":[...]} */
void explain_lines_json(struct buf *b, const struct explain_lines *el, const struct analysis *a,
			const struct diag *d)
{
	buf_puts(b, "{\"select\":\"lines\",\"value\":null,\"lines\":[");
	for (size_t i = 0; i < el->n; i++) {
		const struct line_note *n = &el->v[i];
		buf_printf(b, "%s{\"input\":%llu,\"line\":%llu,\"last_line\":%llu,\"text\":",
			   i ? "," : "", (unsigned long long)n->file_index + 1,
			   (unsigned long long)n->lineno, (unsigned long long)n->last_lineno);
		buf_jsons(b, n->text);
		buf_puts(b, ",\"program\":");
		buf_jsons(b, n->program);
		buf_puts(b, ",\"role\":");
		buf_jsons(b, n->role);
		buf_puts(b, ",\"meaning\":");
		buf_jsons(b, n->meaning);
		buf_puts(b, ",\"at_fault\":");
		buf_jsons(b, n->side >= 0 ? finding_side_id((enum finding_side)n->side) : NULL);
		buf_puts(b, ",\"finding\":");
		buf_jsons(b, n->finding >= 0 ? finding_id((enum finding_id)n->finding) : NULL);
		buf_puts(b, ",\"client\":");
		buf_jsons(b, n->client);
		buf_puts(b, ",\"verdict\":");
		buf_jsons(b, n->verdict >= 0 ? verdict_id((enum verdict)n->verdict) : NULL);
		buf_putc(b, '}');
	}
	buf_printf(b, "],\"more_lines\":%llu,\"findings\":", (unsigned long long)el->more);
	findings_json(b, d);
	buf_puts(b, ",\"clients\":[");
	size_t k = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		if (c->verdict == V_LEGITIMATE)
			continue;
		struct buf t = {0};
		client_explain(a, c, &t);
		buf_printf(b, "%s{\"ip\":", k++ ? "," : "");
		buf_jsons(b, client_addr(c).s);
		buf_printf(b, ",\"verdict\":\"%s\",\"severity\":%d,\"explanation\":", verdict_id(c->verdict),
			   verdict_severity(c->verdict));
		buf_json(b, buf_span(&t));
		buf_putc(b, '}');
		buf_free(&t);
	}
	buf_puts(b, "]}\n");
}

/* explain_lines_free - everything */
void explain_lines_free(struct explain_lines *el)
{
	if (!el)
		return;
	for (size_t i = 0; i < el->n; i++) {
		free(el->v[i].text);
		free(el->v[i].program);
		free(el->v[i].meaning);
		free(el->v[i].client);
	}
	free(el->v);
	free(el);
}

/*
 * writer_html.c - the HTML backend: "report --html FILE" as one
 * self-contained page (docs/report.md, "HTML"): the server's problems
 * first, then the clients' and accounts' verdicts, charts as inline SVG
 * (html_charts.c), sortable tables (html_tables.c), and what was read.
 * Drill-down needs no script: each finding and client links to its
 * evidence lines in a <details> (a link to an element inside opens it).
 * The numbers are those of the JSON report, read from the same
 * structures.
 *
 * Safe to open from a mail attachment: a strict Content-Security-Policy
 * (no network, no style or script but the page's own two, named by their
 * SHA-256 computed at build time: html_assets.sh), no style attributes,
 * and every string from the log through buf_html.
 */
#include "../util/i18n.h"
#include "writer.h"
#include "findings.h"
#include "html.h"
#include "html_svg.h"
#include "explain.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include "html_assets.h"

#include <stdlib.h>
#include <string.h>

#define HTML_SUBJECTS_MAX 40

/* html_s - a C string escaped for text and attribute values; NULL: nothing */
void html_s(struct buf *b, const char *s)
{
	if (s)
		buf_html(b, span_of(s));
}

/* html_flush - write out what is built so far, to keep the buffer small */
void html_flush(struct buf *b, const struct report_input *in)
{
	if (in->out && b->n > (1 << 16))
		buf_flush(b, in->out);
}

/* html_t - a catalogue string as text content: its <, > and & escaped,
 * its quotes kept (the English page writes them as they are) */
void html_t(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		default: buf_putc(b, *s);
		}
	}
}

/* html_tagged - open, the translated text, close */
void html_tagged(struct buf *b, const char *open, const char *text, const char *close)
{
	buf_puts(b, open);
	html_t(b, text);
	buf_puts(b, close);
}

/* html_thead - a table's heading row, each heading translated, a numeric
 * column's of class "n"; the <tbody> opened after it */
void html_thead(struct buf *b, const struct html_col *c, size_t n)
{
	buf_puts(b, "<thead><tr>");
	for (size_t i = 0; i < n; i++)
		html_tagged(b, c[i].n ? "<th class=\"n\">" : "<th>", _(c[i].head), "</th>");
	buf_puts(b, "</tr></thead><tbody>\n");
}

/* dt - a fact's name */
static void dt(struct buf *b, const char *text)
{
	html_tagged(b, "<dt>", text, "</dt>");
}

/* fact - one <dt>/<dd> pair of counters */
static void fact(struct buf *b, const char *name, uint64_t v)
{
	dt(b, name);
	buf_printf(b, "<dd>%llu</dd>", (unsigned long long)v);
}

/* range - "FIRST to LAST" */
static void range(struct buf *b, struct stamp first, struct stamp last)
{
	html_stamp(b, first);
	html_t(b, _(" to "));
	html_stamp(b, last);
}

/* head - doctype, CSP, title, the style sheet */
static void head(struct buf *b, const struct analysis *a)
{
	/* the page's language is the prose's: pt-BR, es, en */
	char lang[16];
	snprintf(lang, sizeof lang, "%s", i18n_lang());
	for (char *p = lang; *p; p++)
		*p = *p == '_' ? '-' : *p;
	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n", lang);
	buf_puts(b, "<head>\n<meta charset=\"utf-8\">\n"
		    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		    "style-src 'sha256-");
	buf_puts(b, html_page_css_sha256);
	buf_puts(b, "'; script-src 'sha256-");
	buf_puts(b, html_sort_js_sha256);
	buf_puts(b, "'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<meta name=\"generator\" content=\"postsleuth " POSTSLEUTH_VERSION "\">\n"
		    "<title>");
	html_t(b, _("Postfix log report"));
	if (a->have_time) {
		buf_puts(b, ": ");
		range(b, a->first, a->last);
	}
	buf_puts(b, "</title>\n<style>");
	buf_puts(b, html_page_css);
	buf_puts(b, "</style>\n</head>\n");
}

/* top - the heading, the period, the one-line totals, the contents */
static void top(struct buf *b, const struct report_input *in)
{
	const struct analysis *a = in->a;
	/* the sorting script's tooltip, in the page's language (the script
	 * itself is hashed in the CSP, so its text cannot vary) */
	buf_puts(b, "<body data-sort-title=\"");
	html_s(b, _("sort by this column"));
	buf_puts(b, "\">\n");
	html_tagged(b, "<header>\n<h1>", _("Postfix log report"), "</h1>\n<p class=\"meta\">");
	if (a->have_time) {
		range(b, a->first, a->last);
		buf_puts(b, " &middot; ");
	}
	/* a frame, each count a piece of its own with its plural */
	char n[4][64], w[4][256];
	snprintf(n[0], sizeof n[0], "<span id=\"total-sessions\">%llu</span>", (unsigned long long)a->sessions);
	snprintf(n[1], sizeof n[1], "<span id=\"total-clients\">%zu</span>", a->nclist);
	snprintf(n[2], sizeof n[2], "<span id=\"total-messages\">%llu</span>", (unsigned long long)a->messages);
	snprintf(n[3], sizeof n[3], "<span id=\"total-accounts\">%zu</span>", a->nalist);
	snprintf(w[0], sizeof w[0], P_("%s session", "%s sessions", a->sessions), n[0]);
	snprintf(w[1], sizeof w[1], P_("%s client address", "%s client addresses", a->nclist), n[1]);
	snprintf(w[2], sizeof w[2], P_("%s message", "%s messages", a->messages), n[2]);
	if (a->verify_probes) {
		size_t k = strlen(w[2]);
		snprintf(w[2] + k, sizeof w[2] - k,
			 P_(" (and %llu address verification probe)", " (and %llu address verification probes)",
			    a->verify_probes),
			 (unsigned long long)a->verify_probes);
	}
	snprintf(w[3], sizeof w[3], P_("%s SASL account", "%s SASL accounts", a->nalist), n[3]);
	/* TRANSLATORS: sessions from client addresses, messages, SASL accounts */
	buf_printf(b, _("%s from %s, %s, %s"), w[0], w[1], w[2], w[3]);
	buf_puts(b, "</p>\n<nav>");
	html_tagged(b, "<a href=\"#glance\">", _("At a glance"), "</a>");
	html_tagged(b, "<a href=\"#todo\">", _("What to do"), "</a>");
	html_tagged(b, "<a href=\"#problems\">", _("Problems found"), "</a>");
	html_tagged(b, "<a href=\"#verdicts\">", _("Clients and accounts"), "</a>");
	html_tagged(b, "<a href=\"#charts\">", _("Charts"), "</a>");
	html_tagged(b, "<a href=\"#tables\">", _("Tables"), "</a>");
	html_tagged(b, "<a href=\"#input\">", _("What was read"), "</a>");
	buf_puts(b, "</nav>\n</header>\n<main>\n");
}

/* the clients told in full (their articles' anchors), for the links
 * from the findings that touched them */
struct told {
	size_t n;
	size_t idx[HTML_DETAIL_MAX];
	char ip[HTML_DETAIL_MAX][CLIENT_ADDR_MAX];
};

/* told_clients - the clients "Clients and accounts" tells, in its order */
static void told_clients(struct told *t, const struct report_input *in)
{
	t->n = 0;
	for (size_t i = 0; i < in->a->nclist && t->n < HTML_DETAIL_MAX; i++) {
		const struct client *c = in->a->clist[i];
		if (c->verdict == V_LEGITIMATE && !in->all_clients)
			continue;
		t->idx[t->n] = i + 1;
		memcpy(t->ip[t->n], client_addr(c).s, CLIENT_ADDR_MAX);
		t->n++;
	}
}

/* told_anchor - the article number of a client address told in full, or 0 */
static size_t told_anchor(const struct told *t, const char *ip)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (!strcmp(t->ip[i], ip))
			return t->idx[i];
	return 0;
}

/* subjects - the sorted subject set of a finding, capped; a client told
 * in full links to it */
static void subjects(struct buf *b, const struct diag_group *g, const struct told *t)
{
	size_t k;
	const char **all = diag_subjects(g, &k);
	for (size_t i = 0; i < k && i < HTML_SUBJECTS_MAX; i++) {
		if (i)
			buf_puts(b, ", ");
		size_t at = told_anchor(t, all[i]);
		if (at)
			buf_printf(b, "<a href=\"#c-%zu\">", at);
		html_s(b, explain_client_words(all[i]));
		if (at)
			buf_puts(b, "</a>");
	}
	if (k > HTML_SUBJECTS_MAX || g->subjects.dropped)
		buf_printf(b, _(" and %llu more"),
			   (unsigned long long)(k - (k > HTML_SUBJECTS_MAX ? HTML_SUBJECTS_MAX : k) +
						g->subjects.dropped));
	free((void *)all);
}

/* finding_index - one row per finding, linking to it and its evidence */
static void finding_index(struct buf *b, const struct diag *d)
{
	static const struct html_col cols[] = {
	    {N_("Severity"), false}, {N_("At fault"), false}, {N_("Finding"), false},
	    {N_("Cause"), false}, {N_("Lines"), true}, {N_("Recipients"), true},
	    {N_("Evidence"), false}};
	buf_puts(b, "<div class=\"wide\"><table class=\"sortable\" id=\"findings-index\">");
	html_thead(b, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		int sev = finding_severity(g->id);
		buf_printf(b, "<tr class=\"f-row\"><td><span class=\"badge sev-%d\">%s</span></td><td>", sev,
			   finding_severity_word(sev));
		html_s(b, finding_side_id(finding_side(g->id)));
		buf_printf(b, "</td><td><a href=\"#f-%zu\" class=\"f-id\">", i + 1);
		html_s(b, finding_id(g->id));
		buf_puts(b, "</a></td><td>");
		html_s(b, finding_key_words(g->key));
		buf_printf(b, "</td><td class=\"n f-lines\">%llu</td><td class=\"n f-recipients\">%llu</td>"
			      "<td>",
			   (unsigned long long)g->lines, (unsigned long long)g->recipients);
		if (g->nsample) {
			buf_printf(b, "<a href=\"#f-%zu-ev\" class=\"f-ev\">", i + 1);
			buf_printf(b, P_("%u line", "%u lines", g->nsample), g->nsample);
			buf_puts(b, "</a>");
		}
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table></div>\n");
}

/* finding_article - one finding: who is at fault, figures, meaning, fix,
 * and its evidence lines behind a <details> */
static void finding_article(struct buf *b, const struct diag_group *g, size_t i,
			    const struct told *t)
{
	int sev = finding_severity(g->id);
	const struct finding_prose *p = finding_prose(g->id);
	buf_printf(b, "<article class=\"finding sev-%d\" id=\"f-%zu\">\n<h3><span class=\"badge sev-%d\">%s"
		      "</span> ",
		   sev, i, sev, finding_severity_word(sev));
	html_s(b, finding_title(g->id));
	buf_puts(b, "</h3>\n<dl class=\"facts\">");
	dt(b, _("Finding"));
	buf_puts(b, "<dd class=\"f-id\">");
	html_s(b, finding_id(g->id));
	buf_puts(b, "</dd>");
	dt(b, _("At fault"));
	buf_puts(b, "<dd>");
	html_s(b, finding_side_words(finding_side(g->id)));
	buf_puts(b, "</dd>");
	dt(b, _("Impact"));
	buf_puts(b, "<dd>");
	html_s(b, finding_impact_words(diag_group_impact(g)));
	buf_puts(b, "</dd>");
	if (g->key && g->key[0]) {
		dt(b, _("Cause"));
		buf_puts(b, "<dd class=\"f-key\">");
		html_s(b, finding_key_words(g->key));
		buf_puts(b, "</dd>");
	}
	dt(b, _("Lines"));
	buf_printf(b, "<dd class=\"f-lines\">%llu</dd>", (unsigned long long)g->lines);
	dt(b, _("Recipients"));
	buf_printf(b, "<dd class=\"f-recipients\">%llu</dd>", (unsigned long long)g->recipients);
	if (g->lines && g->first.us) {
		dt(b, _("When"));
		buf_puts(b, "<dd>");
		if (g->last.us != g->first.us)
			range(b, g->first, g->last);
		else
			html_stamp(b, g->first);
		buf_puts(b, "</dd>");
	}
	if (strset_len(&g->subjects) || g->subjects.dropped) {
		dt(b, _("Touched"));
		buf_puts(b, "<dd>");
		subjects(b, g, t);
		buf_puts(b, "</dd>");
	}
	buf_puts(b, "</dl>\n<p>");
	html_s(b, p->meaning);
	html_tagged(b, "</p>\n<p class=\"fix\"><strong>", _("Fix:"), "</strong> ");
	html_s(b, p->fix);
	buf_puts(b, "</p>\n");
	if (p->caveat) {
		buf_puts(b, "<p class=\"mute\">");
		html_s(b, p->caveat);
		buf_puts(b, "</p>\n");
	}
	if (g->nsample) {
		buf_puts(b, "<details class=\"evidence\"><summary>");
		buf_printf(b, P_("Evidence: the first %u line of %llu", "Evidence: the first %u lines of %llu",
				 g->nsample),
			   g->nsample, (unsigned long long)g->lines);
		buf_printf(b, "</summary><pre id=\"f-%zu-ev\">", i);
		for (uint32_t k = 0; k < g->nsample; k++) {
			html_s(b, g->sample[k]);
			buf_putc(b, '\n');
		}
		buf_puts(b, "</pre></details>\n");
	}
	buf_puts(b, "</article>\n");
}

/* problems - "Problems found": the server's own problems */
static void problems(struct buf *b, const struct report_input *in)
{
	const struct diag *d = in->diag;
	html_tagged(b, "<section id=\"problems\">\n<h2>", _("Problems found"), "</h2>\n");
	if (in->problem) {
		html_tagged(b, "<p class=\"problem\" id=\"input-problem\">", _("Warning: "), "");
		html_s(b, in->problem);
		buf_puts(b, ".</p>\n");
	}
	if (in->problem && (!d || !d->nlist)) {
		/* not "no problem": no line was looked at */
		html_tagged(b, "<p>", _("No Postfix log line was recognised, so nothing can be concluded from "
				       "this input: that nothing is listed here says nothing about the server."),
			    "</p>\n");
	} else if (!d || !d->nlist) {
		html_tagged(b, "<p class=\"ok-note\">", _("No problem of the server's own shows in this log."),
			    "</p>\n");
	} else {
		char n[64];
		snprintf(n, sizeof n, "<span id=\"findings-count\">%zu</span>", d->nlist);
		buf_puts(b, "<p>");
		buf_printf(b, P_("%s problem of the server's own, most serious first.",
				 "%s problems of the server's own, most serious first.", d->nlist),
			   n);
		buf_puts(b, "</p>\n");
		finding_index(b, d);
		struct told *t = xmalloc(sizeof *t);
		told_clients(t, in);
		for (size_t i = 0; i < d->nlist; i++) {
			finding_article(b, d->list[i], i + 1, t);
			html_flush(b, in);
		}
		free(t);
	}
	if (d && d->dropped) {
		buf_puts(b, "<p class=\"mute\">");
		buf_printf(b, _("%llu more lines showed problems past the %d kinds kept."),
			   (unsigned long long)d->dropped, DIAG_MAX_GROUPS);
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "</section>\n");
}

/* client_evidence - a client's sessions, each behind a <details> */
static void client_evidence(struct buf *b, const struct analysis *a, const struct client *c,
			    const struct evidence_set *ev, size_t idx)
{
	const struct client_detail *d = client_detail(a, c);
	for (uint32_t i = 0; ev && d && i < d->nevidence; i++) {
		const struct evidence_lines *e = evidence_for(ev, &d->evidence[i]);
		if (!e || !e->n)
			continue;
		buf_puts(b, "<details class=\"evidence\"><summary>");
		buf_printf(b, P_("Session #%llu (%s): %u line", "Session #%llu (%s): %u lines", e->n + e->more),
			   (unsigned long long)d->evidence[i].session_id,
			   verdict_id(verdict_of_evidence(d->evidence[i].verdict, c->verdict)),
			   e->n + e->more);
		buf_printf(b, "</summary><pre id=\"c-%zu-s%u\">", idx, i + 1);
		for (uint32_t j = 0; j < e->n; j++) {
			html_s(b, e->line[j]);
			buf_putc(b, '\n');
		}
		if (e->more) {
			buf_puts(b, "... ");
			buf_printf(b, P_("%u more line", "%u more lines", e->more), e->more);
			buf_putc(b, '\n');
		}
		buf_puts(b, "</pre></details>\n");
	}
}

/* client_article - one client whose verdict is worth telling */
static void client_article(struct buf *b, const struct analysis *a, const struct client *c,
			   const struct evidence_set *ev, size_t idx)
{
	int sev = verdict_severity(c->verdict);
	const struct client_detail *d = client_detail(a, c);
	buf_printf(b, "<article class=\"client sev-%d\" id=\"c-%zu\">\n<h3><span class=\"badge sev-%d\">",
		   sev, idx, sev);
	html_s(b, verdict_id(c->verdict));
	buf_puts(b, "</span> <span class=\"c-ip\">");
	html_s(b, explain_client_words(client_addr(c).s));
	buf_puts(b, "</span>");
	if (d && d->ptr) {
		buf_puts(b, " <span class=\"mute\">(");
		html_s(b, d->ptr);
		buf_puts(b, ")</span>");
	}
	buf_puts(b, "</h3>\n<dl class=\"facts\">");
	dt(b, _("Sessions"));
	buf_printf(b, "<dd class=\"c-sessions\">%u</dd>", c->sessions);
	fact(b, _("Failed logins"), c->auth_failures);
	fact(b, _("Messages"), c->messages);
	fact(b, _("Rejects"), c->rejects);
	if (c->sessions) {
		dt(b, _("Seen"));
		buf_puts(b, "<dd>");
		range(b, client_first(c), client_last(c));
		buf_puts(b, "</dd>");
	}
	if (d && d->nhelo) {
		buf_puts(b, "<dt>HELO</dt><dd>");	/* the SMTP command's name */
		for (uint32_t i = 0; i < d->nhelo; i++) {
			if (i)
				buf_puts(b, ", ");
			buf_puts(b, "<code>");
			html_s(b, d->helo[i].name);
			buf_printf(b, "</code> (%u)", d->helo[i].count);
		}
		buf_puts(b, "</dd>");
	}
	if (d && d->ntried) {
		dt(b, _("Usernames tried"));
		buf_puts(b, "<dd>");
		for (uint32_t i = 0; i < d->ntried; i++) {
			if (i)
				buf_puts(b, ", ");
			buf_puts(b, "<code>");
			html_s(b, d->tried[i].name);
			buf_puts(b, "</code>");
		}
		buf_puts(b, "</dd>");
	}
	buf_puts(b, "</dl>\n<p>");
	struct buf t = {0};
	client_explain(a, c, &t);
	buf_html(b, buf_span(&t));
	buf_free(&t);
	buf_puts(b, "</p>\n");
	client_evidence(b, a, c, ev, idx);
	buf_puts(b, "</article>\n");
}

/* account_article - a compromised account, one refused a sender its
 * login does not own (or any, with --all) */
static void account_article(struct buf *b, const struct analysis *a, const struct account *ac,
			    size_t idx, const struct told *t)
{
	int sev = ac->compromised ? 4 : 0;
	bool at_least;
	size_t domains = account_domains(a, ac, &at_least);
	buf_printf(b, "<article class=\"account sev-%d\" id=\"a-%zu\">\n<h3><span class=\"badge sev-%d\">%s"
		      "</span> <span class=\"a-name\">",
		   sev, idx, sev, ac->compromised ? "compromised-suspect" : "normal");
	html_s(b, ac->name);
	buf_puts(b, "</span></h3>\n<dl class=\"facts\">");
	fact(b, _("Logins"), ac->logins);
	fact(b, _("Messages"), ac->messages);
	dt(b, _("Recipients"));
	buf_puts(b, "<dd>");
	if (at_least)
		buf_printf(b, P_("%u, in at least %zu domain", "%u, in at least %zu domains", domains),
			   ac->recipients, domains);
	else
		buf_printf(b, P_("%u, in %zu domain", "%u, in %zu domains", domains), ac->recipients,
			   domains);
	buf_puts(b, "</dd>");
	fact(b, _("Sent"), ac->sent);
	fact(b, _("Bounced"), ac->bounced);
	fact(b, _("Deferred"), ac->deferred);
	if (ac->nlogin) {
		dt(b, _("From"));
		buf_puts(b, "<dd>");
		for (uint32_t i = 0; i < ac->nlogin && i < ACCOUNT_SHOW_IPS; i++) {
			const struct login *l = account_login(a, ac, i);
			struct client_addr ip = client_addr(login_client(a, l));
			size_t at = told_anchor(t, ip.s);
			if (i)
				buf_puts(b, ", ");
			if (at)
				buf_printf(b, "<a href=\"#c-%zu\">", at);
			html_s(b, explain_client_words(ip.s));
			if (at)
				buf_puts(b, "</a>");
			char lw[64], mw[64];
			snprintf(lw, sizeof lw, P_("%u login", "%u logins", l->logins), l->logins);
			snprintf(mw, sizeof mw, P_("%u message", "%u messages", l->messages), l->messages);
			/* TRANSLATORS: after an address: its logins, its messages */
			buf_printf(b, _(" (%s, %s)"), lw, mw);
		}
		if (ac->nlogin > ACCOUNT_SHOW_IPS)
			buf_printf(b, _(" and %llu more"), (unsigned long long)(ac->nlogin - ACCOUNT_SHOW_IPS));
		buf_puts(b, "</dd>");
	}
	buf_puts(b, "</dl>\n<p>");
	struct buf e = {0};
	account_explain(a, ac, &e);
	buf_html(b, buf_span(&e));
	buf_free(&e);
	buf_puts(b, "</p>\n");
	html_chart_bursts(b, a, ac);
	buf_puts(b, "</article>\n");
}

/* orphans - mail whose sender the log cannot name */
static void orphans(struct buf *b, const struct orphans *o)
{
	if (!o->messages)
		return;
	html_tagged(b, "<h3 id=\"unknown-origin\">", _("Mail whose origin is not in this log"), "</h3>\n<p>");
	char mw[64], rw[64];
	snprintf(mw, sizeof mw, P_("%llu message", "%llu messages", o->messages), (unsigned long long)o->messages);
	snprintf(rw, sizeof rw, P_("%llu recipient", "%llu recipients", o->recipients),
		 (unsigned long long)o->recipients);
	/* TRANSLATORS: messages, recipients; client= is a log field, kept as is */
	buf_printf(b, _("%s to %s (%llu delivered, %llu bounced, %llu deferred) came in before the log "
			"starts: their client= or pickup lines are missing, so the sending account and "
			"address cannot be told. Queue IDs: "),
		   mw, rw, (unsigned long long)o->sent, (unsigned long long)o->bounced,
		   (unsigned long long)o->deferred);
	for (uint32_t i = 0; i < o->nqids; i++) {
		if (i)
			buf_puts(b, ", ");
		buf_puts(b, "<code>");
		html_s(b, o->qids[i]);
		buf_puts(b, "</code>");
	}
	if (o->messages > o->nqids)
		buf_printf(b, _(" and %llu more"), (unsigned long long)(o->messages - o->nqids));
	buf_puts(b, ".</p>\n");
}

/* verdicts - "Clients and accounts": the per-client and per-account verdicts */
static void verdicts(struct buf *b, const struct report_input *in)
{
	const struct analysis *a = in->a;
	size_t by_sev[5] = {0}, compromised = 0;
	for (size_t i = 0; i < a->nclist; i++)
		by_sev[verdict_severity(a->clist[i]->verdict)]++;
	for (size_t i = 0; i < a->nalist; i++)
		compromised += a->alist[i]->compromised;
	html_tagged(b, "<section id=\"verdicts\">\n<h2>", _("Clients and accounts"), "</h2>\n<p>");
	buf_printf(b, P_("%zu account looks compromised.", "%zu accounts look compromised.", compromised),
		   compromised);
	buf_putc(b, ' ');
	buf_printf(b, P_("%zu client behaved in a hostile way, %zu only probed or were refused, %zu sent "
			 "ordinary mail, %zu left too little evidence.",
			 "%zu clients behaved in a hostile way, %zu only probed or were refused, %zu sent "
			 "ordinary mail, %zu left too little evidence.",
			 by_sev[3] + by_sev[4]),
		   by_sev[3] + by_sev[4], by_sev[2], by_sev[0], by_sev[1]);
	buf_puts(b, "</p>\n");
	struct told *t = xmalloc(sizeof *t);
	told_clients(t, in);
	for (size_t i = 0; i < a->nalist; i++)
		if (account_has_story(a->alist[i]) || in->all_clients)
			account_article(b, a, a->alist[i], i + 1, t);
	free(t);
	orphans(b, &a->orphans);
	size_t shown = 0, more[V__COUNT] = {0}, nmore = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		if (c->verdict == V_LEGITIMATE && !in->all_clients)
			continue;
		if (shown >= HTML_DETAIL_MAX) {
			more[c->verdict]++;
			nmore++;
			continue;
		}
		client_article(b, a, c, in->evidence, i + 1);
		shown++;
		html_flush(b, in);
	}
	if (nmore) {
		char link[128];
		snprintf(link, sizeof link, "<a href=\"#clients\">%s</a>", _("clients table"));
		buf_puts(b, "<p>");
		/* TRANSLATORS: %s is a link named "clients table" */
		buf_printf(b, _("And %zu more (in the %s):"), nmore, link);
		for (int v = V__COUNT - 1; v >= 0; v--)
			if (more[v])
				buf_printf(b, " %zu %s,", more[v], verdict_id((enum verdict)v));
		b->n--; /* the last comma */
		buf_puts(b, ".</p>\n");
	}
	if (!shown)
		html_tagged(b, "<p>", a->nclist ? _("Nothing hostile or unclear.") : _("No SMTP client sessions in this log."),
			    "</p>\n");
	buf_puts(b, "</section>\n");
}

/* charts - over time, by hour, by status, by destination */
static void charts(struct buf *b, const struct report_input *in)
{
	html_tagged(b, "<section id=\"charts\">\n<h2>", _("Charts"), "</h2>\n");
	html_chart_timeline(b, in->timeline);
	html_chart_hours(b, in->summary);
	html_chart_deliveries(b, in->summary);
	html_chart_destinations(b, in->summary);
	buf_puts(b, "</section>\n");
}

/* input - what was read, and what the limits dropped */
static void input(struct buf *b, const struct report_input *in)
{
	const struct feed_stats *f = in->feed;
	html_tagged(b, "<section id=\"input\">\n<h2>", _("What was read"), "</h2>\n<dl class=\"facts\">");
	fact(b, C_("input", "files"), f->files);
	fact(b, C_("input", "lines"), f->lines);
	fact(b, C_("input", "Postfix lines"), f->postfix);
	fact(b, C_("input", "recognised"), f->recognised);
	fact(b, C_("input", "verbose noise"), f->noise);
	fact(b, C_("input", "of no known kind"), f->unknown);
	fact(b, C_("input", "other programs"), f->other);
	fact(b, C_("input", "no syslog prefix"), f->no_prefix);
	fact(b, C_("input", "cut (too long)"), f->truncated);
	fact(b, C_("input", "unreadable files"), f->file_errors);
	if (in->model) {
		const struct model_stats *m = in->model;
		fact(b, C_("input", "sessions"), m->sessions);
		fact(b, C_("input", "sessions begun before the log"), m->sessions_partial);
		fact(b, C_("input", "sessions still open at its end"), m->sessions_unclosed);
		fact(b, C_("input", "sessions evicted (cap)"), m->sessions_evicted);
		fact(b, C_("input", "messages"), m->messages);
		fact(b, C_("input", "messages still open at its end"), m->messages_unclosed);
		fact(b, C_("input", "messages evicted (cap)"), m->messages_evicted);
	}
	if (in->a->clients_detail_lost)
		fact(b, C_("input", "clients with incomplete detail"), in->a->clients_detail_lost);
	if (in->a->accounts_detail_lost)
		fact(b, C_("input", "accounts with incomplete detail"), in->a->accounts_detail_lost);
	buf_puts(b, "</dl>\n</section>\n");
}

/* text_section - a section of the text report (t, made with colour
 * off) as a section of the page: its first line the <h2>, the rest as
 * preformatted text, each line escaped and the breaks kept (one source
 * for both pages; ban lists, settings and filters keep their lines) */
static void text_section(struct buf *b, const char *id, const struct buf *t)
{
	struct span s = buf_span(t);
	const char *nl = memchr(s.p, '\n', s.n);
	struct span h = span_make(s.p, nl ? (size_t)(nl - s.p) : s.n);
	s = span_skip(s, h.n + (nl != NULL));
	while (s.n && s.p[s.n - 1] == '\n')
		s.n--;
	buf_printf(b, "<section id=\"%s\">\n<h2>", id);
	buf_html(b, h);
	buf_printf(b, "</h2>\n<pre class=\"%s\">", id);
	while (s.n) {
		const char *e = memchr(s.p, '\n', s.n);
		size_t n = e ? (size_t)(e - s.p) : s.n;
		buf_html(b, span_make(s.p, n)); /* each line escaped, the breaks kept */
		s = span_skip(s, e ? n + 1 : n);
		if (e)
			buf_putc(b, '\n');
	}
	buf_puts(b, "</pre>\n</section>\n");
}

/* glance - "At a glance": the text report's first screen */
static void glance(struct buf *b, const struct report_input *in)
{
	struct buf t = {0};
	struct report_input plain = *in;
	plain.color = false; /* the page's text: no terminal's colour codes */
	overview_text(&t, &plain, 0);
	text_section(b, "glance", &t);
	buf_free(&t);
}

/* todo - "What to do": the text report's own section */
static void todo(struct buf *b, const struct report_input *in)
{
	struct buf t = {0};
	report_actions_text(&t, in->a, in->diag, in->campaigns, false, report_debug_seen(in), in->problem != NULL);
	text_section(b, "todo", &t);
	buf_free(&t);
}

/* report_html - the whole page */
static void report_html(struct buf *b, const struct report_input *in)
{
	head(b, in->a);
	top(b, in);
	glance(b, in);
	todo(b, in);
	problems(b, in);
	html_flush(b, in);
	verdicts(b, in);
	html_flush(b, in);
	charts(b, in);
	html_flush(b, in);
	html_tables(b, in);
	input(b, in);
	buf_puts(b, "</main>\n<footer>");
	buf_printf(b, _("Written by postsleuth %s; every string from the log is shown as text. Works offline."),
		   POSTSLEUTH_VERSION);
	buf_puts(b, "</footer>\n<script>");
	buf_puts(b, html_sort_js);
	buf_puts(b, "</script>\n</body>\n</html>\n");
}

/* the HTML backend writes the report only: main.c gives --html to no
 * other command, so cmd_writer never hands it to one */
const struct writer writer_html = {
    .name = "html",
    .report = report_html,
};

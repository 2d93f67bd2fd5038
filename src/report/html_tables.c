/*
 * html_tables.c - the HTML report's "Tables" section (writer_html.c
 * writes the rest of the page): the clients, the SASL accounts and the
 * recipient domains, each a sortable table, most serious first and cut
 * at a bound that says which command has them all.  Every string from
 * the log goes through buf_html (html_s).
 */
#include "html.h"
#include "explain.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"

#include <stdlib.h>

#define HTML_TABLE_MAX 500      /* rows of the clients and accounts tables */
#define HTML_DESTINATIONS_MAX 100

/* first_of - a table cut short: "The first N of M; COMMAND has them all." */
static void first_of(struct buf *b, int n, size_t of, const char *command)
{
	buf_puts(b, "<p class=\"mute\">");
	/* TRANSLATORS: %s is a command line, e.g. postsleuth report --json */
	buf_printf(b, _("The first %d of %zu; %s has them all."), n, of, command);
	buf_puts(b, "</p>\n");
}

/* clients_rows - the clients table, most serious first */
static void clients_rows(struct buf *b, const struct report_input *in)
{
	const struct analysis *a = in->a;
	buf_puts(b, "<h3 id=\"clients\">");
	buf_printf(b, _("Clients (%zu)"), a->nclist);
	static const struct html_col cols[] = {
	    {N_("Address"), false}, {N_("Verdict"), false}, {N_("Severity"), true},
	    {N_("Sessions"), true}, {N_("Failed logins"), true}, {N_("Messages"), true},
	    {N_("Recipients"), true}, {N_("Rejects"), true}, {N_("First seen"), false},
	    {N_("Last seen"), false}, {N_("Name"), false}};
	buf_puts(b, "</h3>\n<div class=\"wide\"><table class=\"sortable\" id=\"clients-table\">");
	html_thead(b, cols, sizeof cols / sizeof cols[0]);
	size_t detailed = 0;
	for (size_t i = 0; i < a->nclist && i < HTML_TABLE_MAX; i++) {
		const struct client *c = a->clist[i];
		const struct client_detail *d = client_detail(a, c);
		bool has_article = (c->verdict != V_LEGITIMATE || in->all_clients) &&
				   detailed < HTML_DETAIL_MAX;
		detailed += c->verdict != V_LEGITIMATE || in->all_clients;
		buf_puts(b, "<tr><td>");
		if (has_article)
			buf_printf(b, "<a href=\"#c-%zu\">", i + 1);
		html_s(b, explain_client_words(client_addr(c).s));
		buf_printf(b, "%s</td><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%u</td>"
			      "<td class=\"n\">%u</td><td class=\"n\">%u</td><td class=\"n\">%u</td>"
			      "<td class=\"n\">%u</td><td class=\"t\">",
			   has_article ? "</a>" : "", verdict_id(c->verdict), verdict_severity(c->verdict),
			   c->sessions, c->auth_failures, c->messages, c->recipients, c->rejects);
		if (c->sessions)
			html_stamp(b, client_first(c));
		buf_puts(b, "</td><td class=\"t\">");
		if (c->sessions)
			html_stamp(b, client_last(c));
		buf_puts(b, "</td><td>");
		if (d)
			html_s(b, d->ptr);
		buf_puts(b, "</td></tr>\n");
		html_flush(b, in);
	}
	buf_puts(b, "</tbody></table></div>\n");
	if (a->nclist > HTML_TABLE_MAX)
		first_of(b, HTML_TABLE_MAX, a->nclist, "<code>postsleuth report --json</code>");
}

/* accounts_rows - the accounts table */
static void accounts_rows(struct buf *b, const struct report_input *in)
{
	const struct analysis *a = in->a;
	buf_puts(b, "<h3 id=\"accounts\">");
	buf_printf(b, _("SASL accounts (%zu)"), a->nalist);
	buf_puts(b, "</h3>\n");
	if (!a->nalist) {
		html_tagged(b, "<p class=\"mute\">", _("No SASL login in this log."), "</p>\n");
		return;
	}
	static const struct html_col cols[] = {
	    {N_("Username"), false}, {N_("Verdict"), false}, {N_("Logins"), true},
	    {N_("Messages"), true}, {N_("Recipients"), true}, {N_("Sent"), true},
	    {N_("Bounced"), true}, {N_("Deferred"), true}, {N_("Most in 10 min"), true},
	    {N_("Source addresses"), true}};
	buf_puts(b, "<div class=\"wide\"><table class=\"sortable\" id=\"accounts-table\">");
	html_thead(b, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < a->nalist && i < HTML_TABLE_MAX; i++) {
		const struct account *ac = a->alist[i];
		bool has_article = account_has_story(ac) || in->all_clients;
		buf_puts(b, "<tr><td>");
		if (has_article)
			buf_printf(b, "<a href=\"#a-%zu\">", i + 1);
		html_s(b, ac->name);
		buf_printf(b, "%s</td><td>%s</td><td class=\"n\">%u</td><td class=\"n\">%u</td>"
			      "<td class=\"n\">%u</td><td class=\"n\">%u</td><td class=\"n\">%u</td>"
			      "<td class=\"n\">%u</td><td class=\"n\">%u</td><td class=\"n\">%u</td></tr>\n",
			   has_article ? "</a>" : "", ac->compromised ? "compromised-suspect" : "normal",
			   ac->logins, ac->messages, ac->recipients, ac->sent, ac->bounced, ac->deferred,
			   ac->peak_10min, ac->nlogin);
	}
	buf_puts(b, "</tbody></table></div>\n");
	if (a->nalist > HTML_TABLE_MAX)
		first_of(b, HTML_TABLE_MAX, a->nalist, "<code>postsleuth report --json</code>");
}

/* destinations_rows - deliveries per recipient domain (the summary's) */
static void destinations_rows(struct buf *b, const struct summary *s)
{
	if (!s)
		return;
	buf_puts(b, "<h3 id=\"destinations\">");
	buf_printf(b, _("Destinations (%zu)"), s->recipient_domains.n);
	buf_puts(b, "</h3>\n");
	const struct srow **rows = summary_sorted(&s->recipient_domains, SO_COUNT_SIZE);
	if (!rows[0]) {
		html_tagged(b, "<p class=\"mute\">", _("No delivery in this log."), "</p>\n");
		free(rows);
		return;
	}
	static const struct html_col cols[] = {
	    {N_("Domain"), false}, {N_("Delivered"), true}, {N_("Deferrals"), true},
	    {N_("Bytes"), true}, {N_("Average delay (s)"), true}, {N_("Longest delay (s)"), true}};
	buf_puts(b, "<div class=\"wide\"><table class=\"sortable\" id=\"destinations-table\">");
	html_thead(b, cols, sizeof cols / sizeof cols[0]);
	size_t n = 0;
	for (; rows[n] && n < HTML_DESTINATIONS_MAX; n++) {
		const struct srow *r = rows[n];
		buf_puts(b, "<tr><td>");
		buf_html(b, span_make(r->key, r->klen));
		buf_printf(b, "</td><td class=\"n\">%llu</td><td class=\"n\">%llu</td><td class=\"n\">%llu</td>"
			      "<td class=\"n\">%.1f</td><td class=\"n\">%.1f</td></tr>\n",
			   (unsigned long long)r->count, (unsigned long long)r->defers,
			   (unsigned long long)r->bytes, r->count ? r->dly_sum / (double)r->count : 0.0,
			   r->dly_max);
	}
	buf_puts(b, "</tbody></table></div>\n");
	if (s->recipient_domains.n > n)
		first_of(b, (int)n, s->recipient_domains.n, "<code>postsleuth summary</code>");
	free(rows);
}

/* html_tables - clients, accounts, destinations */
void html_tables(struct buf *b, const struct report_input *in)
{
	html_tagged(b, "<section id=\"tables\">\n<h2>", _("Tables"), "</h2>\n");
	html_tagged(b, "<p class=\"mute\">",
		    _("Click a column heading to sort (with script enabled); the order as written is the most "
		      "serious first."),
		    "</p>\n");
	clients_rows(b, in);
	accounts_rows(b, in);
	destinations_rows(b, in->summary);
	buf_puts(b, "</section>\n");
}

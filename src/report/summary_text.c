/*
 * summary_text.c - the traffic summary as aligned text, in pflogsumm's
 * order and layout (numbers above 512k shown in k, above 512m in m, as
 * pflogsumm does), then the sections pflogsumm does not have.
 *
 * Every key printed comes from the log: it goes through buf_term().
 * Colour (bold section titles, problem counts) only when asked.  Titles
 * and labels are translated (gettext); their underlines and columns are
 * counted in characters, so accented words keep the layout.
 */
#include "summary_json.h"
#include "../analyze/summary.h"
#include "../util/fold.h"
#include "../util/i18n.h"
#include "../util/timefmt.h"

#include <stdlib.h>
#include <string.h>

#define BOLD "\033[1m"
#define RED "\033[31m"
#define YELLOW "\033[33m"
#define RESET "\033[0m"

struct tctx {
	struct buf *b;
	bool color;
};

/* underline - as many u as t has characters, and a newline */
static void underline(struct buf *b, const char *t, char u)
{
	for (size_t i = utf8_cols(t, strlen(t)); i > 0; i--)
		buf_putc(b, u);
	buf_putc(b, '\n');
}

/* title - a section title (translated here) underlined with dashes */
static void title(struct tctx *c, const char *t)
{
	t = _(t);
	buf_printf(c->b, "\n%s%s%s\n", c->color ? BOLD : "", t, c->color ? RESET : "");
	underline(c->b, t, '-');
}

/* sub_title - pflogsumm's list title: "title: none" when empty */
static bool sub_title(struct tctx *c, const char *t, bool empty)
{
	if (empty) {
		/* TRANSLATORS: an empty list of the summary: its title, then "none" */
		buf_printf(c->b, _("\n%s: none\n"), _(t));
		return false;
	}
	title(c, t);
	return true;
}

/* units_w - adj_int_units(): "%*d%s" with k above 512k, m above 512m */
static void units_w(struct buf *b, double v, int width)
{
	char u = ' ';
	if (v > 536870912.0)
		v /= 1048576, u = 'm';
	else if (v > 524288.0)
		v /= 1024, u = 'k';
	buf_printf(b, "%*lld%c", width, (long long)v, u);
}

/* units - a number in pflogsumm's "%6d%s" */
static void units(struct buf *b, double v)
{
	units_w(b, v, 6);
}

/* tunits - adj_time_units(): "%5.1f %s" in s, m or h */
static void tunits(struct buf *b, double v)
{
	char u = 's';
	if (v > 3600)
		v /= 3600, u = 'h';
	else if (v > 60)
		v /= 60, u = 'm';
	buf_printf(b, "%5.1f %c", v, u);
}

/* key - a row's key, made safe for the terminal */
static void key(struct buf *b, const struct srow *r)
{
	buf_term(b, span_make(r->key, r->klen));
}

/* total_line - one grand-total line */
static void total_line(struct tctx *c, uint64_t v, const char *what, const char *hot)
{
	buf_putc(c->b, ' ');
	if (c->color && hot && v)
		buf_puts(c->b, hot);
	units(c->b, (double)v);
	if (c->color && hot && v)
		buf_puts(c->b, RESET);
	buf_printf(c->b, "  %s", what);
}

/* grand_totals - pflogsumm's "Grand Totals" */
static void grand_totals(struct tctx *c, const struct summary *s)
{
	title(c, N_("Grand Totals"));
	buf_puts(c->b, _("messages\n\n"));
	/* TRANSLATORS: the labels of the summary's grand totals, after a number */
	total_line(c, s->received, _("received\n"), NULL);
	total_line(c, s->delivered, _("delivered\n"), NULL);
	total_line(c, s->forwarded, _("forwarded\n"), NULL);
	total_line(c, s->deferred, _("deferred"), YELLOW);
	if (s->deferrals) {
		buf_puts(c->b, "  (");
		units_w(c->b, (double)s->deferrals, 0);
		/* TRANSLATORS: after "N deferred  (M": the messages' deferral count */
		buf_puts(c->b, _(" deferrals)"));
	}
	buf_putc(c->b, '\n');
	total_line(c, s->bounced, _("bounced\n"), RED);
	total_line(c, s->rejected, _("rejected"), RED);
	buf_printf(c->b, " (%llu%%)\n", (unsigned long long)summary_pct(s->rejected,
		   s->delivered, s->rejected, s->discarded));
	total_line(c, s->reject_warnings, _("reject warnings\n"), NULL);
	total_line(c, s->held, _("held\n"), NULL);
	total_line(c, s->discarded, _("discarded"), NULL);
	buf_printf(c->b, " (%llu%%)\n\n", (unsigned long long)summary_pct(s->discarded,
		   s->delivered, s->rejected, s->discarded));
	total_line(c, s->bytes_received, _("bytes received\n"), NULL);
	total_line(c, s->bytes_delivered, _("bytes delivered\n"), NULL);
	total_line(c, s->senders.n, _("senders\n"), NULL);
	total_line(c, s->sending_domains.n, _("sending hosts/domains\n"), NULL);
	total_line(c, s->recipients.n, _("recipients\n"), NULL);
	total_line(c, s->recipient_domains_sent, _("recipient hosts/domains\n"), NULL);
	buf_putc(c->b, '\n');
}

/* traffic_head - the column heading of the traffic tables: the first
 * column padded by characters, the others one translated line */
static void traffic_head(struct tctx *c, const char *first)
{
	buf_puts(c->b, "    ");
	buf_pad(c->b, first, 13);
	/* TRANSLATORS: the traffic table's column heads after the first one;
	 * each word ends where it ends here (the numbers are right-aligned
	 * under it), counted in characters; keep the leading space */
	buf_puts(c->b, _(" received  delivered   deferred    bounced     rejected\n"));
	buf_puts(c->b, "    --------------------------------------------------------------------\n");
}

/* per_day - "Per-Day Traffic Summary", days with traffic, when > 1 day */
static void per_day(struct tctx *c, const struct summary *s)
{
	if (summary_days_seen(s) < 2)
		return;
	title(c, N_("Per-Day Traffic Summary"));
	/* TRANSLATORS: the first column's head of the per-day table (13 columns at most) */
	traffic_head(c, _("date"));
	for (size_t i = 0; i < s->ndays; i++) {
		const struct sday *d = &s->days[i];
		if (!summary_day_traffic(d))
			continue;
		buf_puts(c->b, "    ");
		buf_day(c->b, d->day);
		buf_putc(c->b, ' ');
		for (int k = 0; k < SD__N; k++) {
			buf_puts(c->b, "    ");
			units(c->b, (double)d->n[k]);
		}
		buf_putc(c->b, '\n');
	}
}

/* per_hour - "Per-Hour Traffic Summary" (a daily average over > 1 day) */
static void per_hour(struct tctx *c, const struct summary *s)
{
	unsigned days = summary_days_seen(s);
	title(c, days > 1 ? N_("Per-Hour Traffic Daily Average") : N_("Per-Hour Traffic Summary"));
	/* TRANSLATORS: the first column's head of the per-hour table (13 columns at most) */
	traffic_head(c, _("time"));
	for (int h = 0; h < 24; h++) {
		buf_printf(c->b, "    %02d00-%02d00  ", h, h + 1);
		for (int k = 0; k < SD__N; k++) {
			double v = (double)s->hour[h][k];
			if (days)
				v = v / days + 0.5;
			buf_puts(c->b, "    ");
			units(c->b, v);
		}
		buf_putc(c->b, '\n');
	}
}

/* delivery_domains - "Host/Domain Summary: Message Delivery" */
static void delivery_domains(struct tctx *c, const struct summary *s)
{
	title(c, N_("Host/Domain Summary: Message Delivery"));
	/* TRANSLATORS: column heads and their underlines, as pflogsumm prints
	 * them: keep each head above its column, in characters */
	buf_puts(c->b, _(" sent cnt  bytes   defers   avg dly max dly host/domain\n"
			 " -------- -------  -------  ------- ------- -----------\n"));
	const struct srow **v = summary_sorted(&s->recipient_domains, SO_COUNT_SIZE);
	for (const struct srow **p = v; *p; p++) {
		const struct srow *r = *p;
		buf_putc(c->b, ' ');
		units(c->b, (double)r->count);
		buf_puts(c->b, "  ");
		units(c->b, (double)r->bytes);
		buf_puts(c->b, "  ");
		units(c->b, (double)r->defers);
		buf_puts(c->b, "  ");
		tunits(c->b, r->count ? r->dly_sum / (double)r->count : 0);
		buf_puts(c->b, "  ");
		tunits(c->b, r->dly_max);
		buf_puts(c->b, "  ");
		key(c->b, r);
		buf_putc(c->b, '\n');
	}
	free(v);
}

/* receipt_domains - "Host/Domain Summary: Messages Received" */
static void receipt_domains(struct tctx *c, const struct summary *s)
{
	title(c, N_("Host/Domain Summary: Messages Received"));
	/* TRANSLATORS: column heads and their underlines: keep each above its column */
	buf_puts(c->b, _(" msg cnt   bytes   host/domain\n"
			 " -------- -------  -----------\n"));
	const struct srow **v = summary_sorted(&s->sending_domains, SO_COUNT_SIZE);
	for (const struct srow **p = v; *p; p++) {
		buf_putc(c->b, ' ');
		units(c->b, (double)(*p)->count);
		buf_puts(c->b, "  ");
		units(c->b, (double)(*p)->bytes);
		buf_puts(c->b, "  ");
		key(c->b, *p);
		buf_putc(c->b, '\n');
	}
	free(v);
}

/* users - "Senders by message count" and the like */
static void users(struct tctx *c, const struct stab *t, const char *what, bool by_size)
{
	if (!sub_title(c, what, t->n == 0))
		return;
	const struct srow **v = summary_sorted(t, by_size ? SO_BYTES_HOST : SO_COUNT_HOST);
	for (const struct srow **p = v; *p; p++) {
		buf_putc(c->b, ' ');
		units(c->b, (double)(by_size ? (*p)->bytes : (*p)->count));
		buf_puts(c->b, "  ");
		key(c->b, *p);
		buf_putc(c->b, '\n');
	}
	free(v);
}

/* nosize - "Messages with no size data" (only when there are some) */
static void nosize(struct tctx *c, const struct summary *s)
{
	if (!s->nosize.n)
		return;
	title(c, N_("Messages with no size data"));
	const struct srow **v = summary_sorted(&s->nosize, SO_KEY);
	for (const struct srow **p = v; *p; p++) {
		buf_putc(c->b, ' ');
		key(c->b, *p);
		buf_puts(c->b, "  ");
		buf_term(c->b, span_of((*p)->val));
		buf_putc(c->b, '\n');
	}
	free(v);
}

/* leaves - counts, highest first, each indented */
static void leaves(struct tctx *c, const struct stab *t, int indent)
{
	const struct srow **v = summary_sorted(t, SO_COUNT_HOST);
	for (const struct srow **p = v; *p; p++) {
		buf_printf(c->b, "%*s", indent, "");
		units(c->b, (double)(*p)->count);
		buf_puts(c->b, "  ");
		key(c->b, *p);
		buf_putc(c->b, '\n');
	}
	free(v);
}

/* walk - pflogsumm's walk_nested_hash(): headings by key, totals above
 * the last level */
static void walk(struct tctx *c, const struct stab *t, int level)
{
	level += 2;
	const struct srow **v = summary_sorted(t, SO_KEY);
	for (const struct srow **p = v; *p; p++) {
		const struct srow *r = *p;
		buf_printf(c->b, "%*s", level, "");
		key(c->b, r);
		bool last = r->sub && r->sub->n && !r->sub->rows[0].sub;
		if (last)
			buf_printf(c->b, _(" (total: %llu)"), (unsigned long long)r->count);
		buf_putc(c->b, '\n');
		if (!r->sub)
			continue;
		if (last)
			leaves(c, r->sub, level + 2);
		else
			walk(c, r->sub, level);
	}
	free(v);
}

/* nested - a problem report */
static void nested(struct tctx *c, const struct stab *t, const char *what)
{
	if (sub_title(c, what, t->n == 0))
		walk(c, t, 0);
}

/* problems - pflogsumm's problem reports */
static void problems(struct tctx *c, const struct summary *s)
{
	nested(c, &s->deferral, N_("message deferral detail"));
	nested(c, &s->bounce, N_("message bounce detail (by relay)"));
	nested(c, &s->rejects, N_("message reject detail"));
	nested(c, &s->warns, N_("message reject warning detail"));
	nested(c, &s->holds, N_("message hold detail"));
	nested(c, &s->discards, N_("message discard detail"));
	nested(c, &s->smtp_fail, N_("smtp delivery failures"));
	nested(c, &s->warnings, N_("Warnings"));
	nested(c, &s->fatals, N_("Fatal Errors"));
	nested(c, &s->panics, N_("Panics"));
	if (sub_title(c, N_("Master daemon messages"), s->master.n == 0))
		leaves(c, &s->master, 1);
}

/* accounts - traffic per SASL account */
static void accounts(struct tctx *c, const struct summary *s)
{
	if (!sub_title(c, N_("SASL accounts"), s->accounts.n == 0))
		return;
	/* TRANSLATORS: column heads: each ends where it ends here (8 columns each) */
	buf_puts(c->b, _("   msgs    bytes     sent   defers  bounced  rejects authfail  account\n"));
	const struct srow **v = summary_sorted(&s->accounts, SO_COUNT_HOST);
	for (const struct srow **p = v; *p; p++) {
		const struct srow *r = *p;
		buf_putc(c->b, ' ');
		units(c->b, (double)r->count);
		buf_putc(c->b, ' ');
		units(c->b, (double)r->bytes);
		buf_printf(c->b, " %8llu %8llu %8llu %8llu %8llu  ", (unsigned long long)r->sent,
			   (unsigned long long)r->defers, (unsigned long long)r->bounced,
			   (unsigned long long)r->rejected, (unsigned long long)r->authfail);
		key(c->b, r);
		buf_putc(c->b, '\n');
	}
	free(v);
}

/* delays - percentiles of delay= and of the four parts of delays= */
static void delays(struct tctx *c, const struct summary *s)
{
	if (!sub_title(c, N_("Delivery delays (status=sent, seconds)"), s->dly_total.n == 0))
		return;
	/* TRANSLATORS: the four parts of Postfix's delays=a/b/c/d, 22 columns at most */
	static const char *const names[] = {N_("before queue manager"), N_("in queue manager"),
					    N_("connection setup"), N_("transmission")};
	buf_puts(c->b, "                              p50       p90       p95       p99       max\n");
	for (int i = -1; i < 4; i++) {
		const struct shist *h = i < 0 ? &s->dly_total : &s->dly_part[i];
		buf_puts(c->b, "  ");
		buf_pad(c->b, i < 0 ? _("total (delay=)") : _(names[i]), 22);
		static const double ps[] = {0.5, 0.9, 0.95, 0.99};
		for (int k = 0; k < 4; k++)
			buf_printf(c->b, "  %8.3g", summary_percentile(h, ps[k]));
		buf_printf(c->b, "  %8.3g\n", h->max);
	}
	buf_printf(c->b, P_("  (%llu deliveries; percentiles from a histogram, at most 12%% high)\n",
			    "  (%llu deliveries; percentiles from a histogram, at most 12%% high)\n",
			    s->dly_total.n),
		   (unsigned long long)s->dly_total.n);
}

/* outliers - the messages that waited longest */
static void outliers(struct tctx *c, const struct summary *s)
{
	if (!sub_title(c, N_("Queue-time outliers (longest delay= of a message)"), s->noutliers == 0))
		return;
	/* TRANSLATORS: column heads: keep each above its column, in characters */
	buf_puts(c->b, _("      delay  rcpts  queue ID      removed              sender\n"));
	for (size_t i = 0; i < s->noutliers; i++) {
		const struct soutlier *o = &s->outliers[i];
		buf_puts(c->b, "  ");
		tunits(c->b, o->delay);
		buf_printf(c->b, "  %5u  %-12s  ", o->rcpts, o->qid);
		buf_stamp_short(c->b, (struct stamp){o->removed_us, o->tzoff, 0});
		buf_puts(c->b, "  ");
		buf_term(c->b, span_of(o->from ? o->from : ""));
		buf_putc(c->b, '\n');
	}
	uint64_t open = summary_open_messages(s);
	if (open)
		buf_printf(c->b, P_("  (%llu messages still in the queue at the end of the log)\n",
				    "  (%llu messages still in the queue at the end of the log)\n", open),
			   (unsigned long long)open);
}

/* simple_list - count and key per row */
static void simple_list(struct tctx *c, const struct stab *t, const char *what)
{
	if (sub_title(c, what, t->n == 0))
		leaves(c, t, 1);
}

/* limits - what the caps made us drop */
static void limits(struct tctx *c, const struct summary *s)
{
	const struct sum_limits *d = &s->dropped;
	const struct {
		const char *what;
		uint64_t n;
	} rows[] = {
	    {N_("senders"), d->senders},	   {N_("recipients"), d->recipients},
	    {N_("sending domains"), d->sending_domains}, {N_("recipient domains"), d->recipient_domains},
	    {N_("detail keys"), d->detail},	   {N_("SASL accounts"), d->accounts},
	    {N_("no-size messages"), d->nosize}, {N_("days"), d->days},
	    {N_("queue IDs evicted"), d->qids}, {N_("queue IDs too long"), d->qid_too_long},
	};
	bool any = false;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		any |= rows[i].n != 0;
	if (!any)
		return;
	title(c, N_("Limits reached (counts of additions dropped; see docs/summary.md)"));
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		if (rows[i].n)
			buf_printf(c->b, " %8llu  %s\n", (unsigned long long)rows[i].n, _(rows[i].what));
}

/* window - what the summary covers */
static void window(struct tctx *c, const struct summary *s)
{
	buf_printf(c->b, "%s%s%s", c->color ? BOLD : "", _("Postfix log summary"), c->color ? RESET : "");
	if (s->have_first) {
		struct buf f = {0}, l = {0};
		buf_stamp_short(&f, s->first);
		buf_stamp_short(&l, s->last);
		/* TRANSLATORS: after "Postfix log summary": the first and last times */
		buf_printf(c->b, _(": %.*s to %.*s"), (int)f.n, f.p, (int)l.n, l.p);
		buf_free(&f);
		buf_free(&l);
	}
	buf_putc(c->b, '\n');
	if (s->have_since || s->have_until) {
		buf_puts(c->b, _("window:"));
		if (s->have_since) {
			struct buf t = {0};
			buf_stamp_short(&t, (struct stamp){s->since_us, 0, 0});
			/* TRANSLATORS: --since, a time in UTC */
			buf_printf(c->b, _(" since %.*s UTC"), (int)t.n, t.p);
			buf_free(&t);
		}
		if (s->have_until) {
			struct buf t = {0};
			buf_stamp_short(&t, (struct stamp){s->until_us, 0, 0});
			/* TRANSLATORS: --until, a time in UTC */
			buf_printf(c->b, _(" until %.*s UTC"), (int)t.n, t.p);
			buf_free(&t);
		}
		buf_putc(c->b, '\n');
	}
}

/* summary_text - the whole summary as text */
void summary_text(const struct summary *s, struct buf *out, bool color)
{
	struct tctx c = {out, color};
	window(&c, s);
	grand_totals(&c, s);
	per_day(&c, s);
	per_hour(&c, s);
	delivery_domains(&c, s);
	receipt_domains(&c, s);
	users(&c, &s->senders, N_("Senders by message count"), false);
	users(&c, &s->recipients, N_("Recipients by message count"), false);
	users(&c, &s->senders, N_("Senders by message size"), true);
	users(&c, &s->recipients, N_("Recipients by message size"), true);
	nosize(&c, s);
	problems(&c, s);
	const char *beyond = _("Beyond pflogsumm");
	buf_printf(out, "\n\n%s\n", beyond);
	underline(out, beyond, '=');
	accounts(&c, s);
	simple_list(&c, &s->by_restriction, N_("Rejects by restriction"));
	simple_list(&c, &s->by_reason, N_("Rejects by reason"));
	delays(&c, s);
	outliers(&c, s);
	if (s->milter_rejects || s->errors)
		buf_printf(out, _("\n %llu milter-reject/hold/discard lines of smtpd (counted above; "
				  "pflogsumm does not), %llu error: lines (in no pflogsumm list)\n"),
			   (unsigned long long)s->milter_rejects, (unsigned long long)s->errors);
	limits(&c, s);
}

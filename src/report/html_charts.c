/*
 * html_charts.c - the HTML report's charts, from data already bounded:
 * the timeline (connections, messages and session verdicts over time),
 * the summary's per-hour and per-status totals and its recipient domains,
 * and an account's message times (its bursts).  The drawing is
 * html_svg.c's.
 */
#include "../util/i18n.h"
#include "html.h"
#include "html_svg.h"
#include "../util/timefmt.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define LABEL_MAX 24

/* floor_div - a / b rounded down, b > 0 */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* local_label - a bucket's start, local seconds, as precise as its width:
 * "11-22" (whole days), "11-22 14:00", or "14:00:05" (under a minute) */
static void local_label(char *out, int64_t sec, int64_t width)
{
	int y;
	unsigned m, d;
	int64_t day = floor_div(sec, 86400), rem = sec - day * 86400;
	civil_from_days(day, &y, &m, &d);
	if (width % 86400 == 0)
		snprintf(out, LABEL_MAX, "%02u-%02u", m, d);
	else if (width % 60 == 0)
		snprintf(out, LABEL_MAX, "%02u-%02u %02d:%02d", m, d, (int)(rem / 3600),
			 (int)(rem % 3600 / 60));
	else
		snprintf(out, LABEL_MAX, "%02d:%02d:%02d", (int)(rem / 3600), (int)(rem % 3600 / 60),
			 (int)(rem % 60));
}

/* width_words - "second", "5 seconds", "minute", "hour", "6 hours", "4 days" */
static void width_words(char out[32], int64_t w)
{
	static const int64_t secs[] = {86400, 3600, 60, 1};
	for (size_t i = 0; i < 4; i++)
		if (w % secs[i] == 0) {
			long long k = (long long)(w / secs[i]);
			/* TRANSLATORS: a chart's period, after "per": "per day", "per 6 hours" */
			const char *f = i == 0 ? k == 1 ? C_("per", "day") : P_("%lld day", "%lld days", k)
				      : i == 1 ? k == 1 ? C_("per", "hour") : P_("%lld hour", "%lld hours", k)
				      : i == 2 ? k == 1 ? C_("per", "minute") : P_("%lld minute", "%lld minutes", k)
				      : k == 1 ? C_("per", "second") : P_("%lld second", "%lld seconds", k);
			if (k == 1)
				snprintf(out, 32, "%s", f);
			else
				snprintf(out, 32, f, k);
			return;
		}
}

/* html_chart_timeline - connections and messages, then the sessions'
 * verdicts, per bucket of the timeline */
void html_chart_timeline(struct buf *b, const struct timeline *t)
{
	if (!t || !t->any) {
		buf_puts(b, "<p class=\"mute\">");
		html_s(b, _("No SMTP session or message with a time: no chart over time."));
		buf_puts(b, "</p>\n");
		return;
	}
	static char labels[TIMELINE_BUCKETS][LABEL_MAX];
	const char *lp[TIMELINE_BUCKETS];
	uint64_t conn[TIMELINE_BUCKETS], msgs[TIMELINE_BUCKETS];
	static uint64_t byv[V__COUNT][TIMELINE_BUCKETS];
	for (uint32_t i = 0; i < t->n; i++) {
		local_label(labels[i], t->start + (int64_t)i * t->width, t->width);
		lp[i] = labels[i];
		conn[i] = t->b[i].sessions;
		msgs[i] = t->b[i].messages;
		for (int v = 0; v < V__COUNT; v++)
			byv[v][i] = t->b[i].by_verdict[v];
	}
	char title[128], per[32];
	width_words(per, t->width);
	snprintf(title, sizeof title, _("Connections and messages per %s"), per);
	struct svg_series cm[2] = {{_("connections (SMTP sessions)"), "s0", conn},
				   {C_("chart", "messages"), "s2", msgs}};
	svg_columns(b, title, lp, t->n, cm, 2, false);

	/* verdicts: the most serious on top of the stack */
	struct svg_series vs[V__COUNT];
	static char cls[V__COUNT][40];
	size_t nv = 0;
	for (int sev = 0; sev <= 4; sev++)
		for (int v = 0; v < V__COUNT; v++) {
			if (verdict_severity((enum verdict)v) != sev)
				continue;
			uint64_t any = 0;
			for (uint32_t i = 0; i < t->n; i++)
				any += byv[v][i];
			if (!any)
				continue;
			snprintf(cls[v], sizeof cls[v], "v-%s", verdict_id((enum verdict)v));
			vs[nv++] = (struct svg_series){verdict_id((enum verdict)v), cls[v], byv[v]};
		}
	snprintf(title, sizeof title, _("SMTP sessions by verdict per %s"), per);
	svg_columns(b, title, lp, t->n, vs, nv, true);

	/* the same numbers as a table, for reading and for screen readers */
	buf_puts(b, "<details><summary>");
	html_s(b, _("The numbers of these two charts"));
	buf_puts(b, "</summary><div class=\"wide\"><table id=\"timeline-table\"><thead><tr><th>");
	html_s(b, _("From"));
	buf_puts(b, "</th><th class=\"n\">");
	html_s(b, _("Connections"));
	buf_puts(b, "</th><th class=\"n\">");
	html_s(b, _("Messages"));
	buf_puts(b, "</th>");
	for (size_t k = 0; k < nv; k++) {
		buf_puts(b, "<th class=\"n\">");
		html_s(b, vs[k].name);
		buf_puts(b, "</th>");
	}
	buf_puts(b, "</tr></thead><tbody>\n");
	for (uint32_t i = 0; i < t->n; i++) {
		buf_puts(b, "<tr><td>");
		html_s(b, lp[i]);
		buf_printf(b, "</td><td class=\"n\">%llu</td><td class=\"n\">%llu</td>",
			   (unsigned long long)conn[i], (unsigned long long)msgs[i]);
		for (size_t k = 0; k < nv; k++)
			buf_printf(b, "<td class=\"n\">%llu</td>", (unsigned long long)vs[k].v[i]);
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody></table></div></details>\n");
}

/* html_chart_hours - pflogsumm's per-hour traffic (all days added up) */
void html_chart_hours(struct buf *b, const struct summary *s)
{
	if (!s)
		return;
	static const char *const names[SD__N] = {N_("received"), N_("delivered"), N_("deferred"),
						 N_("bounced"), N_("rejected")};
	static const char *const cls[SD__N] = {"s0", "s5", "s2", "s3", "s4"};
	static char labels[24][4];
	const char *lp[24];
	uint64_t v[SD__N][24];
	for (int h = 0; h < 24; h++) {
		snprintf(labels[h], sizeof labels[h], "%02d", h);
		lp[h] = labels[h];
		for (int k = 0; k < SD__N; k++)
			v[k][h] = s->hour[h][k];
	}
	struct svg_series ser[SD__N];
	for (int k = 0; k < SD__N; k++)
		ser[k] = (struct svg_series){_(names[k]), cls[k], v[k]};
	svg_columns(b, _("Messages by hour of the day (all days added up)"), lp, 24, ser, SD__N, false);
}

/* html_chart_deliveries - the summary's totals by status */
void html_chart_deliveries(struct buf *b, const struct summary *s)
{
	if (!s)
		return;
	const char *labels[] = {_("delivered"), _("forwarded"), _("deferred"), _("bounced"),
				_("rejected"),  _("reject warnings"), _("held"), _("discarded")};
	const char *cls[] = {"s5", "s1", "s2", "s3", "s4", "s2", "s1", "s3"};
	uint64_t v[] = {s->delivered, s->forwarded, s->deferred, s->bounced,
			s->rejected,  s->reject_warnings, s->held, s->discarded};
	svg_hbars(b, _("Deliveries by status (recipients; deferred: messages)"), labels, v, cls, 8);
}

/* html_chart_destinations - the recipient domains mail went to most */
void html_chart_destinations(struct buf *b, const struct summary *s)
{
	if (!s)
		return;
	const struct srow **rows = summary_sorted(&s->recipient_domains, SO_COUNT_SIZE);
	size_t n = 0;
	while (rows[n] && n < HTML_DESTINATIONS_CHART)
		n++;
	if (!n) {
		buf_puts(b, "<p class=\"mute\">");
		html_s(b, _("No deliveries to chart by destination."));
		buf_puts(b, "</p>\n");
		free(rows);
		return;
	}
	char **labels = xcalloc(n, sizeof *labels);
	uint64_t *v = xcalloc(n, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		labels[i] = xmalloc(rows[i]->klen + 1);
		memcpy(labels[i], rows[i]->key, rows[i]->klen);
		labels[i][rows[i]->klen] = 0;
		v[i] = rows[i]->count;
	}
	svg_hbars(b, _("Top destinations (recipient domains, deliveries)"), (const char *const *)labels, v,
		  NULL, n);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(v);
	free(rows);
}

/* html_chart_bursts - an account's messages over its active period */
void html_chart_bursts(struct buf *b, const struct analysis *a, const struct account *ac)
{
	const struct account_detail *d = account_detail(a, ac);
	if (!d || !d->ntimes)
		return;
	int64_t lo = d->times[0], hi = d->times[0];
	for (uint32_t i = 1; i < d->ntimes; i++) {
		lo = d->times[i] < lo ? d->times[i] : lo;
		hi = d->times[i] > hi ? d->times[i] : hi;
	}
	int64_t off = (int64_t)ac->first.tzoff * 60;
	/* the narrowest width that covers its period: a burst may last seconds */
	static const int64_t seconds[] = {1, 2, 5, 10, 20, 30};
	size_t k = 0;
	int64_t w = seconds[0];
	int64_t start = floor_div(lo / 1000000 + off, w) * w;
	while ((hi / 1000000 + off - start) / w >= HTML_BURSTS_BUCKETS) {
		k++;
		w = k < sizeof seconds / sizeof seconds[0] ? seconds[k]
		    : w < TIMELINE_MIN_WIDTH ? TIMELINE_MIN_WIDTH : timeline_next_width(w);
		start = floor_div(lo / 1000000 + off, w) * w;
	}
	size_t n = (size_t)((hi / 1000000 + off - start) / w) + 1;
	uint64_t v[HTML_BURSTS_BUCKETS] = {0};
	static char labels[HTML_BURSTS_BUCKETS][LABEL_MAX];
	const char *lp[HTML_BURSTS_BUCKETS];
	for (uint32_t i = 0; i < d->ntimes; i++)
		v[(d->times[i] / 1000000 + off - start) / w]++;
	for (size_t i = 0; i < n; i++) {
		local_label(labels[i], start + (int64_t)i * w, w);
		lp[i] = labels[i];
	}
	char title[160], per[32];
	width_words(per, w);
	if (d->ntimes < ac->messages)
		snprintf(title, sizeof title, _("Its messages per %s, the first ones (most in 10 minutes: %u)"),
			 per, ac->peak_10min);
	else
		snprintf(title, sizeof title, _("Its messages per %s (most in 10 minutes: %u)"), per,
			 ac->peak_10min);
	struct svg_series s = {C_("chart", "messages"), "s3", v};
	svg_columns(b, title, lp, n, &s, 1, false);
}

/* html_stamp - "2026-11-22 11:32:05" */
void html_stamp(struct buf *b, struct stamp t)
{
	buf_stamp_short(b, t);
}

/*
 * summary_json.c - the traffic summary as JSON members, without the
 * surrounding braces, so that "summary --json" and "report --json" can
 * both embed them.  The schema is in docs/summary.md; "totals" comes
 * first and holds pflogsumm's grand totals under fixed names.
 *
 * Every string from the log goes through buf_json().
 */
#include "summary_json.h"
#include "../util/timefmt.h"

#include <stdlib.h>
#include <string.h>

/* num - "name":N */
static void num(struct buf *b, const char *name, uint64_t v, bool comma)
{
	buf_printf(b, "%s\"%s\":%llu", comma ? "," : "", name, (unsigned long long)v);
}

/* secs - "name":seconds, three decimals (null if not finite) */
static void secs(struct buf *b, const char *name, double v)
{
	buf_printf(b, ",\"%s\":", name);
	buf_json_num(b, v, 3);
}

/* key - "name":"key" */
static void key(struct buf *b, const char *name, const struct srow *r)
{
	buf_printf(b, "\"%s\":", name);
	buf_json(b, span_make(r->key, r->klen));
}

/* totals - the grand totals, fixed names and order */
static void totals(struct buf *b, const struct summary *s)
{
	buf_puts(b, "\"totals\":{");
	num(b, "received", s->received, false);
	num(b, "delivered", s->delivered, true);
	num(b, "forwarded", s->forwarded, true);
	num(b, "deferred", s->deferred, true);
	num(b, "bounced", s->bounced, true);
	num(b, "rejected", s->rejected, true);
	num(b, "reject_warnings", s->reject_warnings, true);
	num(b, "held", s->held, true);
	num(b, "discarded", s->discarded, true);
	num(b, "bytes_received", s->bytes_received, true);
	num(b, "bytes_delivered", s->bytes_delivered, true);
	num(b, "senders", s->senders.n, true);
	num(b, "sending_hosts", s->sending_domains.n, true);
	num(b, "recipients", s->recipients.n, true);
	num(b, "recipient_hosts", s->recipient_domains_sent, true);
	buf_puts(b, "},\"totals_more\":{");
	num(b, "deferrals", s->deferrals, false);
	num(b, "rejected_pct", summary_pct(s->rejected, s->delivered, s->rejected, s->discarded),
	    true);
	num(b, "discarded_pct",
	    summary_pct(s->discarded, s->delivered, s->rejected, s->discarded), true);
	num(b, "smtpd_milter_actions", s->milter_rejects, true);
	num(b, "error_lines", s->errors, true);
	num(b, "still_queued", summary_open_messages(s), true);
	buf_putc(b, '}');
}

/* stamp_or_null - an ISO time or null */
static void stamp_member(struct buf *b, const char *name, bool have, struct stamp t)
{
	buf_printf(b, ",\"%s\":", name);
	if (!have) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	buf_stamp(b, t);
	buf_putc(b, '"');
}

/* window - the time covered and the requested window */
static void window(struct buf *b, const struct summary *s)
{
	buf_puts(b, ",\"window\":{");
	num(b, "postfix_lines", s->postfix_lines, false);
	num(b, "days", summary_days_seen(s), true);
	stamp_member(b, "first", s->have_first, s->first);
	stamp_member(b, "last", s->have_first, s->last);
	stamp_member(b, "since", s->have_since, (struct stamp){s->since_us, 0, 0});
	stamp_member(b, "until", s->have_until, (struct stamp){s->until_us, 0, 0});
	buf_putc(b, '}');
}

static const char *const traffic_names[SD__N] = {"received", "delivered", "deferred", "bounced",
						 "rejected"};

/* traffic - per-day (days with traffic) and per-hour (sums) counts */
static void traffic(struct buf *b, const struct summary *s)
{
	buf_puts(b, ",\"per_day\":[");
	bool first = true;
	for (size_t i = 0; i < s->ndays; i++) {
		const struct sday *d = &s->days[i];
		if (!summary_day_traffic(d))
			continue;
		buf_printf(b, "%s{\"date\":\"", first ? "" : ",");
		buf_day(b, d->day);
		buf_putc(b, '"');
		for (int k = 0; k < SD__N; k++)
			num(b, traffic_names[k], d->n[k], true);
		buf_putc(b, '}');
		first = false;
	}
	buf_puts(b, "],\"per_hour\":[");
	for (int h = 0; h < 24; h++) {
		buf_printf(b, "%s{\"hour\":%d", h ? "," : "", h);
		for (int k = 0; k < SD__N; k++)
			num(b, traffic_names[k], s->hour[h][k], true);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}

/* delivery_domains - per recipient domain */
static void delivery_domains(struct buf *b, const struct summary *s)
{
	buf_puts(b, ",\"delivery_domains\":[");
	const struct srow **v = summary_sorted(&s->recipient_domains, SO_COUNT_SIZE);
	for (const struct srow **p = v; *p; p++) {
		const struct srow *r = *p;
		buf_puts(b, p == v ? "{" : ",{");
		key(b, "domain", r);
		num(b, "sent", r->count, true);
		num(b, "bytes", r->bytes, true);
		num(b, "defers", r->defers, true);
		secs(b, "avg_delay", r->count ? r->dly_sum / (double)r->count : 0);
		secs(b, "max_delay", r->dly_max);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	free(v);
}

/* counted - rows with messages and bytes */
static void counted(struct buf *b, const char *name, const char *keyname, const struct stab *t,
		    enum sum_order o)
{
	buf_printf(b, ",\"%s\":[", name);
	const struct srow **v = summary_sorted(t, o);
	for (const struct srow **p = v; *p; p++) {
		buf_puts(b, p == v ? "{" : ",{");
		key(b, keyname, *p);
		num(b, "messages", (*p)->count, true);
		num(b, "bytes", (*p)->bytes, true);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	free(v);
}

/* nosize - queue IDs delivered without a known size */
static void nosize(struct buf *b, const struct summary *s)
{
	buf_puts(b, ",\"no_size\":[");
	const struct srow **v = summary_sorted(&s->nosize, SO_KEY);
	for (const struct srow **p = v; *p; p++) {
		buf_puts(b, p == v ? "{" : ",{");
		key(b, "queue_id", *p);
		buf_puts(b, ",\"recipient\":");
		buf_jsons(b, (*p)->val ? (*p)->val : "");
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	free(v);
}

/* nested - [{"name":..,"count":..,"items":[...]}], counts first */
static void nested(struct buf *b, const struct stab *t)
{
	buf_putc(b, '[');
	const struct srow **v = summary_sorted(t, t->n && t->rows[0].sub ? SO_KEY : SO_COUNT_HOST);
	for (const struct srow **p = v; *p; p++) {
		buf_puts(b, p == v ? "{" : ",{");
		key(b, "name", *p);
		num(b, "count", (*p)->count, true);
		if ((*p)->sub) {
			buf_puts(b, ",\"items\":");
			nested(b, (*p)->sub);
		}
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	free(v);
}

/* member - ,"name": then a nested table */
static void member(struct buf *b, const char *name, const struct stab *t)
{
	buf_printf(b, ",\"%s\":", name);
	nested(b, t);
}

/* accounts - per SASL account */
static void accounts(struct buf *b, const struct summary *s)
{
	buf_puts(b, ",\"sasl_accounts\":[");
	const struct srow **v = summary_sorted(&s->accounts, SO_COUNT_HOST);
	for (const struct srow **p = v; *p; p++) {
		const struct srow *r = *p;
		buf_puts(b, p == v ? "{" : ",{");
		key(b, "account", r);
		num(b, "messages", r->count, true);
		num(b, "bytes", r->bytes, true);
		num(b, "sent", r->sent, true);
		num(b, "deferrals", r->defers, true);
		num(b, "bounced", r->bounced, true);
		num(b, "rejected", r->rejected, true);
		num(b, "auth_failures", r->authfail, true);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
	free(v);
}

/* hist - one histogram's percentiles */
static void hist(struct buf *b, const char *name, const struct shist *h, bool comma)
{
	buf_printf(b, "%s\"%s\":{", comma ? "," : "", name);
	num(b, "count", h->n, false);
	secs(b, "p50", summary_percentile(h, 0.5));
	secs(b, "p90", summary_percentile(h, 0.9));
	secs(b, "p95", summary_percentile(h, 0.95));
	secs(b, "p99", summary_percentile(h, 0.99));
	secs(b, "max", h->max);
	secs(b, "mean", h->n ? h->sum / (double)h->n : 0);
	buf_putc(b, '}');
}

/* delays - the delivery delay percentiles */
static void delays(struct buf *b, const struct summary *s)
{
	buf_puts(b, ",\"delays\":{");
	hist(b, "total", &s->dly_total, false);
	hist(b, "before_qmgr", &s->dly_part[0], true);
	hist(b, "in_qmgr", &s->dly_part[1], true);
	hist(b, "conn_setup", &s->dly_part[2], true);
	hist(b, "transmission", &s->dly_part[3], true);
	buf_putc(b, '}');
}

/* outliers - the messages that waited longest */
static void outliers(struct buf *b, const struct summary *s)
{
	buf_puts(b, ",\"queue_time_outliers\":[");
	for (size_t i = 0; i < s->noutliers; i++) {
		const struct soutlier *o = &s->outliers[i];
		buf_printf(b, "%s{\"queue_id\":", i ? "," : "");
		buf_jsons(b, o->qid);
		secs(b, "delay", o->delay);
		num(b, "deliveries", o->rcpts, true);
		buf_puts(b, ",\"removed\":\"");
		buf_stamp(b, (struct stamp){o->removed_us, o->tzoff, 0});
		buf_puts(b, "\",\"sender\":");
		buf_jsons(b, o->from ? o->from : "");
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}

/* limits - the caps and what they dropped */
static void limits(struct buf *b, const struct summary *s)
{
	const struct sum_limits *d = &s->dropped;
	buf_puts(b, ",\"dropped\":{");
	num(b, "senders", d->senders, false);
	num(b, "recipients", d->recipients, true);
	num(b, "sending_domains", d->sending_domains, true);
	num(b, "recipient_domains", d->recipient_domains, true);
	num(b, "detail", d->detail, true);
	num(b, "sasl_accounts", d->accounts, true);
	num(b, "no_size", d->nosize, true);
	num(b, "days", d->days, true);
	num(b, "queue_ids_evicted", d->qids, true);
	num(b, "queue_ids_too_long", d->qid_too_long, true);
	buf_putc(b, '}');
}

/* summary_json - every section, as members of an enclosing object */
void summary_json(const struct summary *s, struct buf *b)
{
	totals(b, s);
	window(b, s);
	traffic(b, s);
	delivery_domains(b, s);
	counted(b, "receipt_domains", "domain", &s->sending_domains, SO_COUNT_SIZE);
	counted(b, "senders", "address", &s->senders, SO_COUNT_HOST);
	counted(b, "recipients", "address", &s->recipients, SO_COUNT_HOST);
	nosize(b, s);
	member(b, "deferrals", &s->deferral);
	member(b, "bounces", &s->bounce);
	member(b, "rejects", &s->rejects);
	member(b, "reject_warnings", &s->warns);
	member(b, "holds", &s->holds);
	member(b, "discards", &s->discards);
	member(b, "smtp_failures", &s->smtp_fail);
	member(b, "warnings", &s->warnings);
	member(b, "fatal_errors", &s->fatals);
	member(b, "panics", &s->panics);
	member(b, "master_messages", &s->master);
	accounts(b, s);
	member(b, "rejects_by_restriction", &s->by_restriction);
	member(b, "rejects_by_reason", &s->by_reason);
	delays(b, s);
	outliers(b, s);
	limits(b, s);
}

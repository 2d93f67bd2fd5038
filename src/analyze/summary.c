/*
 * summary.c - the traffic summary as an event consumer: pflogsumm's
 * counters and tables with pflogsumm's definitions (docs/summary.md),
 * and a few of our own.
 *
 * Event spans live only during summary_event(): everything kept is
 * copied into the tables.  Memory is bounded: every table of distinct
 * keys has a cap (summary.h), and the per-queue-ID state (size, sender,
 * whence it came) is a table of at most SUM_MAX_QIDS entries, freed at
 * "removed" and, when full, evicting the least recently used entry.
 * What does not fit is counted in s->dropped and reported.  The tables,
 * the queue-ID state and the histograms are in summary_store.c.
 */
#include "summary_internal.h"
#include "../parse/filter_reply.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- construction ---- */

/* summary_new - an empty summary */
struct summary *summary_new(void)
{
	struct summary *s = xcalloc(1, sizeof *s);
	struct sum_limits *d = &s->dropped;
	summary_stab_init(&s->senders, SUM_MAX_USERS, &d->senders);
	summary_stab_init(&s->recipients, SUM_MAX_USERS, &d->recipients);
	summary_stab_init(&s->sending_domains, SUM_MAX_DOMAINS, &d->sending_domains);
	summary_stab_init(&s->recipient_domains, SUM_MAX_DOMAINS, &d->recipient_domains);
	summary_stab_init(&s->nosize, SUM_MAX_NOSIZE, &d->nosize);
	struct stab *detail[] = {&s->deferral, &s->bounce,   &s->rejects,  &s->warns,
				 &s->holds,    &s->discards, &s->smtp_fail, &s->warnings,
				 &s->fatals,   &s->panics,   &s->master,   &s->by_restriction,
				 &s->by_reason};
	for (size_t i = 0; i < sizeof detail / sizeof detail[0]; i++) {
		summary_stab_init(detail[i], SUM_MAX_DETAIL, &d->detail);
		detail[i]->pool = &s->detail_rows;
		detail[i]->pool_max = SUM_MAX_DETAIL_ROWS;
	}
	summary_stab_init(&s->accounts, SUM_MAX_ACCOUNTS, &d->accounts);
	s->nqbuckets = 1024;
	s->qbuckets = xcalloc(s->nqbuckets, sizeof *s->qbuckets);
	return s;
}

/* summary_window - record the --since/--until the feed applied */
void summary_window(struct summary *s, bool have_since, int64_t since_us, bool have_until,
		    int64_t until_us)
{
	s->have_since = have_since;
	s->since_us = since_us;
	s->have_until = have_until;
	s->until_us = until_us;
}

/* summary_free - release everything */
void summary_free(struct summary *s)
{
	if (!s)
		return;
	while (s->lru_head)
		summary_q_free(s, s->lru_head);
	free(s->qbuckets);
	struct stab *all[] = {&s->senders,  &s->recipients, &s->sending_domains,
			      &s->recipient_domains, &s->nosize, &s->deferral, &s->bounce,
			      &s->rejects,  &s->warns,      &s->holds,    &s->discards,
			      &s->smtp_fail, &s->warnings,  &s->fatals,   &s->panics,
			      &s->master,   &s->accounts,   &s->by_restriction, &s->by_reason};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		summary_stab_free(all[i]);
	for (size_t i = 0; i < s->noutliers; i++)
		free(s->outliers[i].from);
	free(s->days);
	free(s);
}

/* ---- the events ---- */

/* full_text - the text including a leading "warning: " etc.; the text
 * alone when the severity is not the line's own words right before it
 * (a tagless postconf warning gets its severity from its shape, bare.c) */
static struct span full_text(const struct logline *l)
{
	if (!l->severity.n || l->severity.p > l->text.p || l->text.p - l->severity.p > 16)
		return l->text;
	return span_make(l->severity.p, (size_t)(l->text.p + l->text.n - l->severity.p));
}

/* after_last - the part of s after the last occurrence of lit, or s */
static struct span after_last(struct span s, const char *lit)
{
	size_t n = strlen(lit);
	for (size_t i = s.n >= n ? s.n - n + 1 : 0; i > 0; i--)
		if (s.p[i - 1] == lit[0] && memcmp(s.p + i - 1, lit, n) == 0)
			return span_skip(s, i - 1 + n);
	return s;
}

/* on_severity - warning/fatal/panic lines: pflogsumm's problem lists */
static bool on_severity(struct summary *s, const struct logline *l, struct span full)
{
	struct stab *t;
	const char *lit;
	if (span_eqs(l->severity, "warning"))
		t = &s->warnings, lit = "warning: ";
	else if (span_eqs(l->severity, "fatal"))
		t = &s->fatals, lit = "fatal: ";
	else if (span_eqs(l->severity, "panic"))
		t = &s->panics, lit = "panic: ";
	else {
		s->errors++;
		return false; /* "error:" is in none of pflogsumm's lists */
	}
	struct buf k = {0};
	sk_trim(after_last(full, lit), 66, &k);
	summary_count2(t, l->daemon, buf_span(&k));
	buf_free(&k);
	return true;
}

/* on_cleanup - header/body/milter actions in cleanup */
static bool on_cleanup(struct summary *s, const struct logline *l, struct span full)
{
	struct span act, where, rest;
	if (l->pid < 0 || !sk_cleanup_parts(full, &act, &where, &rest))
		return false;
	struct stab *t;
	if (span_eqs(act, "reject") || span_eqs(act, "milter-reject"))
		t = &s->rejects, s->rejected++;
	else if (span_eqs(act, "warning"))
		t = &s->warns, s->reject_warnings++;
	else if (span_eqs(act, "hold"))
		t = &s->holds, s->held++;
	else
		t = &s->discards, s->discarded++;
	struct buf k = {0};
	sk_cleanup_key(rest, &k);
	summary_count3(t, SPAN_LIT("cleanup"), where, buf_span(&k));
	buf_free(&k);
	summary_bump(s, l, SD_REJ);
	return true;
}

/* account - the row of a SASL account, or NULL */
static struct srow *account(struct summary *s, const char *name)
{
	return name ? summary_stab_get(&s->accounts, span_of(name)) : NULL;
}

/* on_reject - smtpd/postscreen reject, reject_warning, hold, discard */
static void on_reject(struct summary *s, const struct event *ev)
{
	const struct logline *l = ev->line;
	struct span a = ev->action;
	span_eat(&a, "milter-");
	struct stab *t;
	bool real = false;
	if (span_eqs(a, "reject"))
		t = &s->rejects, s->rejected++, real = true;
	else if (span_eqs(a, "reject_warning"))
		t = &s->warns, s->reject_warnings++;
	else if (span_eqs(a, "hold"))
		t = &s->holds, s->held++;
	else if (span_eqs(a, "discard"))
		t = &s->discards, s->discarded++;
	else
		return;
	if (span_starts(ev->action, "milter-"))
		s->milter_rejects++;
	summary_bump(s, l, SD_REJ);
	struct span type, from, rest;
	if (!sk_reject_parts(l->text, &type, &from, &rest)) {
		type = ev->stage.p ? ev->stage : SPAN_LIT("");
		from = ev->client_ip.p ? ev->client_ip : SPAN_LIT("");
		rest = ev->reason.p ? ev->reason : SPAN_LIT("");
	}
	struct buf reason = {0}, key = {0};
	sk_reject_detail(l->text, type, from, rest, &reason, &key);
	summary_count3(t, type, buf_span(&reason), buf_span(&key));
	if (real) {
		struct buf rr = {0};
		sk_reply_reason(rest, &rr);
		struct span rs = rr.n ? buf_span(&rr) : SPAN_LIT("");
		struct srow *r = summary_stab_get(&s->by_restriction, span_of(sk_restriction(rs, l->daemon)));
		if (r)
			r->count++;
		if ((r = summary_stab_get(&s->by_reason, rs)))
			r->count++;
		buf_free(&rr);
		if (ev->sasl_username.n && (r = summary_stab_get(&s->accounts, ev->sasl_username)))
			r->rejected++;
	}
	buf_free(&reason);
	buf_free(&key);
}

/* on_client - smtpd "QID: client=...": a message received */
static void on_client(struct summary *s, const struct event *ev)
{
	const struct logline *l = ev->line;
	struct span c = SPAN_NULL;
	ptrdiff_t k = span_index(l->text, "client=");
	if (k >= 0) {
		c = span_skip(l->text, (size_t)k + 7);
		ptrdiff_t comma = span_chr(span_skip(c, 1), ',');
		if (comma >= 0)
			c = span_head(c, (size_t)comma + 1);
	}
	struct buf dom = {0}, tmp = {0};
	if (!c.p) {
		buf_putspan(&tmp, ev->client_name);
		buf_putc(&tmp, '[');
		buf_putspan(&tmp, ev->client_ip);
		buf_putc(&tmp, ']');
		c = buf_span(&tmp);
	}
	sk_gimme_domain(c, &dom);
	buf_putc(&dom, '\0');
	s->received++;
	summary_bump(s, l, SD_RCVD);
	struct qent *q = summary_q_get(s, ev->queue_id, true);
	if (q) {
		q->rcvd = true;
		free(q->rcvd_from);
		q->rcvd_from = xstrdup(dom.p);
		if (ev->sasl_username.n) {
			free(q->sasl);
			q->sasl = xspandup(ev->sasl_username);
			struct srow *r = account(s, q->sasl);
			if (r)
				r->count++;
		}
	}
	buf_free(&dom);
	buf_free(&tmp);
}

/* on_pickup - pickup "QID: uid=N from=<...>": a message received */
static void on_pickup(struct summary *s, const struct event *ev)
{
	s->received++;
	summary_bump(s, ev->line, SD_RCVD);
	struct qent *q = summary_q_get(s, ev->queue_id, true);
	if (q) {
		q->rcvd = true;
		free(q->rcvd_from);
		q->rcvd_from = xstrdup("pickup");
	}
}

/* on_queued - qmgr "from=<...>, size=N": sizes and the sender tables */
static void on_queued(struct summary *s, const struct event *ev)
{
	struct qent *q = summary_q_get(s, ev->queue_id, true);
	if (!q || q->sized)
		return; /* pflogsumm counts the first qmgr line of a message */
	q->sized = true;
	q->size = ev->size > 0 ? ev->size : 0;
	uint64_t size = (uint64_t)q->size;
	struct buf addr = {0};
	if (ev->from.n)
		sk_lower_domain(ev->from, &addr);
	else
		buf_puts(&addr, "from=<>");
	buf_putc(&addr, '\0');
	addr.n--;
	free(q->from);
	q->from = xstrdup(addr.p);
	if (q->rcvd) {
		struct span a = buf_span(&addr), dom;
		ptrdiff_t at_ = span_chr(a, '@');
		if (at_ > 0 && (size_t)at_ + 1 < a.n)
			dom = span_skip(a, (size_t)at_ + 1);
		else if (q->rcvd_from && strcmp(q->rcvd_from, "pickup") == 0)
			dom = a;
		else
			dom = span_of(q->rcvd_from ? q->rcvd_from : "");
		struct srow *r = summary_stab_get(&s->sending_domains, dom);
		if (r)
			r->count++, r->bytes += size;
		if ((r = summary_stab_get(&s->senders, a)))
			r->count++, r->bytes += size;
		s->bytes_received += size;
		if ((r = account(s, q->sasl)))
			r->bytes += size;
		q->rcvd = false;
		free(q->rcvd_from);
		q->rcvd_from = NULL;
	}
	buf_free(&addr);
}

/* paren_reason - "(...)" after ", status=X (" in the text, pflogsumm's
 * way: up to the first ')' (deferred) or the last (bounced) */
static struct span paren_reason(struct span t, const char *marker, bool to_last)
{
	ptrdiff_t k = span_index(t, marker);
	if (k < 0)
		return SPAN_LIT("");
	struct span r = span_skip(t, (size_t)k + strlen(marker));
	ptrdiff_t e = to_last ? span_rchr(r, ')') : span_chr(r, ')');
	if (to_last)
		return e > 0 ? span_head(r, (size_t)e) : SPAN_LIT("");
	return e < 0 ? r : span_head(r, (size_t)e);
}

/* strip_code - s/^\d{3} // */
static struct span strip_code(struct span r)
{
	if (r.n >= 4 && r.p[0] >= '0' && r.p[0] <= '9' && r.p[1] >= '0' && r.p[1] <= '9' &&
	    r.p[2] >= '0' && r.p[2] <= '9' && r.p[3] == ' ')
		return span_skip(r, 4);
	return r;
}

/* add_delays - the delay= and delays=a/b/c/d histograms */
static void add_delays(struct summary *s, const struct event *ev, double delay)
{
	if (delay >= 0)
		summary_hist_add(&s->dly_total, delay);
	struct span d = ev->delays, part;
	for (int i = 0; i < 4 && d.p; i++) {
		if (!span_until_chr(&d, '/', &part)) {
			part = d;
			d = SPAN_NULL;
		}
		double v = summary_parse_secs(part);
		if (v >= 0)
			summary_hist_add(&s->dly_part[i], v);
	}
}

/* on_delivery - a delivery agent's "to=<...>, relay=..., status=..." */
static void on_delivery(struct summary *s, const struct event *ev)
{
	const struct logline *l = ev->line;
	struct span st = ev->status;
	bool sent = span_eqs(st, "sent"), deferred = span_eqs(st, "deferred");
	bool bounced = span_eqs(st, "bounced");
	if (!sent && !deferred && !bounced)
		return;
	double delay = summary_parse_secs(ev->delay);
	double dly = delay > 0 ? delay : 0;
	struct buf addr = {0};
	sk_lower_domain(ev->to.p ? ev->to : SPAN_LIT(""), &addr);
	struct span a = buf_span(&addr), dom = a;
	ptrdiff_t at_ = span_chr(a, '@');
	if (at_ > 0)
		dom = span_skip(a, (size_t)at_ + 1);
	struct qent *q = summary_q_get(s, ev->queue_id, deferred);
	struct srow *acct = q ? account(s, q->sasl) : NULL;
	if (q) {
		q->dlv++;
		if (dly > q->max_delay)
			q->max_delay = dly;
	}
	/* a content filter of this host's own (on loopback, as Amavis on
	 * 127.0.0.1:10024) that took the message and kept it ("250 2.7.0 Ok,
	 * discarded", "250 2.5.0 Ok, id=..., BOUNCE"): sent to the filter,
	 * delivered nowhere.  A remote server's such answer is its own affair:
	 * the message was delivered to it */
	bool own_filter = span_starts(ev->relay_ip, "127.") || span_eqs(ev->relay_ip, "::1");
	enum filter_drop drop = sent && own_filter ? filter_reply_drop(ev->reason) : FILTER_PASSED;
	if (drop == FILTER_DISCARDED) {
		s->discarded++;
		summary_bump(s, l, SD_REJ);
		goto out;
	}
	if (drop == FILTER_BOUNCED)
		sent = false, bounced = true;
	if (sent) {
		struct span after = span_make(st.p, (size_t)(l->text.p + l->text.n - st.p));
		if (span_index(after, "forwarded as ") >= 0) {
			s->forwarded++;
			goto out;
		}
		uint64_t size = q && q->sized && q->size > 0 ? (uint64_t)q->size : 0;
		struct srow *r = summary_stab_get(&s->recipient_domains, dom);
		if (r) {
			if (!r->count++)
				s->recipient_domains_sent++;
			r->dly_sum += dly;
			if (dly > r->dly_max)
				r->dly_max = dly;
			r->bytes += size;
		}
		if ((r = summary_stab_get(&s->recipients, a)))
			r->count++, r->bytes += size;
		s->delivered++;
		summary_bump(s, l, SD_DLVD);
		s->bytes_delivered += size;
		if (!size && ev->queue_id.n && (r = summary_stab_get(&s->nosize, ev->queue_id))) {
			free(r->val);
			r->val = xspandup(a);
		}
		add_delays(s, ev, delay);
		if (acct)
			acct->sent++;
	} else if (deferred) {
		struct buf k = {0};
		sk_said_trim(paren_reason(l->text, ", status=deferred (", false), 65, &k);
		struct span r1 = strip_code(buf_span(&k));
		span_eat(&r1, "connect to ");
		summary_count2(&s->deferral, l->daemon, r1);
		buf_free(&k);
		s->deferrals++;
		summary_bump(s, l, SD_DFRD);
		if (q && !q->deferred) {
			q->deferred = true;
			s->deferred++;
		} else if (!q) {
			s->deferred++;
		}
		struct srow *r = summary_stab_get(&s->recipient_domains, dom);
		if (r) {
			r->defers++;
			if (dly > r->dly_max)
				r->dly_max = dly;
		}
		if (acct)
			acct->defers++;
	} else {
		struct buf k = {0};
		sk_said_trim(paren_reason(l->text, drop ? ", status=sent (" : ", status=bounced (", true), 66, &k);
		struct span relay = ev->relay.p ? ev->relay : SPAN_LIT("");
		summary_count2(&s->bounce, relay, strip_code(buf_span(&k)));
		buf_free(&k);
		s->bounced++;
		summary_bump(s, l, SD_BNCD);
		if (acct)
			acct->bounced++;
	}
out:
	buf_free(&addr);
}

/* on_conn_fail - smtp "connect to host[addr]:port: reason" */
static void on_conn_fail(struct summary *s, const struct event *ev)
{
	struct span t = ev->line->text;
	ptrdiff_t k = span_index(t, "connect to ");
	if (k < 0)
		return;
	t = span_skip(t, (size_t)k + 11);
	ptrdiff_t lb = span_chr(t, '[');
	ptrdiff_t sep = span_index(t, ": ");
	if (lb < 0 || sep < 0)
		return;
	struct span host = span_head(t, (size_t)lb);
	struct span why = span_skip(t, (size_t)sep + 2);
	struct buf r = {0};
	for (size_t i = 0; i < why.n; i++)
		buf_putc(&r, why.p[i] >= 'A' && why.p[i] <= 'Z' ? (char)(why.p[i] + 32) : why.p[i]);
	summary_count2(&s->smtp_fail, buf_span(&r), host);
	buf_free(&r);
}

/* outlier - remember a message among those that waited longest */
static void outlier(struct summary *s, const struct qent *q, const struct logline *l)
{
	size_t n = s->noutliers;
	if (n == SUM_OUTLIERS && q->max_delay <= s->outliers[n - 1].delay)
		return;
	if (n == SUM_OUTLIERS)
		free(s->outliers[--n].from);
	size_t i = n;
	while (i > 0 && s->outliers[i - 1].delay < q->max_delay) {
		s->outliers[i] = s->outliers[i - 1];
		i--;
	}
	struct soutlier *o = &s->outliers[i];
	memset(o, 0, sizeof *o);
	memcpy(o->qid, q->qid, q->qlen);
	o->from = q->from ? xstrdup(q->from) : NULL;
	o->delay = q->max_delay;
	o->rcpts = q->dlv;
	o->removed_us = l->ts.us;
	o->tzoff = l->ts.tzoff;
	s->noutliers = n + 1;
}

/* on_removed - the message left the queue: forget its state */
static void on_removed(struct summary *s, const struct event *ev)
{
	struct qent *q = summary_q_get(s, ev->queue_id, false);
	if (!q)
		return;
	if (q->dlv)
		outlier(s, q, ev->line);
	summary_q_free(s, q);
}

/* on_master - pflogsumm's "master daemon messages": after the last ": " */
static void on_master(struct summary *s, struct span full)
{
	struct srow *r = summary_stab_get(&s->master, after_last(full, ": "));
	if (r)
		r->count++;
}

/* on_sasl_fail - a failed AUTH for a named account */
static void on_sasl_fail(struct summary *s, const struct event *ev)
{
	struct srow *r;
	if (ev->sasl_username.n && (r = summary_stab_get(&s->accounts, ev->sasl_username)))
		r->authfail++;
}

/* summary_event - account for one event */
void summary_event(struct summary *s, const struct event *ev)
{
	const struct logline *l = ev->line;
	s->events++;
	if (!l || !l->postfix || ev->type == EV_NONE || ev->type == EV_OTHER)
		return;
	s->postfix_lines++;
	if (l->format == FMT_NOTIME) {
		/* a pasted line with no time: in no time span, no day */
	} else if (!s->have_first) {
		s->first = s->last = l->ts;
		s->have_first = true;
	} else {
		if (l->ts.us < s->first.us)
			s->first = l->ts;
		if (l->ts.us > s->last.us)
			s->last = l->ts;
	}
	/* make sure the day counts even without traffic: pflogsumm's dayCnt */
	if (l->format != FMT_NOTIME) {
		int64_t t = summary_local_secs(l->ts);
		summary_day_row(s, t / 86400 - (t % 86400 < 0));
	}
	struct span full = full_text(l);
	if (span_eqs(l->daemon, "cleanup") && on_cleanup(s, l, full))
		return;
	if (ev->type == EV_SASL_FAIL)
		on_sasl_fail(s, ev);
	if (l->severity.n && on_severity(s, l, full))
		return;
	if (ev->type == EV_REJECT) {
		on_reject(s, ev);
		return;
	}
	if (span_eqs(l->daemon, "master")) {
		on_master(s, full);
		return;
	}
	switch (ev->type) {
	case EV_CLIENT: on_client(s, ev); break;
	case EV_PICKUP: on_pickup(s, ev); break;
	case EV_QUEUED: on_queued(s, ev); break;
	case EV_DELIVERY: on_delivery(s, ev); break;
	case EV_SMTP_CONN_FAIL: on_conn_fail(s, ev); break;
	case EV_REMOVED:
	case EV_CLEANUP_REMOVED: on_removed(s, ev); break;
	default: break;
	}
}

/* ---- for the writers ---- */

/* one row being sorted, with its normalize_host() key */
struct sortent {
	const struct srow *r;
	size_t off, len;
};

static enum sum_order sort_order;
static const char *sort_keys;

/* cmp_bytes - memcmp order of two byte strings, shorter first on ties */
static int cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	size_t n = an < bn ? an : bn;
	int c = n ? memcmp(a, b, n) : 0;
	return c ? c : an < bn ? -1 : an > bn;
}

/* cmp_rows - qsort comparator for sort_order */
static int cmp_rows(const void *pa, const void *pb)
{
	const struct sortent *x = pa, *y = pb;
	const struct srow *a = x->r, *b = y->r;
	int c = 0;
	switch (sort_order) {
	case SO_KEY: break;
	case SO_COUNT_SIZE:
		c = a->count != b->count ? (a->count > b->count ? -1 : 1)
		    : a->bytes != b->bytes ? (a->bytes > b->bytes ? -1 : 1) : 0;
		break;
	case SO_COUNT_HOST:
	case SO_BYTES_HOST: {
		uint64_t va = sort_order == SO_COUNT_HOST ? a->count : a->bytes;
		uint64_t vb = sort_order == SO_COUNT_HOST ? b->count : b->bytes;
		c = va != vb ? (va > vb ? -1 : 1)
			     : cmp_bytes(sort_keys + x->off, x->len, sort_keys + y->off, y->len);
		break;
	}
	}
	return c ? c : cmp_bytes(a->key, a->klen, b->key, b->klen);
}

/* summary_sorted - the rows of t in order o, NULL-terminated (caller
 * frees the array) */
const struct srow **summary_sorted(const struct stab *t, enum sum_order o)
{
	struct sortent *v = xmalloc((t->n + 1) * sizeof *v);
	struct buf keys = {0};
	for (size_t i = 0; i < t->n; i++) {
		v[i].r = &t->rows[i];
		v[i].off = keys.n;
		if (o == SO_COUNT_HOST || o == SO_BYTES_HOST)
			sk_normalize_host(span_make(t->rows[i].key, t->rows[i].klen), &keys);
		v[i].len = keys.n - v[i].off;
	}
	sort_order = o;
	sort_keys = keys.p ? keys.p : ""; /* no key text at all: not NULL + 0 */
	qsort(v, t->n, sizeof *v, cmp_rows);
	const struct srow **out = xmalloc((t->n + 1) * sizeof *out);
	for (size_t i = 0; i < t->n; i++)
		out[i] = v[i].r;
	out[t->n] = NULL;
	free(v);
	buf_free(&keys);
	return out;
}

/* summary_tab_total - the sum of the counts of a table's rows */
uint64_t summary_tab_total(const struct stab *t)
{
	uint64_t n = 0;
	for (size_t i = 0; i < t->n; i++)
		n += t->rows[i].count;
	return n;
}

/* summary_open_messages - messages seen by qmgr and not yet removed */
uint64_t summary_open_messages(const struct summary *s)
{
	uint64_t n = 0;
	for (const struct qent *e = s->lru_head; e; e = e->next)
		n += e->sized;
	return n;
}

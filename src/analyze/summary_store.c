/*
 * summary_store.c - what the summary counts into: the tables of
 * distinct keys, capped (summary.h) and nested for the details; the
 * per-queue-ID state, a hash with an LRU list for eviction; the delay
 * histograms; and the per-hour and per-day counters.
 */
#include "summary_internal.h"
#include "../util/xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- tables of distinct keys ---- */

/* summary_stab_init - an empty table of at most max keys */
void summary_stab_init(struct stab *t, size_t max, uint64_t *dropped)
{
	memset(t, 0, sizeof *t);
	t->max = max;
	t->dropped = dropped;
}

/* summary_stab_free - release a table and its nested tables */
void summary_stab_free(struct stab *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->rows[i].key);
		free(t->rows[i].val);
		if (t->rows[i].sub) {
			summary_stab_free(t->rows[i].sub);
			free(t->rows[i].sub);
		}
	}
	free(t->rows);
	free(t->idx);
	memset(t, 0, sizeof *t);
}

/* stab_rehash - grow the index to icap slots */
static void stab_rehash(struct stab *t, size_t icap)
{
	free(t->idx);
	t->idx = xcalloc(icap, sizeof *t->idx);
	t->icap = icap;
	for (size_t i = 0; i < t->n; i++) {
		size_t j = t->rows[i].h & (icap - 1);
		while (t->idx[j])
			j = (j + 1) & (icap - 1);
		t->idx[j] = (uint32_t)(i + 1);
	}
}

/* summary_stab_get - the row of key, created if absent; NULL when the table is
 * full (counted as dropped).  The pointer is valid until the next
 * insertion into the same table. */
struct srow *summary_stab_get(struct stab *t, struct span key)
{
	uint64_t h = span_hash(key);
	if (t->icap) {
		for (size_t j = h & (t->icap - 1); t->idx[j]; j = (j + 1) & (t->icap - 1)) {
			struct srow *r = &t->rows[t->idx[j] - 1];
			if (r->h == h && r->klen == key.n &&
			    (key.n == 0 || memcmp(r->key, key.p, key.n) == 0))
				return r;
		}
	}
	if (t->n >= t->max || (t->pool && *t->pool >= t->pool_max)) {
		(*t->dropped)++;
		return NULL;
	}
	if (t->pool)
		(*t->pool)++;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->rows = xrealloc(t->rows, t->cap * sizeof *t->rows);
	}
	if ((t->n + 1) * 2 > t->icap)
		stab_rehash(t, t->icap ? t->icap * 2 : 32);
	struct srow *r = &t->rows[t->n];
	memset(r, 0, sizeof *r);
	r->key = xmalloc(key.n + 1);
	if (key.n)
		memcpy(r->key, key.p, key.n);
	r->key[key.n] = '\0';
	r->klen = key.n;
	r->h = h;
	size_t j = h & (t->icap - 1);
	while (t->idx[j])
		j = (j + 1) & (t->icap - 1);
	t->idx[j] = (uint32_t)(++t->n);
	return r;
}

/* stab_sub - the nested table of a row, created on first use */
static struct stab *stab_sub(struct srow *r, const struct stab *parent)
{
	if (!r->sub) {
		r->sub = xmalloc(sizeof *r->sub);
		summary_stab_init(r->sub, SUM_MAX_DETAIL, parent->dropped);
		r->sub->pool = parent->pool;
		r->sub->pool_max = parent->pool_max;
	}
	return r->sub;
}

/* summary_count2 - ++t{k1}{k2}, keeping the total on the k1 row */
void summary_count2(struct stab *t, struct span k1, struct span k2)
{
	struct srow *r = summary_stab_get(t, k1);
	if (!r)
		return;
	r->count++;
	struct srow *r2 = summary_stab_get(stab_sub(r, t), k2);
	if (r2)
		r2->count++;
}

/* summary_count3 - ++t{k1}{k2}{k3} */
void summary_count3(struct stab *t, struct span k1, struct span k2, struct span k3)
{
	struct srow *r = summary_stab_get(t, k1);
	if (!r)
		return;
	r->count++;
	summary_count2(stab_sub(r, t), k2, k3);
}

/* ---- the queue ID table ---- */

/* q_unlink - take e out of the LRU list */
static void q_unlink(struct summary *s, struct qent *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		s->lru_head = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		s->lru_tail = e->prev;
	e->prev = e->next = NULL;
}

/* q_append - put e at the most recently used end */
static void q_append(struct summary *s, struct qent *e)
{
	e->prev = s->lru_tail;
	e->next = NULL;
	if (s->lru_tail)
		s->lru_tail->next = e;
	else
		s->lru_head = e;
	s->lru_tail = e;
}

/* summary_q_free - forget one queue ID */
void summary_q_free(struct summary *s, struct qent *e)
{
	struct qent **pp = &s->qbuckets[e->h & (s->nqbuckets - 1)];
	while (*pp != e)
		pp = &(*pp)->hnext;
	*pp = e->hnext;
	q_unlink(s, e);
	free(e->rcvd_from);
	free(e->sasl);
	free(e->from);
	free(e);
	s->nq--;
}

/* q_grow - double the hash buckets */
static void q_grow(struct summary *s)
{
	size_t nb = s->nqbuckets * 2;
	struct qent **b = xcalloc(nb, sizeof *b);
	for (size_t i = 0; i < s->nqbuckets; i++) {
		struct qent *e = s->qbuckets[i], *next;
		for (; e; e = next) {
			next = e->hnext;
			e->hnext = b[e->h & (nb - 1)];
			b[e->h & (nb - 1)] = e;
		}
	}
	free(s->qbuckets);
	s->qbuckets = b;
	s->nqbuckets = nb;
}

/* summary_q_get - the state of a queue ID; created when create is set (evicting
 * the least recently used one when the table is full) */
struct qent *summary_q_get(struct summary *s, struct span qid, bool create)
{
	if (!qid.n)
		return NULL;
	if (qid.n > SUM_QID_LEN) {
		if (create)
			s->dropped.qid_too_long++;
		return NULL;
	}
	uint64_t h = span_hash(qid);
	for (struct qent *e = s->qbuckets[h & (s->nqbuckets - 1)]; e; e = e->hnext) {
		if (e->h == h && e->qlen == qid.n && memcmp(e->qid, qid.p, qid.n) == 0) {
			q_unlink(s, e);
			q_append(s, e);
			return e;
		}
	}
	if (!create)
		return NULL;
	if (s->nq >= SUM_MAX_QIDS) {
		s->dropped.qids++;
		summary_q_free(s, s->lru_head);
	}
	if (s->nq + 1 > s->nqbuckets)
		q_grow(s);
	struct qent *e = xcalloc(1, sizeof *e);
	memcpy(e->qid, qid.p, qid.n);
	e->qlen = qid.n;
	e->h = h;
	e->size = -1;
	e->hnext = s->qbuckets[h & (s->nqbuckets - 1)];
	s->qbuckets[h & (s->nqbuckets - 1)] = e;
	q_append(s, e);
	s->nq++;
	return e;
}

/* ---- numbers ---- */

/* summary_parse_secs - a Postfix delay ("0.28", "39", "1.2e+02"); -1 if not one.
 * The log is untrusted: "1e999" or 400 digits would be infinite, and an
 * infinite delay makes every sum, mean and percentile (and the JSON) bad;
 * a value is always finite and at most SUM_SECS_MAX. */
double summary_parse_secs(struct span v)
{
	size_t i = 0;
	double x = 0, scale = 1;
	bool digits = false;
	while (i < v.n && v.p[i] >= '0' && v.p[i] <= '9') {
		x = x * 10 + (v.p[i++] - '0');
		digits = true;
	}
	if (i < v.n && v.p[i] == '.') {
		i++;
		while (i < v.n && v.p[i] >= '0' && v.p[i] <= '9') {
			scale /= 10;
			x += (v.p[i++] - '0') * scale;
			digits = true;
		}
	}
	if (!digits)
		return -1;
	if (i < v.n && (v.p[i] == 'e' || v.p[i] == 'E')) {
		i++;
		int sign = 1, e = 0;
		if (i < v.n && (v.p[i] == '+' || v.p[i] == '-'))
			sign = v.p[i++] == '-' ? -1 : 1;
		while (i < v.n && v.p[i] >= '0' && v.p[i] <= '9' && e < 400)
			e = e * 10 + (v.p[i++] - '0');
		if (x != 0) /* 0 * 10^999 would be 0 * inf: NaN */
			x *= pow(10, sign * e);
	}
	if (i != v.n)
		return -1;
	return isfinite(x) && x <= SUM_SECS_MAX ? x : SUM_SECS_MAX;
}

/* hist_bucket - the bucket of v seconds */
static size_t hist_bucket(double v)
{
	if (v <= 0)
		return 0;
	if (v <= 1e-3)
		return 1;
	double k = floor(20 * log10(v / 1e-3));
	if (k < 0)
		k = 0;
	if (k > SUM_HIST_BUCKETS - 3)
		k = SUM_HIST_BUCKETS - 3;
	return 2 + (size_t)k;
}

/* summary_hist_add - count one value */
void summary_hist_add(struct shist *h, double v)
{
	size_t i = hist_bucket(v);
	h->b[i]++;
	if (v > h->bmax[i])
		h->bmax[i] = v;
	h->n++;
	h->sum += v;
	if (v > h->max)
		h->max = v;
}

/* summary_percentile - the p-th percentile (0..1) of a histogram: the
 * largest value seen in its bucket (at most 12% above the exact one) */
double summary_percentile(const struct shist *h, double p)
{
	if (!h->n)
		return 0;
	uint64_t rank = (uint64_t)ceil(p * (double)h->n), cum = 0;
	if (rank < 1)
		rank = 1;
	for (size_t i = 0; i < SUM_HIST_BUCKETS; i++) {
		cum += h->b[i];
		if (cum >= rank)
			return h->bmax[i];
	}
	return h->max;
}

/* summary_pct - pflogsumm's int(part / (a + b + c) * 100) */
uint64_t summary_pct(uint64_t part, uint64_t a, uint64_t b, uint64_t c)
{
	uint64_t total = a + b + c;
	return total ? (uint64_t)((double)part / (double)total * 100) : 0;
}

/* ---- time ---- */

/* summary_local_secs - the line's time as written: seconds in its own offset */
int64_t summary_local_secs(struct stamp t)
{
	int64_t sec = t.us / 1000000;
	if (t.us % 1000000 < 0)
		sec--;
	return sec + (int64_t)t.tzoff * 60;
}

/* summary_day_row - the per-day counters of a day, NULL when over the cap; the
 * rows are kept in date order */
struct sday *summary_day_row(struct summary *s, int64_t day)
{
	for (size_t i = s->ndays; i > 0; i--)
		if (s->days[i - 1].day == day)
			return &s->days[i - 1];
	if (s->ndays >= SUM_MAX_DAYS) {
		s->dropped.days++;
		return NULL;
	}
	if (s->ndays == s->capdays) {
		s->capdays = s->capdays ? s->capdays * 2 : 8;
		s->days = xrealloc(s->days, s->capdays * sizeof *s->days);
	}
	size_t at = s->ndays;           /* kept in date order: writers only read */
	while (at > 0 && s->days[at - 1].day > day)
		at--;
	memmove(&s->days[at + 1], &s->days[at], (s->ndays - at) * sizeof *s->days);
	s->ndays++;
	struct sday *d = &s->days[at];
	memset(d, 0, sizeof *d);
	d->day = day;
	return d;
}

/* summary_bump - one more of kind k in the hour and the day of the line */
void summary_bump(struct summary *s, const struct logline *l, int k)
{
	int64_t t = summary_local_secs(l->ts);
	int64_t day = t / 86400 - (t % 86400 < 0);
	int64_t sod = t - day * 86400;
	s->hour[sod / 3600][k]++;
	struct sday *d = summary_day_row(s, day);
	if (d)
		d->n[k]++;
}

/* summary_day_traffic - did day d see any mail (received ... rejected);
 * the per-day tables list only those days */
bool summary_day_traffic(const struct sday *d)
{
	uint64_t any = 0;
	for (int k = 0; k < SD__N; k++)
		any |= d->n[k];
	return any != 0;
}

/* summary_days_seen - days with Postfix lines: pflogsumm's divisor */
unsigned summary_days_seen(const struct summary *s)
{
	return (unsigned)s->ndays;
}

/*
 * campaign.c - clients that act alike grouped into campaigns (see
 * campaign.h): first the distributed password guessing (many addresses,
 * few SASL failures each), then, for the other hostile and nuisance
 * clients, the similarity key (usernames tried, HELO name, network)
 * that the most clients share.
 *
 * The grouping sorts (key hash, client) pairs rather than keeping a
 * table per key: a few words per client, freed at the end.  Key hashes
 * are 64 bits with the verdict and the kind of key mixed in; two keys
 * that collided would make one campaign of two (at 2^-64 a pair).
 */
#include "campaign.h"
#include "../util/radix.h"
#include "../util/span.h"
#include "../util/xalloc.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ckey {
	uint64_t h;
	uint32_t i;             /* clist index */
	uint8_t kind;
};

/* mix - a 64-bit finaliser (splitmix64) */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* key_hash - a key's value with its kind and the client's verdict */
static uint64_t key_hash(uint64_t v, enum campaign_kind k, enum verdict verdict)
{
	return mix(v ^ mix((uint64_t)k << 8 | (uint64_t)verdict));
}

/* net_hash - the client's /24 (IPv4) or /64 (IPv6); false for a text address */
static bool net_hash(const struct client *c, uint64_t *h)
{
	if (c->kind == CA_V4) {
		*h = mix((uint64_t)c->addr[12] << 16 | (uint64_t)c->addr[13] << 8 | c->addr[14]);
		return true;
	}
	if (c->kind == CA_V6) {
		uint64_t v = 0;
		for (int i = 0; i < 8; i++)
			v = v << 8 | c->addr[i];
		*h = mix(v ^ 0x6464ULL);
		return true;
	}
	return false;
}

/* users_hash - the set of usernames c tried, order-blind; false when
 * the log named none or the set was not kept whole */
static bool users_hash(const struct analysis *a, const struct client *c, uint64_t *h)
{
	if ((c->flags & CF_TRIED_ONE) && !(c->flags & CF_TRIED_MANY)) {
		*h = mix(c->tried_hash);
		return true;
	}
	const struct client_detail *d = client_detail(a, c);
	if (!(c->flags & CF_TRIED_MANY) || !d || d->tried_dropped || (c->flags & CF_DETAIL_LOST))
		return false;
	uint64_t v = 0;
	for (uint32_t i = 0; i < d->ntried; i++)
		v += mix(span_hash(span_of(d->tried[i].name)));
	*h = mix(v ^ d->ntried);
	return true;
}

/* candidate - a client that can be part of a campaign: hostile or a
 * nuisance (alarms are told one by one), with an address */
static bool candidate(const struct client *c)
{
	int sev = verdict_severity(c->verdict);
	return (sev == 2 || sev == 3) && !client_is_placeholder(c);
}

/* slow_auth - a password guesser that stayed under per-address limits */
static bool slow_auth(const struct client *c)
{
	return c->verdict == V_AUTH_BRUTEFORCE && c->auth_failures <= CAMPAIGN_SLOW_MAX;
}


/* campaign_new - one more campaign of kind k */
static struct campaign *campaign_new(struct campaigns *cs, size_t *cap, enum campaign_kind k,
				     enum verdict v)
{
	if (cs->n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		cs->list = xrealloc(cs->list, *cap * sizeof *cs->list);
	}
	struct campaign *c = &cs->list[cs->n++];
	memset(c, 0, sizeof *c);
	c->kind = k;
	c->verdict = v;
	return c;
}

/* group_keys - the similarity keys of the clients left: each joins the
 * key most of them share, if CAMPAIGN_MIN or more do */
static void group_keys(struct campaigns *cs, size_t *cap, const struct analysis *a)
{
	struct ckey *keys = xcalloc(3 * a->nclist + 1, sizeof *keys);
	size_t nk = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		if (cs->member[i] || !candidate(c))
			continue;
		uint64_t h;
		if (users_hash(a, c, &h))
			keys[nk++] = (struct ckey){key_hash(h, CK_USERNAMES, c->verdict), (uint32_t)i, CK_USERNAMES};
		const struct client_detail *d = client_detail(a, c);
		if (d && d->nhelo && d->helo[0].name)
			keys[nk++] = (struct ckey){key_hash(span_hash(span_of(d->helo[0].name)), CK_HELO, c->verdict),
						   (uint32_t)i, CK_HELO};
		if (net_hash(c, &h))
			keys[nk++] = (struct ckey){key_hash(h, CK_NETWORK, c->verdict), (uint32_t)i, CK_NETWORK};
	}
	/* by key, then client: the keys were made in client order, and the
	 * sort by key keeps that order among equal keys */
	radix_sort(keys, nk, sizeof *keys, offsetof(struct ckey, h), sizeof keys->h);
	/* each client's best key: the most shared, then the first kind */
	uint64_t *best = xcalloc(a->nclist + 1, sizeof *best);
	uint32_t *best_n = xcalloc(a->nclist + 1, sizeof *best_n);
	uint8_t *best_k = xcalloc(a->nclist + 1, 1);
	for (size_t r = 0; r < nk;) {
		size_t e = r;
		while (e < nk && keys[e].h == keys[r].h)
			e++;
		uint32_t n = (uint32_t)(e - r);
		for (size_t j = r; n >= CAMPAIGN_MIN && j < e; j++) {
			uint32_t i = keys[j].i;
			if (n > best_n[i] || (n == best_n[i] && keys[j].kind < best_k[i])) {
				best[i] = keys[j].h;
				best_n[i] = n;
				best_k[i] = keys[j].kind;
			}
		}
		r = e;
	}
	/* the campaigns: runs of a key whose clients chose it, CAMPAIGN_MIN or more */
	for (size_t r = 0; r < nk;) {
		size_t e = r, n = 0;
		while (e < nk && keys[e].h == keys[r].h) {
			n += best_n[keys[e].i] && best[keys[e].i] == keys[e].h;
			e++;
		}
		if (n >= CAMPAIGN_MIN) {
			const struct client *first = a->clist[keys[r].i];
			campaign_new(cs, cap, keys[r].kind, first->verdict);
			uint32_t no = (uint32_t)cs->n;
			for (size_t j = r; j < e; j++) {
				uint32_t i = keys[j].i;
				if (best_n[i] && best[i] == keys[j].h && !cs->member[i])
					cs->member[i] = no;
			}
		}
		r = e;
	}
	free(best);
	free(best_n);
	free(best_k);
	free(keys);
}

struct uref {
	uint32_t campaign;
	uint32_t count;
	uint64_t h;
	char *name;
};

static int cmp_uref(const void *x, const void *y)
{
	const struct uref *p = x, *q = y;
	if (p->campaign != q->campaign)
		return p->campaign < q->campaign ? -1 : 1;
	if (p->h != q->h)
		return p->h < q->h ? -1 : 1;
	return strcmp(p->name, q->name);
}

struct netref {
	uint32_t campaign;
	uint64_t h;
};

static int cmp_netref(const void *x, const void *y)
{
	const struct netref *p = x, *q = y;
	if (p->campaign != q->campaign)
		return p->campaign < q->campaign ? -1 : 1;
	return p->h < q->h ? -1 : p->h > q->h;
}

/* add_top - a username into a campaign's most tried, most first, then by name */
static void add_top(struct campaign *c, char *name, uint32_t count)
{
	uint32_t at = c->ntop;
	while (at > 0 && (c->top[at - 1].count < count ||
			  (c->top[at - 1].count == count && strcmp(c->top[at - 1].name, name) > 0)))
		at--;
	if (at >= CAMPAIGN_USERS)
		return;
	uint32_t n = c->ntop < CAMPAIGN_USERS ? c->ntop : CAMPAIGN_USERS - 1;
	memmove(&c->top[at + 1], &c->top[at], (n - at) * sizeof c->top[0]);
	c->top[at] = (struct campaign_user){name, count};
	if (c->ntop < CAMPAIGN_USERS)
		c->ntop++;
}

/* cmp_u64 - bsearch of network hashes */
static int cmp_u64(const void *x, const void *y)
{
	uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
	return p < q ? -1 : p > q;
}

/* shared_networks - for the campaigns whose addresses crowd into a few
 * networks (campaign_crowded), those networks that
 * hold a client outside every campaign that "ban" would not list: no
 * network to ban (ban --aggregate keeps it apart likewise).  The other
 * clients' networks are gathered only when such a campaign exists */
static void shared_networks(struct campaigns *cs, const struct analysis *a, const struct netref *nets, size_t nnet)
{
	bool any = false;
	for (size_t k = 0; k < cs->n; k++)
		any |= campaign_crowded(&cs->list[k]);
	if (!any)
		return;
	uint64_t *other = xcalloc(a->nclist + 1, sizeof *other);
	size_t nother = 0;
	for (size_t i = 0; i < a->nclist; i++) {
		uint64_t h;
		if (!cs->member[i] && !verdict_row(a->clist[i]->verdict)->ban && net_hash(a->clist[i], &h))
			other[nother++] = h;
	}
	radix_sort(other, nother, sizeof *other, 0, sizeof *other);
	for (size_t j = 0; j < nnet; j++) {
		struct campaign *k = &cs->list[nets[j].campaign - 1];
		bool first = !j || nets[j].campaign != nets[j - 1].campaign || nets[j].h != nets[j - 1].h;
		if (first && campaign_crowded(k) &&
		    bsearch(&nets[j].h, other, nother, sizeof *other, cmp_u64))
			k->networks_shared++;
	}
	free(other);
}

/* figures - each campaign's population, span, attempts, networks and usernames */
static void figures(struct campaigns *cs, const struct analysis *a)
{
	struct netref *nets = xcalloc(cs->members + 1, sizeof *nets);
	size_t nnet = 0, nref = 0, refcap = 0;
	struct uref *refs = NULL;
	for (size_t i = 0; i < a->nclist; i++) {
		if (!cs->member[i])
			continue;
		uint32_t no = cs->member[i];
		struct campaign *k = &cs->list[no - 1];
		const struct client *c = a->clist[i];
		struct stamp f = client_first(c), l = client_last(c);
		if (!k->addresses || (f.us && (!k->first.us || f.us < k->first.us)))
			k->first = f;
		if (l.us > k->last.us)
			k->last = l;
		k->addresses++;
		k->sessions += c->sessions;
		uint32_t att = c->verdict == V_AUTH_BRUTEFORCE ? c->auth_failures : c->sessions;
		k->attempts += att;
		if (att > k->max_per_address)
			k->max_per_address = att;
		k->auth_fail_port25 += c->auth_fail_smtp;
		k->auth_fail_other += c->auth_fail_other;
		uint64_t h;
		if (net_hash(c, &h))
			nets[nnet++] = (struct netref){no, h};
		if (k->nsample < CAMPAIGN_SAMPLES) {
			const struct client_detail *d = client_detail(a, c);
			if (d && d->nevidence)
				k->sample[k->nsample++] = (uint32_t)i;
		}
		const struct client_detail *d = client_detail(a, c);
		if ((c->flags & (CF_TRIED_ONE | CF_TRIED_MANY)) &&
		    (!d || d->tried_dropped || (c->flags & CF_DETAIL_LOST)))
			k->users_partial = true;
		for (uint32_t j = 0; d && j < d->ntried; j++) {
			if (nref == refcap) {
				refcap = refcap ? refcap * 2 : 64;
				refs = xrealloc(refs, refcap * sizeof *refs);
			}
			uint32_t n = d->tried[j].from_postfix + d->tried[j].from_dovecot;
			refs[nref++] = (struct uref){no, n ? n : 1, span_hash(span_of(d->tried[j].name)),
						     d->tried[j].name};
		}
	}
	qsort(nets, nnet, sizeof *nets, cmp_netref);
	for (size_t j = 0; j < nnet; j++)
		if (!j || nets[j].campaign != nets[j - 1].campaign || nets[j].h != nets[j - 1].h)
			cs->list[nets[j].campaign - 1].networks++;
	shared_networks(cs, a, nets, nnet);
	free(nets);
	if (nref)
		qsort(refs, nref, sizeof *refs, cmp_uref);
	for (size_t r = 0; r < nref;) {
		size_t e = r;
		uint64_t n = 0;
		while (e < nref && refs[e].campaign == refs[r].campaign && refs[e].h == refs[r].h &&
		       !strcmp(refs[e].name, refs[r].name))
			n += refs[e++].count;
		struct campaign *k = &cs->list[refs[r].campaign - 1];
		k->nusers++;
		add_top(k, refs[r].name, n > UINT32_MAX ? UINT32_MAX : (uint32_t)n);
		r = e;
	}
	free(refs);
}

/* campaign_severity - a campaign's weight: its verdict's, password guessing
 * no address can be banned for counting as hostile */
int campaign_severity(const struct campaign *c)
{
	return c->kind == CK_SLOW_AUTH ? 3 : verdict_severity(c->verdict);
}

/* campaign_rate_per_hour - attempts per hour over its span (a span under a
 * minute counts as a minute) */
double campaign_rate_per_hour(const struct campaign *c)
{
	double s = (double)(c->last.us - c->first.us) / 1e6;
	if (s < 60)
		s = 60;
	return (double)c->attempts * 3600.0 / s;
}

static int cmp_campaign(const void *x, const void *y)
{
	const struct campaign *p = x, *q = y;
	int sp = campaign_severity(p), sq = campaign_severity(q);
	if (sp != sq)
		return sp > sq ? -1 : 1;
	if (p->addresses != q->addresses)
		return p->addresses > q->addresses ? -1 : 1;
	if (p->kind != q->kind)
		return p->kind < q->kind ? -1 : 1;
	return p->found < q->found ? -1 : p->found > q->found;
}

/* campaigns_find - the campaigns of an analysed log */
void campaigns_find(struct campaigns *cs, const struct analysis *a)
{
	memset(cs, 0, sizeof *cs);
	cs->nmember = a->nclist;
	cs->member = xcalloc(a->nclist + 1, sizeof *cs->member);
	size_t cap = 0, nslow = 0;
	for (size_t i = 0; i < a->nclist; i++)
		nslow += candidate(a->clist[i]) && slow_auth(a->clist[i]);
	if (nslow >= CAMPAIGN_MIN) {
		campaign_new(cs, &cap, CK_SLOW_AUTH, V_AUTH_BRUTEFORCE);
		for (size_t i = 0; i < a->nclist; i++)
			if (candidate(a->clist[i]) && slow_auth(a->clist[i]))
				cs->member[i] = 1;
	}
	group_keys(cs, &cap, a);
	for (size_t i = 0; i < a->nclist; i++)
		cs->members += !!cs->member[i];
	figures(cs, a);
	/* the key as text, from the first member */
	for (size_t i = 0; i < a->nclist; i++) {
		if (!cs->member[i])
			continue;
		struct campaign *k = &cs->list[cs->member[i] - 1];
		if (k->key[0] || k->kind == CK_SLOW_AUTH || k->kind == CK_USERNAMES)
			continue;
		const struct client *c = a->clist[i];
		const struct client_detail *d = client_detail(a, c);
		if (k->kind == CK_HELO && d && d->nhelo && d->helo[0].name)
			snprintf(k->key, sizeof k->key, "%s", d->helo[0].name);
		else if (k->kind == CK_NETWORK && c->kind == CA_V4)
			snprintf(k->key, sizeof k->key, "%u.%u.%u.0/24", c->addr[12], c->addr[13], c->addr[14]);
		else if (k->kind == CK_NETWORK && c->kind == CA_V6)
			snprintf(k->key, sizeof k->key, "%x:%x:%x:%x::/64", c->addr[0] << 8 | c->addr[1],
				 c->addr[2] << 8 | c->addr[3], c->addr[4] << 8 | c->addr[5],
				 c->addr[6] << 8 | c->addr[7]);
	}
	/* most serious first; the membership follows the new order */
	for (size_t i = 0; i < cs->n; i++)
		cs->list[i].found = (uint32_t)i;
	if (cs->n)
		qsort(cs->list, cs->n, sizeof *cs->list, cmp_campaign);
	uint32_t *renum = xcalloc(cs->n + 1, sizeof *renum);
	for (size_t i = 0; i < cs->n; i++)
		renum[cs->list[i].found] = (uint32_t)i + 1;
	for (size_t i = 0; i < a->nclist; i++)
		if (cs->member[i])
			cs->member[i] = renum[cs->member[i] - 1];
	free(renum);
	/* the members of each, by a counting sort */
	cs->start = xcalloc(cs->n + 2, sizeof *cs->start);
	cs->by = xcalloc(cs->members + 1, sizeof *cs->by);
	for (size_t i = 0; i < a->nclist; i++)
		if (cs->member[i])
			cs->start[cs->member[i]]++;
	for (size_t k = 1; k <= cs->n; k++)
		cs->start[k] += cs->start[k - 1];
	size_t *at = xcalloc(cs->n + 1, sizeof *at);
	memcpy(at, cs->start, cs->n * sizeof *at);
	for (size_t i = 0; i < a->nclist; i++)
		if (cs->member[i])
			cs->by[at[cs->member[i] - 1]++] = (uint32_t)i;
	free(at);
}

/* campaigns_free - everything campaigns_find allocated */
void campaigns_free(struct campaigns *cs)
{
	free(cs->list);
	free(cs->member);
	free(cs->by);
	free(cs->start);
	memset(cs, 0, sizeof *cs);
}

/* campaign_kind_id - the JSON id of a kind */
const char *campaign_kind_id(enum campaign_kind k)
{
	static const char *const id[] = {
#define X(e, s, w) [e] = s,
	    CAMPAIGN_KINDS(X)
#undef X
	};
	return k < CK__COUNT ? id[k] : "?";
}

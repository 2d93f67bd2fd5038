/*
 * fail2ban_count.c - what postsleuth counts for each fail2ban filter,
 * address by address (f2b_classify over every event), and the check of
 * fail2ban-regex's matches against those counts: equal per address, and
 * none on a client postsleuth calls legitimate.
 */
#include "fail2ban_rules.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char odd_tag[64];        /* an smtpd tag the filters' _daemon does not cover */

/* f2b_odd_tag - the first smtpd tag the filters' _daemon does not cover, or "" */
const char *f2b_odd_tag(void)
{
	return odd_tag;
}

/* f2b_count_event - count every event of each kind, per address */
void f2b_count_event(struct act_run *r, const struct event *ev)
{
	unsigned k = f2b_classify(ev);
	if (!k)
		return;
	if (!odd_tag[0] && !span_starts(ev->line->prog, "postfix")) {
		struct buf b = {0};
		buf_term(&b, span_cut(ev->line->prog, 40));
		struct span t = span_cut(buf_span(&b), sizeof odd_tag - 1);
		memcpy(odd_tag, t.p, t.n);
		odd_tag[t.n] = 0;
		buf_free(&b);
	}
	uint32_t *x = act_kinds(r, ev->client_ip);
	if (!x)
		return;
	for (unsigned i = 0; i < F2B__COUNT && i < ACT_KINDS; i++)
		if (k & (1u << i) && x[i] < UINT32_MAX)
			x[i]++;
}

/* f2b_alist_add - append one address with a count */
void f2b_alist_add(struct f2b_alist *l, const struct cidr *a, uint64_t n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n].a = *a;
	l->v[l->n].n = n;
	l->n++;
}

/* addr_count_cmp - by address */
static int addr_count_cmp(const void *x, const void *y)
{
	return cidr_cmp(&((const struct f2b_addr_count *)x)->a, &((const struct f2b_addr_count *)y)->a);
}

/* f2b_alist_fold - sort and merge equal addresses, adding their counts */
void f2b_alist_fold(struct f2b_alist *l)
{
	if (!l->n)
		return;
	qsort(l->v, l->n, sizeof *l->v, addr_count_cmp);
	size_t w = 0;
	for (size_t i = 1; i < l->n; i++) {
		if (cidr_cmp(&l->v[w].a, &l->v[i].a) == 0)
			l->v[w].n += l->v[i].n;
		else
			l->v[++w] = l->v[i];
	}
	l->n = w + 1;
}

/* f2b_alist_find - binary search */
const struct f2b_addr_count *f2b_alist_find(const struct f2b_alist *l, const struct cidr *a)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cidr_cmp(&l->v[mid].a, a);
		if (c == 0)
			return &l->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* f2b_ours_list - postsleuth's per-address counts of one kind (addresses
 * only: "unknown[]" lines are counted apart as unbannable) */
void f2b_ours_list(struct act_run *r, enum f2b_kind k, struct f2b_alist *l)
{
	for (size_t i = 0; i < r->a->nclist; i++) {
		const struct client *c = r->a->clist[i];
		uint32_t v = act_kind(r, c, k);
		if (!v)
			continue;
		struct cidr a;
		if (cidr_addr(client_addr(c).s, &a))
			f2b_alist_add(l, &a, v);
	}
	f2b_alist_fold(l);
}

/* f2b_spared - a verdict no filter may ban: the VERDICTS rows of the
 * admin's own clients and devices (the "own" column) */
bool f2b_spared(unsigned verdict)
{
	return verdict < V__COUNT && verdict_row((enum verdict)verdict)->own;
}

/* f2b_client_spared - a client no filter may ban: one of the admin's own
 * (f2b_spared), or one on this server's own network that postsleuth does
 * not accuse (a Docker gateway standing for every client, a test by
 * hand: conclude.c's own_front and own_unsure), or the proxy in front
 * that sent a PROXY header its service did not read (CD_PROXY_HEADER) */
bool f2b_client_spared(const struct client *c)
{
	if (f2b_spared(c->verdict))
		return true;
	/* the proxy in front (a PROXY header the service did not read) */
	if (c->diag_flags & CD_PROXY_HEADER)
		return true;
	if (c->verdict >= V__COUNT || verdict_row((enum verdict)c->verdict)->ban)
		return false;
	struct client_addr ip = client_addr(c);
	return cidr_own_network(ip.s, strlen(ip.s));
}

/* f2b_own_list - addresses of this server's own network that postsleuth
 * does not accuse (f2b_client_spared, not f2b_spared): a jail ignores
 * them (f2b_ignore_own) */
void f2b_own_list(struct act_run *r, struct f2b_alist *l)
{
	for (size_t i = 0; i < r->a->nclist; i++) {
		const struct client *c = r->a->clist[i];
		struct cidr a;
		if (!f2b_spared(c->verdict) && f2b_client_spared(c) && cidr_addr(client_addr(c).s, &a))
			f2b_alist_add(l, &a, 1);
	}
	f2b_alist_fold(l);
}

/* f2b_ignore_own - take the own-network addresses (f2b_own_list) out of
 * fail2ban-regex's matches: the jail names them in ignoreip, so that a
 * filter that also matches a Docker gateway's lines bans only the
 * others */
void f2b_ignore_own(struct f2b_check *c, struct f2b_alist *theirs, const struct f2b_alist *own)
{
	size_t k = 0, at = 0;
	c->ignoreip[0] = 0;
	for (size_t i = 0; i < theirs->n; i++) {
		if (!f2b_alist_find(own, &theirs->v[i].a)) {
			theirs->v[k++] = theirs->v[i];
			continue;
		}
		char t[CIDR_STRLEN];
		cidr_format(&theirs->v[i].a, t, sizeof t, false);
		int w = snprintf(c->ignoreip + at, sizeof c->ignoreip - at, "%s%s", at ? " " : "", t);
		if (w > 0 && (size_t)w < sizeof c->ignoreip - at)
			at += (size_t)w;
		else
			c->ignoreip[at] = 0; /* full: the rest stays out of the list */
	}
	theirs->n = k;
}

/* f2b_legit_list - addresses of the clients postsleuth calls legitimate
 * (or a user's device with an old password) */
void f2b_legit_list(struct act_run *r, struct f2b_alist *l)
{
	for (size_t i = 0; i < r->a->nclist; i++) {
		struct cidr a;
		if (f2b_spared(r->a->clist[i]->verdict) && cidr_addr(client_addr(r->a->clist[i]).s, &a))
			f2b_alist_add(l, &a, 1);
	}
	f2b_alist_fold(l);
}

/* f2b_compare - fill the check from both lists */
void f2b_compare(struct f2b_check *c, const struct f2b_alist *ours, const struct f2b_alist *theirs,
		    const struct f2b_alist *legit)
{
	c->theirs = 0;
	c->addrs_theirs = theirs->n;
	for (size_t i = 0; i < theirs->n; i++) {
		c->theirs += theirs->v[i].n;
		const struct f2b_addr_count *o = f2b_alist_find(ours, &theirs->v[i].a);
		if (!o || o->n != theirs->v[i].n) {
			if (!c->mismatched) {
				char t[CIDR_STRLEN];
				cidr_format(&theirs->v[i].a, t, sizeof t, false);
				snprintf(c->mismatch_example, sizeof c->mismatch_example,
					 "%s: postsleuth %llu, fail2ban %llu", t,
					 (unsigned long long)(o ? o->n : 0),
					 (unsigned long long)theirs->v[i].n);
			}
			c->mismatched++;
		}
		if (f2b_alist_find(legit, &theirs->v[i].a)) {
			if (!c->legit_hits)
				cidr_format(&theirs->v[i].a, c->legit_example, sizeof c->legit_example,
					    false);
			c->legit_hits += theirs->v[i].n;
			if (theirs->v[i].n > c->legit_max)
				c->legit_max = theirs->v[i].n;
		}
	}
	for (size_t i = 0; i < ours->n; i++) {
		if (f2b_alist_find(theirs, &ours->v[i].a))
			continue;
		if (!c->mismatched) {
			char t[CIDR_STRLEN];
			cidr_format(&ours->v[i].a, t, sizeof t, false);
			snprintf(c->mismatch_example, sizeof c->mismatch_example,
				 "%s: postsleuth %llu, fail2ban 0", t, (unsigned long long)ours->v[i].n);
		}
		c->mismatched++;
	}
	/* a tolerant filter's legitimate matches stay below maxretry: the
	 * jail cannot ban that client on this log */
	bool legit_ok = !c->legit_hits ||
			(c->f && c->f->tolerant && c->legit_max < (uint64_t)c->f->maxretry);
	c->verified = !c->mismatched && legit_ok && !c->garbage && c->theirs == c->ours;
}

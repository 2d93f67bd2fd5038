/*
 * test_sort_clients.c - analysis_finish's list of clients (conclude.c's
 * sort_clients, by radix passes since speed18, a run of one severity and
 * session count that holds a client other than IPv4 sorted again by the
 * comparison) in the order of the former comparison, kept here: most
 * serious verdict first, then most sessions, then the address texts'
 * order (client_cmp_addr).  Clients of IPv4, IPv6 and text addresses
 * mixed, their session counts drawn from few values (many ties) and
 * their counters set so that the verdicts differ; also after
 * analysis_relay_abusers sorts the list again.
 */
#include "tap.h"
#include "analyze/analysis.h"
#include "analyze/verdicts.h"

#include <stdio.h>
#include <stdlib.h>

static uint64_t rnd_state = 0x1F2E3D4C5B6A7988ULL;

/* before - the former order of two clients */
static int before(const struct client *p, const struct client *q)
{
	int sp = verdict_severity(p->verdict), sq = verdict_severity(q->verdict);
	if (sp != sq)
		return sp > sq ? -1 : 1;
	if (p->sessions != q->sessions)
		return p->sessions > q->sessions ? -1 : 1;
	return client_cmp_addr(p, q);
}

/* in_order - every neighbour pair of a->clist in the former order, and
 * every client listed */
static bool in_order(const struct analysis *a, size_t n)
{
	if (a->nclist != n)
		return false;
	for (size_t i = 1; i < a->nclist; i++)
		if (before(a->clist[i - 1], a->clist[i]) >= 0)
			return false;
	return true;
}

TEST(sort_clients_former_order)
{
	for (int round = 0; round < 6; round++) {
		struct analysis *a = analysis_new();
		size_t n = round < 2 ? 30 + (size_t)round * 7 : 600 + (size_t)round * 400;
		char ip[64];
		char (*ips)[64] = calloc(n, sizeof *ips);
		size_t made = 0;
		for (size_t i = 0; i < n; i++) {
			uint64_t r = tap_rnd(&rnd_state);
			int kind = round == 5 ? 0 : (int)(r % 10); /* round 5: IPv4 only */
			if (kind < 7)
				snprintf(ip, sizeof ip, "%u.%u.%u.%u", (unsigned)(r >> 8) % 3 * 100,
					 (unsigned)(r >> 16) % 256, (unsigned)(r >> 24) % 256, (unsigned)(r >> 32) % 256);
			else if (kind < 9)
				snprintf(ip, sizeof ip, "2001:db8:%x::%x", (unsigned)(r >> 8) % 4096,
					 (unsigned)(r >> 24) % 65536);
			else
				snprintf(ip, sizeof ip, "host%u.example", (unsigned)(r >> 8) % 100000);
			struct client *c = analysis_client(a, ip);
			if (!c) {
				c = spillvec_at(&a->clients, analysis_client_get(a, span_of(ip)));
				snprintf(ips[made++], sizeof ips[0], "%s", ip);
			}
			c->sessions += (uint32_t)(r >> 40) % 4;
			if ((r >> 44) % 3 == 0)
				c->rejects += 3;
			if ((r >> 46) % 5 == 0)
				c->auth_failures += 20, c->auth_fail_smtp = 1;
		}
		analysis_finish(a);
		int sev[8] = {0};
		for (size_t i = 0; i < a->nclist; i++)
			sev[verdict_severity(a->clist[i]->verdict) & 7]++;
		int kinds = 0;
		for (int k = 0; k < 8; k++)
			kinds += sev[k] > 0;
		if (!in_order(a, made))
			test_fail(__FILE__, __LINE__, "round %d: %zu clients not in the former order", round, made);
		if (round >= 2 && kinds < 2)
			test_fail(__FILE__, __LINE__, "round %d: one severity only, the test tests little", round);
		/* some made relay abusers: the list sorted again */
		const char *ab[40];
		size_t nab = 0;
		for (size_t i = 0; i < made && nab < 40; i += 7)
			ab[nab++] = ips[i];
		analysis_relay_abusers(a, ab, nab);
		if (!in_order(a, made))
			test_fail(__FILE__, __LINE__, "round %d: not in the former order after relay abusers", round);
		free(ips);
		analysis_free(a);
	}
}

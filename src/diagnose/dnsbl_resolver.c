/*
 * dnsbl_resolver.c - DNS blocklists that time out together: postscreen's
 * "dnsblog reply timeout Ns for LIST" and dnsblog's "lookup error for DNS
 * query NAME" (dnsbl-reply-timeout, one group per list) of three or more
 * different lists within one minute are not the lists' doing but this
 * host's resolver's (a bundle's resolver container that does not answer):
 * every such group becomes dnsbl-lookups-all-time-out.  One list slow
 * now and then, or two, stay as they were.
 */
#include "diagnose.h"
#include "diag_internal.h"

#include <string.h>

enum { DNSBL_BURST_LISTS = 3 };
#define DNSBL_BURST_US INT64_C(60000000)

/* diag_dnsbl_note - one timeout of a list: remembered with its time (a
 * line without a time counts as the same moment as the others without,
 * as in a pasted excerpt); the burst found when the remembered timeouts
 * of the last minute name three lists */
void diag_dnsbl_note(struct diag *d, const struct event *ev, const char *list)
{
	size_t cap = sizeof d->dnsbl_list / sizeof d->dnsbl_list[0];
	if (d->dnsbl_burst || !list || !list[0])
		return;
	int64_t us = ev->line->format == FMT_NOTIME ? 0 : ev->line->ts.us;
	uint64_t h = span_hash(span_of(list));
	d->dnsbl_list[d->ndnsbl % cap] = h;
	d->dnsbl_us[d->ndnsbl % cap] = us;
	d->ndnsbl++;
	uint64_t seen[DNSBL_BURST_LISTS];
	size_t nseen = 0;
	size_t n = d->ndnsbl < cap ? d->ndnsbl : cap;
	for (size_t i = 0; i < n && nseen < DNSBL_BURST_LISTS; i++) {
		int64_t dt = us - d->dnsbl_us[i];
		if (dt < 0)
			dt = -dt;
		if (dt > DNSBL_BURST_US)
			continue;
		bool dup = false;
		for (size_t j = 0; j < nseen; j++)
			dup |= seen[j] == d->dnsbl_list[i];
		if (!dup)
			seen[nseen++] = d->dnsbl_list[i];
	}
	if (nseen >= DNSBL_BURST_LISTS)
		d->dnsbl_burst = true;
}

/* diag_dnsbl_resolver - after a burst, every blocklist's timeout group is
 * told as the resolver's, keyed by its list as before (an alias for
 * explain) */
void diag_dnsbl_resolver(struct diag *d)
{
	if (!d->dnsbl_burst)
		return;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if (g->id != F_IN_DNSBL_TIMEOUT)
			continue;
		/* explain finds the timeout's lines in the relabelled group */
		diag_alias_add(d, g->id, g->key, g, NULL);
		diag_group_relabel(d, g, F_IN_DNSBL_RESOLVER, g->key);
	}
}

/*
 * greylist_retries.c - greylisting that refuses the same mail again at
 * its retry.  A greylisting refusal (F_IN_GREYLISTING) of a sender and
 * recipient that were refused that way ten minutes or more before is no
 * longer a first delay: the greylist did not record the first try (its
 * database unwritable, lost or not shared between the servers), its
 * delay is longer than the sender's retries, or the sender retries from
 * other addresses of its pool while the greylist keys on the address.
 * Such a refusal becomes greylisting-refuses-retries.  Recent pairs are
 * kept in a fixed table, direct-mapped by a hash of sender and
 * recipient: memory does not grow with the log, and a pair pushed out by
 * another is met anew (a first delay again).
 */
#include "diag_internal.h"

#include <string.h>

/* a retry refused this long after the first refusal is past the usual
 * greylisting delays (postgrey, sqlgrey and rspamd: 5 minutes) */
#define GREY_RETRY_US (INT64_C(600) * 1000000)

/* pair_hash - sender and recipient, never 0 (0 marks an empty slot) */
static uint64_t pair_hash(const struct event *ev)
{
	return span_hash_seed(ev->to, span_hash(ev->from)) | 1;
}

/* greylisted - a greylisting refusal naming its recipient */
static bool greylisted(const struct event *ev, const struct diag_hit *hit)
{
	return hit->id == F_IN_GREYLISTING && ev->to.n;
}

/* diag_greylist_note - remember when a pair was first greylisted */
void diag_greylist_note(struct diag *d, const struct event *ev, const struct diag_hit *hit)
{
	if (!greylisted(ev, hit))
		return;
	uint64_t h = pair_hash(ev);
	struct diag_grey *g = &d->grey[h % DIAG_GREY_PAIRS];
	if (g->h != h || ev->line->ts.us < g->first_us) {
		if (g->h != h)
			g->h = h;
		g->first_us = ev->line->ts.us;
	}
}

/* diag_greylist_take - a greylisting refusal of a pair first refused
 * GREY_RETRY_US or more before: the greylist keeps refusing its retries */
void diag_greylist_take(const struct diag *d, const struct event *ev, struct diag_hit *hit)
{
	if (!greylisted(ev, hit))
		return;
	uint64_t h = pair_hash(ev);
	const struct diag_grey *g = &d->grey[h % DIAG_GREY_PAIRS];
	if (g->h != h || ev->line->ts.us - g->first_us < GREY_RETRY_US)
		return;
	hit->id = F_IN_GREYLIST_RETRIES;
	struct span from = ev->from;
	ptrdiff_t at = span_rchr(from, '@');
	diag_copy_key(hit->key, at >= 0 ? span_skip(from, (size_t)at + 1) : span_of("<>"));
	diag_copy_key(hit->subject, ev->client_ip);
}

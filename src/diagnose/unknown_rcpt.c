/*
 * unknown_rcpt.c - one address of this server refused as unknown to
 * several real mail servers: smtpd's "Recipient address rejected: User
 * unknown in ... table" for the same recipient, from three or more
 * clients whose names DNS confirms (or two, one of them a large
 * provider's server).  Different people wrote to it through their own
 * providers, so the address is in use out there and most likely missing
 * from a lookup table here (virtual_mailbox_maps, local_recipient_maps,
 * relay_recipient_maps, virtual_alias_maps).  A harvester tries many
 * addresses from one client and never gathers such a recipient; spam to
 * a dead address mostly comes from unnamed bots.
 *
 * Memory is bounded: DIAG_UNKNOWN_RCPTS recipients, each with a capped
 * set of clients; when full, a recipient seen from one client only gives
 * its place up, in turn.
 */
#include "diag_internal.h"
#include "../parse/provider.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UNKNOWN_CLIENTS = 3, UNKNOWN_CLIENTS_PROVIDER = 2 };

/* lower_rcpt - a recipient lowered into buf (DIAG_KEY_MAX), or false
 * when too long to keep */
static bool lower_rcpt(struct span to, char *buf)
{
	if (!to.n || to.n >= DIAG_KEY_MAX)
		return false;
	for (size_t i = 0; i < to.n; i++) {
		unsigned char c = (unsigned char)to.p[i];
		buf[i] = c < 0x20 || c == 0x7f ? '?' : (char)tolower(c);
	}
	buf[to.n] = 0;
	return true;
}

/* is_unknown_user - smtpd's refusal of a recipient its tables do not know */
static bool is_unknown_user(const struct event *ev)
{
	return ev->type == EV_REJECT && ev->to.n &&
	       span_index(ev->reason, "Recipient address rejected: User unknown") >= 0;
}

/* slot_for - the record of a recipient, made (or taken over) on first use */
static struct diag_unknown *slot_for(struct diag *d, const char *rcpt)
{
	for (uint32_t i = 0; i < d->nunknown; i++)
		if (!strcmp(d->unknown[i].rcpt, rcpt))
			return &d->unknown[i];
	struct diag_unknown *u = NULL;
	if (d->nunknown < DIAG_UNKNOWN_RCPTS) {
		u = &d->unknown[d->nunknown++];
	} else {
		for (uint32_t k = 0; k < DIAG_UNKNOWN_RCPTS && !u; k++) {
			struct diag_unknown *c = &d->unknown[(d->unknown_next + k) % DIAG_UNKNOWN_RCPTS];
			if (strset_len(&c->clients) < 2)
				u = c;
		}
		d->unknown_next = (d->unknown_next + 1) % DIAG_UNKNOWN_RCPTS;
		if (!u)
			return NULL;
		strset_free(&u->clients);
		for (uint32_t j = 0; j < u->nsample; j++)
			free(u->sample[j]);
	}
	memset(u, 0, sizeof *u);
	snprintf(u->rcpt, sizeof u->rcpt, "%s", rcpt);
	strset_init(&u->clients, 16);
	return u;
}

/* diag_unknown_event - a refusal of an unknown recipient from a client
 * whose name DNS confirmed (Postfix writes "unknown" otherwise) */
void diag_unknown_event(struct diag *d, const struct event *ev)
{
	char rcpt[DIAG_KEY_MAX];
	if (!is_unknown_user(ev) || !ev->client_name.n || span_eqs(ev->client_name, "unknown") ||
	    !lower_rcpt(ev->to, rcpt))
		return;
	struct diag_unknown *u = slot_for(d, rcpt);
	if (!u)
		return;
	strset_add(&u->clients, ev->client_ip);
	u->provider |= provider_name(ev->client_name) != NULL;
	u->lines++;
	diag_line_time(&u->first, &u->last, ev->line);
	if (u->nsample < DIAG_SAMPLES)
		u->sample[u->nsample++] = diag_sample_copy(ev->line, d->show_secrets);
}

/* diag_unknown_shadowed - smtpd's "User unknown in local recipient table"
 * for a recipient whose domain trivial-rewrite said is listed in BOTH
 * mydestination and another class (domain-listed-twice, read before: it
 * warns as it resolves the address): the local class wins, so the
 * virtual users are looked up among this host's accounts and refused.
 * The refusal is that finding's line, its client a subject, not a
 * harvest's; false when the domain was not warned about */
bool diag_unknown_shadowed(const struct diag *d, const struct event *ev, struct diag_hit *hit)
{
	if (!d->domain_double_hits || ev->type != EV_REJECT)
		return false;
	ptrdiff_t k = span_index(ev->reason, ">: Recipient address rejected: User unknown in local "
					     "recipient table");
	if (k < 0)
		return false;
	/* the recipient: to=<...>, or the reply's own "<ADDR>: " when the
	 * line was cut before to= */
	struct span to = ev->to;
	if (!to.n && k > 1 && ev->reason.p[0] == '<')
		to = span_make(ev->reason.p + 1, (size_t)k - 1);
	ptrdiff_t at = span_rchr(to, '@');
	char dom[DIAG_KEY_MAX];
	if (at < 0 || !lower_rcpt(span_skip(to, (size_t)at + 1), dom))
		return false;
	struct span raw = span_skip(to, (size_t)at + 1);
	char as[DIAG_KEY_MAX];
	memcpy(as, raw.p, raw.n);
	as[raw.n] = 0;
	const char *key = diag_group_find(d, F_DOMAIN_DOUBLE, as) ? as
			  : diag_group_find(d, F_DOMAIN_DOUBLE, dom) ? dom
								     : NULL;
	if (!key)
		return false;
	hit->id = F_DOMAIN_DOUBLE;
	snprintf(hit->key, sizeof hit->key, "%s", key);
	diag_copy_key(hit->subject, ev->client_ip);
	return true;
}

/* diag_unknown_groups - the recipients enough real servers wrote to */
void diag_unknown_groups(struct diag *d)
{
	for (uint32_t i = 0; i < d->nunknown; i++) {
		struct diag_unknown *u = &d->unknown[i];
		size_t n = strset_len(&u->clients);
		if (n < UNKNOWN_CLIENTS && !(u->provider && n >= UNKNOWN_CLIENTS_PROVIDER))
			continue;
		struct diag_group *g = diag_group_get(d, F_IN_RCPT_MISSING, u->rcpt);
		if (!g) {
			d->dropped += u->lines;
			continue;
		}
		g->lines += u->lines;
		diag_group_time(g, u->first);
		diag_group_time(g, u->last);
		for (uint64_t r = 0; r < u->clients.map.cap; r++) {
			uint64_t h;
			const char *ip = hmap_slot(&u->clients.map, r, &h);
			if (ip)
				strset_add(&g->subjects, span_of(ip));
		}
		diag_samples_take(g, u->sample, u->nsample);
	}
}

/* diag_unknown_group - the group of an unknown-recipient refusal, after diag_finish */
const struct diag_group *diag_unknown_group(const struct diag *d, const struct event *ev)
{
	char rcpt[DIAG_KEY_MAX];
	if (!is_unknown_user(ev) || !lower_rcpt(ev->to, rcpt))
		return NULL;
	for (size_t i = 0; i < d->nlist; i++)
		if (d->list[i]->id == F_IN_RCPT_MISSING && !strcmp(d->list[i]->key, rcpt))
			return d->list[i];
	return NULL;
}

/* diag_unknown_free - the recipients' records */
void diag_unknown_free(struct diag *d)
{
	for (uint32_t i = 0; i < d->nunknown; i++) {
		strset_free(&d->unknown[i].clients);
		for (uint32_t j = 0; j < d->unknown[i].nsample; j++)
			free(d->unknown[i].sample[j]);
	}
	d->nunknown = 0;
}

/*
 * user_tls.c - a mail program of this server's own users that fails the
 * TLS handshake.  The lines of failed handshakes are kept per client
 * address as they go by (the first DIAG_TLS_CLIENTS addresses); at the
 * end, once the analysis tells which addresses are users' (they log in,
 * or hand over mail from the own network), theirs become
 * user-client-tls-failed, and the benign "clients fail the TLS
 * handshake" keeps only the others (scanners, old servers).  Also the
 * per-client line keeping that accepted.c's "Relay access denied" uses.
 */
#include "diag_internal.h"
#include "../analyze/analysis.h"
#include "../analyze/verdicts.h"
#include "../util/cidr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* diag_client_note - one more line of a client kept until the end (its
 * count, times and first samples), in a fixed table of cap clients; a
 * client past the table's size is not kept */
void diag_client_note(struct diag_relay *tab, uint32_t *n, uint32_t cap, struct span ip,
		      const struct event *ev, bool show_secrets)
{
	if (!ip.n || ip.n >= sizeof tab[0].ip)
		return;
	struct diag_relay *r = NULL;
	for (uint32_t i = 0; i < *n && !r; i++)
		if (strlen(tab[i].ip) == ip.n && !memcmp(tab[i].ip, ip.p, ip.n))
			r = &tab[i];
	if (!r) {
		if (*n == cap)
			return;
		r = &tab[(*n)++];
		memcpy(r->ip, ip.p, ip.n);
		r->ip[ip.n] = 0;
	}
	r->lines++;
	if (ev->line->format != FMT_NOTIME && ev->line->ts.us) {
		if (!r->first.us || ev->line->ts.us < r->first.us)
			r->first = ev->line->ts;
		if (!r->last.us || ev->line->ts.us > r->last.us)
			r->last = ev->line->ts;
	}
	if (r->nsample < DIAG_SAMPLES)
		r->sample[r->nsample++] = diag_sample_copy(ev->line, show_secrets);
}

/* diag_tls_note - a failed handshake's line, of the client ip: a
 * hang-up ("SSL_accept error ...: -1", its key) apart from the lines that
 * tell why, which are told first (tls_settings in diagnose.c likewise) */
void diag_tls_note(struct diag *d, const struct event *ev, const char *ip, const char *key)
{
	if (!strcmp(key, "the client hung up mid-handshake"))
		diag_client_note(d->tlshang, &d->ntlshang, DIAG_TLS_CLIENTS, span_of(ip), ev,
				 d->show_secrets);
	else
		diag_client_note(d->tlsfail, &d->ntlsfail, DIAG_TLS_CLIENTS, span_of(ip), ev,
				 d->show_secrets);
}

/* is_user - the analysis calls the client one of the admin's own
 * (VERDICTS' "own" column) and it is a user's: it logs in, or hands over
 * mail from the own network (loopback, a private address) */
static bool is_user(const struct client *c, const char *ip)
{
	if (!verdict_row(c->verdict)->own)
		return false;
	if (c->auth_successes || c->auth_ok_sessions)
		return true;
	struct cidr x;
	return c->messages && cidr_addr(ip, &x) && cidr_own(&x);
}

/* user_tls - a user's address whose handshakes failed: its own
 * user-client-tls-failed group, with its lines */
static void user_tls(struct diag *d, struct diag_relay *r)
{
	{
		struct diag_group *g = diag_group_get(d, F_IN_USER_TLS_FAILED, r->ip);
		if (!g) {
			d->dropped += r->lines;
			return;
		}
		strset_add(&d->user_tls_ips, span_of(r->ip));
		strset_add(&g->subjects, span_of(r->ip));
		g->lines += r->lines;
		if (r->first.us) {
			diag_group_time(g, r->first);
			diag_group_time(g, r->last);
		}
		for (uint32_t j = 0; j < r->nsample && g->nsample < DIAG_SAMPLES; j++) {
			g->sample[g->nsample++] = r->sample[j];
			r->sample[j] = NULL;
		}
	}
}

/* noted - the client's kept lines in one of the tables, or NULL */
static struct diag_relay *noted(struct diag_relay *tab, uint32_t n, const char *ip)
{
	for (uint32_t i = 0; i < n; i++)
		if (!strcmp(tab[i].ip, ip))
			return &tab[i];
	return NULL;
}

/* diag_user_tls - the users' addresses among those whose handshakes
 * failed, told by the lines that say why, else by the hang-ups (called
 * with the analysis, before diag_finish) */
void diag_user_tls(struct diag *d, const struct analysis *a)
{
	if (!d->ntlsfail && !d->ntlshang)
		return;
	for (size_t i = 0; i < a->nclist; i++) {
		const struct client *c = a->clist[i];
		struct client_addr ip = client_addr(c);
		struct diag_relay *r = noted(d->tlsfail, d->ntlsfail, ip.s);
		if (!r)
			r = noted(d->tlshang, d->ntlshang, ip.s);
		if (r && is_user(c, ip.s))
			user_tls(d, r);
	}
}

/* user_sample - the sample line is one of the users' kept lines */
static bool user_sample(const struct diag *d, const char *line)
{
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *u = d->list[i];
		if (u->id != F_IN_USER_TLS_FAILED)
			continue;
		for (uint32_t j = 0; j < u->nsample; j++)
			if (u->sample[j] && !strcmp(u->sample[j], line))
				return true;
	}
	return false;
}

/* user_lines - how many lines of g's the users' kept tables hold */
static uint64_t user_lines(const struct diag *d, const struct diag_group *g)
{
	uint64_t n = 0;
	bool hang = !strcmp(g->key, "the client hung up mid-handshake");
	const struct diag_relay *tab = hang ? d->tlshang : d->tlsfail;
	uint32_t nt = hang ? d->ntlshang : d->ntlsfail;
	for (uint32_t i = 0; i < nt; i++)
		if (strset_has(&g->subjects, span_of(tab[i].ip)) &&
		    strset_has(&d->user_tls_ips, span_of(tab[i].ip)))
			n += tab[i].lines;
	return n;
}

/* strip_users - the users' part of a group of failed handshakes taken out
 * (told by user-client-tls-failed): their lines, addresses and samples;
 * true when nothing else is left */
static bool strip_users(struct diag *d, struct diag_group *g)
{
	size_t n = 0;
	const char **all = diag_subjects(g, &n);
	size_t users = 0;
	for (size_t j = 0; j < n; j++)
		users += strset_has(&d->user_tls_ips, span_of(all[j]));
	if (!users || users == n) {
		free(all);
		return users && users == n;
	}
	uint64_t ul = user_lines(d, g);
	g->lines = g->lines > ul ? g->lines - ul : 0;
	struct strset rest;
	strset_init(&rest, DIAG_SUBJECTS);
	for (size_t j = 0; j < n; j++)
		if (!strset_has(&d->user_tls_ips, span_of(all[j])))
			strset_add(&rest, span_of(all[j]));
	free(all);
	strset_free(&g->subjects);
	g->subjects = rest;
	uint32_t k = 0;
	for (uint32_t j = 0; j < g->nsample; j++) {
		if (g->sample[j] && user_sample(d, g->sample[j]))
			free(g->sample[j]);
		else
			g->sample[k++] = g->sample[j];
	}
	g->nsample = k;
	/* the others' kept lines stand in for the samples taken out */
	bool hang = !strcmp(g->key, "the client hung up mid-handshake");
	struct diag_relay *tab = hang ? d->tlshang : d->tlsfail;
	uint32_t nt = hang ? d->ntlshang : d->ntlsfail;
	for (uint32_t i = 0; i < nt && g->nsample < DIAG_SAMPLES; i++) {
		if (!strset_has(&g->subjects, span_of(tab[i].ip)))
			continue;
		for (uint32_t j = 0; j < tab[i].nsample && g->nsample < DIAG_SAMPLES; j++)
			if (tab[i].sample[j]) {
				g->sample[g->nsample++] = tab[i].sample[j];
				tab[i].sample[j] = NULL;
			}
	}
	return false;
}

/* diag_user_tls_fold - groups of failed handshakes lose the users' part
 * (told by user-client-tls-failed); a group of users only leaves the list */
void diag_user_tls_fold(struct diag *d)
{
	if (!strset_len(&d->user_tls_ips))
		return;
	size_t k = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if ((g->id == F_TLS_HANDSHAKE_IN || g->id == F_TLS_SETTINGS_IN) && strip_users(d, g))
			diag_group_drop(d, g);
		else
			d->list[k++] = g;
	}
	d->nlist = k;
}

/* diag_user_tls_free - the kept lines */
void diag_user_tls_free(struct diag *d)
{
	for (uint32_t i = 0; i < d->ntlsfail; i++)
		for (uint32_t j = 0; j < d->tlsfail[i].nsample; j++)
			free(d->tlsfail[i].sample[j]);
	for (uint32_t i = 0; i < d->ntlshang; i++)
		for (uint32_t j = 0; j < d->tlshang[i].nsample; j++)
			free(d->tlshang[i].sample[j]);
	d->ntlsfail = d->ntlshang = 0;
	strset_free(&d->user_tls_ips);
}

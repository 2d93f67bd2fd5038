/*
 * notes.c - what single events leave for the whole-log conclusions that
 * diag_finish draws: postscreen's deferrals of a large provider's
 * servers (postscreen-tests-delay-providers once three addresses of one
 * provider waited) and bounce's non-delivery notices without a line that
 * says why (bounce-reason-not-in-log).  Split from diagnose.c, which
 * calls them from diag_hit_event and diag_finish.
 */
#include "diagnose.h"
#include "diag_internal.h"
#include "../parse/provider.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* diag_ps_provider_note - postscreen's 450 4.3.2 told a large provider's
 * server (its network and HELO name): "PROVIDER ADDRESS" remembered */
void diag_ps_provider_note(struct diag *d, const struct event *ev)
{
	const char *p = ev_provider_server(ev->client_name, ev->client_ip, ev->helo);
	char k[96];
	if (p && ev->client_ip.n < 64) {
		int n = snprintf(k, sizeof k, "%s %.*s", p, (int)ev->client_ip.n, ev->client_ip.p);
		if (n > 0 && (size_t)n < sizeof k)
			strset_add(&d->ps_providers, span_make(k, (size_t)n));
	}
}

/* diag_hit_notes - what a hit leaves for diag_finish: a large provider
 * deferred by postscreen, a DNS blocklist's timeout, this host's
 * resources and master's kills (host_resources.c) */
void diag_hit_notes(struct diag *d, const struct event *ev, const struct diag_hit *hit)
{
	if (hit->id == F_PS_DEEP_TEMPFAIL)
		diag_ps_provider_note(d, ev);
	else if (hit->id == F_IN_DNSBL_TIMEOUT)
		diag_dnsbl_note(d, ev, hit->key);
	else if (hit->id == F_LOG_LINES_DROPPED)
		diag_log_gap_note(d, ev);
	else if (hit->id == F_HOST_MEMORY || hit->id == F_HOST_FORK || hit->id == F_HOST_FILES ||
		 hit->id == F_DAEMON_CRASHED)
		diag_host_note(d, ev, hit);
}

/* diag_ps_deep_providers - postscreen's after-greeting tests deferred three or
 * more addresses of one large provider, which retries from others: its
 * mail keeps waiting, and the benign group becomes this server's
 * configuration's (postscreen-tests-delay-providers, keyed by the
 * provider) */
enum { PS_PROVIDER_ADDRS = 3 };
void diag_ps_deep_providers(struct diag *d)
{
	if (strset_len(&d->ps_providers) < PS_PROVIDER_ADDRS)
		return;
	size_t n = 0;
	const char **all = diag_subjects(&(struct diag_group){.subjects = d->ps_providers}, &n);
	/* the provider with the most addresses (at most 64 entries) */
	size_t best = 0, best_n = 0;
	for (size_t i = 0; i < n; i++) {
		size_t w = strcspn(all[i], " "), same = 0;
		for (size_t j = 0; j < n; j++)
			same += !strncmp(all[j], all[i], w) && all[j][w] == ' ';
		if (same > best_n)
			best = i, best_n = same;
	}
	if (best_n >= PS_PROVIDER_ADDRS) {
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)strcspn(all[best], " "), all[best]);
		for (size_t i = 0; i < d->nlist; i++)
			if (d->list[i]->id == F_PS_DEEP_TEMPFAIL) {
				diag_group_relabel(d, d->list[i], F_PS_DEEP_PROVIDERS, name);
				break;
			}
	}
	free(all);
}

/* diag_ndr_event - bounce's "QID: sender non-delivery notification: NEWQID",
 * and the lines that say a delivery failed for good (status=bounced,
 * qmgr's expiry), and the last deferrals: counted for diag_ndr_finding */
void diag_ndr_event(struct diag *d, const struct event *ev)
{
	if (ev->type == EV_NOTIFICATION && span_eqs(ev->action, "non-delivery")) {
		/* the notice of a message whose deferral was just read (its
		 * own bounce or defer service failing: "bounce or trace
		 * service failure", then qmgr's "bounce failed") is told by
		 * that line */
		for (size_t i = 0; ev->queue_id.n && i < 16; i++)
			if (span_eqs(ev->queue_id, d->ndr_deferred[i])) {
				d->ndr_failures++;
				return;
			}
		if (d->ndr_notices < DIAG_SAMPLES && d->ndr_notices < 4)
			d->ndr_line[d->ndr_notices] = xspandup(ev->line->raw);
		if (d->ndr_notices < 4 && ev->queue_id.n && ev->queue_id.n < sizeof d->ndr_qid[0]) {
			memcpy(d->ndr_qid[d->ndr_notices], ev->queue_id.p, ev->queue_id.n);
			d->ndr_qid[d->ndr_notices][ev->queue_id.n] = 0;
		}
		if (!d->ndr_notices || ev->line->ts.us < d->ndr_first.us)
			d->ndr_first = ev->line->ts;
		if (!d->ndr_notices || ev->line->ts.us > d->ndr_last.us)
			d->ndr_last = ev->line->ts;
		d->ndr_notices++;
	} else if (span_eqs(ev->status, "bounced") || span_eqs(ev->status, "expired")) {
		d->ndr_failures++;
	} else if (span_eqs(ev->status, "deferred") && ev->queue_id.n &&
		   ev->queue_id.n < sizeof d->ndr_deferred[0]) {
		char *q = d->ndr_deferred[d->ndr_deferred_at++ % 16];
		memcpy(q, ev->queue_id.p, ev->queue_id.n);
		q[ev->queue_id.n] = 0;
	}
}

/* diag_ndr_finding - non-delivery notices sent while no line read says that a
 * delivery failed: the reason is elsewhere (before the log, another
 * file, a line broken in a paste); without this the report would have
 * nothing to say of mail that went back to its sender */
void diag_ndr_finding(struct diag *d)
{
	if (!d->ndr_notices || d->ndr_failures)
		return;
	struct diag_group *g = diag_group_get(d, F_OUT_BOUNCE_UNREAD, "");
	if (!g)
		return;
	g->lines += d->ndr_notices;
	diag_group_time(g, d->ndr_first);
	diag_group_time(g, d->ndr_last);
	for (size_t i = 0; i < 4 && i < d->ndr_notices; i++)
		strset_add(&g->subjects, span_of(d->ndr_qid[i]));
	for (size_t i = 0; i < 4 && d->ndr_line[i] && g->nsample < DIAG_SAMPLES; i++) {
		g->sample[g->nsample++] = d->ndr_line[i];
		d->ndr_line[i] = NULL;
	}
}

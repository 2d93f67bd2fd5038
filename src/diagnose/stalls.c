/*
 * stalls.c - incoming mail that stalls while its data is sent: several
 * unrelated sending servers get past MAIL and RCPT and then time out or
 * hang up during DATA or BDAT, or after the end of the message, and most
 * of their messages never arrive (inbound-data-stalls).  One client that
 * does so is its own problem (its link, spam software giving up); many
 * named servers at the same stage point at this side: the path (an MTU
 * with ICMP blocked, a firewall's SMTP inspection), a slow before-queue
 * filter or milter, the disk.  Only clients with a name (a PTR that
 * resolves back) count, on both sides of the ratio, and only stalls
 * after some data was sent.
 */
#include "diag_internal.h"

#include <string.h>

/* the lines and distinct servers it takes, and the share of their data
 * commands that failed (one in STALL_SHARE or more) */
enum { STALL_SERVERS = 3, STALL_SHARE = 5 };

/* data_stage - "after DATA (N bytes)", "after BDAT", "after END-OF-MESSAGE" */
static bool data_stage(struct span stage)
{
	return span_eqs(stage, "DATA") || span_eqs(stage, "BDAT") || span_eqs(stage, "END-OF-MESSAGE");
}

/* named - a client Postfix could name (not "unknown") */
static bool named(struct span name)
{
	return name.n && !span_eqs(name, "unknown");
}

/* diag_stall_event - smtpd's lost connections and timeouts during the
 * data, into the group (one line each, the client as its subject), and
 * the data commands that succeeded, from the disconnect line's counts */
void diag_stall_event(struct diag *d, const struct event *ev)
{
	if (!span_eqs(ev->line->daemon, "smtpd") || !named(ev->client_name))
		return;
	if (ev->type == EV_DISCONNECT) {
		d->data_counted |= ev->nstats > 0;
		for (unsigned k = 0; k < ev->nstats && k < CMD_STATS_MAX; k++) {
			struct span n = ev->stats[k].name; /* its first byte before the words */
			if (n.n == 4 && ((n.p[0] == 'd' && span_eqs(n, "data")) || (n.p[0] == 'b' && span_eqs(n, "bdat"))))
				d->data_ok += ev->stats[k].ok;
		}
		return;
	}
	if (ev->type != EV_LOST || !ev->client_ip.n || !data_stage(ev->stage))
		return;
	/* "after DATA (0 bytes)": the client sent nothing after the 354,
	 * as spam software that gives up does; a path that loses large
	 * packets lets the first bytes through */
	if (span_eqs(ev->stage, "DATA") && ev->count <= 0)
		return;
	struct diag_group *g = diag_group_get(d, F_IN_DATA_STALLS, "");
	if (!g) {
		d->dropped++;
		return;
	}
	if (ev->line->format != FMT_NOTIME)
		diag_group_time(g, ev->line->ts);
	g->lines++;
	strset_add(&g->subjects, ev->client_ip);
	if (g->nsample < DIAG_SAMPLES)
		g->sample[g->nsample++] = diag_sample_copy(ev->line, d->show_secrets);
}

/* diag_stalls_proven - enough unrelated servers stalled, and their
 * stalls are a large share of the named clients' data commands (which
 * only the disconnect lines' counts of Postfix 3.0 and later tell) */
bool diag_stalls_proven(const struct diag *d, const struct diag_group *g)
{
	return d->data_counted && strset_len(&g->subjects) >= STALL_SERVERS &&
	       g->lines * STALL_SHARE >= g->lines + d->data_ok;
}

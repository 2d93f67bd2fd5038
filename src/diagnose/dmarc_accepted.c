/*
 * dmarc_accepted.c - mail whose From: domain failed DMARC and was
 * accepted all the same (dmarc-fail-accepted).  OpenDMARC's result line
 * is "JOBID: DOMAIN RESULT" (opendmarc.c, mlfi_eom: syslog "%s: %s %s",
 * the job ID, the From: domain, "none", "pass", "fail" or "temperror");
 * "fail" is logged both for a domain whose policy is none and for one
 * whose policy is reject or quarantine when RejectFailures is false.
 * When OpenDMARC does enforce the policy, cleanup logs the message's
 * refusal or hold next ("milter-reject: END-OF-MESSAGE ...: 5.7.1
 * rejected by DMARC policy for DOMAIN", "milter-hold: ... quarantined by
 * DMARC policy for DOMAIN"): each such line takes one "fail" back, and
 * the finding is dropped when none is left.  Its "SPF(mailfrom): DOMAIN
 * fail" line is another check's and is not taken.
 */
#include "diag_internal.h"

#include <stdlib.h>
#include <string.h>

#define DMARC_KEY "opendmarc"

/* domain_byte - a byte of a domain name as OpenDMARC logs it */
static bool domain_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
	       c == '-' || c == '_';
}

/* diag_dmarc_hit - OpenDMARC's "JOBID: DOMAIN fail": dmarc-fail-accepted,
 * the domain as its subject (in lower case) */
bool diag_dmarc_hit(const struct event *ev, struct diag_hit *hit)
{
	const struct logline *l = ev->line;
	if (!l || !span_eqs(l->daemon, "opendmarc"))
		return false;
	struct span t = l->text;
	ptrdiff_t colon = span_index(t, ": ");
	if (colon <= 0 || colon > 64 || span_chr(span_head(t, (size_t)colon), ' ') >= 0)
		return false;
	struct span rest = span_skip(t, (size_t)colon + 2);
	if (!span_ends(rest, " fail") || rest.n <= 5 || rest.n - 5 >= DIAG_KEY_MAX)
		return false;
	struct span dom = span_head(rest, rest.n - 5);
	bool dot = false;
	for (size_t i = 0; i < dom.n; i++) {
		if (!domain_byte(dom.p[i]))
			return false;
		dot |= dom.p[i] == '.';
	}
	if (!dot)
		return false;
	memset(hit, 0, sizeof *hit);
	hit->id = F_IN_DMARC_ACCEPTED;
	memcpy(hit->key, DMARC_KEY, sizeof DMARC_KEY);
	for (size_t i = 0; i < dom.n; i++)
		hit->subject[i] = (char)(dom.p[i] >= 'A' && dom.p[i] <= 'Z' ? dom.p[i] + 32 : dom.p[i]);
	return true;
}

/* dmarc_enforced - cleanup's refusal or hold of a message by OpenDMARC's
 * policy: "milter-reject" or "milter-hold" whose reply, before the
 * "; from=<" Postfix appends, says "by DMARC policy for " */
static bool dmarc_enforced(const struct event *ev)
{
	if (ev->type != EV_CLEANUP_ACTION ||
	    !(span_eqs(ev->action, "milter-reject") || span_eqs(ev->action, "milter-hold")))
		return false;
	struct span t = ev->line->text;
	ptrdiff_t from = span_index(t, "; from=<");
	if (from >= 0)
		t = span_head(t, (size_t)from);
	return span_index(t, "by DMARC policy for ") >= 0;
}

/* diag_dmarc_refused - a message OpenDMARC had refused or held: one
 * "fail" of the kept group taken back; the group dropped when none is
 * left (explain then ties its lines to nothing) */
void diag_dmarc_refused(struct diag *d, const struct event *ev)
{
	if (!ev->line || !dmarc_enforced(ev))
		return;
	for (uint32_t i = 0; i < d->naside; i++) {
		struct diag_group *g = d->aside[i];
		if (g->id != F_IN_DMARC_ACCEPTED)
			continue;
		if (g->lines > 1) {
			g->lines--;
			return;
		}
		free(g->key);
		for (uint32_t k = 0; k < g->nsample; k++)
			free(g->sample[k]);
		strset_free(&g->subjects);
		free(g);
		d->aside[i] = d->aside[--d->naside];
		d->aside[d->naside] = NULL;
		return;
	}
}

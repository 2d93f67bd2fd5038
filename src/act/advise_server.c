/*
 * advise_server.c - the advice that answers the server's own findings
 * rather than a client's verdict: a DNS blocklist answering error codes
 * (its return-code filter), mail relayed on the trust of a public
 * address (mynetworks and the relay restrictions), users refused by this
 * server's own checks after they logged in (permit_sasl_authenticated
 * first).  Prose translated here; settings stay as Postfix spells them.
 */
#include "advise_internal.h"
#include "../diagnose/diagnose.h"
#include "../util/buf.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* adv_users_refused - logged-in users refused by this server's own
 * checks: permit_sasl_authenticated before them, in every list that has
 * one before it */
void adv_users_refused(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	const struct diag *d = r->diag;
	for (size_t i = 0; d && i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if (g->id != F_IN_USER_REFUSED)
			continue;
		char w1[64], w2[64];
		size_t ns = strset_len(&g->subjects);
		/* TRANSLATORS: the refusal's words (quoted), "N lines", "N addresses" */
		adv_evidence(a, _("Logged-in users were refused by %s on %s, from %s."), g->key,
		       adv_count(w1, P_("%llu line", "%llu lines", g->lines), g->lines),
		       adv_count(w2, P_("%llu address", "%llu addresses", ns), ns));
	}
	a->why = _("smtpd runs each restriction list in order and stops at the first answer: a "
		   "blocklist, a client or HELO name check or a policy service placed before "
		   "permit_sasl_authenticated refuses users who have logged in. Users send from home "
		   "and mobile addresses that dynamic-address lists (Spamhaus PBL) name on purpose.");
	static const char *const lists[] = {"smtpd_client_restrictions", "smtpd_helo_restrictions",
					    "smtpd_sender_restrictions", "smtpd_relay_restrictions",
					    "smtpd_recipient_restrictions"};
	bool proposed = false;
	for (size_t k = 0; pc->ok && k < sizeof lists / sizeof *lists; k++) {
		const char *cur = postconf_get(pc, lists[k]);
		bool same;
		char *v = postconf_sasl_first(cur ? cur : "", &same);
		if (!same) {
			adv_main_set_own(a, pc, lists[k], v, false);
			proposed = true;
		} else {
			free(v);
		}
	}
	if (!proposed)
		a->steps[a->nsteps++] = _("Put permit_sasl_authenticated before reject_rbl_client, "
					  "reject_unknown_client_hostname, the HELO checks and "
					  "check_policy_service in every smtpd_*_restrictions list that names "
					  "them, and in the -o overrides of the submission service in master.cf "
					  "(postconf -P).");
	a->caveats[a->ncaveats++] = _("A limit a policy service sets for users on purpose (a sending "
				      "quota) stays: raise it for the user rather than skip it for "
				      "everyone.");
	a->caveats[a->ncaveats++] = _("master.cf may override these lists for submission (-o "
				      "smtpd_*_restrictions=...): postconf -P shows them.");
}

/* rc_filter - a DNSBL entry with only its listing codes: error answers
 * (127.255.255.x) then count for nothing */
static const char *rc_filter(const char *list)
{
	size_t n = strlen(list);
	bool spamhaus = n >= 12 && !strcmp(list + n - 12, "spamhaus.org");
	return spamhaus ? "=127.0.0.[2..11]" : "=127.0.0.[2..255]";
}

/* with_filter - the setting's value with every unfiltered entry of the
 * list given its return-code filter; NULL when the value names it not */
static char *with_filter(const char *cur, const char *list)
{
	if (!cur)
		return NULL;
	struct buf b = {0};
	size_t n = strlen(list);
	bool hit = false;
	for (const char *p = cur; *p;) {
		const char *q = strstr(p, list);
		bool start = q && (q == cur || q[-1] == ' ' || q[-1] == ',' || q[-1] == '\t');
		if (!q) {
			buf_puts(&b, p);
			break;
		}
		buf_put(&b, p, (size_t)(q - p) + n);
		p = q + n;
		if (start && *p != '=' && *p != '.' && *p != '-') {
			buf_puts(&b, rc_filter(list));
			hit = true;
		}
	}
	buf_putc(&b, 0);
	if (!hit) {
		buf_free(&b);
		return NULL;
	}
	return b.p;
}

/* adv_dnsbl_error - a DNS blocklist answers error codes: filter them
 * (and query it through a resolver it accepts), no other list */
void adv_dnsbl_error(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	const struct diag *d = r->diag;
	const char *lists[8];
	size_t nl = 0;
	for (size_t i = 0; d && i < d->nlist && nl < 8; i++) {
		const struct diag_group *g = d->list[i];
		if (g->id != F_IN_DNSBL_ERROR)
			continue;
		char w1[64], w2[64];
		size_t ns = strset_len(&g->subjects);
		/* TRANSLATORS: the blocklist, "N lines", "N clients" */
		adv_evidence(a, _("%s answered an error code, not a listing, on %s (%s refused or scored on it)."),
		       g->key[0] ? g->key : _("a DNS blocklist"),
		       adv_count(w1, P_("%llu line", "%llu lines", g->lines), g->lines),
		       adv_count(w2, P_("%llu client", "%llu clients", ns), ns));
		if (g->key[0])
			lists[nl++] = g->key;
	}
	a->why = _("A DNSBL answers 127.255.255.252 (list name mistyped), .254 (query through a "
		   "public or open resolver) or .255 (too many queries) when it refuses the query; "
		   "without a return-code filter Postfix takes that for a listing and refuses or "
		   "scores innocent clients.  Another list is not the fix: the filter is.");
	static const char *const settings[] = {"postscreen_dnsbl_sites", "smtpd_client_restrictions",
					       "smtpd_recipient_restrictions", "smtpd_relay_restrictions"};
	bool proposed = false;
	for (size_t i = 0; i < nl; i++)
		for (size_t k = 0; pc->ok && k < sizeof settings / sizeof settings[0]; k++) {
			char *v = with_filter(postconf_get(pc, settings[k]), lists[i]);
			if (v) {
				adv_main_set_own(a, pc, settings[k], v, false);
				proposed = true;
			}
		}
	if (!proposed && nl) {
		struct buf b = {0};
		struct buf l = {0};
		for (size_t i = 0; i < nl; i++)
			buf_printf(&l, " %s%s", lists[i], rc_filter(lists[i]));
		buf_putc(&l, 0);
		/* TRANSLATORS: the lists with their filters follow the colon, each after a space */
		buf_printf(&b, r->postscreen_lines
				       ? _("Give each such list its return-code filter wherever it is named:%s in "
					   "postscreen_dnsbl_sites (keep its *weight after it), then postfix reload.")
				       : _("Give each such list its return-code filter wherever it is named:%s in "
					   "reject_rbl_client (smtpd_*_restrictions), then postfix reload."),
			   l.p);
		buf_free(&l);
		buf_putc(&b, 0);
		a->step_extra = b.p;
	}
	a->steps[a->nsteps++] = _("Query the lists through a resolver of your own (unbound on "
				  "localhost), not a public one (8.8.8.8, 1.1.1.1, your provider's): "
				  "the lists refuse those.");
	a->caveats[a->ncaveats++] = _("Spamhaus's free use has a volume limit; past it, its "
				      "Data Query Service (a key in the query name) is the way.");
}

/* adv_relayed - mail from public clients that did not log in, relayed to
 * outside domains (public-open-relay, trusted-public-address): which
 * addresses relayed how much; mynetworks to check, relaying after a login */
void adv_relayed(struct advice *a, struct act_run *r, const struct postconf *pc)
{
	const struct diag *d = r->diag;
	size_t more = 0;
	for (size_t i = 0; d && i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if (g->id != F_IN_OPEN_RELAY && g->id != F_IN_TRUSTED_PUBLIC)
			continue;
		if (a->nevidence >= MAX_LISTED) {
			more++;
			continue;
		}
		char w1[64], w2[64];
		size_t nd = strset_len(&g->subjects) + g->subjects.dropped;
		/* TRANSLATORS: the client's address, "N messages", "N outside domains" */
		adv_evidence(a, _("%s relayed %s to %s without logging in."), g->key,
		       adv_count(w1, P_("%llu message", "%llu messages", g->lines), g->lines),
		       adv_count(w2, P_("%llu outside domain", "%llu outside domains", nd), nd));
	}
	if (more)
		adv_evidence(a, P_("And %zu more address.", "And %zu more addresses.", more), more);
	const char *mn = postconf_get(pc, "mynetworks");
	if (mn)
		adv_evidence(a, _("mynetworks is now: %s"), mn);
	a->why = _("Postfix relays for a client that did not log in only when it trusts the client's "
		   "address (permit_mynetworks: the address, or a range around it, is in mynetworks) or "
		   "when smtpd_relay_restrictions does not end in reject_unauth_destination or "
		   "defer_unauth_destination.  A public range in mynetworks lets everyone in it relay.");
	adv_main_set(a, pc, "mynetworks_style", "host");
	const char *cur = postconf_get(pc, "smtpd_relay_restrictions");
	const char *last = cur && strstr(cur, "reject_unauth_destination") ? "reject_unauth_destination"
									     : "defer_unauth_destination";
	const char *const want[] = {"permit_mynetworks", "permit_sasl_authenticated", last, NULL};
	bool same;
	char *v = postconf_list_merge(cur ? cur : "permit_mynetworks, permit_sasl_authenticated, "
					    "defer_unauth_destination",
				want, false, NULL, NULL, &same);
	adv_main_set_own(a, pc, "smtpd_relay_restrictions", v, same);
	a->steps[a->nsteps++] = _("postconf mynetworks: keep it to 127.0.0.0/8 [::1]/128 and your own "
				  "machines, each by its own address; no 0.0.0.0/0, no /8, no provider's "
				  "range.  Then postfix reload.");
	a->steps[a->nsteps++] = _("Test from a machine outside your networks: MAIL FROM and RCPT TO "
				  "two outside addresses must get \"Relay access denied\".");
	a->caveats[a->ncaveats++] = _("An application server of yours that sends without logging in "
				      "belongs in mynetworks by its own address (/32), never by a range; "
				      "better, let it log in on port 587.");
}

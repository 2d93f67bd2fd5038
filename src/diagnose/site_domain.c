/*
 * site_domain.c - a site's domain that this host delivers to itself while
 * its mailboxes live elsewhere: programs on this host (a web site's
 * contact form, cron, a script calling sendmail) mail their own domain,
 * the local delivery agent bounces each message as "unknown user", and
 * no mail to that domain is delivered here.  The domain is then in
 * mydestination (through myhostname or mydomain, which is why the
 * sender carries it too): this server's configuration, not a typo.
 * Fed the model's closed messages (diag_site_message); the conclusion
 * relabels the local-user-unknown group at the end (diag_site_domain).
 */
#include "diag_internal.h"
#include "rules_internal.h"

#include <stdlib.h>
#include <string.h>

/* site_name - the lower-case domain of an address into out; false
 * without one, or for a name no site has (no dot, localhost) */
static bool site_name(const char *addr, char *out, size_t n)
{
	if (!addr)
		return false;
	struct span dom = diag_rcpt_domain(span_of(addr));
	if (!dom.n || !diag_lower_span(dom, out, n) || !strchr(out, '.'))
		return false;
	return strcmp(out, "localhost.localdomain") && strncmp(out, "localhost.", 10);
}

/* own_sender - the envelope sender of a program's message: a bare local
 * name (qualified later, or not at all) or an address of the domain */
static bool own_sender(const struct message *m, const char *dom)
{
	if (!m->have_from || !m->from || !m->from[0])
		return false; /* the null sender: a notice, not a program's mail */
	const char *at = strrchr(m->from, '@');
	if (!at)
		return true;
	char low[DIAG_KEY_MAX];
	return site_name(m->from, low, sizeof low) && !strcmp(low, dom);
}

/* diag_site_message - a closed message's local deliveries: each domain
 * delivered into, or bounced as unknown for mail from elsewhere, is
 * hosted here (or cannot be told); one a program's own mail to its own
 * domain bounced as unknown is a candidate */
void diag_site_message(struct diag *d, const struct message *m)
{
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		char dom[DIAG_KEY_MAX];
		if (!r->agent || strcmp(r->agent, "local") || !r->status)
			continue;
		bool sent = !strcmp(r->status, "sent");
		struct span raw = r->to ? diag_rcpt_domain(span_of(r->to)) : SPAN_NULL;
		/* the domain the last delivery put in the set (speed25) */
		if (sent && diag_domain_last(raw, d->site_last, d->site_last_n))
			continue;
		if (!site_name(r->to, dom, sizeof dom))
			continue;
		if (sent) {
			size_t dropped = d->site_hosted.dropped;
			strset_add(&d->site_hosted, span_of(dom));
			diag_domain_keep(raw, d->site_last, &d->site_last_n, dropped == d->site_hosted.dropped);
		} else if (!strcmp(r->status, "bounced") && diag_user_unknown(r)) {
			if (m->origin == ORIGIN_PICKUP && own_sender(m, dom))
				strset_add(&d->site_bounced, span_of(dom));
			else
				strset_add(&d->site_hosted, span_of(dom));
		}
	}
}

/* diag_site_domain - the local-user-unknown group whose every recipient
 * domain is a candidate never hosted here: this server's configuration.
 * A full set of hosted domains may have lost one: nothing is told then. */
void diag_site_domain(struct diag *d)
{
	if (!strset_len(&d->site_bounced) || d->site_hosted.dropped || d->site_bounced.dropped)
		return;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if (g->id != F_OWN_USER_UNKNOWN || strcmp(g->key, "local") || g->subjects.dropped)
			continue;
		size_t n;
		const char **all = diag_subjects(g, &n);
		bool site = n > 0;
		for (size_t k = 0; site && k < n; k++)
			site = strset_has(&d->site_bounced, span_of(all[k])) &&
			       !strset_has(&d->site_hosted, span_of(all[k]));
		if (site) {
			diag_group_relabel(d, g, F_SITE_DOMAIN_LOCAL, all[0]);
			diag_alias_add(d, F_OWN_USER_UNKNOWN, "local", g, NULL);
		}
		free(all);
	}
}

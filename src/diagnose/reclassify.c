/*
 * reclassify.c - the diagnosis' conclusions that, once the whole log is
 * read (diag_finish), tell a group as another finding or drop it: one
 * destination's DNS failing while others resolve is that destination's
 * (dest_dns); a weak group (a few unknown addresses, stalls of one
 * server, held mail released, "domain not found" without proof, a
 * lookup failure whose table has its own finding) is dropped
 * (drop_weak); no TLS in common with several clients, or with a large
 * provider's server, is this server's settings (tls_settings); full mailboxes of several users with no
 * delivery that succeeded are a limit (own_limit).
 */
#include "diag_internal.h"
#include "../parse/provider.h"

#include <stdlib.h>
#include <string.h>

/* resolver_proven - the domains smtpd did not find include enough that
 * always resolve (provider.h): this host's lookups failed */
static bool resolver_proven(const struct diag_group *g)
{
	size_t n, known = 0;
	const char **all = diag_subjects(g, &n);
	for (size_t i = 0; i < n; i++)
		known += provider_mailbox_domain(span_of(all[i]));
	free(all);
	return n >= RESOLVER_DOMAINS && known >= RESOLVER_KNOWN;
}

/* diag_dest_dns - temporary DNS failures for one recipient domain only, while
 * mail to other servers was delivered (twice or more, the last at or
 * after the first failure: the resolver still worked): that domain's
 * name servers, not this host's resolver.  One domain alone with nothing
 * to show the resolver works or fails (no such deliveries, no finding
 * that blames the resolver, not a mailbox provider's domain, which always
 * resolves): the lines do not tell which side, and the finding says so */
void diag_dest_dns(struct diag *d)
{
	bool resolver = false;
	for (size_t i = 0; i < d->nlist; i++)
		resolver |= d->list[i]->id == F_RESOLVER_FAILING || d->list[i]->id == F_OUT_RESOLVER_NXDOMAIN;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if (g->id != F_OUT_DNS_TEMP || strset_len(&g->subjects) != 1)
			continue;
		bool works = d->sent_port25 >= 2 && !(g->first.us && d->sent_port25_last.us < g->first.us);
		size_t n;
		const char **all = diag_subjects(g, &n);
		/* a mailbox provider's domain (gmail.com, yahoo.co.id...) always
		 * resolves: failing alone, it is this host's resolver */
		if (works || (!resolver && !(n && provider_mailbox_domain(span_of(all[0])))))
			diag_group_relabel(d, g, works ? F_OUT_DEST_DNS : F_OUT_DNS_TEMP_ONE, n ? all[0] : "");
		free(all);
	}
}

/* drop_own_harvester - a client of the own network that harvested
 * addresses (five or more refused as unknown, kept by diag_drop_weak) is
 * told by recipient-harvesting alone: a Docker or NAT gateway passing on
 * a harvester, not an own application to exempt (own-client-refused) */
static void drop_own_harvester(struct diag *d)
{
	size_t k = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		bool harvest = false;
		for (size_t j = 0; j < d->nlist && g->id == F_IN_OWN_CLIENT_REFUSED && !harvest; j++)
			harvest = d->list[j]->id == F_IN_USER_UNKNOWN_HARVEST && !strcmp(d->list[j]->key, g->key);
		if (harvest) {
			diag_group_drop(d, g);
			continue;
		}
		d->list[k++] = g;
	}
	d->nlist = k;
}

/* diag_drop_weak - address harvesting needs many addresses from one client;
 * stalls during the data need several servers (stalls.c); held mail
 * all released or deleted waits no more (held.c);
 * "Domain not found" blames this host's resolver only for domains that
 * always resolve (one or two unknown domains are the senders'); a
 * temporary lookup failure gives way to the table's own finding */
void diag_drop_weak(struct diag *d)
{
	size_t k = 0;
	/* "Temporary lookup failure" with the table's own warning: that one
	 * says which table and why */
	bool map_named = false;
	for (size_t i = 0; i < d->nlist; i++) {
		enum finding_id id = d->list[i]->id;
		const char *key = d->list[i]->key ? d->list[i]->key : "";
		map_named |= id == F_MAP_MISSING || id == F_MAP_SERVER_DOWN || id == F_MAP_TYPE ||
			     id == F_MAP_UNAPPROVED || id == F_MAP_CORRUPT ||
			     /* a query the database refused (diag_fold_sql_query) */
			     (id == F_MAP_SYNTAX && (!strcmp(key, "SQL query") || !strcmp(key, "LDAP query")));
	}
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		/* a large provider's mail still accepted after its first
		 * "Access denied": a rule against some addresses (a block list),
		 * not one that refuses everyone */
		bool blocklist = g->id == F_IN_ACCESS_DENIED_PROVIDER && d->provider_accepted_last.us &&
				 (!g->first.us || d->provider_accepted_last.us > g->first.us);
		if ((g->id == F_IN_USER_UNKNOWN_HARVEST && strset_len(&g->subjects) < 5) ||
		    (g->id == F_RESOLVER_FAILING && !resolver_proven(g)) || blocklist ||
		    (g->id == F_MAP_TEMP_FAILURE && map_named) ||
		    (g->id == F_IN_DATA_STALLS && !diag_stalls_proven(d, g)) ||
		    (g->id == F_MAIL_HELD && !diag_held_waiting(d))) {
			diag_group_drop(d, g);
			continue;
		}
		d->list[k++] = g;
	}
	d->nlist = k;
	drop_own_harvester(d);
}

/* subjects_within - every subject of g is one of h's too */
static bool subjects_within(const struct diag_group *g, const struct diag_group *h)
{
	size_t n;
	const char **all = diag_subjects(g, &n);
	bool in = n > 0;
	for (size_t i = 0; i < n && in; i++)
		in = strset_has(&h->subjects, span_of(all[i]));
	free(all);
	return in;
}

/* strangers - g's clients that are not this server's users (a user's
 * failed handshakes are user-client-tls-failed's, users.c) */
static size_t strangers(const struct diag *d, const struct diag_group *g)
{
	if (!strset_len(&d->user_tls_ips))
		return strset_len(&g->subjects);
	size_t n, k = 0;
	const char **all = diag_subjects(g, &n);
	for (size_t i = 0; i < n; i++)
		k += !strset_has(&d->user_tls_ips, span_of(all[i]));
	free(all);
	return k;
}

/* provider_stranger - a client of the group, not one of this server's
 * users, sends from a network a large provider publishes (provider.h):
 * those servers speak every current TLS version and cipher, so none in
 * common with one of them is this server's settings, not the client */
static bool provider_stranger(const struct diag *d, const struct diag_group *g)
{
	size_t n;
	bool hit = false;
	const char **all = diag_subjects(g, &n);
	for (size_t i = 0; i < n && !hit; i++)
		hit = !strset_has(&d->user_tls_ips, span_of(all[i])) &&
		      provider_of_address(span_of(all[i])) != NULL;
	free(all);
	return hit;
}

/* diag_tls_settings - a handshake SSL_accept calls "-1" whose library line
 * then tells why (no cipher in common, a certificate the client refuses)
 * is told once, by the why; no TLS in common with several
 * different clients (not counting this server's users, told apart), or
 * with one large provider's server, is this server's settings, not the
 * clients (one scanner stays benign) */
void diag_tls_settings(struct diag *d)
{
	/* decided over the whole list first, then dropped: freeing while
	 * the list is compacted left a freed group in a slot the next
	 * TLS group's search still read */
	size_t hang = d->nlist;
	for (size_t i = 0; i < d->nlist && hang == d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if (g->id != F_TLS_HANDSHAKE_IN || strcmp(g->key, "the client hung up mid-handshake"))
			continue;
		for (size_t j = 0; j < d->nlist && hang == d->nlist; j++)
			if (j != i &&
			    (d->list[j]->id == F_TLS_HANDSHAKE_IN || d->list[j]->id == F_TLS_CERT_DISTRUSTED) &&
			    subjects_within(g, d->list[j]))
				hang = i;
	}
	if (hang < d->nlist) {
		struct diag_group *g = d->list[hang];
		diag_group_drop(d, g);
		memmove(&d->list[hang], &d->list[hang + 1], (d->nlist - hang - 1) * sizeof *d->list);
		d->nlist--;
	}
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if (g->id != F_TLS_HANDSHAKE_IN || strcmp(g->key, "no protocol version or cipher in common") ||
		    (strangers(d, g) < DIAG_TLS_SETTINGS_CLIENTS && !provider_stranger(d, g)))
			continue;
		diag_group_relabel(d, g, F_TLS_SETTINGS_IN, g->key);
	}
}

/* diag_own_limit - full mailboxes of OWN_LIMIT_RCPTS or more recipients on
 * this host, and not one delivery into its mailboxes that succeeded: not
 * a user's full mailbox but a limit (mailbox_size_limit, a quota) that
 * refuses all.  Two full mailboxes in a pasted excerpt say too little. */
enum { OWN_LIMIT_RCPTS = 3 };
void diag_own_limit(struct diag *d)
{
	if (strset_len(&d->own_full_rcpts) < OWN_LIMIT_RCPTS || d->own_delivered)
		return;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if (g->id != F_OWN_MAILBOX_FULL)
			continue;
		diag_group_relabel(d, g, F_OWN_MAILBOX_LIMIT, g->key);
	}
}

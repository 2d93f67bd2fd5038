/*
 * folds.c - the diagnosis' conclusions that fold one finding's lines
 * into another's once the whole log is read (diag_finish): one cause,
 * one finding.  A table of an unsupported type is that type's finding
 * (fold_map_type); lines that tell only an effect, and that no cause of
 * their own process explained as they were read (causes.c), go to their
 * cause (fold_effects: a key-less "451 4.3.5 Server configuration
 * problem", cleanup's "map lookup problem" naming a parameter, a policy
 * server's command exit); "domain not found" for a domain that certainly exists
 * is this host's resolver (resolver_nxdomain); timeouts to port 25 of
 * several unrelated servers are the port blocked on this side
 * (fold_port25); "queue file write error" beside "No space left on
 * device" is the full disk (write_error.c); certificates of several unrelated servers that fail
 * verification, or a public root "untrusted", are this server's trusted
 * CAs, and verification notes no policy enforced are none (fold_tls_trust);
 * a message's text sent as commands by a client of your own whose
 * refusal is logged is that refusal's (fold_text_commands).  The
 * (finding, key) of
 * each folded group is kept as an alias, so that explain ties its lines
 * to where they went.
 */
#include "causes.h"
#include "diag_internal.h"
#include "../parse/provider.h"
#include "../util/cidr.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* diag_lower_span - s in lower case into out (n bytes); false if empty or too long */
bool diag_lower_span(struct span s, char *out, size_t n)
{
	if (!s.n || s.n >= n)
		return false;
	for (size_t i = 0; i < s.n; i++)
		out[i] = (char)tolower((unsigned char)s.p[i]);
	out[s.n] = 0;
	return true;
}

/* diag_nx_note - the name a "not found" delivery failed on: the name of
 * "Name service error for name=NAME type=" (the domain for type=MX, a
 * mail server's host for type=A), else the recipient's domain */
void diag_nx_note(struct diag *d, const struct event *ev)
{
	struct span t = ev->line->text, name = span_find(t, "name=");
	char low[DIAG_KEY_MAX];
	if (name.p) {
		name = span_skip(name, 5);
		size_t n = 0;
		while (n < name.n && name.p[n] != ' ' && name.p[n] != ')' && name.p[n] != ',')
			n++;
		name = span_head(name, n);
	} else {
		ptrdiff_t at = span_rchr(ev->to, '@');
		name = at >= 0 ? span_skip(ev->to, (size_t)at + 1) : SPAN_NULL;
	}
	if (diag_lower_span(name, low, sizeof low))
		strset_add(&d->nx_names, span_of(low));
}

/* diag_alias_add - the lines of (id, key) are now to's; aliases to `from`
 * (a group about to be dropped) follow it */
void diag_alias_add(struct diag *d, enum finding_id id, const char *key, struct diag_group *to,
		      const struct diag_group *from)
{
	for (size_t i = 0; i < d->nalias; i++)
		if (d->alias[i].to == from)
			d->alias[i].to = to;
	d->alias = xrealloc(d->alias, (d->nalias + 1) * sizeof *d->alias);
	d->alias[d->nalias++] = (struct diag_alias){id, xstrdup(key), to};
}

/* diag_alias_of - see diagnose.h */
const struct diag_group *diag_alias_of(const struct diag *d, enum finding_id id, const char *key)
{
	for (size_t i = 0; i < d->nalias; i++)
		if (d->alias[i].id == id && !strcmp(d->alias[i].key, key))
			return d->alias[i].to;
	return NULL;
}

/* diag_absorb - group i of the list folded into `into` (its lines, times,
 * subjects and samples), and dropped */
void diag_absorb(struct diag *d, struct diag_group *into, size_t i)
{
	struct diag_group *g = d->list[i];
	diag_alias_add(d, g->id, g->key, into, g);
	into->lines += g->lines;
	into->recipients += g->recipients;
	diag_group_time(into, g->first);
	diag_group_time(into, g->last);
	diag_subjects_add(&into->subjects, &g->subjects);
	diag_samples_take(into, g->sample, g->nsample);
	d->list[i] = d->list[--d->nlist];
	diag_group_drop(d, g);
}

/* type_of - the group's lines name its table as "type:key" */
static bool type_of(const struct diag_group *g, const char *type)
{
	char want[DIAG_KEY_MAX * 2 + 2];
	snprintf(want, sizeof want, "%s:%s", type, g->key);
	for (uint32_t j = 0; j < g->nsample; j++)
		for (const char *at = g->sample[j]; at && (at = strstr(at, want)); at++)
			if (at == g->sample[j] || !isalnum((unsigned char)at[-1])) /* not texthash: for hash: */
				return true;
	return false;
}

/* diag_fold_map_type - a table of a type this Postfix does not support
 * (F_MAP_TYPE, keyed by the type) also fails to open and to look up:
 * those lines, told as a missing file's (F_MAP_MISSING, keyed by the
 * path: "hash:/etc/postfix/x: table lookup problem") or a database
 * server's (F_MAP_SERVER_DOWN: "mysql:/etc/postfix/x.cf lookup error
 * for"), are the missing type's */
void diag_fold_map_type(struct diag *d)
{
	static const struct {
		const char *type, *server; /* F_MAP_TYPE's key, F_MAP_SERVER_DOWN's */
	} names[] = {{"mysql", "MySQL"}, {"pgsql", "PostgreSQL"}, {"ldap", "LDAP"}};
	for (size_t t = 0; t < d->nlist; t++) {
		struct diag_group *type = d->list[t];
		if (type->id != F_MAP_TYPE)
			continue;
		const char *server = NULL;
		for (size_t n = 0; n < sizeof names / sizeof names[0]; n++)
			if (!strcasecmp(type->key, names[n].type))
				server = names[n].server;
		bool folded = false;
		for (size_t i = d->nlist; i-- > 0;) {
			const struct diag_group *g = d->list[i];
			if ((g->id == F_MAP_MISSING && type_of(g, type->key)) ||
			    (g->id == F_MAP_SERVER_DOWN && server && !strcmp(g->key, server))) {
				diag_absorb(d, type, i);
				folded = true;
			}
		}
		/* absorb moves the last group into the hole: another type's
		 * group may now stand before t; look at the list again */
		if (folded)
			t = (size_t)-1;
	}
}

/* policy_dest - the destination D of a TLS policy group's sample
 * "smtp_tls_policy_maps, next-hop destination \"D\": policy table lookup
 * error" (the table gave no answer), as `"D"` in out; false if none */
static bool policy_dest(const struct diag_group *g, char *out, size_t n)
{
	static const char head[] = "next-hop destination \"";
	for (uint32_t j = 0; j < g->nsample; j++) {
		const char *at = g->sample[j] ? strstr(g->sample[j], head) : NULL;
		if (!at || !strstr(at, "\": policy table lookup error"))
			continue;
		at += sizeof head - 1;
		const char *end = strchr(at, '"');
		if (!end || end == at || (size_t)(end - at) + 3 > n)
			continue;
		snprintf(out, n, "\"%.*s\"", (int)(end - at), at);
		return true;
	}
	return false;
}

/* smtp_socketmap - every kept line of g is a socketmap's lookup error
 * logged by the SMTP client (".../smtp[PID]: warning: socketmap:"): the
 * client asks its tables of outbound mail only, and of those a socketmap
 * is the TLS policy's (an MTA-STS or DANE resolver).  The samples are the
 * group's first lines: on a long log they need not name a destination
 * the policy group's first lines name (another failure of the policy
 * table may have come first) */
static bool smtp_socketmap(const struct diag_group *g)
{
	if (!g->nsample)
		return false;
	for (uint32_t j = 0; j < g->nsample; j++) {
		const char *at = g->sample[j] ? strstr(g->sample[j], "/smtp[") : NULL;
		const char *end = at ? strstr(at, "]: warning: socketmap:") : NULL;
		if (!end || memchr(at, ' ', (size_t)(end - at)))
			return false;
	}
	return true;
}

/* diag_fold_tls_policy_server - smtp_tls_policy_maps got no answer from
 * its table ("policy table lookup error") and a table server's lookup of
 * that same destination failed ("socketmap:inet:H:P:NAME lookup error for
 * \"D\"": an MTA-STS or DANE resolver down or failing): the server's lines
 * are the TLS policy's cause, outbound mail deferred, not a table that
 * refuses incoming mail.  A socketmap the SMTP client asked (smtp_socketmap)
 * is the policy's whatever destinations the first lines name */
void diag_fold_tls_policy_server(struct diag *d)
{
	for (size_t t = 0; t < d->nlist; t++) {
		struct diag_group *pol = d->list[t];
		char dest[DIAG_KEY_MAX + 3];
		if (pol->id != F_OUT_TLS_POLICY || !policy_dest(pol, dest, sizeof dest))
			continue;
		char want[sizeof dest + 24];
		snprintf(want, sizeof want, " lookup error for %s", dest);
		bool folded = false;
		for (size_t i = d->nlist; i-- > 0;) {
			const struct diag_group *g = d->list[i];
			bool same = false;
			for (uint32_t j = 0; g->id == F_MAP_SERVER_DOWN && j < g->nsample && !same; j++)
				same = g->sample[j] && strstr(g->sample[j], want);
			if (!same && g->id == F_MAP_SERVER_DOWN)
				same = smtp_socketmap(g);
			if (same) {
				diag_absorb(d, pol, i);
				folded = true;
			}
		}
		if (folded)
			t = (size_t)-1; /* the list moved: look again (diag_fold_map_type) */
	}
}

/* diag_fold_crashed_transport - a delivery agent that keeps dying
 * (F_DAEMON_THROTTLED keyed by its program: "/usr/libexec/postfix/smtp:
 * bad command startup -- throttling") leaves its mail deferred with
 * "unknown mail transport error" or "mail transport unavailable", which
 * alone read as a transport missing from master.cf (F_TRANSPORT_MISSING,
 * key-less): those deferrals are the crash's */
void diag_fold_crashed_transport(struct diag *d)
{
	static const char *const agents[] = {"smtp", "lmtp", "local", "virtual", "pipe", "error", "discard"};
	struct diag_group *crash = NULL;
	for (size_t t = 0; t < d->nlist && !crash; t++) {
		const struct diag_group *g = d->list[t];
		if (g->id != F_DAEMON_THROTTLED)
			continue;
		const char *base = strrchr(g->key, '/');
		base = base ? base + 1 : g->key;
		for (size_t a = 0; a < sizeof agents / sizeof agents[0]; a++)
			if (!strcmp(base, agents[a]))
				crash = d->list[t];
	}
	if (!crash)
		return;
	for (size_t i = d->nlist; i-- > 0;)
		if (d->list[i]->id == F_TRANSPORT_MISSING && !d->list[i]->key[0])
			diag_absorb(d, crash, i);
}

/* base_of - a daemon's name from a group's key (a path or a name) */
static const char *base_of(const struct diag_group *g)
{
	const char *base = strrchr(g->key, '/');
	return base ? base + 1 : g->key;
}

/* wrote_fatal - a kept line of any group shows the daemon named base
 * writing an error, fatal or panic line ("postfix/BASE[PID]: fatal: ...",
 * a syslog_name before the slash), which tells why it stopped */
static bool wrote_fatal(const struct diag *d, const char *base)
{
	char tag[72];
	int n = snprintf(tag, sizeof tag, "/%s[", base);
	if (n <= 2 || (size_t)n >= sizeof tag)
		return false;
	for (size_t i = 0; i < d->nlist; i++)
		for (uint32_t j = 0; j < d->list[i]->nsample; j++) {
			const char *at = d->list[i]->sample[j] ? strstr(d->list[i]->sample[j], tag) : NULL;
			const char *end = at ? strstr(at, "]: ") : NULL;
			if (end && (!strncmp(end + 3, "error: ", 7) || !strncmp(end + 3, "fatal: ", 7) ||
				    !strncmp(end + 3, "panic: ", 7)))
				return true;
		}
	return false;
}

/* diag_fold_throttled_crash - master's "bad command startup -- throttling"
 * for a daemon it also saw killed by a signal, with no fatal line of that
 * daemon (no daemon-fatal-error group, no kept line of it saying error,
 * fatal or panic: a table it could not open tells why): the throttling is the crashes' doing, and daemon-throttled's
 * advice (read the fatal line before it) points at a line a crash never
 * writes; its lines join daemon-crashed, whose words say master throttles
 * a daemon that keeps dying */
void diag_fold_throttled_crash(struct diag *d)
{
	for (size_t i = d->nlist; i-- > 0;) {
		const struct diag_group *g = d->list[i];
		if (g->id != F_DAEMON_THROTTLED)
			continue;
		bool startup = false;
		for (uint32_t j = 0; j < g->nsample && !startup; j++)
			startup = g->sample[j] && strstr(g->sample[j], "bad command startup");
		struct diag_group *crash = NULL;
		bool fatal = false;
		for (size_t t = 0; t < d->nlist; t++) {
			const struct diag_group *c = d->list[t];
			if ((c->id == F_DAEMON_CRASHED || c->id == F_DAEMON_FATAL) && !strcmp(base_of(c), base_of(g))) {
				if (c->id == F_DAEMON_FATAL)
					fatal = true;
				else
					crash = d->list[t];
			}
		}
		if (startup && crash && !fatal && !wrote_fatal(d, base_of(g)))
			diag_absorb(d, crash, i);
	}
}

/* is_effect - g is row e's effect group */
static bool is_effect(const struct diag_group *g, size_t e)
{
	if (g->id != diag_effects[e].effect)
		return false;
	return diag_effects[e].by_path ? g->key[0] == '/' : !g->key[0];
}

/* same_process - a sample line of g and one of h come from the same
 * "daemon[pid]" */
static bool same_process(const struct diag_group *g, const struct diag_group *h)
{
	for (uint32_t i = 0; i < g->nsample; i++) {
		const char *p = g->sample[i] ? strstr(g->sample[i], "postfix") : NULL;
		const char *end = p ? strstr(p, "]: ") : NULL;
		if (!end || end - p > 80)
			continue;
		char who[96];
		snprintf(who, sizeof who, "%.*s", (int)(end - p + 1), p);
		for (uint32_t j = 0; j < h->nsample; j++)
			if (h->sample[j] && strstr(h->sample[j], who))
				return true;
	}
	return false;
}

/* diag_fold_effects - an effect's group (causes.c's diag_effects: the
 * effect lines no cause of their own process explained as they were
 * read) folded into the group of its cause: the one its lines share a
 * process with, else the only candidate; left alone when several could
 * be it.  One cause, one finding */
void diag_fold_effects(struct diag *d)
{
	for (size_t e = 0; e < diag_neffects; e++)
		for (size_t i = d->nlist; i-- > 0;) {
			if (i >= d->nlist || !is_effect(d->list[i], e))
				continue;
			size_t pick = SIZE_MAX, ncand = 0;
			bool shared = false;
			for (size_t k = 0; k < d->nlist; k++) {
				const struct diag_group *c = d->list[k];
				bool cause = false;
				for (size_t j = 0; j < 8 && diag_effects[e].causes[j]; j++)
					cause |= c->id == diag_effects[e].causes[j];
				if (!cause || k == i || is_effect(c, e))
					continue;
				ncand++;
				if (!shared && same_process(d->list[i], c)) {
					shared = true;
					pick = k;
				} else if (!shared && ncand == 1) {
					pick = k;
				}
			}
			if (pick == SIZE_MAX || (!shared && ncand > 1))
				continue;
			struct diag_group *into = d->list[pick];
			diag_absorb(d, into, i);
		}
	diag_fold_maildrop_waits(d);
}

/* nx_proven - g's lines failed on one of the names (their "name=NAME "
 * in a sample line, or a recipient domain when the line names none) */
static bool nx_proven(const struct diag_group *g, const char **names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char want[DIAG_KEY_MAX + 8];
		snprintf(want, sizeof want, "name=%s ", names[i]);
		bool named = false;
		for (uint32_t j = 0; j < g->nsample; j++) {
			if (!g->sample[j])
				continue;
			char low[DIAG_SAMPLE_MAX + 1];
			size_t m = strlen(g->sample[j]);
			m = m < DIAG_SAMPLE_MAX ? m : DIAG_SAMPLE_MAX;
			diag_lower_span((struct span){g->sample[j], m}, low, sizeof low);
			if (strstr(low, want))
				return true;
			named |= strstr(low, "name=") != NULL;
		}
		if (!named && strset_has(&g->subjects, span_of(names[i])))
			return true;
	}
	return false;
}

/* diag_resolver_nxdomain - "domain not found" for a domain that certainly
 * exists: a mailbox provider's (provider.h), or one that mail was
 * delivered to over port 25 elsewhere in the log: this host's resolver
 * answered, not the domain.  Those groups become one
 * outbound-resolver-not-found; a domain with no such proof stays the
 * recipient's typo (outbound-domain-not-found) */
void diag_resolver_nxdomain(struct diag *d)
{
	size_t nn;
	const char **names = diag_subjects(&(struct diag_group){.subjects = d->nx_names}, &nn);
	size_t k = 0;
	for (size_t i = 0; i < nn; i++) /* the names that certainly exist */
		if (provider_mailbox_domain(span_of(names[i])) || strset_has(&d->sent_domains, span_of(names[i])))
			names[k++] = names[i];
	struct diag_group *into = NULL;
	for (size_t i = d->nlist; i-- > 0 && k;) {
		struct diag_group *g = d->list[i];
		if (g->id != F_OUT_DNS_NXDOMAIN || !nx_proven(g, names, k))
			continue;
		if (into) {
			diag_absorb(d, into, i);
			continue;
		}
		into = g;
		diag_alias_add(d, g->id, g->key, g, NULL);
		diag_group_relabel(d, g, F_OUT_RESOLVER_NXDOMAIN, "");
	}
	free(names);
}

/* diag_fold_own_names - the connect lines ("connect to NAME[...]:25:
 * Connection timed out") to a name root's mail was sent to by
 * local-name-sent-to-unknown-domain (rules.c: this host's own name): the
 * same cause as those deliveries, not a remote's outage; their groups go
 * into it */
void diag_fold_own_names(struct diag *d)
{
	struct diag_group *into = NULL;
	for (size_t i = 0; i < d->nlist && !into; i++)
		if (d->list[i]->id == F_OUT_OWN_ORIGIN_NXDOMAIN)
			into = d->list[i];
	if (!into || !strset_len(&d->own_names))
		return;
	size_t k = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		char low[DIAG_KEY_MAX];
		if ((g->id != F_OUT_TIMEOUT && g->id != F_OUT_REFUSED) ||
		    !diag_lower_span(span_of(g->key), low, sizeof low) ||
		    !strset_has(&d->own_names, span_of(low))) {
			d->list[k++] = g;
			continue;
		}
		if (g->first.us && g->first.us < into->first.us)
			into->first = g->first;
		if (g->last.us > into->last.us)
			into->last = g->last;
		into->lines += g->lines;
		into->merged++;
		diag_samples_take(into, g->sample, g->nsample);
		diag_alias_add(d, g->id, g->key, into, g);
		diag_group_drop(d, g);
	}
	d->nlist = k;
}

/* domain_tail - a host name's last two labels ("mail.example.org" ->
 * "example.org"): two servers with different tails belong to unrelated
 * domains (a country's "co.uk" makes two of them look related: the
 * cautious side) */
static struct span domain_tail(struct span host)
{
	size_t dots = 0;
	for (size_t i = host.n; i > 0; i--)
		if (host.p[i - 1] == '.' && ++dots == 2)
			return span_skip(host, i);
	return host;
}

/* diag_fold_port25 - timeouts to port 25 of three or more servers, of two
 * in unrelated domains (two destinations' outages at once, with nothing
 * delivered over port 25 in between, is the rarer reading), or of a
 * large provider's MX (Gmail's, Microsoft's: they answer on port 25
 * around the clock) on which a delivery ended (or one ended on the missing
 * IPv6 route: dual_stack.c), and not one delivery over port 25: blocked here.  A provider's MX timing out
 * while the delivery went on to end for another reason (the next MX
 * tried, a TLS policy lookup failing) is that one host's trouble */
void diag_fold_port25(struct diag *d)
{
	size_t n = 0;
	bool provider = false, unrelated = false, v6_ended = diag_v6_unreachable_ended(d);
	struct span first = SPAN_NULL;
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if (g->id != F_OUT_TIMEOUT || !g->port25)
			continue;
		n++;
		struct span k = span_of(g->key);
		ptrdiff_t lb = span_chr(k, '[');
		if (lb >= 0)
			k = span_head(k, (size_t)lb);
		provider |= provider_name(k) != NULL && (g->recipients || v6_ended);
		struct span tail = domain_tail(k);
		if (!first.p)
			first = tail;
		else if (!(tail.n == first.n && !strncasecmp(tail.p, first.p, tail.n)))
			unrelated = true;
	}
	if ((n < 3 && !provider && !unrelated) || d->sent_port25)
		return;
	struct diag_group *into = diag_group_fresh(F_OUT_PORT25_BLOCKED, "port 25");
	size_t k = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if (g->id != F_OUT_TIMEOUT || !g->port25) {
			d->list[k++] = g;
			continue;
		}
		if (!into->lines || g->first.us < into->first.us)
			into->first = g->first;
		if (!into->lines || g->last.us > into->last.us)
			into->last = g->last;
		into->lines += g->lines;
		into->recipients += g->recipients;
		into->merged++;
		strset_add(&into->subjects, span_of(g->key));
		diag_samples_take(into, g->sample, g->nsample);
		diag_group_drop(d, g);
	}
	d->list[k++] = into;
	d->nlist = k;
	diag_group_adopt(d, into);
}

/* diag_fold_tls_trust - certificates of three or more unrelated servers (or of a
 * large provider's, whose certificates are valid) fail verification:
 * not their certificates but this server's trusted CAs
 * (smtp_tls_CAfile, smtp_tls_CApath) or a policy that asks too much;
 * their groups become one */
enum { TLS_TRUST_HOSTS = 3 };

/* tls_enforced - a line of g shows a policy that needed the certificate:
 * smtp_proto.c's "Server certificate not verified" (or "not trusted"), a
 * delivery deferred for it, OpenSSL's "certificate verify failed", a
 * name or address "mismatch" (checked only when a policy asks for it) */
static bool tls_enforced(const struct diag_group *g)
{
	static const char *const words[] = {"Server certificate not ", "status=", "verify failed", "mismatch"};
	for (uint32_t i = 0; i < g->nsample; i++)
		for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
			if (g->sample[i] && strstr(g->sample[i], words[w]))
				return true;
	return false;
}

/* tls_public_root - tls_verify.c's "untrusted issuer /C=../O=../CN=.."
 * names a public root CA's organisation: the chain reached a root every
 * system bundle holds, so this server's own list lacks it (a remote
 * server that leaves out an intermediate shows the intermediate) */
static bool tls_public_root(const struct diag_group *g)
{
	static const char *const roots[] = {
	    "DigiCert", "GlobalSign", "Equifax", "ISRG Root", "Internet Security Research Group",
	    "USERTrust", "Sectigo", "COMODO", "Baltimore", "Entrust", "GeoTrust", "VeriSign",
	    "thawte", "Go Daddy", "GoDaddy", "Starfield", "Amazon", "Google Trust Services",
	    "GTS Root", "Microsoft", "QuoVadis", "IdenTrust", "Digital Signature Trust",
	    "Certum", "Buypass", "T-TeleSec", "D-TRUST", "SwissSign", "Actalis", "HARICA"};
	for (uint32_t i = 0; i < g->nsample; i++) {
		const char *u = g->sample[i] ? strstr(g->sample[i], "untrusted issuer ") : NULL;
		if (!u)
			continue;
		for (size_t r = 0; r < sizeof roots / sizeof roots[0]; r++)
			if (strcasestr(u, roots[r]))
				return true;
	}
	return false;
}

void diag_fold_tls_trust(struct diag *d)
{
	/* at an opportunistic level (may) the verification notes are
	 * all there is: the mail left encrypted ("Untrusted TLS connection
	 * established"), nothing waits; they are no finding */
	bool enforced = false;
	for (size_t i = 0; i < d->nlist && !enforced; i++)
		enforced = d->list[i]->id == F_OUT_TLS_UNVERIFIED && tls_enforced(d->list[i]);
	if (!enforced) {
		size_t k = 0;
		for (size_t i = 0; i < d->nlist; i++) {
			if (d->list[i]->id == F_OUT_TLS_UNVERIFIED)
				diag_group_drop(d, d->list[i]);
			else
				d->list[k++] = d->list[i];
		}
		d->nlist = k;
		return;
	}
	struct strset hosts;
	strset_init(&hosts, 16);
	bool provider = false;
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if (g->id != F_OUT_TLS_UNVERIFIED)
			continue;
		provider |= tls_public_root(g);
		if (!g->key[0])
			continue;
		struct span k = span_of(g->key);
		ptrdiff_t lb = span_chr(k, '[');
		if (lb >= 0)
			k = span_head(k, (size_t)lb);
		strset_add(&hosts, k);
		provider |= provider_name(k) != NULL;
	}
	size_t n = strset_len(&hosts);
	strset_free(&hosts);
	if (n < TLS_TRUST_HOSTS && !provider)
		return;
	struct diag_group *into = diag_group_fresh(F_OUT_TLS_TRUST, "");
	size_t k = 0;
	for (size_t i = 0; i < d->nlist; i++) {
		struct diag_group *g = d->list[i];
		if (g->id != F_OUT_TLS_UNVERIFIED) {
			d->list[k++] = g;
			continue;
		}
		if (g->first.us && (!into->first.us || g->first.us < into->first.us))
			into->first = g->first;
		if (g->last.us > into->last.us)
			into->last = g->last;
		into->lines += g->lines;
		into->recipients += g->recipients;
		into->merged++;
		diag_subjects_add(&into->subjects, &g->subjects);
		diag_samples_take(into, g->sample, g->nsample);
		diag_group_drop(d, g);
	}
	d->list[k++] = into;
	d->nlist = k;
	diag_group_adopt(d, into);
}

/* diag_fold_text_commands - a client of your own whose refusal is logged
 * (talking out of turn, a sender domain that does not exist, no login on
 * the submission port, a check of its own network's) and whose message
 * text then came as "non-SMTP command" lines: one cause, the refusal;
 * its text lines go with it (own-client-protocol-error stays for the
 * clients whose refusal is not logged) */
void diag_fold_text_commands(struct diag *d)
{
	static const enum finding_id causes[] = {F_IN_OWN_PIPELINING, F_IN_OWN_SENDER_DOMAIN,
						 F_IN_SUBMISSION_NO_LOGIN, F_IN_OWN_CLIENT_REFUSED,
						 F_IN_OWN_RELAY_DENIED, F_IN_SENDER_LOGIN_MISMATCH,
						 F_IN_OWN_LOGIN_REQUIRED, F_IN_LOCAL_LOGIN_REQUIRED,
						 F_IN_LOGIN_MAP_OWN_ADDRESS};
	for (size_t i = d->nlist; i-- > 0;) {
		struct diag_group *g = d->list[i];
		if (g->id != F_IN_OWN_TEXT_AS_COMMANDS)
			continue;
		struct diag_group *cause = NULL;
		for (size_t c = 0; c < sizeof causes / sizeof causes[0] && !cause; c++)
			for (size_t j = 0; j < d->nlist && !cause; j++) {
				struct diag_group *p = d->list[j];
				if (p->id == causes[c] &&
				    (!strcmp(p->key, g->key) || strset_has(&p->subjects, span_of(g->key))))
					cause = p;
			}
		if (cause)
			diag_absorb(d, cause, i);
	}
}

/* loopback_only - every client among g's subjects is this host itself */
static bool loopback_only(const struct diag_group *g)
{
	if (!strset_len(&g->subjects) || g->subjects.dropped)
		return false;
	for (uint64_t r = 0; r < g->subjects.map.cap; r++) {
		uint64_t h;
		const char *ip = hmap_slot(&g->subjects.map, r, &h);
		if (ip && !cidr_loopback_text(ip, strlen(ip)))
			return false;
	}
	return true;
}

/* diag_fold_own_hop_tls - smtpd's side of this host's own TLS hop: a
 * handshake failure whose every client is loopback, in a log where the
 * SMTP client's TLS to this host's filter port failed (content-filter-
 * failed on a loopback address, its lines naming TLS: "Cannot start
 * TLS" after "SSL_connect error to 127.0.0.1[...]:10025"): both ends of
 * one handshake, this server's, not old clients or scanners */
void diag_fold_own_hop_tls(struct diag *d)
{
	struct diag_group *hop = NULL;
	for (size_t j = 0; j < d->nlist && !hop; j++) {
		const struct diag_group *f = d->list[j];
		if (f->id != F_FILTER_FAILED || (strncmp(f->key, "127.", 4) && strncmp(f->key, "[::1]", 5)))
			continue;
		for (uint32_t k = 0; k < f->nsample && !hop; k++)
			if (strstr(f->sample[k], "TLS"))
				hop = d->list[j];
	}
	for (size_t i = d->nlist; hop && i-- > 0;)
		if (d->list[i]->id == F_TLS_HANDSHAKE_IN && loopback_only(d->list[i]))
			diag_absorb(d, hop, i);
}

/*
 * conclude.c - what only the whole log tells, after its last line:
 * which logins each client and account made, the clients that sent
 * through a compromised account, the admin's own applications refused
 * relaying, this host's resolver failing, a user's device with an old
 * password, an office's typing mistakes; then every verdict and the
 * sorted lists (analysis_finish).  The records are filled by analysis.c;
 * the verdicts' rules are in verdict.c.
 */
#include "records.h"
#include "../parse/provider.h"
#include "../util/cidr.h"
#include "../util/radix.h"
#include "../util/xalloc.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define sat_add records_sat_add

/* own_app_hash - is h the hash of a domain this server delivers to itself */
static void own_app_mark(void *obj, void *ctx)
{
	uint32_t *h = ctx;
	if (*h && analysis_domain_hash(span_of(obj)) == *h)
		*h = 0;
}

/* analysis_relay_from_local - the sender of c's first "Relay access
 * denied" is in a domain this server delivers to itself */
bool analysis_relay_from_local(const struct analysis *a, const struct client *c)
{
	uint32_t h = c->relay_from_hash;
	if (!h || !strset_len(&a->local_domains))
		return false;
	hmap_each((struct hmap *)&a->local_domains.map, own_app_mark, &h);
	return !h;
}

/* analysis_own_app_refused - c is on this server's own network and every
 * refusal smtpd gave it named a sender of one domain that this server
 * delivers to itself, or each named a sender in its recipient's domain
 * (mail within one domain): the admin's own application or device refused by
 * this server's checks (a HELO or name check; own-client-refused), not
 * spam.  Its detail keeps the senders; without it nothing is excused */
bool analysis_own_app_refused(const struct analysis *a, const struct client *c)
{
	const struct client_detail *d = client_detail(a, c);
	if (!d || !d->refused_from_hash || d->refused_from_other)
		return false;
	struct client_addr ip = client_addr(c);
	if (!cidr_own_network(ip.s, strlen(ip.s)))
		return false;
	/* every refusal was mail within the recipient's own domain */
	if (d->refused_intra && !d->refused_cross)
		return true;
	if (!strset_len(&a->local_domains))
		return false;
	uint32_t h = d->refused_from_hash;
	hmap_each((struct hmap *)&a->local_domains.map, own_app_mark, &h);
	return !h;
}

/* excuse_refusals - a client's refused sessions accuse nobody: its
 * spam-rejected ones, counts and evidence, become unclear */
static void excuse_refusals(struct analysis *a, struct client *c)
{
	sat_add(&c->by_verdict[V_UNKNOWN], c->by_verdict[V_SPAM_REJECTED]);
	c->by_verdict[V_SPAM_REJECTED] = 0;
	struct client_detail *d = records_detail_get(a, c);
	for (uint32_t j = 0; d && j < d->nevidence; j++)
		if (d->evidence[j].verdict == V_SPAM_REJECTED)
			d->evidence[j].verdict = V_UNKNOWN;
}

/* loopback_client - c is this host itself (127.0.0.0/8, ::1, an IPv4
 * loopback address mapped into IPv6): a program on this machine (a web
 * application, cron, monit) or a proxy of the admin's own; whatever this
 * server's checks refused of it is no spam to shrug off */
static bool loopback_client(const struct client *c)
{
	struct client_addr ip = client_addr(c);
	return cidr_loopback_text(ip.s, strlen(ip.s));
}

/* excuse_own_app_refusals - a client of analysis_own_app_refused, or
 * this host's own loopback address, sent nothing wrong: its refused
 * sessions accuse nobody */
static void excuse_own_app_refusals(struct analysis *a)
{
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = records_client(a, (uint32_t)i);
		if (c->by_verdict[V_SPAM_REJECTED] && (loopback_client(c) || analysis_own_app_refused(a, c)))
			excuse_refusals(a, c);
	}
}

/* excuse_container_refusals - a client named by Docker's embedded DNS
 * (cidr_container_name) is one of the admin's own containers (a webmail,
 * a quarantine release), whatever its address: its refused sessions
 * accuse nobody; own-client-refused tells the refusal */
static void excuse_container_refusals(struct analysis *a)
{
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = records_client(a, (uint32_t)i);
		if (!c->by_verdict[V_SPAM_REJECTED])
			continue;
		const struct client_detail *d = client_detail(a, c);
		if (d && d->ptr && cidr_container_name(d->ptr, strlen(d->ptr)))
			excuse_refusals(a, c);
	}
}

/* excuse_device_logins - a client of verdict_device_logins guessed
 * nothing: its sessions of failed logins, counts and evidence, become
 * unclear (the prose tells the mail program's fallback) */
static void excuse_device_logins(struct analysis *a)
{
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = records_client(a, (uint32_t)i);
		if (!c->by_verdict[V_AUTH_BRUTEFORCE] || !verdict_device_logins(c))
			continue;
		sat_add(&c->by_verdict[V_UNKNOWN], c->by_verdict[V_AUTH_BRUTEFORCE]);
		c->by_verdict[V_AUTH_BRUTEFORCE] = 0;
		struct client_detail *d = records_detail_get(a, c);
		for (uint32_t j = 0; d && j < d->nevidence; j++)
			if (d->evidence[j].verdict == V_AUTH_BRUTEFORCE)
				d->evidence[j].verdict = V_UNKNOWN;
	}
}

/* mark_own_apps - CF_OWN_APP: refused relaying, on this server's own network,
 * with a sender in a domain this server delivers to itself, or with only
 * the null sender (MAIL FROM:<>: a mail server's bounces and notices, its
 * own or a neighbour's handed over through this one): the admin's own
 * application, device or server outside mynetworks, not someone testing
 * for an open relay (the finding own-client-relay-denied tells the fix) */
static void mark_own_apps(struct analysis *a)
{
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = records_client(a, (uint32_t)i);
		bool null_only = c->relay_null_from && !c->relay_from_hash;
		if (!c->relay_denied || (!c->relay_from_hash && !null_only) ||
		    (!null_only && !strset_len(&a->local_domains)))
			continue;
		struct client_addr ip = client_addr(c);
		if (!cidr_own_network(ip.s, strlen(ip.s)))
			continue;
		uint32_t h = c->relay_from_hash;
		if (h)
			hmap_each(&a->local_domains.map, own_app_mark, &h);
		if (!h)
			c->flags |= CF_OWN_APP;
	}
}

/* own_unsure - a relay attempt from this server's own network (loopback,
 * a private address) while the log shows no domain this server delivers
 * to itself: whether its sender is local (its own application, see
 * mark_own_apps) cannot be told, and behind Docker or a NAT the address
 * stands for other clients; it is not judged (never banned), and
 * own-client-relay-denied tells the fix */
static bool own_unsure(const struct analysis *a, const struct client *c)
{
	if (c->verdict != V_RELAY_ATTEMPT || strset_len(&a->local_domains))
		return false;
	struct client_addr ip = client_addr(c);
	return cidr_own_network(ip.s, strlen(ip.s));
}

/* own_front - a client on this server's own network (loopback, a
 * private address, ULA) judged a password guesser or a bot that talks
 * out of turn: one of the admin's devices with a wrong password, a test
 * by hand (telnet), a monitoring check, or a gateway (Docker's published
 * ports, a router's NAT) through which Internet clients arrive, all of
 * them with its address.  Banning it locks out the admin's own side, or
 * everyone behind the gateway: it is not judged (never banned), and its
 * explanation tells what it did (verdict_explain.c, unknown_text) */
static bool own_front(const struct client *c)
{
	if (c->verdict != V_AUTH_BRUTEFORCE && c->verdict != V_PREGREET && c->verdict != V_PIPELINING &&
	    c->verdict != V_PROTOCOL_VIOLATION)
		return false;
	struct client_addr ip = client_addr(c);
	return cidr_own_network(ip.s, strlen(ip.s));
}

/* analysis_own_failed_logins - a client on this server's own network
 * left unjudged (own_front) whose logins failed and that never logged
 * in nor sent: the report keeps that guessing may go on behind it in
 * view (a gateway's address) without ever asking for its ban */
bool analysis_own_failed_logins(const struct client *c)
{
	uint64_t f = c->auth_failures > c->auth_backend_fail ? c->auth_failures - c->auth_backend_fail : 0;
	if (c->verdict != V_UNKNOWN || !f || c->messages || c->auth_successes || c->auth_ok_sessions)
		return false;
	struct client_addr ip = client_addr(c);
	return cidr_own_network(ip.s, strlen(ip.s));
}

/* analysis_resolver_failing - smtpd's "Domain not found" named domains
 * that always resolve: this host's lookups failed (provider.h's
 * RESOLVER_DOMAINS and RESOLVER_KNOWN) */
bool analysis_resolver_failing(const struct analysis *a)
{
	return strset_len(&a->dnf_domains) >= RESOLVER_DOMAINS && a->dnf_known >= RESOLVER_KNOWN;
}

/* excuse_resolver_refusals - when this host's resolver failed, a client
 * refused only because its domain "was not found" sent nothing wrong:
 * those sessions accuse nobody */
static void excuse_resolver_refusals(struct analysis *a)
{
	if (!analysis_resolver_failing(a) || !strset_len(&a->dnf_clients))
		return;
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = records_client(a, (uint32_t)i);
		if (!c->by_verdict[V_SPAM_REJECTED])
			continue;
		struct client_addr ip = client_addr(c);
		if (strset_has(&a->dnf_clients, span_of(ip.s)) && !strset_has(&a->dnf_other, span_of(ip.s)))
			excuse_refusals(a, c);
	}
}

/* index_logins - the logins of each client and of each account, in the
 * order they first happened (a counting sort over the pairs) */
static void index_logins(struct analysis *a)
{
	size_t nl = a->logins.n;
	a->logins_by_client = xcalloc(nl + 1, sizeof *a->logins_by_client);
	a->logins_by_account = xcalloc(nl + 1, sizeof *a->logins_by_account);
	for (size_t i = 0; i < nl; i++) {
		records_client(a, records_login(a, (uint32_t)i)->client)->nlogin++;
		records_account(a, records_login(a, (uint32_t)i)->account)->nlogin++;
	}
	uint32_t at = 0;
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = records_client(a, (uint32_t)i);
		c->login0 = at;
		at += c->nlogin;
		c->nlogin = 0;
	}
	at = 0;
	for (size_t i = 0; i < a->accounts.n; i++) {
		struct account *ac = records_account(a, (uint32_t)i);
		ac->login0 = at;
		at += ac->nlogin;
		ac->nlogin = 0;
	}
	for (size_t i = 0; i < nl; i++) {
		const struct login *l = records_login(a, (uint32_t)i);
		struct client *c = records_client(a, l->client);
		struct account *ac = records_account(a, l->account);
		a->logins_by_client[c->login0 + c->nlogin++] = (uint32_t)i;
		a->logins_by_account[ac->login0 + ac->nlogin++] = (uint32_t)i;
	}
}

/* mark_abused - clients that sent through a compromised account: its
 * unusual new source, or, with no earlier address in the log, the one
 * that sent most of it */
static void mark_abused(struct analysis *a)
{
	for (size_t i = 0; i < a->accounts.n; i++) {
		const struct account *ac = records_account(a, (uint32_t)i);
		if (!ac->compromised)
			continue;
		for (uint32_t k = 0; k < ac->nlogin; k++) {
			struct client *c = records_client(a, account_login(a, ac, k)->client);
			if (ac->new_ip ? ac->new_ip - 1 == account_login(a, ac, k)->client
				       : (uint64_t)c->recipients * 10 >= (uint64_t)ac->recipients * 8 &&
					     c->recipients >= 20)
				c->flags |= CF_ABUSED;
		}
	}
}

/* sort keys: severity and sessions in one number, then the address;
 * whether it is IPv4 is in the key too (the top bit of i set: not
 * IPv4), so that the comparison reads a record, a cache miss on a botnet
 * day, only for two clients of other kinds.  Past 2^31 clients the bit
 * is needed for i, and the kind is read from the record (by_severity_big) */
struct ckey_sort {
	uint64_t k;
	uint32_t v4;            /* v4_key, for two IPv4 clients */
	uint32_t i;
};
#define SORT_NOT_V4 0x80000000u

/* by_severity - clients: most serious verdict first, then sessions, then address */
static int by_severity(const void *x, const void *y, void *ctx)
{
	const struct ckey_sort *p = x, *q = y;
	if (p->k != q->k)
		return p->k < q->k ? -1 : 1;
	if (!((p->i | q->i) & SORT_NOT_V4))
		return p->v4 < q->v4 ? -1 : p->v4 > q->v4;
	const struct analysis *a = ctx;
	return client_cmp_addr(records_client(a, p->i & ~SORT_NOT_V4),
			       records_client(a, q->i & ~SORT_NOT_V4));
}

/* by_severity_big - the same, for 2^31 clients or more */
static int by_severity_big(const void *x, const void *y, void *ctx)
{
	const struct ckey_sort *p = x, *q = y;
	if (p->k != q->k)
		return p->k < q->k ? -1 : 1;
	const struct analysis *a = ctx;
	const struct client *cp = records_client(a, p->i), *cq = records_client(a, q->i);
	if (cp->kind == CA_V4 && cq->kind == CA_V4)
		return p->v4 < q->v4 ? -1 : p->v4 > q->v4;
	return client_cmp_addr(cp, cq);
}

/* by_account - compromised first, then volume, then name */
static int by_account(const void *x, const void *y)
{
	const struct account *a = *(struct account *const *)x, *b = *(struct account *const *)y;
	if (a->compromised != b->compromised)
		return b->compromised - a->compromised;
	if (a->recipients != b->recipients)
		return a->recipients < b->recipients ? 1 : -1;
	return strcmp(a->name, b->name);
}

/* sort_clients - a->clist, most serious first */
static void sort_clients(struct analysis *a)
{
	size_t n = a->clients.n;
	bool big = n > SORT_NOT_V4;
	struct ckey_sort *keys = xcalloc(n + 1, sizeof *keys);
	for (size_t i = 0; i < n; i++) {
		const struct client *c = records_client(a, (uint32_t)i);
		keys[i].k = (uint64_t)(4 - verdict_severity(c->verdict)) << 32 | (UINT32_MAX - c->sessions);
		keys[i].v4 = c->kind == CA_V4 ? records_v4_key(c) : 0;
		keys[i].i = (uint32_t)i;
		if (!big && c->kind != CA_V4)
			keys[i].i |= SORT_NOT_V4;
	}
	if (big) {
		qsort_r(keys, n, sizeof *keys, by_severity_big, a);
	} else {
		/* by (k, v4) with two stable radix passes, not a comparison
		 * per pair: for two IPv4 clients that is by_severity's order
		 * (v4 keys differ between clients); a run of one k holding
		 * another kind of client is sorted again by by_severity */
		radix_sort(keys, n, sizeof *keys, offsetof(struct ckey_sort, v4), sizeof keys->v4);
		radix_sort(keys, n, sizeof *keys, offsetof(struct ckey_sort, k), sizeof keys->k);
		for (size_t r = 0; r < n;) {
			size_t e = r;
			bool other = false;
			for (; e < n && keys[e].k == keys[r].k; e++)
				other |= (keys[e].i & SORT_NOT_V4) != 0;
			if (other)
				qsort_r(keys + r, e - r, sizeof *keys, by_severity, a);
			r = e;
		}
	}
	a->clist = xcalloc(n + 1, sizeof *a->clist);
	for (size_t i = 0; i < n; i++)
		a->clist[i] = records_client(a, keys[i].i & (big ? UINT32_MAX : ~SORT_NOT_V4));
	a->nclist = n;
	free(keys);
}

/* hash_cmp - uint32_t order, for bsearch */
static int hash_cmp(const void *x, const void *y)
{
	uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
	return p < q ? -1 : p > q;
}

/* login_hashes - tried_note's hash of every account that logged in,
 * sorted (n: how many) */
static uint32_t *login_hashes(const struct analysis *a, size_t *n)
{
	uint32_t *h = xcalloc(a->accounts.n + 1, sizeof *h);
	*n = 0;
	for (size_t i = 0; i < a->accounts.n; i++) {
		const struct account *ac = records_account(a, (uint32_t)i);
		struct span name = span_of(ac->name);
		if (!ac->logins || !name.n)
			continue;
		h[(*n)++] = records_name_hash(name);
	}
	qsort(h, *n, sizeof *h, hash_cmp);
	return h;
}

/* stale_password - a would-be password guesser that is a user's own
 * device with an old password: every failed login named one user, who
 * logs in (from another address) in this log, it never got in, failed
 * at most twice a session, over several sessions a minute or more
 * apart (a mail program polling on its schedule, not a guesser: those
 * try many names, or one name fast).  With the detail kept, the name is
 * compared in full, not only by its hash. */
static bool stale_password(const struct analysis *a, const struct client *c, const uint32_t *h,
			   size_t nh)
{
	if ((c->flags & (CF_TRIED_ONE | CF_TRIED_MANY)) != CF_TRIED_ONE || c->auth_successes ||
	    c->auth_ok_sessions || c->messages || c->sessions < 2 ||
	    c->auth_failures > 2 * (uint64_t)c->sessions)
		return false;
	if (!c->first_us || c->last_us - c->first_us < 60LL * 1000000 * (c->sessions - 1))
		return false;
	if (!bsearch(&c->tried_hash, h, nh, sizeof *h, hash_cmp))
		return false;
	const struct client_detail *d = client_detail(a, c);
	if (!d || d->tried_dropped || d->ntried != 1)
		return !d;
	for (size_t i = 0; i < a->accounts.n; i++) {
		const struct account *ac = records_account(a, (uint32_t)i);
		if (ac->logins && !strcmp(ac->name, d->tried[0].name))
			return true;
	}
	return false;
}

/* logs_in_here - user is an account that logged in from c */
static bool logs_in_here(const struct analysis *a, const struct client *c, const char *user)
{
	for (uint32_t k = 0; k < c->nlogin; k++) {
		const struct login *l = records_login(a, a->logins_by_client[c->login0 + k]);
		if (!strcmp(records_account(a, l->account)->name, user))
			return true;
	}
	return false;
}

/* typing_mistakes - logins after failures that are the people behind a
 * shared address (an office, a home network) mistyping: two or more
 * accounts log in from it, its successes are at least twice its failed
 * passwords, and every username that failed (when the log names them)
 * is one that logs in from it.  A guesser that got in has many more
 * failures than logins, under names that never get in. */
static bool typing_mistakes(const struct analysis *a, const struct client *c)
{
	if (c->nlogin < 2 || (uint64_t)c->auth_successes < 2 * (uint64_t)c->pw_failures)
		return false;
	if (!(c->flags & (CF_TRIED_ONE | CF_TRIED_MANY)))
		return true;
	const struct client_detail *d = client_detail(a, c);
	if (!d || d->tried_dropped || !d->ntried)
		return false;
	for (uint32_t i = 0; i < d->ntried; i++)
		if (!logs_in_here(a, c, d->tried[i].name))
			return false;
	return true;
}

/* analysis_finish - verdicts for everyone, sorted lists */
void analysis_finish(struct analysis *a)
{
	index_logins(a);
	a->alist = xcalloc(a->accounts.n + 1, sizeof *a->alist);
	for (size_t i = 0; i < a->accounts.n; i++) {
		struct account *ac = records_account(a, (uint32_t)i);
		verdict_account(a, ac);
		a->accounts_detail_lost += !!(ac->flags & AF_DETAIL_LOST);
		a->alist[a->nalist++] = ac;
	}
	mark_abused(a);
	mark_own_apps(a);
	size_t nh;
	uint32_t *h = login_hashes(a, &nh);
	excuse_resolver_refusals(a);
	excuse_own_app_refusals(a);
	excuse_container_refusals(a);
	excuse_device_logins(a);
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = records_client(a, (uint32_t)i);
		c->verdict = (uint8_t)verdict_decide(c);
		if (c->verdict == V_AUTH_BRUTEFORCE && nh && stale_password(a, c, h, nh))
			c->verdict = V_STALE_PASSWORD;
		else if (c->verdict == V_AUTH_SUCCESS_AFTER_FAILURES && typing_mistakes(a, c))
			c->verdict = V_LEGITIMATE;
		else if (own_unsure(a, c) || own_front(c))
			c->verdict = V_UNKNOWN;
		a->clients_detail_lost += !!(c->flags & CF_DETAIL_LOST);
	}
	free(h);
	sort_clients(a);
	qsort(a->alist, a->nalist, sizeof *a->alist, by_account);
}

/* analysis_relay_abusers - the clients of ips (mail relayed to outside
 * domains through an open relay, as the diagnosis found) that never log
 * in and are not on this server's own network: relay-abuser; the list
 * sorted again when any changed (after analysis_finish: watch has none) */
size_t analysis_relay_abusers(struct analysis *a, const char *const *ips, size_t n)
{
	size_t changed = 0;
	for (size_t i = 0; i < n; i++) {
		struct client *c = analysis_client(a, ips[i]);
		struct cidr x;
		if (!c || (cidr_addr(ips[i], &x) && cidr_own(&x)))
			continue;
		c->diag_flags |= CD_RELAY_ABUSE;
		enum verdict v = verdict_decide(c);
		if (v != c->verdict) {
			c->verdict = (uint8_t)v;
			changed++;
		}
	}
	if (changed && a->clist) { /* not before analysis_finish (watch) */
		free(a->clist);
		sort_clients(a);
	}
	return changed;
}

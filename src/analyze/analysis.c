/*
 * analysis.c - aggregate sessions, messages and side events per client
 * address and per SASL account.  Verdicts are in verdict.c.
 *
 * Every client, account and login is a fixed-size record in a flat
 * array (util/spillvec), found through an index of record numbers
 * (util/idxmap) keyed by the binary address or the name, with a hash
 * seeded at random per run so that a crafted flood of addresses cannot
 * pile up on one probe sequence.  Records are never removed.  The detail
 * (struct client_detail, struct account_detail) lives in a bounded cache:
 * when it is full, the least active of 16 sampled owners gives its detail
 * up for a more active newcomer; both are flagged as having lost detail.
 *
 * Untrusted: every name kept here came from the log; they are copied
 * (capped) and escaped by the writers.  An "address" that is not an IP
 * address written the way inet_ntop writes it is kept as text, so that
 * what is printed is always what the log said.
 */
#include "analysis.h"
#include "auth.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define NAME_CAP 256
#define EVICT_SAMPLES 16

_Static_assert(sizeof(struct client) <= 200, "the compact client record grew past 200 bytes");

/* a client address as a key: binary, or text */
struct ckey {
	uint8_t kind;
	unsigned char addr[16];
	struct span text;
};

/* cap_dup - a capped copy */
static char *cap_dup(struct span s)
{
	if (s.n > NAME_CAP)
		s.n = NAME_CAP;
	return xspandup(s);
}

/* sat_add - add to a 32-bit counter, stopping at its maximum */
static void sat_add(uint32_t *x, uint64_t n)
{
	uint64_t s = (uint64_t)*x + n;
	*x = s > UINT32_MAX ? UINT32_MAX : (uint32_t)s;
}

/* crec - client number i */
static struct client *crec(const struct analysis *a, uint32_t i)
{
	return spillvec_at(&a->clients, i);
}

/* arec - account number i */
static struct account *arec(const struct analysis *a, uint32_t i)
{
	return spillvec_at(&a->accounts, i);
}

/* lrec - login number i */
static struct login *lrec(const struct analysis *a, uint32_t i)
{
	return spillvec_at(&a->logins, i);
}

/* cnum - the number of a client record */
static uint32_t cnum(const struct analysis *a, const struct client *c)
{
	return (uint32_t)(((const unsigned char *)c - a->clients.p) / sizeof *c);
}

/* anum - the number of an account record */
static uint32_t anum(const struct analysis *a, const struct account *ac)
{
	return (uint32_t)(((const unsigned char *)ac - a->accounts.p) / sizeof *ac);
}

/* client_text - the text of a CA_TEXT client */
static const char *client_text(const struct client *c)
{
	const char *t;
	memcpy(&t, c->addr, sizeof t);
	return t;
}

/* random_seed - per-run hash seed: the kernel's, else time and pid */
static uint64_t random_seed(void)
{
	uint64_t s;
	if (getrandom(&s, sizeof s, GRND_NONBLOCK) == (ssize_t)sizeof s)
		return s;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_nsec * 0x9e3779b97f4a7c15ULL ^ (uint64_t)getpid() << 32 ^
	       (uint64_t)ts.tv_sec;
}

/* analysis_new - empty, with the default limits */
struct analysis *analysis_new(void)
{
	struct analysis *a = xcalloc(1, sizeof *a);
	a->rng = 0x9e3779b97f4a7c15ULL;
	a->seed = random_seed();
	a->budget.limit = membudget_default();
	a->cdetail_max = ANALYSIS_DETAIL_CLIENTS;
	a->adetail_max = ANALYSIS_DETAIL_ACCOUNTS;
	spillvec_init(&a->clients, sizeof(struct client), &a->budget);
	spillvec_init(&a->accounts, sizeof(struct account), &a->budget);
	spillvec_init(&a->logins, sizeof(struct login), &a->budget);
	idxmap_init(&a->client_ix);
	idxmap_init(&a->account_ix);
	idxmap_init(&a->login_ix);
	a->budget.held += idxmap_bytes(&a->client_ix) + idxmap_bytes(&a->account_ix) +
			  idxmap_bytes(&a->login_ix);
	return a;
}

/* analysis_limits - memory budget for the records (0: the default) and
 * how many clients and accounts keep their detail, at most one per 16 KiB
 * of an explicit budget; before the first event */
void analysis_limits(struct analysis *a, size_t memory_budget, uint32_t detail_clients,
		     uint32_t detail_accounts)
{
	a->cdetail_max = detail_clients;
	a->adetail_max = detail_accounts;
	if (!memory_budget)
		return;
	a->budget.limit = memory_budget;
	size_t room = memory_budget >> 14;
	if (room < a->cdetail_max)
		a->cdetail_max = (uint32_t)room;
	if (room < a->adetail_max)
		a->adetail_max = (uint32_t)room;
}

/* ix_add - index a new record, counting the index's growth in the budget */
static void ix_add(struct analysis *a, struct idxmap *ix, uint64_t h, size_t rec)
{
	size_t before = idxmap_bytes(ix);
	idxmap_add(ix, h, (uint32_t)rec);
	a->budget.held += idxmap_bytes(ix) - before;
}

/* next_rand - xorshift, for eviction samples (fixed seed: runs repeat) */
static uint64_t next_rand(struct analysis *a)
{
	a->rng ^= a->rng << 13;
	a->rng ^= a->rng >> 7;
	a->rng ^= a->rng << 17;
	return a->rng;
}

/* ---- client addresses ---- */

/* ntop_same - does the address format back to exactly the text t */
static bool ntop_same(int af, const void *bin, const char *t)
{
	char back[INET6_ADDRSTRLEN];
	return inet_ntop(af, bin, back, sizeof back) && !strcmp(back, t);
}

/* ckey_of - the key of an address as the log wrote it */
static struct ckey ckey_of(struct span ip)
{
	struct ckey k = {0};
	if (!ip.n)
		ip = SPAN_LIT(CLIENT_NO_ADDRESS); /* "unknown[]": the address was removed */
	if (ip.n > NAME_CAP)
		ip.n = NAME_CAP;
	char t[INET6_ADDRSTRLEN];
	if (ip.n < sizeof t && !memchr(ip.p, 0, ip.n)) {
		memcpy(t, ip.p, ip.n);
		t[ip.n] = 0;
		struct in_addr v4;
		struct in6_addr v6;
		if (inet_pton(AF_INET, t, &v4) == 1 && ntop_same(AF_INET, &v4, t)) {
			k.kind = CA_V4;
			k.addr[10] = k.addr[11] = 0xff;
			memcpy(k.addr + 12, &v4, 4);
			return k;
		}
		if (memchr(t, ':', ip.n) && inet_pton(AF_INET6, t, &v6) == 1 && ntop_same(AF_INET6, &v6, t)) {
			k.kind = CA_V6;
			memcpy(k.addr, &v6, 16);
			return k;
		}
	}
	k.kind = CA_TEXT;
	k.text = ip;
	return k;
}

/* ckey_hash - seeded hash of a key */
static uint64_t ckey_hash(const struct analysis *a, const struct ckey *k)
{
	if (k->kind == CA_TEXT)
		return span_hash_seed(k->text, a->seed ^ CA_TEXT);
	return span_hash_seed(span_make((const char *)k->addr, 16), a->seed ^ k->kind);
}

/* ckey_eq - does client c have key k */
static bool ckey_eq(const struct client *c, const struct ckey *k)
{
	if (c->kind != k->kind)
		return false;
	if (k->kind == CA_TEXT)
		return span_eqs(k->text, client_text(c));
	return !memcmp(c->addr, k->addr, 16);
}

/* client_find - the client with key k, or NULL */
static struct client *client_find(struct analysis *a, const struct ckey *k, uint64_t h)
{
	struct idxmap_iter it;
	for (uint32_t i = idxmap_first(&a->client_ix, h, &it); i != IDXMAP_NONE;
	     i = idxmap_next(&a->client_ix, &it)) {
		struct client *c = crec(a, i);
		if (ckey_eq(c, k)) {
			spillvec_touch(&a->clients);
			return c;
		}
	}
	return NULL;
}

/* client_get - the client for ip, created when new (NULL only for no ip) */
static struct client *client_get(struct analysis *a, struct span ip)
{
	if (!ip.p)
		return NULL;
	struct ckey k = ckey_of(ip);
	uint64_t h = ckey_hash(a, &k);
	struct client *c = client_find(a, &k, h);
	if (c)
		return c;
	c = spillvec_push(&a->clients);
	c->kind = k.kind;
	if (k.kind == CA_TEXT) {
		char *t = arena_dup(&a->names, k.text);
		memcpy(c->addr, &t, sizeof t);
	} else {
		memcpy(c->addr, k.addr, 16);
	}
	c->first_fail_us = INT64_MAX;
	c->last_success_us = INT64_MIN;
	ix_add(a, &a->client_ix, h, a->clients.n - 1);
	return c;
}

/* analysis_client - lookup by address as the log writes it (NULL when unknown) */
struct client *analysis_client(struct analysis *a, const char *ip)
{
	struct ckey k = ckey_of(span_of(ip));
	return client_find(a, &k, ckey_hash(a, &k));
}

/* analysis_client_get - the number of the client for ip, made when new
 * (UINT32_MAX when there is no address at all) */
uint32_t analysis_client_get(struct analysis *a, struct span ip)
{
	struct client *c = client_get(a, ip);
	return c ? cnum(a, c) : UINT32_MAX;
}

/* analysis_client_number - a client's number (its place in the records) */
uint32_t analysis_client_number(const struct analysis *a, const struct client *c)
{
	return cnum(a, c);
}

/* client_addr - the address as text */
struct client_addr client_addr(const struct client *c)
{
	struct client_addr t;
	t.s[0] = 0;
	if (c->kind == CA_V4)
		inet_ntop(AF_INET, c->addr + 12, t.s, sizeof t.s);
	else if (c->kind == CA_V6)
		inet_ntop(AF_INET6, c->addr, t.s, sizeof t.s);
	else if (c->kind == CA_TEXT)
		snprintf(t.s, sizeof t.s, "%s", client_text(c));
	return t;
}

/* client_is_placeholder - the "(address not logged)" client */
bool client_is_placeholder(const struct client *c)
{
	return c->kind == CA_TEXT && !strcmp(client_text(c), CLIENT_NO_ADDRESS);
}

/* v4_rank - for each octet, the place of its decimal text among the 256
 * (so that comparing ranks octet by octet orders like strcmp on the text) */
static const uint8_t *v4_rank(void)
{
	static uint8_t rank[256];
	static bool done;
	if (!done) {
		/* "0" "1" "10" "100" ... "109" "11" "110" ...: count the texts below each */
		char txt[256][4];
		for (int i = 0; i < 256; i++)
			snprintf(txt[i], sizeof txt[i], "%d", i);
		for (int i = 0; i < 256; i++) {
			int r = 0;
			for (int j = 0; j < 256; j++)
				r += strcmp(txt[j], txt[i]) < 0;
			rank[i] = (uint8_t)r;
		}
		done = true;
	}
	return rank;
}

/* v4_key - an IPv4 client's text order as a number */
static uint32_t v4_key(const struct client *c)
{
	const uint8_t *r = v4_rank();
	const unsigned char *p = c->addr + 12;
	return (uint32_t)r[p[0]] << 24 | (uint32_t)r[p[1]] << 16 | (uint32_t)r[p[2]] << 8 | r[p[3]];
}

/* client_cmp_addr - clients in the order of their address texts (strcmp) */
int client_cmp_addr(const struct client *x, const struct client *y)
{
	if (x->kind == CA_V4 && y->kind == CA_V4) {
		uint32_t a = v4_key(x), b = v4_key(y);
		return a < b ? -1 : a > b;
	}
	if (x->kind == CA_TEXT && y->kind == CA_TEXT)
		return strcmp(client_text(x), client_text(y));
	return strcmp(client_addr(x).s, client_addr(y).s);
}

/* stamp_make - a stamp from its parts */
static struct stamp stamp_make(int64_t us, int16_t tz, uint8_t prec)
{
	struct stamp t = {0};
	t.us = us;
	t.tzoff = tz;
	t.prec = prec;
	return t;
}

/* client_first - when its first session began */
struct stamp client_first(const struct client *c)
{
	return stamp_make(c->first_us, c->first_tz, c->first_prec);
}

/* client_last - when its last session ended */
struct stamp client_last(const struct client *c)
{
	return stamp_make(c->last_us, c->last_tz, c->last_prec);
}

/* ---- client detail ---- */

/* client_score - how much a client matters for keeping its detail */
static uint64_t client_score(const struct client *c)
{
	return (uint64_t)c->sessions + c->auth_failures + c->rejects + c->non_smtp + c->relay_denied +
	       c->messages + 3ULL * c->auth_successes + c->ps_connects +
	       !!(c->flags & CF_TRIED_ONE) + 2 * !!(c->flags & CF_TRIED_MANY);
}

/* client_detail - its detail, or NULL */
const struct client_detail *client_detail(const struct analysis *a, const struct client *c)
{
	return c->detail ? a->cdetail[c->detail - 1] : NULL;
}

/* cdetail_free - one client's detail */
static void cdetail_free(struct client_detail *d)
{
	free(d->ptr);
	for (uint32_t i = 0; i < d->nhelo; i++)
		free(d->helo[i].name);
	for (uint32_t i = 0; i < d->nservice; i++)
		free(d->service[i].name);
	for (uint32_t i = 0; i < d->ntried; i++) {
		free(d->tried[i].name);
		free(d->tried[i].result);
	}
	free(d->tried);
	for (uint32_t i = 0; i < d->nreject_text; i++)
		free(d->reject_text[i].name);
	for (uint32_t i = 0; i < d->nevidence; i++)
		free(d->evidence[i].host);
	free(d->offered);
	free(d->sample);
	free(d->lost_stage);
	free(d->ring);
	free(d);
}

/* score32 - a score as kept beside the detail cache */
static uint32_t score32(uint64_t s)
{
	return s > UINT32_MAX ? UINT32_MAX : (uint32_t)s;
}

/* cdetail_evict - free the detail of the least active of a few sampled
 * owners, if it is less active than score; false when none is.  The
 * owners' scores are read from a->cdscore, a small dense array refreshed
 * at each of their sessions, not from the scattered records. */
static bool cdetail_evict(struct analysis *a, uint64_t score)
{
	uint32_t worst = UINT32_MAX;
	uint64_t worst_score = 0;
	for (int k = 0; k < EVICT_SAMPLES && a->ncdetail; k++) {
		uint32_t i = (uint32_t)(next_rand(a) % a->ncdetail);
		uint64_t s = a->cdscore[i];
		if (worst == UINT32_MAX || s < worst_score)
			worst = i, worst_score = s;
	}
	if (worst == UINT32_MAX || worst_score >= score)
		return false;
	struct client_detail *d = a->cdetail[worst];
	struct client *owner = crec(a, d->owner);
	owner->detail = 0;
	owner->flags |= CF_DETAIL_LOST;
	cdetail_free(d);
	a->ncdetail--;
	a->cdetail[worst] = a->cdetail[a->ncdetail];
	a->cdscore[worst] = a->cdscore[a->ncdetail];
	if (worst < a->ncdetail)
		crec(a, a->cdetail[worst]->owner)->detail = worst + 1;
	return true;
}

/* detail_get - c's detail, made (maybe in place of a less active
 * client's) when it has none; NULL when c is not active enough */
static struct client_detail *detail_get(struct analysis *a, struct client *c)
{
	uint64_t score = client_score(c);
	if (c->detail) {
		a->cdscore[c->detail - 1] = score32(score);
		return a->cdetail[c->detail - 1];
	}
	if (a->ncdetail >= a->cdetail_max && !cdetail_evict(a, score)) {
		c->flags |= CF_DETAIL_LOST;
		return NULL;
	}
	if (!a->cdetail) {
		a->cdetail = xcalloc(a->cdetail_max + 1, sizeof *a->cdetail);
		a->cdscore = xcalloc(a->cdetail_max + 1, sizeof *a->cdscore);
	}
	struct client_detail *d = xcalloc(1, sizeof *d);
	d->owner = cnum(a, c);
	d->prev_start_us = INT64_MIN;
	a->cdetail[a->ncdetail] = d;
	a->cdscore[a->ncdetail++] = score32(score);
	c->detail = a->ncdetail;
	return d;
}

/* ---- accounts ---- */

/* account_find - the account named name, or NULL */
static struct account *account_find(struct analysis *a, struct span name, uint64_t h)
{
	struct idxmap_iter it;
	for (uint32_t i = idxmap_first(&a->account_ix, h, &it); i != IDXMAP_NONE;
	     i = idxmap_next(&a->account_ix, &it)) {
		struct account *ac = arec(a, i);
		if (span_eqs(name, ac->name)) {
			spillvec_touch(&a->accounts);
			return ac;
		}
	}
	return NULL;
}

/* account_get - the account for name, created when new */
static struct account *account_get(struct analysis *a, struct span name)
{
	if (!name.p || !name.n)
		return NULL;
	if (name.n > NAME_CAP)
		name.n = NAME_CAP;
	uint64_t h = span_hash_seed(name, a->seed);
	struct account *ac = account_find(a, name, h);
	if (ac)
		return ac;
	ac = spillvec_push(&a->accounts);
	ac->name = arena_dup(&a->names, name);
	ix_add(a, &a->account_ix, h, a->accounts.n - 1);
	return ac;
}

/* analysis_account - lookup by name */
struct account *analysis_account(struct analysis *a, const char *name)
{
	struct span k = span_of(name);
	if (k.n > NAME_CAP)
		k.n = NAME_CAP;
	return account_find(a, k, span_hash_seed(k, a->seed));
}

/* account_detail - its detail, or NULL */
const struct account_detail *account_detail(const struct analysis *a, const struct account *ac)
{
	return ac->detail ? a->adetail[ac->detail - 1] : NULL;
}

/* account_score - how much an account matters for keeping its detail */
static uint64_t account_score(const struct account *ac)
{
	return (uint64_t)ac->messages + ac->recipients + ac->logins;
}

/* adetail_free - one account's detail */
static void adetail_free(struct account_detail *d)
{
	strset_free(&d->domains);
	free(d->times);
	free(d->remote_reject_example);
	free(d);
}

/* adetail_evict - as cdetail_evict, for accounts */
static bool adetail_evict(struct analysis *a, uint64_t score)
{
	uint32_t worst = UINT32_MAX;
	uint64_t worst_score = 0;
	for (int k = 0; k < EVICT_SAMPLES && a->nadetail; k++) {
		uint32_t i = (uint32_t)(next_rand(a) % a->nadetail);
		uint64_t s = a->adscore[i];
		if (worst == UINT32_MAX || s < worst_score)
			worst = i, worst_score = s;
	}
	if (worst == UINT32_MAX || worst_score >= score)
		return false;
	struct account_detail *d = a->adetail[worst];
	struct account *owner = arec(a, d->owner);
	owner->detail = 0;
	owner->flags |= AF_DETAIL_LOST;
	adetail_free(d);
	a->nadetail--;
	a->adetail[worst] = a->adetail[a->nadetail];
	a->adscore[worst] = a->adscore[a->nadetail];
	if (worst < a->nadetail)
		arec(a, a->adetail[worst]->owner)->detail = worst + 1;
	return true;
}

/* adetail_get - ac's detail, made when it has none and is active enough */
static struct account_detail *adetail_get(struct analysis *a, struct account *ac)
{
	uint64_t score = account_score(ac);
	if (ac->detail) {
		a->adscore[ac->detail - 1] = score32(score);
		return a->adetail[ac->detail - 1];
	}
	if (a->nadetail >= a->adetail_max && !adetail_evict(a, score)) {
		ac->flags |= AF_DETAIL_LOST;
		return NULL;
	}
	if (!a->adetail) {
		a->adetail = xcalloc(a->adetail_max + 1, sizeof *a->adetail);
		a->adscore = xcalloc(a->adetail_max + 1, sizeof *a->adscore);
	}
	struct account_detail *d = xcalloc(1, sizeof *d);
	d->owner = anum(a, ac);
	strset_init(&d->domains, 100000);
	a->adetail[a->nadetail] = d;
	a->adscore[a->nadetail++] = score32(score);
	ac->detail = a->nadetail;
	return d;
}

/* account_domains - how many recipient domains; *at_least when only a
 * lower bound is known (the detail was not kept) */
size_t account_domains(const struct analysis *a, const struct account *ac, bool *at_least)
{
	const struct account_detail *d = account_detail(a, ac);
	*at_least = false;
	if (d && !(ac->flags & AF_DETAIL_LOST))
		return strset_len(&d->domains);
	size_t n = ac->ndomain_hash;
	if (d && strset_len(&d->domains) > n)
		n = strset_len(&d->domains);
	*at_least = (ac->flags & AF_DOMAINS_MANY) || (ac->flags & AF_DETAIL_LOST);
	return n;
}

/* domain_note - remember up to ACCOUNT_DOMAIN_HASHES different domains */
static void domain_note(struct analysis *a, struct account *ac, struct span dom)
{
	uint32_t h = (uint32_t)span_hash_seed(dom, a->seed);
	for (uint32_t i = 0; i < ac->ndomain_hash; i++)
		if (ac->domain_hash[i] == h)
			return;
	if (ac->ndomain_hash < ACCOUNT_DOMAIN_HASHES)
		ac->domain_hash[ac->ndomain_hash++] = h;
	else
		ac->flags |= AF_DOMAINS_MANY;
}

/* ---- logins: (client, account) pairs ---- */

/* login_hash - of a pair */
static uint64_t login_hash(const struct analysis *a, uint32_t client, uint32_t account)
{
	uint32_t k[2] = {client, account};
	return span_hash_seed(span_make((const char *)k, sizeof k), a->seed ^ 0x4c);
}

/* login_find - the pair, or NULL */
static struct login *login_find(struct analysis *a, uint32_t client, uint32_t account, uint64_t h)
{
	struct idxmap_iter it;
	for (uint32_t i = idxmap_first(&a->login_ix, h, &it); i != IDXMAP_NONE;
	     i = idxmap_next(&a->login_ix, &it)) {
		struct login *l = lrec(a, i);
		if (l->client == client && l->account == account) {
			spillvec_touch(&a->logins);
			return l;
		}
	}
	return NULL;
}

/* login_get - the pair, created when new */
static struct login *login_get(struct analysis *a, uint32_t client, uint32_t account)
{
	uint64_t h = login_hash(a, client, account);
	struct login *l = login_find(a, client, account, h);
	if (l)
		return l;
	l = spillvec_push(&a->logins);
	l->client = client;
	l->account = account;
	ix_add(a, &a->login_ix, h, a->logins.n - 1);
	return l;
}

/* client_login - after finish: the i-th account c logged in as (first login first) */
const struct login *client_login(const struct analysis *a, const struct client *c, uint32_t i)
{
	return i < c->nlogin ? lrec(a, a->logins_by_client[c->login0 + i]) : NULL;
}

/* account_login - after finish: the i-th address that logged in as ac */
const struct login *account_login(const struct analysis *a, const struct account *ac, uint32_t i)
{
	return i < ac->nlogin ? lrec(a, a->logins_by_account[ac->login0 + i]) : NULL;
}

/* login_client - the client of a pair */
const struct client *login_client(const struct analysis *a, const struct login *l)
{
	return crec(a, l->client);
}

/* login_account - the account of a pair */
const struct account *login_account(const struct analysis *a, const struct login *l)
{
	return arec(a, l->account);
}

/* ---- names in the detail ---- */

/* count_name - bump name in a small fixed table */
static void count_name(struct named_count *t, uint32_t *n, uint32_t max, struct span name,
		       uint32_t by)
{
	for (uint32_t i = 0; i < *n; i++)
		if (span_eqs(name, t[i].name)) {
			t[i].count += by;
			return;
		}
	if (*n < max)
		t[(*n)++] = (struct named_count){cap_dup(name), by};
}

/* tried_note - the compact facts: one username, or several */
static void tried_note(struct analysis *a, struct client *c, struct span name)
{
	if (name.n > NAME_CAP)
		name.n = NAME_CAP;
	uint32_t h = (uint32_t)span_hash_seed(name, a->seed ^ 0x7472);
	if (!(c->flags & (CF_TRIED_ONE | CF_TRIED_MANY))) {
		c->flags |= CF_TRIED_ONE;
		c->tried_hash = h;
	} else if ((c->flags & CF_TRIED_ONE) && h != c->tried_hash) {
		c->flags = (uint8_t)((c->flags & ~CF_TRIED_ONE) | CF_TRIED_MANY);
	}
}

/* tried_get - the tried-username record in d, added if room */
static struct tried_user *tried_get(struct client_detail *d, struct span name)
{
	for (uint32_t i = 0; i < d->ntried; i++)
		if (span_eqs(name, d->tried[i].name))
			return &d->tried[i];
	if (d->ntried >= CLIENT_MAX_TRIED) {
		d->tried_dropped++;
		return NULL;
	}
	if ((d->ntried & (d->ntried - 1)) == 0) { /* 0, 1, 2, 4, 8 ...: grow by doubling */
		uint32_t cap = d->ntried ? d->ntried * 2 : 1;
		d->tried = xrealloc(d->tried, cap * sizeof *d->tried);
	}
	struct tried_user *t = &d->tried[d->ntried++];
	memset(t, 0, sizeof *t);
	t->name = cap_dup(name);
	return t;
}

/* client_tried_names - how many different usernames c tried (2 stands
 * for "two or more" when the detail was not kept) */
uint32_t client_tried_names(const struct analysis *a, const struct client *c)
{
	uint32_t n = c->flags & CF_TRIED_MANY ? 2 : c->flags & CF_TRIED_ONE ? 1 : 0;
	const struct client_detail *d = client_detail(a, c);
	return d && d->ntried > n ? d->ntried : n;
}

/* stamp_span - widen [first, last] */
static void stamp_span(struct stamp *first, struct stamp *last, bool *have, struct stamp t)
{
	if (!*have || t.us < first->us)
		*first = t;
	if (!*have || t.us > last->us)
		*last = t;
	*have = true;
}

/* dovecot_auth - "auth: passwd-file(user,1.2.3.4[,<id>]): unknown user" */
static void dovecot_auth(struct analysis *a, const struct event *ev)
{
	struct span t = ev->line->text;
	if (!span_eat(&t, "auth: ") && !span_eat(&t, "auth-worker"))
		return;
	ptrdiff_t lp = span_index(t, "(");
	ptrdiff_t rp = span_index(t, "): ");
	if (lp < 0 || rp < lp)
		return;
	/* skip "auth-worker(123): " to the driver's parenthesis */
	struct span inner = span_make(t.p + lp + 1, (size_t)(rp - lp - 1));
	struct span result = span_skip(t, (size_t)rp + 3);
	if (span_digits(inner)) {
		t = result;
		lp = span_index(t, "(");
		rp = span_index(t, "): ");
		if (lp < 0 || rp < lp)
			return;
		inner = span_make(t.p + lp + 1, (size_t)(rp - lp - 1));
		result = span_skip(t, (size_t)rp + 3);
	}
	struct span user, ip;
	if (!span_until_chr(&inner, ',', &user))
		return;
	if (!span_until_chr(&inner, ',', &ip))
		ip = inner;
	if (span_starts(result, "Debug:") || span_starts(result, "Info:"))
		return;
	struct client *c = client_get(a, ip);
	if (!c || !user.n)
		return;
	tried_note(a, c, user);
	struct client_detail *d = detail_get(a, c);
	struct tried_user *tu = d ? tried_get(d, user) : NULL;
	if (!tu)
		return;
	tu->from_dovecot++;
	if (!tu->result || span_starts(result, "Password mismatch"))
		{ free(tu->result); tu->result = cap_dup(span_trim(result)); }
}

/* analysis_event - the side events the model does not keep */
void analysis_event(struct analysis *a, const struct event *ev)
{
	stamp_span(&a->first, &a->last, &a->have_time, ev->line->ts);
	switch (ev->type) {
	case EV_OTHER:
		if (span_eqs(ev->line->daemon, "dovecot"))
			dovecot_auth(a, ev);
		break;
	case EV_PS_CONNECT: {
		struct client *c = client_get(a, ev->client_ip);
		if (c)
			sat_add(&c->ps_connects, 1);
		break;
	}
	case EV_PS_PREGREET: {
		struct client *c = client_get(a, ev->client_ip);
		if (c) {
			sat_add(&c->pregreet, 1);
			sat_add(&c->by_verdict[V_PREGREET], 1);
		}
		break;
	}
	case EV_PS_DNSBL: {
		struct client *c = client_get(a, ev->client_ip);
		if (c && ev->count > 0 && (uint64_t)ev->count > c->ps_dnsbl_rank)
			c->ps_dnsbl_rank = ev->count > UINT32_MAX ? UINT32_MAX : (uint32_t)ev->count;
		break;
	}
	case EV_REJECT:
		/* postscreen rejects never reach a smtpd session */
		if (span_eqs(ev->line->daemon, "postscreen")) {
			struct client *c = client_get(a, ev->client_ip);
			if (c) {
				sat_add(&c->rejects, 1);
				sat_add(&c->by_verdict[V_SPAM_REJECTED], 1);
			}
		}
		break;
	default:
		break;
	}
}

/* cmd_index - slot of a command name in client_detail->cmd */
static int cmd_index(const char *name)
{
	static const char *const names[] = {"ehlo", "helo", "starttls", "auth", "mail", "rcpt",
					    "data", "quit", "rset", "noop", "unknown", NULL};
	for (int i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return i;
	return 11;
}

/* collect_offered - capabilities the server advertised, from the dialogue */
static void collect_offered(struct client_detail *d, const struct session *s)
{
	if (d->offered)
		return;
	struct buf b = {0};
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		const struct dialogue_line *dl = &s->dialogue[i];
		if (dl->dir != '>')
			continue;
		struct span t = span_of(dl->text);
		/* "250-STARTTLS" or TLS-debug "250-x??250-PIPELINING??250 ..." */
		while (t.n) {
			struct span part;
			if (!span_until(&t, "??", &part)) {
				part = t;
				t = span_skip(t, t.n);
			}
			if (part.n > 4 && span_starts(part, "250") && (part.p[3] == '-' || part.p[3] == ' ')) {
				struct span cap = span_skip(part, 4);
				if (span_starts(cap, "STARTTLS") || span_starts(cap, "AUTH")) {
					if (b.n)
						buf_puts(&b, ", ");
					buf_putspan(&b, cap);
				}
			}
		}
	}
	if (b.n)
		d->offered = cap_dup(buf_span(&b));
	buf_free(&b);
}

/* analysis_is_port25 - is this smtpd program name the port 25 "smtp" service:
 * postfix/smtpd or postfix-inst/smtp/smtpd, not postfix/submission/smtpd */
bool analysis_is_port25(const char *program)
{
	if (!program)
		return false;
	const char *s1 = strchr(program, '/');
	if (!s1)
		return false;
	const char *s2 = strchr(s1 + 1, '/');
	if (!s2)
		return true;
	return (size_t)(s2 - s1 - 1) == 4 && !strncmp(s1 + 1, "smtp", 4);
}

/* session_counts - the compact facts of one session */
static void session_counts(struct analysis *a, struct client *c, const struct session *s,
			   enum verdict v)
{
	sat_add(&c->by_verdict[v], 1);
	if (!c->sessions || s->start.us < c->first_us) {
		c->first_us = s->start.us;
		c->first_tz = s->start.tzoff;
		c->first_prec = s->start.prec;
	}
	if (!c->sessions || s->end.us > c->last_us) {
		c->last_us = s->end.us;
		c->last_tz = s->end.tzoff;
		c->last_prec = s->end.prec;
	}
	sat_add(&c->sessions, 1);
	sat_add(&c->tls_sessions, s->tls);
	uint32_t fails = session_auth_failures(s);
	sat_add(&c->auth_failures, fails);
	if (fails && s->start.us < c->first_fail_us)
		c->first_fail_us = s->start.us;
	if (s->sasl_username) {
		sat_add(&c->auth_successes, 1);
		if (s->end.us > c->last_success_us)
			c->last_success_us = s->end.us;
	}
	uint32_t ok = 0, total = 0;
	session_stat(s, "auth", &ok, &total);
	if (ok || s->sasl_username) {
		sat_add(&c->auth_ok_sessions, 1);
		if (s->sasl_username)
			sat_add(&c->auth_named_sessions, 1);
	}
	if (fails && !ok && !s->sasl_username)
		sat_add(analysis_is_port25(s->service) ? &c->auth_fail_smtp : &c->auth_fail_other, 1);
	for (uint32_t i = 0; i < s->ntried; i++)
		tried_note(a, c, span_of(s->tried[i].name));
	sat_add(&c->messages, s->messages);
	sat_add(&c->rejects, s->rejects);
	sat_add(&c->relay_denied, s->relay_denied);
	sat_add(&c->non_smtp, s->non_smtp_count);
	if (s->pipelining && s->pipelining_stage && !strcmp(s->pipelining_stage, "CONNECT"))
		sat_add(&c->pregreet, 1);
	else if (s->pipelining)
		sat_add(&c->pipelining, 1);
}

/* session_login - a successful login: the account and the pair */
static void session_login(struct analysis *a, struct client *c, const struct session *s)
{
	struct account *ac = account_get(a, span_of(s->sasl_username));
	if (!ac)
		return;
	sat_add(&ac->logins, 1);
	struct login *l = login_get(a, cnum(a, c), anum(a, ac));
	if (!l->logins) {
		l->first = s->start;
		l->last = s->end;
	}
	sat_add(&l->logins, 1);
	if (s->start.us < l->first.us)
		l->first = s->start;
	if (s->end.us > l->last.us)
		l->last = s->end;
}

/* note_start - the busiest minute of an address, over its last starts */
static void note_start(struct client *c, struct client_detail *d, int64_t us)
{
	if (!d->ring)
		d->ring = xcalloc(CLIENT_RING, sizeof *d->ring);
	d->ring[d->ring_pos] = us;
	d->ring_pos = (d->ring_pos + 1) % CLIENT_RING;
	if (d->nring < CLIENT_RING)
		d->nring++;
	uint32_t n = 0;
	for (uint32_t i = 0; i < d->nring; i++)
		if (d->ring[i] <= us && us - d->ring[i] < 60LL * 1000000)
			n++;
	if (n > c->peak_minute)
		c->peak_minute = (uint8_t)n;
}

/* session_detail - what only the prose needs */
static void session_detail(struct analysis *a, struct client_detail *d, struct client *c,
			   const struct session *s, enum verdict v)
{
	/* periodicity: intervals between successive session starts */
	if (d->prev_start_us != INT64_MIN && s->saw_connect) {
		double iv = fabs((double)(s->start.us - d->prev_start_us)) / 1e6;
		d->nintervals++;
		double dv = iv - d->iv_mean;
		d->iv_mean += dv / (double)d->nintervals;
		d->iv_m2 += dv * (iv - d->iv_mean);
		if (d->nsample < CLIENT_MAX_INTERVALS) {
			if (!d->sample)
				d->sample = xcalloc(CLIENT_MAX_INTERVALS, sizeof *d->sample);
			d->sample[d->nsample++] = iv * 1000 > 4e9 ? 4000000000u : (uint32_t)(iv * 1000);
		}
	}
	if (s->saw_connect)
		d->prev_start_us = s->start.us;
	if (s->saw_connect && a->track_peak)
		note_start(c, d, s->start.us);
	if (s->client_name && strcmp(s->client_name, "unknown") != 0 && !d->ptr)
		d->ptr = xstrdup(s->client_name);
	if (s->helo)
		count_name(d->helo, &d->nhelo, CLIENT_MAX_NAMES, span_of(s->helo), 1);
	count_name(d->service, &d->nservice, 4, span_of(s->service), 1);
	if (s->sasl_username)
		for (uint32_t i = 0; i < d->ntried; i++)
			if (!strcmp(d->tried[i].name, s->sasl_username))
				d->tried[i].successes++;
	for (uint32_t i = 0; i < s->ntried; i++) {
		struct tried_user *tu = tried_get(d, span_of(s->tried[i].name));
		if (tu)
			tu->from_postfix += s->tried[i].count;
	}
	if (s->last_reject)
		count_name(d->reject_text, &d->nreject_text, 4, span_of(s->last_reject), 1);
	if (s->lost_stage) {
		free(d->lost_stage);
		d->lost_stage = xstrdup(s->lost_stage);
	}
	for (uint32_t i = 0; i < s->nstats; i++) {
		if (!strcmp(s->stats[i].name, "commands"))
			continue;
		d->cmd[cmd_index(s->stats[i].name)] += s->stats[i].total;
	}
	collect_offered(d, s);
	/* evidence: the first session, and the first of another kind */
	bool have_kind = false;
	for (uint32_t i = 0; i < d->nevidence; i++)
		have_kind |= d->evidence[i].verdict == v;
	if (d->nevidence < CLIENT_MAX_EVIDENCE && !have_kind && s->first_line) {
		struct evidence_ref *e = &d->evidence[d->nevidence++];
		e->file_index = s->file_index;
		e->first_line = s->first_line;
		e->last_line = s->last_line;
		e->pid = s->pid;
		e->host = xstrdup(s->host ? s->host : "");
		e->session_id = s->id;
		e->verdict = v;
	}
}

/* analysis_session - fold one closed smtpd session into its client */
void analysis_session(struct analysis *a, const struct session *s)
{
	a->sessions++;
	if (!s->client_ip)
		return;
	struct client *c = client_get(a, span_of(s->client_ip));
	enum verdict v = verdict_session(s);
	session_counts(a, c, s, v);
	if (s->sasl_username)
		session_login(a, c, s);
	/* AUTH decoded from -v or TLS-debug dialogue, when 3.9+ did not name it */
	struct auth_try tries[AUTH_MAX_TRIES];
	size_t ntries = 0;
	if (s->ndialogue && !s->ntried)
		ntries = auth_from_dialogue(s, tries, AUTH_MAX_TRIES);
	for (size_t i = 0; i < ntries; i++) {
		if (!tries[i].user[0])
			continue;
		a->auth_decoded++;
		if (!(s->sasl_username && !strcmp(tries[i].user, s->sasl_username)))
			tried_note(a, c, span_of(tries[i].user));
	}
	struct client_detail *d = detail_get(a, c);
	if (!d)
		return;
	session_detail(a, d, c, s, v);
	for (size_t i = 0; i < ntries; i++) {
		if (!tries[i].user[0] || (s->sasl_username && !strcmp(tries[i].user, s->sasl_username)))
			continue; /* the successful login */
		struct tried_user *tu = tried_get(d, span_of(tries[i].user));
		if (tu)
			tu->from_postfix++;
	}
}

/* rcpt_domain - the domain of an address, lower-cased into buf */
static struct span rcpt_domain(const char *addr, char *buf, size_t cap)
{
	const char *at = strrchr(addr, '@');
	if (!at)
		return SPAN_NULL;
	size_t n = 0;
	for (const char *p = at + 1; *p && n < cap; p++)
		buf[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
	return span_make(buf, n);
}

/* content_reject - a remote 5xx that speaks of virus/spam/policy */
static bool content_reject(const char *reason)
{
	static const char *const words[] = {"virus", "Virus", "spam", "Spam", "SPAM", "blocked",
					    "blacklist", "blocklist", "reputation", "5.7.1",
					    "policy", "security issue", NULL};
	for (int i = 0; words[i]; i++)
		if (strstr(reason, words[i]))
			return true;
	return false;
}

/* orphan_message - a message received before the log began */
static void orphan_message(struct analysis *a, const struct message *m)
{
	struct orphans *o = &a->orphans;
	if (m->origin != ORIGIN_UNKNOWN || !m->nrcpts || (m->have_from && m->from && !*m->from))
		return; /* known origin, no delivery seen, or a notification (null sender) */
	if (!o->messages || m->start.us < o->first.us)
		o->first = m->start;
	if (m->end.us > o->last.us)
		o->last = m->end;
	o->messages++;
	o->recipients += m->nrcpts;
	if (o->nqids < ORPHAN_MAX_QIDS)
		o->qids[o->nqids++] = xstrdup(m->qid);
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		const char *st = r->status ? r->status : "";
		if (!strcmp(st, "sent"))
			o->sent++;
		else if (!strcmp(st, "bounced"))
			o->bounced++;
		else if (!strcmp(st, "deferred"))
			o->deferred++;
		if (!strcmp(st, "bounced") && r->reason && content_reject(r->reason)) {
			o->remote_content_rejects++;
			if (!o->example_reject)
				o->example_reject = xstrdup(r->reason);
		}
	}
}

/* account_times - a message start, for the peak rate (in the detail) */
static void account_times(struct account_detail *d, int64_t us)
{
	if (d->ntimes == d->times_cap && d->times_cap < ACCOUNT_MAX_TIMES) {
		d->times_cap = d->times_cap ? d->times_cap * 2 : 16;
		d->times = xrealloc(d->times, d->times_cap * sizeof *d->times);
	}
	if (d->ntimes < d->times_cap)
		d->times[d->ntimes++] = us;
}

/* analysis_message - fold one closed message into its client and account */
void analysis_message(struct analysis *a, const struct message *m)
{
	a->messages++;
	orphan_message(a, m);
	if (m->origin == ORIGIN_SMTPD && m->client_ip) {
		struct client *c = client_get(a, span_of(m->client_ip));
		if (c)
			sat_add(&c->recipients, m->nrcpts);
	}
	if (!m->sasl_username || m->origin == ORIGIN_REINJECTED)
		return;
	struct account *ac = account_get(a, span_of(m->sasl_username));
	if (!ac)
		return;
	sat_add(&ac->messages, 1);
	sat_add(&ac->recipients, (uint64_t)m->nrcpts + m->rcpts_dropped);
	if (!ac->first.us || m->start.us < ac->first.us)
		ac->first = m->start;
	if (m->start.us > ac->last.us)
		ac->last = m->start;
	struct account_detail *d = adetail_get(a, ac);
	if (d)
		account_times(d, m->start.us);
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		char dom[256];
		struct span dm = rcpt_domain(r->to ? r->to : "", dom, sizeof dom);
		if (dm.p) {
			domain_note(a, ac, dm);
			if (d)
				strset_add(&d->domains, dm);
		}
		const char *st = r->status ? r->status : "";
		if (!strcmp(st, "sent"))
			sat_add(&ac->sent, 1);
		else if (!strcmp(st, "bounced"))
			sat_add(&ac->bounced, 1);
		else if (!strcmp(st, "expired") || (m->expired && !strcmp(st, "deferred")))
			sat_add(&ac->expired, 1);
		else if (!strcmp(st, "deferred"))
			sat_add(&ac->deferred, 1);
		else
			sat_add(&ac->pending, 1);
		if (!strcmp(st, "bounced") && r->reason && content_reject(r->reason)) {
			sat_add(&ac->remote_content_rejects, 1);
			if (d && !d->remote_reject_example)
				d->remote_reject_example = xstrdup(r->reason);
		}
	}
	if (m->client_ip) {
		struct ckey k = ckey_of(span_of(m->client_ip));
		struct client *c = client_find(a, &k, ckey_hash(a, &k));
		struct login *l = NULL;
		if (c) {
			uint32_t ci = cnum(a, c), ai = anum(a, ac);
			l = login_find(a, ci, ai, login_hash(a, ci, ai));
		}
		if (l) {
			sat_add(&l->messages, 1);
			sat_add(&l->recipients, m->nrcpts);
		}
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
		crec(a, lrec(a, (uint32_t)i)->client)->nlogin++;
		arec(a, lrec(a, (uint32_t)i)->account)->nlogin++;
	}
	uint32_t at = 0;
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = crec(a, (uint32_t)i);
		c->login0 = at;
		at += c->nlogin;
		c->nlogin = 0;
	}
	at = 0;
	for (size_t i = 0; i < a->accounts.n; i++) {
		struct account *ac = arec(a, (uint32_t)i);
		ac->login0 = at;
		at += ac->nlogin;
		ac->nlogin = 0;
	}
	for (size_t i = 0; i < nl; i++) {
		const struct login *l = lrec(a, (uint32_t)i);
		struct client *c = crec(a, l->client);
		struct account *ac = arec(a, l->account);
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
		const struct account *ac = arec(a, (uint32_t)i);
		if (!ac->compromised)
			continue;
		for (uint32_t k = 0; k < ac->nlogin; k++) {
			struct client *c = crec(a, account_login(a, ac, k)->client);
			if (ac->new_ip ? ac->new_ip - 1 == account_login(a, ac, k)->client
				       : (uint64_t)c->recipients * 10 >= (uint64_t)ac->recipients * 8 &&
					     c->recipients >= 20)
				c->flags |= CF_ABUSED;
		}
	}
}

/* sort keys: severity and sessions in one number, then the address */
struct ckey_sort {
	uint64_t k;
	uint32_t v4;            /* v4_key, for two IPv4 clients */
	uint32_t i;
};

/* by_severity - clients: most serious verdict first, then sessions, then address */
static int by_severity(const void *x, const void *y, void *ctx)
{
	const struct ckey_sort *p = x, *q = y;
	if (p->k != q->k)
		return p->k < q->k ? -1 : 1;
	const struct analysis *a = ctx;
	const struct client *cp = crec(a, p->i), *cq = crec(a, q->i);
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
	struct ckey_sort *keys = xcalloc(n + 1, sizeof *keys);
	for (size_t i = 0; i < n; i++) {
		const struct client *c = crec(a, (uint32_t)i);
		keys[i].k = (uint64_t)(4 - verdict_severity(c->verdict)) << 32 | (UINT32_MAX - c->sessions);
		keys[i].v4 = c->kind == CA_V4 ? v4_key(c) : 0;
		keys[i].i = (uint32_t)i;
	}
	qsort_r(keys, n, sizeof *keys, by_severity, a);
	a->clist = xcalloc(n + 1, sizeof *a->clist);
	for (size_t i = 0; i < n; i++)
		a->clist[i] = crec(a, keys[i].i);
	a->nclist = n;
	free(keys);
}

/* analysis_finish - verdicts for everyone, sorted lists */
void analysis_finish(struct analysis *a)
{
	index_logins(a);
	a->alist = xcalloc(a->accounts.n + 1, sizeof *a->alist);
	for (size_t i = 0; i < a->accounts.n; i++) {
		struct account *ac = arec(a, (uint32_t)i);
		verdict_account(a, ac);
		a->accounts_detail_lost += !!(ac->flags & AF_DETAIL_LOST);
		a->alist[a->nalist++] = ac;
	}
	mark_abused(a);
	for (size_t i = 0; i < a->clients.n; i++) {
		struct client *c = crec(a, (uint32_t)i);
		c->verdict = (uint8_t)verdict_decide(c);
		a->clients_detail_lost += !!(c->flags & CF_DETAIL_LOST);
	}
	sort_clients(a);
	qsort(a->alist, a->nalist, sizeof *a->alist, by_account);
}

/* analysis_free - everything */
void analysis_free(struct analysis *a)
{
	for (uint32_t i = 0; i < a->ncdetail; i++)
		cdetail_free(a->cdetail[i]);
	for (uint32_t i = 0; i < a->nadetail; i++)
		adetail_free(a->adetail[i]);
	free(a->cdetail);
	free(a->adetail);
	free(a->cdscore);
	free(a->adscore);
	spillvec_free(&a->clients);
	spillvec_free(&a->accounts);
	spillvec_free(&a->logins);
	idxmap_free(&a->client_ix);
	idxmap_free(&a->account_ix);
	idxmap_free(&a->login_ix);
	arena_free(&a->names);
	for (uint32_t i = 0; i < a->orphans.nqids; i++)
		free(a->orphans.qids[i]);
	free(a->orphans.example_reject);
	free(a->clist);
	free(a->alist);
	free(a->logins_by_client);
	free(a->logins_by_account);
	free(a);
}

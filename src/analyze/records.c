/*
 * records.c - the analysis's tables: one fixed-size record per client
 * address, per SASL account and per (address, account) login, in flat
 * arrays (util/spillvec) found through an index of record numbers
 * (util/idxmap), and the bounded cache of the detail of the most active.
 *
 * Records are never removed.  The index is keyed by the binary address
 * (or the name) with a hash seeded at random per run, so that a crafted
 * flood of addresses cannot pile up on one probe sequence; nothing that
 * is printed depends on that seed.  When the detail cache is full, the
 * least active of 16 sampled owners gives its detail up to a more active
 * newcomer; both are flagged as having lost detail.
 *
 * Untrusted: addresses and names come from the log.  An "address" that
 * is not an IP address written the way inet_ntop writes it is kept as
 * text (capped), so that what is printed is always what the log said.
 */
#include "records.h"
#include "../util/cidr.h"
#include "../util/xalloc.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define EVICT_SAMPLES 16

_Static_assert(sizeof(struct client) <= 200, "the compact client record grew past 200 bytes");

/* a client address as a key: binary, or text */
struct ckey {
	uint8_t kind;
	unsigned char addr[16];
	struct span text;
};

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
	strset_init(&a->local_domains, ANALYSIS_MAX_LOCAL_DOMAINS);
	strset_init(&a->dnf_domains, ANALYSIS_MAX_LOCAL_DOMAINS);
	strset_init(&a->dnf_clients, ANALYSIS_MAX_DNF_CLIENTS);
	strset_init(&a->dnf_other, ANALYSIS_MAX_DNF_CLIENTS);
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

/* the texts of the addresses formatted last, by their kind and 16 bytes:
 * a client's address is asked for again and again (its refused sessions,
 * the diagnosis, the sort), and inet_ntop costs some 1 800 instructions.
 * Direct-mapped, per thread; an entry of kind 0 is empty */
#define ADDR_TEXTS 256
struct addr_text {
	unsigned char addr[16];
	uint8_t kind;
	char s[INET6_ADDRSTRLEN];
};
static _Thread_local struct addr_text addr_texts[ADDR_TEXTS];

/* addr_text_slot - the entry of an address's 16 bytes */
static struct addr_text *addr_text_slot(const unsigned char addr[16])
{
	uint64_t x, y;
	memcpy(&x, addr, 8), memcpy(&y, addr + 8, 8);
	return &addr_texts[((x * 0x9E3779B97F4A7C15ULL) ^ y) * 0xC2B2AE3D27D4EB4FULL >> 56];
}

/* addr_text_seed - the text t[0..n) that the log wrote for a CA_V4 or CA_V6
 * key: ckey_of takes such a key only when inet_ntop writes the address
 * back as exactly that text, so it is the entry's text */
static void addr_text_seed(const struct ckey *k, const char *t, size_t n)
{
	struct addr_text *e = addr_text_slot(k->addr);
	if (n >= sizeof e->s || (e->kind == k->kind && !memcmp(e->addr, k->addr, 16)))
		return;
	memcpy(e->s, t, n);
	e->s[n] = 0;
	memcpy(e->addr, k->addr, 16);
	e->kind = k->kind;
}

/* addr_text_of - inet_ntop's text of a CA_V4 or CA_V6 client's address */
static const char *addr_text_of(const struct client *c)
{
	struct addr_text *e = addr_text_slot(c->addr);
	if (e->kind != c->kind || memcmp(e->addr, c->addr, 16)) {
		e->kind = 0;
		e->s[0] = 0;
		if (c->kind == CA_V4)
			cidr_quad_text(c->addr + 12, e->s); /* inet_ntop's text */
		else
			inet_ntop(AF_INET6, c->addr, e->s, sizeof e->s);
		memcpy(e->addr, c->addr, 16);
		e->kind = c->kind;
	}
	return e->s;
}

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
	unsigned char q[4];
	if (cidr_dotted_quad(ip.p, ip.n, q)) {
		k.kind = CA_V4;
		k.addr[10] = k.addr[11] = 0xff;
		memcpy(k.addr + 12, q, 4);
		addr_text_seed(&k, ip.p, ip.n); /* the one text of these four bytes */
		return k;
	}
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
			addr_text_seed(&k, t, ip.n);
			return k;
		}
		if (memchr(t, ':', ip.n) && inet_pton(AF_INET6, t, &v6) == 1 && ntop_same(AF_INET6, &v6, t)) {
			k.kind = CA_V6;
			memcpy(k.addr, &v6, 16);
			addr_text_seed(&k, t, ip.n);
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
		struct client *c = records_client(a, i);
		if (ckey_eq(c, k)) {
			spillvec_touch(&a->clients);
			records_touched(a, REC_CLIENT, i);
			return c;
		}
	}
	return NULL;
}

/* records_client_find - the client for ip as the log wrote it, or NULL */
struct client *records_client_find(struct analysis *a, struct span ip)
{
	struct ckey k = ckey_of(ip);
	return client_find(a, &k, ckey_hash(a, &k));
}

static struct client *client_new(struct analysis *a, const struct ckey *k, uint64_t h);

/* cmemo_slot - an address text's slot in the memo: its last two bytes */
static inline unsigned cmemo_slot(struct span ip)
{
	unsigned x = ip.n ? (unsigned char)ip.p[ip.n - 1] : 0, y = ip.n > 1 ? (unsigned char)ip.p[ip.n - 2] : 0;
	return (x ^ (y << 2) ^ (y >> 4)) & (CMEMO_SLOTS - 1);
}

/* records_client_get - the client for ip, created when new (NULL only for
 * no ip); the text asked last in its slot is answered from a->cmemo
 * (speed13 kept the last one, speed15 one a slot; test_client_memo.c) */
struct client *records_client_get(struct analysis *a, struct span ip)
{
	if (!ip.p)
		return NULL;
	/* the text asked last in its slot: its client, found as client_find
	 * finds it (records are never removed nor renumbered) */
	unsigned slot = cmemo_slot(ip);
	if (ip.n == a->cmemo_n[slot] && ip.n && !memcmp(ip.p, a->cmemo_text[slot], ip.n)) {
		struct client *c = records_client(a, a->cmemo_i[slot]);
		spillvec_touch(&a->clients);
		records_touched(a, REC_CLIENT, a->cmemo_i[slot]);
		return c;
	}
	struct ckey k = ckey_of(ip);
	uint64_t h = ckey_hash(a, &k);
	struct client *c = client_find(a, &k, h);
	if (!c)
		c = client_new(a, &k, h);
	/* not a name with a NUL inside: client_find never finds its record
	 * (the copy ends at the NUL), and each ask makes one more */
	if (ip.n <= CMEMO_MAX && (k.kind != CA_TEXT || !memchr(k.text.p, 0, k.text.n))) {
		memcpy(a->cmemo_text[slot], ip.p, ip.n);
		a->cmemo_n[slot] = (uint8_t)ip.n;
		a->cmemo_i[slot] = records_client_number(a, c);
	}
	return c;
}

/* client_new - a new client record for key k (of hash h) */
static struct client *client_new(struct analysis *a, const struct ckey *kp, uint64_t h)
{
	struct ckey k = *kp;
	struct client *c = spillvec_push(&a->clients);
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
	records_touched(a, REC_CLIENT, (uint32_t)(a->clients.n - 1));
	return c;
}

/* analysis_client - lookup by address as the log writes it (NULL when unknown) */
struct client *analysis_client(struct analysis *a, const char *ip)
{
	return records_client_find(a, span_of(ip));
}

/* analysis_client_get - the number of the client for ip, made when new
 * (UINT32_MAX when there is no address at all) */
uint32_t analysis_client_get(struct analysis *a, struct span ip)
{
	struct client *c = records_client_get(a, ip);
	return c ? records_client_number(a, c) : UINT32_MAX;
}

/* analysis_client_number - a client's number (its place in the records) */
uint32_t analysis_client_number(const struct analysis *a, const struct client *c)
{
	return records_client_number(a, c);
}

/* client_addr - the address as text */
struct client_addr client_addr(const struct client *c)
{
	struct client_addr t;
	t.s[0] = 0;
	if (c->kind == CA_V4 || c->kind == CA_V6) {
		const char *s = addr_text_of(c);
		memcpy(t.s, s, strlen(s) + 1);
	} else if (c->kind == CA_TEXT)
		snprintf(t.s, sizeof t.s, "%s", client_text(c));
	return t;
}

/* client_is_placeholder - the "(address not logged)" client */
bool client_is_placeholder(const struct client *c)
{
	return c->kind == CA_TEXT && !strcmp(client_text(c), CLIENT_NO_ADDRESS);
}

/* v4_rank - for each octet, the place of its decimal text among the 256
 * (so that comparing ranks octet by octet orders like strcmp on the text):
 * "0" "1" "10" "100" ... "109" "11" "110" ..., the texts walked digit by
 * digit, a prefix before what extends it (test_verdict.c holds it to
 * strcmp) */
static const uint8_t *v4_rank(void)
{
	static uint8_t rank[256];
	static bool done;
	if (!done) {
		int next = 0;
		for (int a = 0; a < 10; a++) {
			rank[a] = (uint8_t)next++;
			for (int b = 0; a && b < 10 && a * 10 + b < 256; b++) {
				rank[a * 10 + b] = (uint8_t)next++;
				for (int c = 0; c < 10 && a * 100 + b * 10 + c < 256; c++)
					rank[a * 100 + b * 10 + c] = (uint8_t)next++;
			}
		}
		done = true;
	}
	return rank;
}

/* records_v4_key - an IPv4 client's text order as a number */
uint32_t records_v4_key(const struct client *c)
{
	const uint8_t *r = v4_rank();
	const unsigned char *p = c->addr + 12;
	return (uint32_t)r[p[0]] << 24 | (uint32_t)r[p[1]] << 16 | (uint32_t)r[p[2]] << 8 | r[p[3]];
}

/* client_cmp_addr - clients in the order of their address texts (strcmp) */
int client_cmp_addr(const struct client *x, const struct client *y)
{
	if (x->kind == CA_V4 && y->kind == CA_V4) {
		uint32_t a = records_v4_key(x), b = records_v4_key(y);
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

/* client_tls_at_once - see analysis.h */
bool client_tls_at_once(const struct analysis *a, const struct client *c)
{
	bool mine = c->verdict == V_TLS_FAILURE ||
		    (c->verdict == V_LEGITIMATE && c->auth_ok_sessions && c->pregreet);
	const struct client_detail *d = mine ? client_detail(a, c) : NULL;
	return d && d->pregreet_tls;
}

/* cdetail_drop - free what one client's detail holds, but not the detail */
static void cdetail_drop(struct client_detail *d)
{
	free(d->tried);
	free(d->sample);
	free(d->ring);
	pool_free(&d->pool); /* every string it held */
}

/* cdetail_reuse - an evicted detail made as good as new (what xcalloc
 * gives), rather than freed and allocated again: on a botnet day most
 * new clients take an evicted place */
static void cdetail_reuse(struct client_detail *d)
{
	cdetail_drop(d);
	memset(d, 0, sizeof *d);
}

/* score32 - a score as kept beside the detail cache */
static uint32_t score32(uint64_t s)
{
	return s > UINT32_MAX ? UINT32_MAX : (uint32_t)s;
}

/* cdetail_evict - take the detail of the least active of a few sampled
 * owners, if it is less active than score, out of the cache and return
 * it (for cdetail_reuse); NULL when none is.  The owners' scores are
 * read from a->cdscore, a small dense array refreshed at each of their
 * sessions, not from the scattered records. */
static struct client_detail *cdetail_evict(struct analysis *a, uint64_t score)
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
		return NULL;
	struct client_detail *d = a->cdetail[worst];
	struct client *owner = records_client(a, d->owner);
	owner->detail = 0;
	owner->flags |= CF_DETAIL_LOST;
	a->ncdetail--;
	a->cdetail[worst] = a->cdetail[a->ncdetail];
	a->cdscore[worst] = a->cdscore[a->ncdetail];
	if (worst < a->ncdetail)
		records_client(a, a->cdetail[worst]->owner)->detail = worst + 1;
	return d;
}

/* records_detail_get - c's detail, made (maybe in place of a less active
 * client's) when it has none; NULL when c is not active enough */
struct client_detail *records_detail_get(struct analysis *a, struct client *c)
{
	uint64_t score = client_score(c);
	if (c->detail) {
		a->cdscore[c->detail - 1] = score32(score);
		return a->cdetail[c->detail - 1];
	}
	struct client_detail *d = NULL;
	if (a->ncdetail >= a->cdetail_max) {
		d = cdetail_evict(a, score);
		if (!d) {
			c->flags |= CF_DETAIL_LOST;
			return NULL;
		}
		cdetail_reuse(d);
	}
	if (!a->cdetail) {
		a->cdetail = xcalloc(a->cdetail_max + 1, sizeof *a->cdetail);
		a->cdscore = xcalloc(a->cdetail_max + 1, sizeof *a->cdscore);
	}
	if (!d) /* zeroed, as xcalloc's, from blocks (speed30: 230 instructions fewer) */
		d = arena_zalloc(&a->details, sizeof *d);
	pool_init(&d->pool);
	d->owner = records_client_number(a, c);
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
		struct account *ac = records_account(a, i);
		if (span_eqs(name, ac->name)) {
			spillvec_touch(&a->accounts);
			records_touched(a, REC_ACCOUNT, i);
			return ac;
		}
	}
	return NULL;
}

/* records_account_get - the account for name, created when new */
struct account *records_account_get(struct analysis *a, struct span name)
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
	records_touched(a, REC_ACCOUNT, (uint32_t)(a->accounts.n - 1));
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
	free(d->sender_example);
	free(d->sender_client);
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
	struct account *owner = records_account(a, d->owner);
	owner->detail = 0;
	owner->flags |= AF_DETAIL_LOST;
	adetail_free(d);
	a->nadetail--;
	a->adetail[worst] = a->adetail[a->nadetail];
	a->adscore[worst] = a->adscore[a->nadetail];
	if (worst < a->nadetail)
		records_account(a, a->adetail[worst]->owner)->detail = worst + 1;
	return true;
}

/* records_adetail_get - ac's detail, made when it has none and is active enough */
struct account_detail *records_adetail_get(struct analysis *a, struct account *ac)
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
	d->owner = records_account_number(a, ac);
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
		struct login *l = records_login(a, i);
		if (l->client == client && l->account == account) {
			spillvec_touch(&a->logins);
			records_touched(a, REC_LOGIN, i);
			return l;
		}
	}
	return NULL;
}

/* records_login_get - the pair, created when new */
struct login *records_login_get(struct analysis *a, uint32_t client, uint32_t account)
{
	uint64_t h = login_hash(a, client, account);
	struct login *l = login_find(a, client, account, h);
	if (l)
		return l;
	l = spillvec_push(&a->logins);
	l->client = client;
	l->account = account;
	ix_add(a, &a->login_ix, h, a->logins.n - 1);
	records_touched(a, REC_LOGIN, (uint32_t)(a->logins.n - 1));
	return l;
}

/* records_login_find - the pair, or NULL */
struct login *records_login_find(struct analysis *a, uint32_t client, uint32_t account)
{
	return login_find(a, client, account, login_hash(a, client, account));
}

/* client_login - after finish: the i-th account c logged in as (first login first) */
const struct login *client_login(const struct analysis *a, const struct client *c, uint32_t i)
{
	return i < c->nlogin ? records_login(a, a->logins_by_client[c->login0 + i]) : NULL;
}

/* account_login - after finish: the i-th address that logged in as ac */
const struct login *account_login(const struct analysis *a, const struct account *ac, uint32_t i)
{
	return i < ac->nlogin ? records_login(a, a->logins_by_account[ac->login0 + i]) : NULL;
}

/* login_client - the client of a pair */
const struct client *login_client(const struct analysis *a, const struct login *l)
{
	return records_client(a, l->client);
}

/* login_account - the account of a pair */
const struct account *login_account(const struct analysis *a, const struct login *l)
{
	return records_account(a, l->account);
}

/* analysis_free - everything */
void analysis_free(struct analysis *a)
{
	for (uint32_t i = 0; i < a->ncdetail; i++)
		cdetail_drop(a->cdetail[i]);
	arena_free(&a->details);
	for (uint32_t i = 0; i < a->nadetail; i++)
		adetail_free(a->adetail[i]);
	free(a->cdetail);
	free(a->adetail);
	free(a->cdscore);
	free(a->adscore);
	spillvec_free(&a->clients);
	spillvec_free(&a->accounts);
	spillvec_free(&a->logins);
	strset_free(&a->local_domains);
	strset_free(&a->dnf_domains);
	strset_free(&a->dnf_clients);
	strset_free(&a->dnf_other);
	free(a->dnf_asked);
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

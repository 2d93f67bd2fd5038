/*
 * messages.c - fold each closed message into its client and its SASL
 * account: recipients, delivery outcomes, the remote servers' refusals
 * of its content (not of this server's signing), the domains written to,
 * and the messages received before the log began (the orphans).
 *
 * Untrusted: every address and reply kept here came from the log; they
 * are copied (capped) and escaped by the writers.
 */
#include "records.h"
#include "../parse/filter_reply.h"
#include "../util/cidr.h"
#include "../util/urlish.h"
#include "../util/wordset.h"
#include "../util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define sat_add records_sat_add

/* domain_note - remember up to ACCOUNT_DOMAIN_HASHES different domains
 * (a fixed seed: the verdict must not depend on the run's) */
static void domain_note(struct account *ac, struct span dom)
{
	uint32_t h = (uint32_t)span_hash_seed(dom, 0x646f6d);
	for (uint32_t i = 0; i < ac->ndomain_hash; i++)
		if (ac->domain_hash[i] == h)
			return;
	if (ac->ndomain_hash < ACCOUNT_DOMAIN_HASHES)
		ac->domain_hash[ac->ndomain_hash++] = h;
	else
		ac->flags |= AF_DOMAINS_MANY;
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

/* analysis_content_reject - a remote 5xx that speaks of virus or spam, or of
 * this server's IP being blocked for it (not any 5.7.1 or "policy":
 * those also refuse a HELO name, a sender domain, SPF or DMARC, which
 * the findings tell, and which say nothing of spam; nor a refusal for
 * SPF, DKIM or DMARC that says "blocked") */
static const char *const content_words[] = {"virus", "Virus", "spam", "Spam", "SPAM", "phish",
					    "malware", "unsolicited", "blocked", "blacklist", "blocklist",
					    "block list", "reputation", "security issue", NULL};
static struct wordset content_set;
static pthread_once_t content_made = PTHREAD_ONCE_INIT;

static void content_make(void)
{
	wordset_make(&content_set, content_words);
}

/* auth_reject - a refusal of mail that fails SPF, DKIM or DMARC (Gmail's
 * "550-5.7.26 This mail is unauthenticated ... and has been blocked",
 * Microsoft's 5.7.509 DMARC): this server's signing and records, the
 * outbound-spf-dkim-dmarc finding, whatever else the reply says */
static bool auth_reject(const char *reason)
{
	static const char *const words[] = {"SPF", "DKIM", "DMARC", "5.7.26", "5.7.27", "5.7.509",
					    "unauthenticated", NULL};
	for (int i = 0; words[i]; i++)
		if (strstr(reason, words[i]))
			return true;
	return false;
}

/* content_prose - a content word stands in the reply's prose, not only
 * in a URL or host name ("host mx.antispam.example.net[A] said: 451
 * ...", "see https://spam.example.org/"): the slow path, after the
 * word set found one */
static bool content_prose(const char *reason, size_t n)
{
	const char *end = reason + n;
	for (int i = 0; content_words[i]; i++) {
		size_t wn = strlen(content_words[i]);
		for (const char *p = reason; (p = memmem(p, (size_t)(end - p), content_words[i], wn));
		     p++)
			if (!urlish_at(reason, end, p, wn))
				return true;
	}
	return false;
}

/* (the words in one pass over the text: a strstr for each of the
 * fourteen cost 2 % of report on the example and corpus logs; the
 * authentication words are looked for only in a text that has one) */
bool analysis_content_reject_plain(const char *reason)
{
	pthread_once(&content_made, content_make);
	size_t n = strlen(reason);
	return wordset_any(&content_set, reason, n) && content_prose(reason, n) && !auth_reject(reason);
}

/*
 * content_reject's answer kept by its text without the address of its
 * first "[...]" (speed20): a bounced reason is "host NAME[ADDRESS] said:
 * REPLY", the same reply from each of a relay's addresses, and a log's
 * bounced replies are few once the address is left out (10 of 831 on
 * the example bench slice, 82 of 1 110 on the corpus one) where whole
 * texts are mostly distinct.  No word of either list holds '[' or ']',
 * so a word found in "A[INNER]B" lies in A, in INNER or in B; when
 * INNER is an address's bytes (hex digits, '.', ':') and holds none of
 * the words that are made of such bytes alone (cr_inner_words, gathered
 * from both lists when they are made: "5.7.26" and the like), the answer
 * for the text is the answer for "A[]B", which is the key.  The answer is
 * given only for a key equal in every byte; a text whose key is longer
 * than CR_KEY is asked the long way.
 */
enum { CR_SETS = 128, CR_KEY = 256, CR_INNER = 64 };
struct cr_entry {
	uint16_t n; /* key bytes; 0: empty */
	bool r;
	char key[CR_KEY];
};
/* two entries a set, by the key's hash; old[set]: the one to replace */
static _Thread_local struct cr_entry cr_memo[CR_SETS][2];
static _Thread_local uint8_t cr_old[CR_SETS];

/* the words of both lists made only of an address's bytes, and their
 * first bytes */
static const char *cr_inner_words[8];
static size_t cr_inner_len[8], cr_ninner;
/* by a byte: 1 an address's byte, 3 one that starts a word of
 * cr_inner_words too, 0 another */
static uint8_t cr_class[256];
static pthread_once_t cr_made = PTHREAD_ONCE_INIT;

static bool addr_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
}

static void cr_make(void)
{
	for (int c = 0; c < 256; c++)
		cr_class[c] = addr_byte((unsigned char)c);
	static const char *const auth_words[] = {"SPF", "DKIM", "DMARC", "5.7.26", "5.7.27", "5.7.509",
						 "unauthenticated", NULL};
	const char *const *lists[] = {content_words, auth_words};
	for (size_t l = 0; l < 2; l++)
		for (size_t i = 0; lists[l][i]; i++) {
			const char *w = lists[l][i];
			size_t k = 0;
			while (w[k] && addr_byte((unsigned char)w[k]))
				k++;
			if (w[k])
				continue;
			if (cr_ninner == sizeof cr_inner_words / sizeof cr_inner_words[0]) {
				cr_ninner = SIZE_MAX; /* too many: no address is left out */
				return;
			}
			cr_inner_len[cr_ninner] = k;
			cr_inner_words[cr_ninner++] = w;
			cr_class[(unsigned char)w[0]] = 3;
		}
}

/* cr_inner - the bytes between the first '[' and the ']' after it, when
 * they can be left out of the key: an address's bytes, none of
 * cr_inner_words among them */
static bool cr_inner(const char *t, size_t n, size_t *lb, size_t *rb)
{
	const char *l = memchr(t, '[', n);
	if (!l || cr_ninner == SIZE_MAX)
		return false;
	size_t i = (size_t)(l - t) + 1, j = i, end = n - i > CR_INNER ? i + CR_INNER : n;
	unsigned all = 0, c;
	while (j < end && (c = cr_class[(unsigned char)t[j]]) != 0)
		all |= c, j++;
	if (j >= n || t[j] != ']')
		return false;
	if (all & 2)
		for (size_t k = i; k < j; k++)
			if (cr_class[(unsigned char)t[k]] & 2)
				for (size_t w = 0; w < cr_ninner; w++)
					if (cr_inner_len[w] <= j - k && !memcmp(t + k, cr_inner_words[w], cr_inner_len[w]))
						return false;
	*lb = i, *rb = j;
	return true;
}

/* analysis_content_reject - analysis_content_reject_plain, kept by the
 * key above */
bool analysis_content_reject(const char *reason)
{
	pthread_once(&cr_made, cr_make);
	size_t n = strlen(reason), lb = 0, rb = 0;
	if (!cr_inner(reason, n, &lb, &rb))
		lb = rb = n;
	size_t kn = n - (rb - lb);
	if (!kn || kn > CR_KEY)
		return analysis_content_reject_plain(reason);
	/* the slot: the key's length, up to 24 bytes before the '[' and up
	 * to 32 after the ']' (the name and the reply's start; every byte
	 * is compared below) */
	uint64_t h = span_hash_seed(span_make(reason, lb < 24 ? lb : 24), kn);
	h = span_hash_seed(span_make(reason + rb, n - rb < 32 ? n - rb : 32), h);
	size_t set = (h ^ (h >> 29)) % CR_SETS;
	for (int w = 0; w < 2; w++) {
		const struct cr_entry *e = &cr_memo[set][w];
		if (e->n == kn && !memcmp(e->key, reason, lb) && !memcmp(e->key + lb, reason + rb, n - rb)) {
			cr_old[set] = (uint8_t)!w;
			return e->r;
		}
	}
	struct cr_entry *e = &cr_memo[set][cr_old[set]];
	cr_old[set] = (uint8_t)!cr_old[set];
	e->r = analysis_content_reject_plain(reason);
	memcpy(e->key, reason, lb);
	memcpy(e->key + lb, reason + rb, n - rb);
	e->n = (uint16_t)kn;
	return e->r;
}

/* own_relay - the recipient's last delivery went to this host itself:
 * one of its own agents (local, virtual, pipe, lmtp), a UNIX socket, or
 * a loopback address on another port than 25 (a content filter such as
 * amavis on 10024); a refusal there is this host's filter, not a remote
 * server's (a loopback port 25 stays a mail server, as own_backend.c
 * says) */
static bool own_relay(const struct rcpt *r)
{
	if (r->agent)
		return true;
	const char *rel = r->relay;
	if (!rel || !*rel || !strcmp(rel, "none"))
		return false;
	const char *lb = strchr(rel, '['), *rb = lb ? strchr(lb, ']') : NULL;
	if (!lb || !rb)
		return true;    /* private/dovecot-lmtp, a path: a socket on this host */
	bool loop = !strncmp(lb + 1, "127.", 4) || !strncmp(lb + 1, "::1]", 4);
	return loop && strcmp(rb, "]:25") != 0;
}

/* ip_reject - such a refusal that names this server's address or its
 * reputation rather than what was sent: it says nothing of the sender */
static bool ip_reject(const char *reason)
{
	static const char *const words[] = {"your IP", "IP address", "reputation", "block list",
					    "blocklist", "blacklist", "listed", "Spamhaus", "UnsolicitedIP",
					    "S3150", "S3140", "TSS04", "TSS09", NULL};
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
	if (m->parent_qid && m->parent_kind == LINK_FORWARD)
		return; /* a forward (alias, .forward) of a message of this log: told with it */
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
		if (!strcmp(st, "sent") && own_relay(r) && r->reason && strstr(r->reason, "queued as "))
			o->filtered++; /* the content filter's hop: the copy it gives back goes on */
		else if (!strcmp(st, "sent") && own_relay(r) && r->reason &&
			 (strstr(r->reason, "discarded") || filter_reply_drop(span_of(r->reason)) == FILTER_BOUNCED))
			o->filter_discarded++; /* Amavis's "250 2.7.0 Ok, discarded, id=... - SPAM", "..., BOUNCE" */
		else if (!strcmp(st, "sent"))
			o->sent++;
		else if (!strcmp(st, "bounced"))
			o->bounced++;
		else if (!strcmp(st, "deferred"))
			o->deferred++;
		if (!strcmp(st, "bounced") && r->reason && analysis_content_reject(r->reason) && !own_relay(r)) {
			o->remote_content_rejects++;
			o->remote_ip_rejects += ip_reject(r->reason);
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
/* refused_orphan - a message a milter or header/body check refused as
 * spam or a virus ("milter-reject: END-OF-MESSAGE from NAME[IP]: 5.7.1
 * Spam message rejected") whose smtpd lines are not in the log (a
 * pasted excerpt of cleanup's lines): its client is counted refused, as
 * postscreen's refusals are, so that a sender of such mail gets its
 * verdict.  Not this server's own network (a content filter's
 * re-injection, a local program), nor a filter's failure ("Service
 * unavailable", "try again later"), which accuses nobody */
static void refused_orphan(struct analysis *a, const struct message *m)
{
	if (m->origin != ORIGIN_UNKNOWN || !m->refused_client_ip || !m->cleanup_action ||
	    !m->cleanup_reason)
		return;
	if (strcmp(m->cleanup_action, "milter-reject") && strcmp(m->cleanup_action, "reject"))
		return;
	struct span ip = span_of(m->refused_client_ip);
	if (cidr_own_network(ip.p, ip.n) || !analysis_content_reject_plain(m->cleanup_reason))
		return;
	struct client *c = records_client_get(a, ip);
	if (!c)
		return;
	sat_add(&c->rejects, 1);
	sat_add(&c->by_verdict[V_SPAM_REJECTED], 1);
	struct client_detail *d = records_detail_get(a, c);
	if (d) {
		sat_add(&d->orphan_refusals, 1);
		analysis_refusal_text(d, span_of(m->cleanup_reason));
	}
}

void analysis_message(struct analysis *a, const struct message *m)
{
	/* address verification probes are Postfix's questions to the next
	 * hop, no mail: counted apart (the report's opening line) */
	if (msg_verify_probe(m)) {
		a->verify_probes++;
		return;
	}
	a->messages++;
	orphan_message(a, m);
	refused_orphan(a, m);
	struct client *c = NULL;     /* m's client, when looked up */
	if (m->origin == ORIGIN_SMTPD && m->client_ip) {
		c = records_client_get(a, span_of(m->client_ip));
		if (c)
			sat_add(&c->recipients, m->nrcpts);
	}
	if (!m->sasl_username || m->origin == ORIGIN_REINJECTED)
		return;
	struct account *ac = records_account_get(a, span_of(m->sasl_username));
	if (!ac)
		return;
	sat_add(&ac->messages, 1);
	sat_add(&ac->recipients, (uint64_t)m->nrcpts + m->rcpts_dropped);
	if (!ac->first.us || m->start.us < ac->first.us)
		ac->first = m->start;
	if (m->start.us > ac->last.us)
		ac->last = m->start;
	struct account_detail *d = records_adetail_get(a, ac);
	if (d)
		account_times(d, m->start.us);
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		char dom[256];
		struct span dm = rcpt_domain(r->to ? r->to : "", dom, sizeof dom);
		if (dm.p) {
			domain_note(ac, dm);
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
		if (!strcmp(st, "bounced") && r->reason && analysis_content_reject(r->reason) && !own_relay(r)) {
			sat_add(&ac->remote_content_rejects, 1);
			if (d && !d->remote_reject_example)
				d->remote_reject_example = xstrdup(r->reason);
		}
	}
	if (m->client_ip) {
		if (!c) /* the records do not move without a new client */
			c = records_client_find(a, span_of(m->client_ip));
		struct login *l = NULL;
		if (c)
			l = records_login_find(a, records_client_number(a, c), records_account_number(a, ac));
		if (l) {
			sat_add(&l->messages, 1);
			sat_add(&l->recipients, m->nrcpts);
		}
	}
}

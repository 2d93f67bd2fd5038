/*
 * relayed.c - mail that a client on the Internet handed over without a
 * login and that this server passed on by SMTP (over the model's closed
 * messages).  Either to this site's own internal server -- a gateway or
 * backup MX for a relay domain: the next hop on a private address, the
 * one that takes most of that mail, or one that takes only domains this
 * host also delivers itself, for a few domains and never a large
 * provider's -- or to the rest of the Internet, which this server should
 * do only for its users: relaying on the trust of a public address
 * (mynetworks too wide, or smtpd_relay_restrictions without
 * reject_unauth_destination).  And the internal server's "user unknown"
 * bounces of that mail, sent back to its (usually forged) senders:
 * backscatter through the gateway.
 *
 * Memory is bounded: RL_CLIENTS clients with RL_DOMAINS domains each
 * (past that, their mail is counted as to outside domains), RL_HOPS next
 * hops, the domains this host delivers itself (RL_LOCAL_DOMAINS).
 */
#include "diag_internal.h"
#include "../analyze/analysis.h"
#include "../parse/provider.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RL_CLIENTS DIAG_RELAY_CLIENTS /* public clients whose relayed mail is counted */
#define RL_DOMAINS 32         /* recipient domains counted one by one per client */
#define RL_MORE_DOMAINS 256   /* the others' names, counted */
#define RL_HOPS 32            /* next hops of that mail */
#define RL_HOP_DOMAINS 16     /* domains remembered per next hop */
#define RL_GATEWAY_DOMAINS 5  /* a site's own internal server takes at most that many */
#define RL_LOCAL_DOMAINS 1024 /* domains this host delivers itself */
#define RL_BOUNCE_QIDS 256    /* queue IDs of a hop's backscatter, to tie their lines */
#define RL_QIDS 1024          /* relayed messages' queue IDs, to tie their client= lines */
#define RL_PEEKED 4096        /* open messages counted before they close (watch), at most */
#define RL_MANY_CLIENTS 3     /* that many clients relaying: a spammer found it */
#define RL_MANY_DOMAINS 10    /* or that many outside domains */
#define RL_FEW_MESSAGES 2     /* fewer messages of one or two clients: nothing said */
#define RL_FILTERED 2048      /* content filters' copies awaited with their client */
#define RL_DOM_MAX 128
#define RL_SENDER_DOMAINS 8   /* sender domains kept per client (past that: not the site's own) */

/* one recipient domain of a client's relayed mail */
struct rl_domain {
	char name[RL_DOM_MAX];
	uint64_t rcpts, msgs, failed;
	char *sample;                /* its first delivery, in the log's words */
};

/* a public client whose mail, accepted without a login, left by SMTP */
struct rl_client {
	char ip[64];
	struct rl_domain dom[RL_DOMAINS];
	uint32_t ndom;
	uint64_t more_rcpts, more_msgs, more_failed; /* to domains past RL_DOMAINS */
	struct strset more;          /* those domains */
	struct strset senders;       /* the sender domains of its relayed messages */
	bool odd_sender;             /* one had no sender domain (null sender, none logged) */
	struct stamp first, last;
};

/* a next hop of that mail, and the "user unknown" bounces it gave */
struct rl_hop {
	char name[RL_DOM_MAX];       /* the host name before "[address]" */
	char addr[64];               /* the address in the brackets */
	bool private_addr;
	uint64_t rcpts;
	struct strset domains;
	struct strset senders;       /* the clients (or filtered messages) it took mail from */
	bool provider;               /* its name is a large provider's */
	bool own;                    /* decided at the end: this site's own server */
	bool own_now;                /* as far as the log told, at own_at relayed recipients */
	uint64_t own_at;
	size_t own_ndom, own_nlocal, own_nsenders;
	uint64_t bs_rcpts;
	struct stamp bs_first, bs_last;
	struct strset bs_domains, bs_qids;
	uint32_t nbs;
	char *bs_sample[DIAG_SAMPLES];
};

/* a content filter's copy of Internet mail: its queue ID and the
 * original's client (the copy's own is the filter on loopback) */
struct rl_filtered {
	char qid[32];
	char ip[64];
};

struct diag_relayed {
	struct rl_client *client[RL_CLIENTS];
	uint32_t nclient;
	uint64_t clients_dropped;    /* relayed recipients of clients past RL_CLIENTS */
	struct rl_hop *hop[RL_HOPS];
	uint32_t nhop;
	uint64_t hop_rcpts;          /* relayed recipients with a next hop */
	bool grouped;                /* diag_relayed_groups ran */
	struct strset peeked;        /* open messages counted before they closed (watch) */
	struct strset local_domains; /* delivered by local, virtual, pipe or LMTP */
	/* the last domain found a member of local_domains, as its address
	 * wrote it (before lower_domain): the same bytes again add nothing
	 * (speed20; local_domains never loses a member) */
	char last_local[RL_DOM_MAX];
	size_t last_local_n;
	struct strset qids;          /* relayed messages */
	char last_addr[64];          /* the last next hop's address, and its kind */
	enum addr_kind last_kind;
	struct rl_filtered *filtered; /* RL_FILTERED copies awaited, a ring */
	uint32_t filtered_next;
	struct hmap filtered_by_qid;
};

/* stamp_span - widen [first, last] to ts (0: no time) */
static void stamp_span(struct stamp *first, struct stamp *last, struct stamp ts)
{
	if (!ts.us)
		return;
	if (!first->us || ts.us < first->us)
		*first = ts;
	if (!last->us || ts.us > last->us)
		*last = ts;
}

/* relayed_get - the state, made on first use */
static struct diag_relayed *relayed_get(struct diag *d)
{
	if (!d->relayed) {
		d->relayed = xcalloc(1, sizeof *d->relayed);
		strset_init(&d->relayed->local_domains, RL_LOCAL_DOMAINS);
		strset_init(&d->relayed->qids, RL_QIDS);
		strset_init(&d->relayed->peeked, RL_PEEKED);
		hmap_init(&d->relayed->filtered_by_qid);
	}
	return d->relayed;
}

/* filtered_eq - hmap equality: a copy's record against a queue ID span */
static bool filtered_eq(const void *obj, const void *key)
{
	const struct rl_filtered *f = obj;
	return span_eqs(*(const struct span *)key, f->qid);
}

/* diag_relayed_filtered - the content filter's copy qid of mail from
 * client ip, awaited (the oldest of RL_FILTERED gives way) */
void diag_relayed_filtered(struct diag *d, const char *qid, const char *ip)
{
	struct diag_relayed *s = relayed_get(d);
	if (strlen(qid) >= sizeof s->filtered[0].qid || strlen(ip) >= sizeof s->filtered[0].ip)
		return;
	if (!s->filtered)
		s->filtered = xcalloc(RL_FILTERED, sizeof *s->filtered);
	struct rl_filtered *f = &s->filtered[s->filtered_next];
	s->filtered_next = (s->filtered_next + 1) % RL_FILTERED;
	if (f->qid[0])
		hmap_del(&s->filtered_by_qid, span_hash(span_of(f->qid)), f);
	strcpy(f->qid, qid);
	strcpy(f->ip, ip);
	hmap_put(&s->filtered_by_qid, span_hash(span_of(f->qid)), f);
}

/* diag_relayed_filtered_ip - the client of the mail a copy was made of */
const char *diag_relayed_filtered_ip(const struct diag *d, const char *qid)
{
	const struct diag_relayed *s = d->relayed;
	if (!s || !s->filtered)
		return NULL;
	struct span k = span_of(qid);
	const struct rl_filtered *f = hmap_get(&s->filtered_by_qid, span_hash(k), filtered_eq, &k);
	return f ? f->ip : NULL;
}

/* lower_domain - the domain of address to, lower case, in buf; false
 * when there is none or it does not fit */
static bool lower_domain(const char *to, char buf[RL_DOM_MAX])
{
	const char *at = to ? strrchr(to, '@') : NULL;
	if (!at || !at[1] || strlen(at + 1) >= RL_DOM_MAX)
		return false;
	size_t i = 0;
	for (const char *p = at + 1; *p; p++)
		buf[i++] = (char)tolower((unsigned char)*p);
	buf[i] = 0;
	return true;
}

/* hop_of - the name and address of a relay "name[addr]:port"; false for
 * "none" and anything without brackets */
static bool hop_of(const char *relay, struct span *name, struct span *addr)
{
	const char *lb = strchr(relay, '[');
	const char *rb = lb ? strchr(lb, ']') : NULL;
	if (!lb || !rb || lb == relay || (size_t)(lb - relay) >= RL_DOM_MAX)
		return false;
	*name = span_make(relay, (size_t)(lb - relay));
	*addr = span_make(lb + 1, (size_t)(rb - lb - 1));
	return true;
}

/* peer_of - the server a failed attempt names when relay=none: "connect
 * to NAME[ADDR]:PORT: ...", "lost connection with NAME[ADDR]",
 * "conversation with NAME[ADDR] timed out" (smtp_connect.c,
 * smtp_trouble.c); "" when none */
static const char *peer_of(const char *reason)
{
	static const char *const lead[] = {"connect to ", "lost connection with ", "conversation with "};
	for (size_t i = 0; reason && i < sizeof lead / sizeof lead[0]; i++)
		if (!strncmp(reason, lead[i], strlen(lead[i])))
			return reason + strlen(lead[i]);
	return "";
}

/* addr_kind_last - diag_addr_kind, remembered for the last address (a
 * gateway relays to the same one again and again) */
static enum addr_kind addr_kind_last(struct diag_relayed *s, struct span addr)
{
	if (addr.n && span_eqs(addr, s->last_addr))
		return s->last_kind;
	enum addr_kind k = diag_addr_kind(addr);
	if (addr.n < sizeof s->last_addr) {
		memcpy(s->last_addr, addr.p, addr.n);
		s->last_addr[addr.n] = 0;
		s->last_kind = k;
	}
	return k;
}

/* hop_get - the record of a next hop, made on first use; NULL past RL_HOPS */
static struct rl_hop *hop_get(struct diag_relayed *s, struct span name, struct span addr)
{
	for (uint32_t i = 0; i < s->nhop; i++)
		if (span_eqs(name, s->hop[i]->name))
			return s->hop[i];
	if (s->nhop == RL_HOPS)
		return NULL;
	struct rl_hop *h = xcalloc(1, sizeof *h);
	memcpy(h->name, name.p, name.n);
	if (addr.n < sizeof h->addr)
		memcpy(h->addr, addr.p, addr.n);
	h->private_addr = diag_addr_kind(addr) == ADDR_PRIVATE;
	h->provider = provider_name(name) != NULL;
	strset_init(&h->domains, RL_HOP_DOMAINS);
	strset_init(&h->senders, 2);
	strset_init(&h->bs_domains, DIAG_SUBJECTS);
	strset_init(&h->bs_qids, RL_BOUNCE_QIDS);
	s->hop[s->nhop++] = h;
	return h;
}

/* client_get - the record of a relaying client; a new one only when
 * create, NULL past RL_CLIENTS */
static struct rl_client *client_get(struct diag_relayed *s, const char *ip, bool create)
{
	for (uint32_t i = 0; i < s->nclient; i++)
		if (!strcmp(s->client[i]->ip, ip))
			return s->client[i];
	if (!create || s->nclient == RL_CLIENTS || strlen(ip) >= sizeof s->client[0]->ip)
		return NULL;
	struct rl_client *c = xcalloc(1, sizeof *c);
	strcpy(c->ip, ip);
	strset_init(&c->more, RL_MORE_DOMAINS);
	strset_init(&c->senders, RL_SENDER_DOMAINS);
	s->client[s->nclient++] = c;
	return c;
}

/* delivery_sample - a relayed recipient's life in the log's words */
static char *delivery_sample(const struct message *m, const struct rcpt *r, const char *child,
			     const char *ip)
{
	struct buf b = {0};
	bool filtered = ip && m->client_ip && strcmp(ip, m->client_ip) && m->parent_qid;
	if (filtered) /* a content filter's copy: the original's client */
		buf_printf(&b, "%s: client=[%s]", m->parent_qid, ip);
	else
		buf_printf(&b, "%s: client=%s[%s]", m->qid, m->client_name ? m->client_name : "unknown",
			   m->client_ip ? m->client_ip : "");
	if (m->have_from && m->from)
		buf_printf(&b, ", from=<%s>", m->from);
	if (filtered)
		buf_printf(&b, " | %s: queued as %s", m->parent_qid, m->qid);
	return diag_life_sample(&b, m, r, r->status, child);
}

/* client_note - one relayed recipient of client c, to domain dom (the
 * message is counted with its first relayed recipient's domain) */
static void client_note(struct rl_client *c, const struct message *m, const struct rcpt *r,
			const char *dom, bool first_of_message)
{
	/* refused or deferred by the remote server itself ("host X said:"),
	 * not a DNS error or a time-out of the destination's */
	bool failed = (!strcmp(r->status, "bounced") || !strcmp(r->status, "deferred")) && r->reason &&
		      strstr(r->reason, " said: ");
	struct rl_domain *e = NULL;
	for (uint32_t i = 0; i < c->ndom && !e; i++)
		if (!strcmp(c->dom[i].name, dom))
			e = &c->dom[i];
	if (!e && c->ndom < RL_DOMAINS) {
		e = &c->dom[c->ndom++];
		strcpy(e->name, dom);
	}
	if (e) {
		e->rcpts++;
		e->msgs += first_of_message;
		e->failed += failed;
		if (!e->sample)
			e->sample = delivery_sample(m, r, NULL, c->ip);
	} else {
		c->more_rcpts++;
		c->more_msgs += first_of_message;
		c->more_failed += failed;
		strset_add(&c->more, span_of(dom));
	}
	stamp_span(&c->first, &c->last, m->start);
	stamp_span(&c->first, &c->last, r->last);
	char sdom[RL_DOM_MAX];
	if (!first_of_message)
		return;
	if (m->have_from && m->from && lower_domain(m->from, sdom))
		strset_add(&c->senders, span_of(sdom));
	else
		c->odd_sender = true;
}

/* set_all / set_any - does every / any member of set pass test (no
 * copy, no sort: called per relayed recipient) */
static bool set_test(const struct diag_relayed *s, const struct strset *set, bool every,
		     bool (*test)(const struct diag_relayed *, const char *))
{
	size_t want = strset_len(set), k = 0;
	for (uint64_t r = 0; k < want && r < set->map.cap; r++) {
		uint64_t h;
		const char *v = hmap_slot(&set->map, r, &h);
		if (!v)
			continue;
		k++;
		if (test(s, v) != every)
			return !every;
	}
	return every && want > 0;
}

static bool is_local(const struct diag_relayed *s, const char *dom)
{
	return strset_has(&s->local_domains, span_of(dom));
}

static bool is_provider(const struct diag_relayed *s, const char *dom)
{
	(void)s;
	return provider_mailbox_domain(span_of(dom));
}

/* hop_own - this site's own internal server: a few domains, none a large
 * provider's, and a private address, or most of that mail from two
 * clients or more (one client's is that client's choice; one message's
 * 5.1.1 is a remote server's), or only domains this host also delivers
 * itself */
static bool hop_own(const struct diag_relayed *s, const struct rl_hop *h)
{
	size_t n = strset_len(&h->domains);
	if (!n || n > RL_GATEWAY_DOMAINS || h->domains.dropped || h->provider ||
	    set_test(s, &h->domains, false, is_provider))
		return false;
	return h->private_addr || (h->rcpts * 2 >= s->hop_rcpts && strset_len(&h->senders) >= 2) ||
	       set_test(s, &h->domains, true, is_local);
}

/* hop_own_now - hop_own as the lines so far tell it, recomputed when
 * its domains, clients or this host's domains change, or every
 * RL_RECHECK relayed recipients (it is asked for every one) */
#define RL_RECHECK 64
static bool hop_own_now(struct diag_relayed *s, struct rl_hop *h)
{
	size_t ndom = strset_len(&h->domains), nlocal = strset_len(&s->local_domains);
	size_t nsenders = strset_len(&h->senders);
	if (!h->own_at || ndom != h->own_ndom || nlocal != h->own_nlocal || nsenders != h->own_nsenders ||
	    s->hop_rcpts - h->own_at >= RL_RECHECK) {
		h->own_now = hop_own(s, h);
		h->own_at = s->hop_rcpts;
		h->own_ndom = ndom, h->own_nlocal = nlocal, h->own_nsenders = nsenders;
	}
	return h->own_now;
}

/* diag_relayed_local - the domains this host delivers itself (local,
 * virtual, pipe, LMTP), from any message */
void diag_relayed_local(struct diag *d, const struct message *m)
{
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		char dom[RL_DOM_MAX];
		if (!r->agent || !strcmp(r->agent, "error") || !strcmp(r->agent, "qmgr"))
			continue;
		const struct diag_relayed *k = d->relayed;
		const char *at = r->to ? strrchr(r->to, '@') : NULL;
		if (k && k->last_local_n && at && strlen(at + 1) == k->last_local_n &&
		    !memcmp(at + 1, k->last_local, k->last_local_n))
			continue;
		if (!lower_domain(r->to, dom))
			continue;
		struct diag_relayed *s = relayed_get(d);
		size_t dropped = s->local_domains.dropped;
		strset_add(&s->local_domains, span_of(dom));
		if (s->local_domains.dropped == dropped) {
			/* a member now: at + 1 is shorter than RL_DOM_MAX (lower_domain) */
			s->last_local_n = strlen(at + 1);
			memcpy(s->last_local, at + 1, s->last_local_n);
		}
	}
}

const struct strset *diag_relayed_local_domains(const struct diag *d)
{
	return d->relayed ? &d->relayed->local_domains : NULL;
}

/* diag_relayed_message - a message an Internet client handed over
 * without a login (ip: that client, or for a content filter's copy the
 * original's; NULL when not known): its recipients that left by SMTP (not to
 * this host's own backends, not an alias's forward), by client, domain
 * and next hop; the next hop's "user unknown" bounces that notified a
 * sender (child: the notification; notify: a sender to notify) */
void diag_relayed_message(struct diag *d, const struct message *m, const char *ip, const char *child,
			  bool notify)
{
	struct diag_relayed *s = d->relayed;
	/* counted while it was open: not again, and no longer kept (the
	 * set holds only open messages) */
	if (s && strset_len(&s->peeked) && strset_del(&s->peeked, span_of(m->qid)))
		return;
	bool counted = false;
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		char dom[RL_DOM_MAX], orig[RL_DOM_MAX];
		if (r->agent || r->relay_transport || !r->status || !r->relay || !lower_domain(r->to, dom))
			continue;
		if (r->orig_to && lower_domain(r->orig_to, orig) && strcmp(orig, dom))
			continue; /* an alias of this host's pointing outside */
		bool none = !strcmp(r->relay, "none");
		if (none && !strcmp(r->status, "sent"))
			continue; /* discard(8) */
		struct span name, addr;
		bool have_hop = hop_of(none ? peer_of(r->reason) : r->relay, &name, &addr);
		if (!have_hop && !none)
			continue;
		if (!s)
			s = relayed_get(d);
		enum addr_kind kind = have_hop ? addr_kind_last(s, addr) : ADDR_PUBLIC;
		if (kind != ADDR_PUBLIC && kind != ADDR_PRIVATE)
			continue; /* loopback (a content filter) or a socket: this host */
		struct rl_hop *h = have_hop ? hop_get(s, name, addr) : NULL;
		if (h) {
			h->rcpts++;
			s->hop_rcpts++;
			strset_add(&h->domains, span_of(dom));
			if (strset_len(&h->senders) < 2)
				strset_add(&h->senders, span_of(ip ? ip : m->qid));
			if (!strcmp(r->status, "bounced") && diag_user_unknown(r) && (child || notify)) {
				h->bs_rcpts++;
				stamp_span(&h->bs_first, &h->bs_last, m->start);
				stamp_span(&h->bs_first, &h->bs_last, r->last);
				strset_add(&h->bs_domains, span_of(dom));
				strset_add(&h->bs_qids, span_of(m->qid));
				if (child)
					strset_add(&h->bs_qids, span_of(child));
				if (m->parent_qid && m->parent_kind == LINK_FILTER)
					strset_add(&h->bs_qids, span_of(m->parent_qid));
				if (h->nbs < DIAG_SAMPLES)
					h->bs_sample[h->nbs++] = delivery_sample(m, r, child, ip);
			}
		}
		if (!ip)
			continue;
		/* a new client only for a domain that, as far as the log has
		 * told yet, this host does not take (a gateway's thousands of
		 * Internet clients are not kept) */
		bool outside = !is_local(s, dom) && !(h && hop_own_now(s, h));
		struct rl_client *c = client_get(s, ip, outside);
		if (!c) {
			s->clients_dropped += outside;
			continue;
		}
		client_note(c, m, r, dom, !counted);
		counted = true;
		strset_add(&s->qids, span_of(m->qid));
		if (m->parent_qid && m->parent_kind == LINK_FILTER)
			strset_add(&s->qids, span_of(m->parent_qid)); /* the original's client= */
	}
}

/* diag_relayed_peek - an open message (diag_message_peek) whose
 * recipients already left for outside domains: counted now, once, as it
 * stands (its recipients that leave later are not counted: watch wants
 * the client, the counts are a floor); the messages that relayed nothing
 * yet wait for their close */
void diag_relayed_peek(struct diag *d, const struct message *m)
{
	struct diag_relayed *s = d->relayed;
	if (s && strset_len(&s->peeked) && strset_has(&s->peeked, span_of(m->qid)))
		return;
	/* RL_PEEKED open messages counted already: this one waits for its
	 * close, where it is counted (never twice: a closed message leaves
	 * the set, and one that could not enter it was not counted) */
	if (s && strset_len(&s->peeked) >= RL_PEEKED)
		return;
	bool relayed = false;
	for (uint32_t i = 0; i < m->nrcpts && !relayed; i++)
		relayed = !m->rcpts[i].agent && !m->rcpts[i].relay_transport && m->rcpts[i].status && m->rcpts[i].relay;
	if (!relayed)
		return;
	diag_relayed_message(d, m, m->client_ip, NULL, false);
	s = relayed_get(d);
	strset_add(&s->peeked, span_of(m->qid));
}

/* accepted_domain - a domain this host takes mail for: delivered here,
 * or passed to its own internal server */
static bool accepted_domain(const struct diag_relayed *s, const char *dom)
{
	if (strset_has(&s->local_domains, span_of(dom)))
		return true;
	for (uint32_t i = 0; i < s->nhop; i++)
		if (s->hop[i]->own && strset_has(&s->hop[i]->domains, span_of(dom)))
			return true;
	return false;
}

/* hop_backscatter - an own server's "user unknown" bounces of Internet
 * mail, told as backscatter keyed by its name (as its outbound finding,
 * which diag_accepted_fold then folds into it) */
static void hop_backscatter(struct diag *d, struct rl_hop *h)
{
	struct diag_group *g = diag_group_get(d, F_IN_BACKSCATTER, h->name);
	if (!g) {
		d->dropped += h->bs_rcpts;
		return;
	}
	g->lines += h->bs_rcpts;
	g->recipients += h->bs_rcpts;
	diag_group_time(g, h->bs_first);
	diag_group_time(g, h->bs_last);
	diag_subjects_add(&g->subjects, &h->bs_domains);
	diag_samples_take(g, h->bs_sample, h->nbs);
	diag_subjects_add(&d->backscatter_qids, &h->bs_qids);
}

/* outside - what a client relayed to domains this host does not take */
struct outside {
	uint64_t msgs, rcpts, failed;
	uint32_t ndom;
};

/* a_next_hop - the client's address is one this host relays to: its
 * own content filter handing mail back (on its public address, a port
 * of its own), not a client that relays */
static bool a_next_hop(const struct diag_relayed *s, const struct rl_client *c)
{
	for (uint32_t i = 0; i < s->nhop; i++)
		if (!strcmp(s->hop[i]->addr, c->ip))
			return true;
	return false;
}

static struct outside client_outside(const struct diag_relayed *s, const struct rl_client *c,
				     struct strset *domains)
{
	struct outside o = {c->more_msgs, c->more_rcpts, c->more_failed, 0};
	if (a_next_hop(s, c))
		return (struct outside){0};
	for (uint32_t i = 0; i < c->ndom; i++) {
		const struct rl_domain *e = &c->dom[i];
		if (accepted_domain(s, e->name))
			continue;
		o.msgs += e->msgs, o.rcpts += e->rcpts, o.failed += e->failed;
		o.ndom++;
		if (domains)
			strset_add(domains, span_of(e->name));
	}
	o.ndom += (uint32_t)(strset_len(&c->more) + c->more.dropped);
	return o;
}

/* client_group - a client's relaying to outside domains, as finding id */
static void client_group(struct diag *d, const struct diag_relayed *s, struct rl_client *c,
			 enum finding_id id)
{
	struct diag_group *g = diag_group_get(d, id, c->ip);
	if (!g) {
		d->dropped++;
		return;
	}
	struct outside o = client_outside(s, c, &g->subjects);
	diag_subjects_add(&g->subjects, &c->more);
	g->subjects.dropped += c->more.dropped;
	g->lines += o.msgs;
	g->recipients += o.rcpts;
	diag_group_time(g, c->first);
	diag_group_time(g, c->last);
	for (uint32_t i = 0; i < c->ndom && g->nsample < DIAG_SAMPLES; i++) {
		struct rl_domain *e = &c->dom[i];
		if (e->sample && !accepted_domain(s, e->name)) {
			g->sample[g->nsample++] = e->sample;
			e->sample = NULL;
		}
	}
}

/* diag_relayed_groups - at the end: which next hops are this site's own
 * servers (their "user unknown" bounces of Internet mail are
 * backscatter), and the clients whose mail went to outside domains:
 * relaying trusted by a public address; an open relay that spammers use
 * when RL_MANY_CLIENTS clients or RL_MANY_DOMAINS domains, or three
 * domains with a quarter of the recipients refused or deferred by the
 * remote servers themselves (not DNS errors, not time-outs); a single client's little relaying is a caution, and
 * a single message nothing */
/* judge - which next hops are this site's own, and whether the
 * clients' relaying to outside domains makes an open relay (many) or
 * says anything at all (false: nothing); no group is made, so that
 * watch may ask again as the log goes on */
static bool judge(const struct diag *d, struct diag_relayed *s, bool *many)
{
	for (uint32_t i = 0; i < s->nhop; i++)
		s->hop[i]->own = hop_own(s, s->hop[i]);
	struct strset domains;
	strset_init(&domains, RL_MORE_DOMAINS * 4);
	uint32_t nclients = 0;
	uint64_t msgs = 0, rcpts = 0, failed = 0;
	for (uint32_t i = 0; i < s->nclient; i++) {
		struct outside o = client_outside(s, s->client[i], &domains);
		if (!o.rcpts)
			continue;
		nclients++;
		msgs += o.msgs, rcpts += o.rcpts, failed += o.failed;
		diag_subjects_add(&domains, &s->client[i]->more);
	}
	size_t ndom = strset_len(&domains) + domains.dropped;
	strset_free(&domains);
	/* the server refusing to relay for others ("Relay access denied")
	 * relays for these clients on purpose (mynetworks, a client access
	 * table): one or two of them are its own senders, whatever the
	 * domains (a newsletter server); the count of clients still tells a
	 * range trusted too widely */
	bool closed = d->relay_refused > 0;
	/* one client alone to many domains whose servers take its mail is
	 * a sending application of the site's as often as a spammer (a
	 * newsletter server: one public address, thousands of messages,
	 * few refused): trusted-public-address says so without accusing it;
	 * a quarter refused by the remote servers is what spam meets */
	bool spamlike = ndom >= 3 && failed * 4 >= rcpts;
	*many = nclients && (nclients >= RL_MANY_CLIENTS || s->clients_dropped ||
			     (!closed && (spamlike || (ndom >= RL_MANY_DOMAINS && nclients >= 2))));
	/* one message says too little: a relay domain's server seen once
	 * looks the same */
	return nclients && (*many || msgs >= RL_FEW_MESSAGES);
}

void diag_relayed_groups(struct diag *d)
{
	struct diag_relayed *s = d->relayed;
	if (!s || s->grouped)
		return;
	s->grouped = true;
	bool many;
	bool say = judge(d, s, &many);
	for (uint32_t i = 0; i < s->nhop; i++)
		if (s->hop[i]->own && s->hop[i]->bs_rcpts)
			hop_backscatter(d, s->hop[i]);
	if (!say)
		return;
	for (uint32_t i = 0; i < s->nclient; i++)
		if (client_outside(s, s->client[i], NULL).rcpts)
			client_group(d, s, s->client[i], many ? F_IN_OPEN_RELAY : F_IN_TRUSTED_PUBLIC);
}

/* own_senders - every message the client relayed came from a sender in
 * a domain this site takes mail for (and none without one): the site's
 * own host or a partner's server sending as the site, not a spammer,
 * who forges senders of other domains */
static bool own_senders(const struct diag_relayed *s, const struct rl_client *c)
{
	size_t n = strset_len(&c->senders);
	if (!n || c->odd_sender || c->senders.dropped)
		return false;
	size_t k = 0;
	for (uint64_t r = 0; k < n && r < c->senders.map.cap; r++) {
		uint64_t h;
		const char *v = hmap_slot(&c->senders.map, r, &h);
		if (!v)
			continue;
		k++;
		if (!accepted_domain(s, v))
			return false;
	}
	return true;
}

/* diag_relayed_verdicts - the clients of public-open-relay become
 * relay-abuser (the analysis keeps a client that logs in, or one of its
 * own network, as it was), but not one whose every relayed message came
 * from a sender of this site's own domains; the clients of
 * trusted-public-address keep theirs: one or two clients with a few
 * messages are an office or an application as often as not (after
 * analysis_finish) */
void diag_relayed_verdicts(struct diag *d, struct analysis *a)
{
	diag_relayed_groups(d);
	const char *ips[RL_CLIENTS];
	size_t n = diag_relay_abusers(d, ips);
	if (n)
		analysis_relay_abusers(a, ips, n);
}

/* diag_relay_abusers - the clients of an open relay so far, into ips
 * (RL_CLIENTS at most): those whose mail went to outside domains, but
 * not one whose every relayed message came from a sender of this site's
 * own domains; none while the log does not show an open relay.  Makes
 * no group: "watch" asks at each save, "report" once at the end */
size_t diag_relay_abusers(struct diag *d, const char **ips)
{
	struct diag_relayed *s = d->relayed;
	bool many;
	if (!s || !judge(d, s, &many) || !many)
		return 0;
	size_t n = 0;
	for (uint32_t i = 0; i < s->nclient && n < RL_CLIENTS; i++) {
		const struct rl_client *c = s->client[i];
		if (!client_outside(s, c, NULL).rcpts || own_senders(s, c))
			continue;
		ips[n++] = c->ip;
	}
	return n;
}

/* diag_relayed_line_group - the client= line of a message relayed to
 * outside domains, after diag_finish */
const struct diag_group *diag_relayed_line_group(const struct diag *d, const struct event *ev)
{
	const struct diag_relayed *s = d->relayed;
	if (!s || ev->type != EV_CLIENT || !ev->queue_id.n || !strset_len(&s->qids) ||
	    !strset_has(&s->qids, ev->queue_id))
		return NULL;
	for (size_t i = 0; i < d->nlist; i++) {
		const struct diag_group *g = d->list[i];
		if ((g->id == F_IN_OPEN_RELAY || g->id == F_IN_TRUSTED_PUBLIC) && span_eqs(ev->client_ip, g->key))
			return g;
	}
	return NULL;
}

/* diag_relayed_free - everything */
void diag_relayed_free(struct diag *d)
{
	struct diag_relayed *s = d->relayed;
	if (!s)
		return;
	for (uint32_t i = 0; i < s->nclient; i++) {
		for (uint32_t j = 0; j < s->client[i]->ndom; j++)
			free(s->client[i]->dom[j].sample);
		strset_free(&s->client[i]->more);
		strset_free(&s->client[i]->senders);
		free(s->client[i]);
	}
	for (uint32_t i = 0; i < s->nhop; i++) {
		struct rl_hop *h = s->hop[i];
		strset_free(&h->domains);
		strset_free(&h->senders);
		strset_free(&h->bs_domains);
		strset_free(&h->bs_qids);
		for (uint32_t j = 0; j < h->nbs; j++)
			free(h->bs_sample[j]);
		free(h);
	}
	strset_free(&s->local_domains);
	strset_free(&s->qids);
	strset_free(&s->peeked);
	hmap_free(&s->filtered_by_qid);
	free(s->filtered);
	free(s);
	d->relayed = NULL;
}

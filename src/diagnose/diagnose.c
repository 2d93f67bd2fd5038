/*
 * diagnose.c - hits of the rules grouped by (finding, cause), with their
 * counts, time span, the recipients' domains or clients they touched,
 * and the first few lines as evidence; then, at the end, the conclusions
 * that need the whole log run in order (diag_finish: folds.c's folds,
 * reclassify.c's relabels and drops, accepted.c's backscatter and relaying
 * on the trust of an address, relayed.c's relaying to outside domains and
 * a gateway's backscatter, notes.c's postscreen providers and unexplained
 * bounces, log_gaps.c's sums), and the groups sorted most serious first.
 */
#include "diagnose.h"
#include "diag_internal.h"
#include "rules.h"
#include "../parse/provider.h"
#include "../parse/redact.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct group_key {
	enum finding_id id;
	const char *key;
};

/* group_hash - hash of (finding, key) */
static uint64_t group_hash(enum finding_id id, const char *key)
{
	return span_hash_seed(span_of(key), (uint64_t)id * 0x9e3779b97f4a7c15ULL + 1);
}

/* group_eq - hmap equality */
static bool group_eq(const void *obj, const void *k)
{
	const struct diag_group *g = obj;
	const struct group_key *gk = k;
	return g->id == gk->id && !strcmp(g->key, gk->key);
}

/* diag_new - an empty diagnosis */
struct diag *diag_new(void)
{
	struct diag *d = xcalloc(1, sizeof *d);
	hmap_init(&d->groups);
	strset_init(&d->backscatter_qids, DIAG_BACKSCATTER_QIDS);
	strset_init(&d->filtered_qids[0], DIAG_FILTERED_QIDS);
	strset_init(&d->filtered_qids[1], DIAG_FILTERED_QIDS);
	strset_init(&d->own_full_rcpts, DIAG_FULL_RCPTS);
	strset_init(&d->sent_domains, DIAG_SENT_DOMAINS);
	strset_init(&d->site_bounced, DIAG_SENT_DOMAINS);
	strset_init(&d->site_hosted, DIAG_SENT_DOMAINS);
	strset_init(&d->held_qids, DIAG_HELD_QIDS);
	strset_init(&d->nx_names, DIAG_SENT_DOMAINS);
	strset_init(&d->own_names, DIAG_SENT_DOMAINS);
	strset_init(&d->user_tls_ips, DIAG_TLS_CLIENTS);
	strset_init(&d->noauth_ips, DIAG_TLS_CLIENTS);
	strset_init(&d->known_ips, DIAG_TLS_CLIENTS);
	strset_init(&d->ps_providers, DIAG_TLS_CLIENTS);
	strset_init(&d->login_ips, DIAG_LOGIN_IPS);
	d->tls_orphan.pid = -1;
	return d;
}

/* diag_group_get - the group of (id, key), made on first use; NULL at the cap */
struct diag_group *diag_group_get(struct diag *d, enum finding_id id, const char *key)
{
	struct group_key gk = {id, key};
	uint64_t h = group_hash(id, key);
	struct diag_group *g = hmap_get(&d->groups, h, group_eq, &gk);
	if (g)
		return g;
	if (d->ngroups >= DIAG_MAX_GROUPS)
		return NULL;
	g = xcalloc(1, sizeof *g);
	g->id = id;
	g->key = xstrdup(key);
	strset_init(&g->subjects, DIAG_SUBJECTS);
	hmap_put(&d->groups, h, g);
	d->ngroups++;
	return g;
}

/* diag_sample_copy - a bounded copy of a raw line, its SASL secrets hidden
 * unless asked for */
char *diag_sample_copy(const struct logline *l, bool show_secrets)
{
	struct buf b = {0};
	struct redact st;
	struct redact_mask m;
	redact_init(&st, false);
	redact_msg(&st, l, &m);
	/* a line without a secret to hide is copied once, not through b */
	if (l->format != FMT_JOURNAL && (show_secrets || !redact_touches(&m, l->raw)))
		return xspandup(span_cut(l->raw, DIAG_SAMPLE_MAX));
	redact_line(&b, l, show_secrets ? NULL : &m);
	char *s = xspandup(span_cut(buf_span(&b), DIAG_SAMPLE_MAX));
	buf_free(&b);
	return s;
}

/* diag_group_find - the group of (id, key), or NULL */
struct diag_group *diag_group_find(const struct diag *d, enum finding_id id, const char *key)
{
	struct group_key gk = {id, key};
	return hmap_get((struct hmap *)&d->groups, group_hash(id, key), group_eq, &gk);
}

/* diag_group_time - a group's time span widened to ts (0: no time) */
void diag_group_time(struct diag_group *g, struct stamp ts)
{
	if (!ts.us)
		return;
	if (!g->first.us || ts.us < g->first.us) /* 0: not yet, as the writers read it */
		g->first = ts;
	if (!g->last.us || ts.us > g->last.us)
		g->last = ts;
}

/* diag_line_time - a span [first, last] widened to a line's time, when
 * it has one (0: not yet) */
void diag_line_time(struct stamp *first, struct stamp *last, const struct logline *l)
{
	if (l->format == FMT_NOTIME || !l->ts.us)
		return;
	if (!first->us || l->ts.us < first->us)
		*first = l->ts;
	if (!last->us || l->ts.us > last->us)
		*last = l->ts;
}

/* diag_samples_take - the samples of a kept table moved to a group while
 * it has room (the moved ones become NULL there, as do the ones moved
 * before) */
void diag_samples_take(struct diag_group *g, char **from, uint32_t n)
{
	for (uint32_t j = 0; j < n && g->nsample < DIAG_SAMPLES; j++)
		if (from[j]) {
			g->sample[g->nsample++] = from[j];
			from[j] = NULL;
		}
}

/* diag_subjects_add - every string of a set added to another, in sorted
 * order (which ones a bounded set keeps does not depend on the hash) */
void diag_subjects_add(struct strset *to, const struct strset *from)
{
	size_t n;
	const char **all = diag_subjects(&(struct diag_group){.subjects = *from}, &n);
	for (size_t i = 0; i < n; i++)
		strset_add(to, span_of(all[i]));
	free(all);
}

/* group_add - one more line for a group */
static void group_add(struct diag *d, struct diag_group *g, const struct event *ev,
		      const struct diag_hit *hit)
{
	if (ev->line->format != FMT_NOTIME) /* a pasted line with no time widens nothing */
		diag_group_time(g, ev->line->ts);
	g->lines++;
	g->recipients += hit->recipient;
	g->port25 |= hit->port25;
	if (hit->subject[0])
		strset_add(&g->subjects, span_of(hit->subject));
	if (g->nsample < DIAG_SAMPLES)
		g->sample[g->nsample++] = diag_sample_copy(ev->line, d->show_secrets);
}

/* serving_hash - the bucket of a pid in serving_live and serving_hint */
static unsigned serving_hash(int64_t pid)
{
	return (unsigned)((uint64_t)pid * 0x9E3779B97F4A7C15ULL >> 56);
}

/*
 * diag_serving_find - the slot of the smtpd process pid (one with an
 * address), or -1.  diag_serving_take gives a pid the slot that already
 * has it, so no two slots with an address hold one pid: the search of
 * the 64 slots finds that one.  It is looked for first where the pid's
 * bucket points, and not at all when no slot with an address holds a
 * pid of its bucket (test_serving.c holds it to the search).
 */
int diag_serving_find(const struct diag *d, int64_t pid)
{
	unsigned h = serving_hash(pid);
	if (!d->serving_live[h])
		return -1;
	uint32_t i = d->serving_hint[h];
	if (d->serving[i].pid == pid && d->serving[i].ip[0])
		return (int)i;
	for (i = 0; i < DIAG_SERVING; i++)
		if (d->serving[i].pid == pid && d->serving[i].ip[0])
			return (int)i;
	return -1;
}

/* diag_serving_take - the client ip (under 64 bytes) an smtpd process
 * now serves: its slot, else the next one in turn */
void diag_serving_take(struct diag *d, int64_t pid, struct span ip)
{
	int found = diag_serving_find(d, pid);
	uint32_t slot = found >= 0 ? (uint32_t)found : d->serving_next;
	if (slot == d->serving_next)
		d->serving_next = (d->serving_next + 1) % DIAG_SERVING;
	diag_serving_reset(d, slot);
	if (d->serving[slot].ip[0])
		d->serving_live[serving_hash(d->serving[slot].pid)]--;
	d->serving[slot].pid = pid;
	memcpy(d->serving[slot].ip, ip.p, ip.n);
	d->serving[slot].ip[ip.n] = 0;
	if (d->serving[slot].ip[0]) {
		unsigned h = serving_hash(pid);
		d->serving_live[h]++;
		d->serving_hint[h] = (uint8_t)slot;
	}
}

/* serving_client - the client of the line's smtpd process, if known */
static void serving_client(const struct diag *d, const struct event *ev, char *out, size_t n)
{
	if (ev->line->pid < 0)
		return;
	int i = diag_serving_find(d, ev->line->pid);
	if (i >= 0)
		snprintf(out, n, "%s", d->serving[i].ip);
}

static void group_free(void *obj);

/* aside_get - the group of a finding shown by another program's line
 * (d->aside), or NULL when DIAG_ASIDE are taken */
static struct diag_group *aside_get(struct diag *d, enum finding_id id, const char *key)
{
	for (uint32_t i = 0; i < d->naside; i++)
		if (d->aside[i]->id == id && !strcmp(d->aside[i]->key, key))
			return d->aside[i];
	if (d->naside >= DIAG_ASIDE)
		return NULL;
	return d->aside[d->naside++] = diag_group_fresh(id, key);
}

/* aside_adopt - the groups of other programs' lines whose finding
 * Postfix's own lines did not show, into the list; the others freed */
static void aside_adopt(struct diag *d)
{
	for (uint32_t i = 0; i < d->naside; i++) {
		struct diag_group *g = d->aside[i];
		if (!diag_group_find(d, g->id, g->key) && d->ngroups < DIAG_MAX_GROUPS) {
			diag_group_adopt(d, g);
			d->ngroups++;
		} else {
			group_free(g);
		}
		d->aside[i] = NULL;
	}
	d->naside = 0;
}

/* verify_soft_note - address verification refusing for now what the
 * next hop refused for good: "450 4.1.1 <A>: Recipient address
 * rejected: unverified address: host H said: 550 ..." (smtpd_check.c:
 * a bounced probe answered with unverified_recipient_reject_code, 450
 * by default; 5xx says "undeliverable address").  A finding beside
 * whatever the refusal's own rule found (a harvest still counts) */
static void verify_soft_note(struct diag *d, const struct event *ev)
{
	static const char mark[] = "address rejected: unverified address: ";
	struct span u = span_find(ev->reason, mark);
	if (!u.p || !span_find(span_skip(u, sizeof mark - 1), " said: 5").p)
		return;
	bool sender = u.p - ev->reason.p >= 7 && !memcmp(u.p - 7, "Sender ", 7);
	struct diag_hit h = {.id = F_VERIFY_SOFT};
	const char *param = sender ? "unverified_sender_reject_code" : "unverified_recipient_reject_code";
	/* the next hop whose answer the probe got: "host H[A] said: 5..." */
	struct span hop = span_skip(u, sizeof mark - 1), name;
	if (span_eat(&hop, "host ") && span_until(&hop, " said: ", &name) && name.n) {
		char host[DIAG_KEY_MAX];
		diag_copy_key(host, name);
		snprintf(h.key, sizeof h.key, "%s, next hop %.100s", param, host);
	} else {
		snprintf(h.key, sizeof h.key, "%s", param);
	}
	diag_copy_key(h.subject, ev->client_ip);
	struct diag_group *g = diag_group_get(d, h.id, h.key);
	if (g)
		group_add(d, g, ev, &h);
	else
		d->dropped++;
}

/* held_hit - a hit of held mail (F_MAIL_HELD) of any kind but postsuper's */
static inline void held_hit(struct diag *d, const struct event *ev, const struct diag_hit *in)
{
	if (in && in->id == F_MAIL_HELD)
		diag_held_event(d, ev, in);
}

/* accepted_hit - a client's event for the own network's findings */
static inline void accepted_hit(struct diag *d, const struct event *ev, const struct diag_hit *in,
				const struct diag_note *n)
{
	if (ev->client_ip.n)
		/* "User unknown" is a harvesting hit only with many addresses
		 * (diag_drop_weak): for a client of the own network it stays
		 * own-client-refused's too, until harvesting is proven */
		diag_accepted_event(d, ev, in != NULL && in->id != F_IN_USER_UNKNOWN_HARVEST,
				    n && ev->type == EV_REJECT ? n->addr_kind : 0);
}

/* tls_orphan_take - the next line of a process whose handshake failure
 * named no client ("warning: TLS library problem: ..." pasted without
 * the connect line before it, then "lost connection after STARTTLS
 * from C"): when it is smtpd's and names its client, that client is the
 * failure's, as the connect line would have told (its group's subject,
 * a user's device told apart by diag_tls_note); any other line of the
 * process, a connect line among them, ends the wait */
static void tls_orphan_take(struct diag *d, const struct event *ev)
{
	if (d->tls_orphan.pid < 0 || ev->line->pid != d->tls_orphan.pid)
		return;
	d->tls_orphan.pid = -1;
	/* a connect line opens the next client's session: not this one */
	if (!span_eqs(ev->line->daemon, "smtpd") || ev->type == EV_CONNECT || !ev->client_ip.n ||
	    ev->client_ip.n >= DIAG_KEY_MAX)
		return;
	struct diag_group *g = diag_group_find(d, d->tls_orphan.id, d->tls_orphan.key);
	if (!g)
		return;
	char ip[DIAG_KEY_MAX];
	diag_copy_key(ip, ev->client_ip);
	strset_add(&g->subjects, span_of(ip));
	if (g->id == F_TLS_HANDSHAKE_IN)
		diag_tls_note(d, ev, ip, g->key);
}

/* diag_hit_event - one event whose rule was looked up (hit: the finding
 * it shows, or NULL).  The state each kind of event feeds, by a switch on
 * its kind (speed25: before, every event passed the tests of all kinds
 * in turn, about 30 instructions); within a kind the steps keep their
 * order: its own notes, held mail, the clients', the refusals' */
static void diag_hit_event(struct diag *d, const struct event *ev, const struct diag_hit *in,
			   const struct diag_note *n)
{
	diag_ndr_event(d, ev), diag_forward_note(d, ev);
	diag_dmarc_refused(d, ev); /* dmarc_accepted.c */
	tls_orphan_take(d, ev);
	if (ev->type == EV_TLS_ERROR)
		diag_own_tls_note(d, ev);
	switch (ev->type) {
	case EV_OTHER:
		if (span_eqs(ev->line->daemon, "opendkim"))
			diag_dkim_note(d, ev);
		if (!diag_dovecot_take(d, ev, in))
			return;
		held_hit(d, ev, in);
		break;
	case EV_DELIVERY:
		if (span_eqs(ev->status, "sent") && span_eqs(ev->relay_port, "25") &&
		    span_eqs(ev->line->daemon, "smtp")) {
			d->sent_port25++;
			if (ev->line->ts.us > d->sent_port25_last.us)
				d->sent_port25_last = ev->line->ts;
			ptrdiff_t at = span_rchr(ev->to, '@');
			if (at >= 0)
				diag_domain_add(&d->sent_domains, span_skip(ev->to, (size_t)at + 1),
						d->sent_last, &d->sent_last_n);
		}
		if (span_eqs(ev->status, "sent") &&
		    (span_eqs(ev->line->daemon, "local") || span_eqs(ev->line->daemon, "virtual") ||
		     span_eqs(ev->line->daemon, "lmtp") || span_eqs(ev->line->daemon, "pipe")))
			d->own_delivered++;
		held_hit(d, ev, in);
		break;
	case EV_CLIENT:
		if (span_eqs(ev->line->daemon, "smtpd") && !ev->sasl_username.n &&
		    ev->line->ts.us > d->provider_accepted_last.us &&
		    (n && n->provider ? n->provider == 2 : provider_name(ev->client_name) != NULL))
			d->provider_accepted_last = ev->line->ts;
		held_hit(d, ev, in);
		accepted_hit(d, ev, in, n);
		break;
	case EV_LOST:
		diag_stall_event(d, ev);
		held_hit(d, ev, in);
		break;
	case EV_DISCONNECT:
		diag_stall_event(d, ev);
		held_hit(d, ev, in);
		if (span_eqs(ev->line->daemon, "smtpd"))
			diag_user_disconnect(d, ev);
		break;
	case EV_POSTSUPER:
		diag_held_event(d, ev, in);
		break;
	case EV_CONNECT:
		held_hit(d, ev, in);
		if (span_eqs(ev->line->daemon, "smtpd") && ev->client_ip.n &&
		    ev->client_ip.n < sizeof d->serving[0].ip)
			diag_serving_take(d, ev->line->pid, ev->client_ip);
		accepted_hit(d, ev, in, n);
		break;
	case EV_REJECT:
		held_hit(d, ev, in);
		accepted_hit(d, ev, in, n);
		/* reject_unauth_destination: "554 5.7.1 <rcpt>: Relay access denied" (relayed.c) */
		if (ev->dsn.n == 5 && ev->dsn.p[2] == '7' && ev_reject_relay_denied(ev))
			d->relay_refused++;
		if (ev->dsn.n == 5 && ev->dsn.p[0] == '4' && ev->dsn.p[2] == '1')
			verify_soft_note(d, ev); /* 4.1.1, or the sender's 4.1.x */
		if (!in && span_eqs(ev->line->daemon, "smtpd"))
			diag_user_refusal(d, ev, n ? n->refusal : 0, n ? n->h.key : NULL);
		break;
	case EV_CLEANUP_ACTION:
		held_hit(d, ev, in);
		accepted_hit(d, ev, in, n);
		/* header/body checks refusing mail submitted on this host
		 * (sendmail, a web application through pickup): "... from
		 * local; from=<...>" */
		if (!in && !ev->client_ip.n && span_eqs(ev->action, "reject") &&
		    span_eqs(ev->client_name, "local")) {
			struct diag_hit local = {.id = F_IN_OWN_CONTENT_REFUSED, .key = "local"};
			struct diag_group *g = diag_group_get(d, local.id, local.key);
			if (g)
				group_add(d, g, ev, &local);
			else
				d->dropped++;
			return;
		}
		break;
	case EV_RATE_LIMIT:
		held_hit(d, ev, in);
		accepted_hit(d, ev, in, n);
		break;
	case EV_TLS:
		held_hit(d, ev, in);
		if (!in)
			diag_cause_line(&d->causes, ev); /* a cause of no finding (causes.h) */
		break;
	case EV_SASL_FAIL:
		held_hit(d, ev, in);
		if (!in && ev_sasl_backend_fault(ev))
			diag_sasl_note(d, ev);
		break;
	default:
		held_hit(d, ev, in);
		break;
	}
	if (!in)
		return;
	/* another domain's incoming mail, which OpenDKIM only verifies */
	if (in->id == F_DKIM_SIGN && diag_dkim_outside(d, ev))
		return;
	struct diag_hit hit = *in;
	if (in->id == F_IN_USER_UNKNOWN_HARVEST && !diag_unknown_shadowed(d, ev, &hit))
		diag_unknown_event(d, ev);
	d->domain_double_hits += in->id == F_DOMAIN_DOUBLE;
	diag_own_tls_take(d, ev, &hit);
	diag_forward_take(d, ev, &hit);
	diag_greylist_note(d, ev, &hit), diag_greylist_take(d, ev, &hit);
	diag_cause_hit(&d->causes, ev, &hit); /* an effect told as the cause logged before it */
	d->sasl_down_seen |= hit.id == F_SASL_BACKEND_DOWN;
	if (hit.id == F_OUT_CONV_LOST && diag_closed_by_421(d, ev))
		return;
	diag_closed_note(d, ev);
	if (hit.id == F_OUT_DNS_NXDOMAIN)
		diag_nx_note(d, ev);
	if (hit.id == F_OUT_OWN_ORIGIN_NXDOMAIN) {
		char own[DIAG_KEY_MAX];
		ptrdiff_t at = span_rchr(ev->to, '@');
		if (at >= 0 && diag_lower_span(span_skip(ev->to, (size_t)at + 1), own, sizeof own))
			strset_add(&d->own_names, span_of(own));
	}
	diag_hit_notes(d, ev, &hit); /* notes.c: postscreen's providers, the blocklists' timeouts */
	if (hit.id == F_OWN_MAILBOX_FULL && ev->to.n)
		strset_add(&d->own_full_rcpts, ev->to);
	/* the library's warning names no client: the process's (a refused
	 * certificate too, so that SSL_accept's "-1" of the same handshake
	 * is told once, diag_tls_settings) */
	if ((hit.id == F_TLS_HANDSHAKE_IN || hit.id == F_TLS_CERT_DISTRUSTED) && !hit.subject[0])
		serving_client(d, ev, hit.subject, sizeof hit.subject);
	if (hit.id == F_TLS_HANDSHAKE_IN && hit.subject[0])
		diag_tls_note(d, ev, hit.subject, hit.key);
	bool orphan = (hit.id == F_TLS_HANDSHAKE_IN || hit.id == F_TLS_CERT_DISTRUSTED) && !hit.subject[0] &&
		      ev->line->pid >= 0 && span_eqs(ev->line->daemon, "smtpd");
	struct diag_group *g = ev->type == EV_OTHER ? aside_get(d, hit.id, hit.key)
						   : diag_group_get(d, hit.id, hit.key);
	if (!g) {
		d->dropped++;
		return;
	}
	group_add(d, g, ev, &hit);
	if (orphan) {
		d->tls_orphan.pid = ev->line->pid;
		d->tls_orphan.id = hit.id;
		memcpy(d->tls_orphan.key, hit.key, sizeof d->tls_orphan.key);
	}
}

/* queued_only - qmgr's "QID: from=<...>, size=..." with no severity and
 * no status: no rule takes it, only forwarded.c notes its sender (the
 * busiest kind of line: not through the rules and every kind's notes) */
static inline bool queued_only(const struct event *ev)
{
	return ev->type == EV_QUEUED && ev->line && !ev->line->severity.n && !ev->status.p;
}

/* diag_event - one event through the rules */
void diag_event(struct diag *d, const struct event *ev)
{
	if (queued_only(ev)) {
		diag_forward_note(d, ev);
		return;
	}
	struct diag_hit hit;
	diag_hit_event(d, ev, diag_classify(ev, &hit) ? &hit : NULL, NULL);
}

/* diag_front - the rules looked up ahead, on the feed's reading thread
 * (a pure function of the event, so which thread runs them changes
 * nothing): usually for the refusals alone (their rules and the answers
 * kept beside them are the dearest per event; the others' rules stay
 * on the consumer's side since speed37, the reading thread being the
 * longer one); none when the consumer's thread waits for the reader,
 * all when the reader waits for the consumer (feed.h's share) */
void diag_front(const struct event *ev, struct diag_note *n, enum diag_front_share share)
{
	n->looked = share == DIAG_FRONT_ALL || (share == DIAG_FRONT_USUAL && ev->type == EV_REJECT);
	if (!n->looked)
		return;
	if (diag_passes_by(ev) || queued_only(ev)) {
		n->looked = false; /* and diag_event_noted passes it by, or notes it alone */
		return;
	}
	/* n is in the batch the other thread reads: its 330 bytes are
	 * written only when there is a hit (rare), not cleared per line */
	struct diag_hit h;
	n->hit = diag_classify(ev, &h);
	if (n->hit)
		n->h = h;
	/* a refusal no rule explains: what diag_user_refusal keeps of a
	 * session's first, asked here (speed23), its text where the hit's
	 * key would be */
	n->refusal = 0;
	if (ev->type == EV_CLIENT) {
		/* the provider's name diag_hit_event asks of a client
		 * accepted without a login (speed24) */
		n->provider = span_eqs(ev->line->daemon, "smtpd") && !ev->sasl_username.n
				      ? (uint8_t)(1 + (provider_name(ev->client_name) != NULL))
				      : 0;
		return;
	}
	if (ev->type != EV_REJECT)
		return;
	if (!n->hit)
		n->refusal = (uint8_t)diag_refusal_ask(ev, n->h.key, sizeof n->h.key);
	/* and its client's kind, which the own network's findings ask
	 * (diag_accepted_event) */
	n->addr_kind = (uint8_t)(1 + diag_addr_kind(ev->client_ip));
}

/* diag_event_noted - diag_event with what diag_front found */
void diag_event_noted(struct diag *d, const struct event *ev, const struct diag_note *n)
{
	if (!n->looked) {
		if (!diag_passes_by(ev))
			diag_event(d, ev);
		return;
	}
	diag_hit_event(d, ev, n->hit ? &n->h : NULL, n);
}

/* group_free - one group */
static void group_free(void *obj)
{
	struct diag_group *g = obj;
	free(g->key);
	for (uint32_t i = 0; i < g->nsample; i++)
		free(g->sample[i]);
	strset_free(&g->subjects);
	free(g);
}

/* diag_group_drop - a group out of the list's hash and freed (the
 * caller takes it out of d->list) */
void diag_group_drop(struct diag *d, struct diag_group *g)
{
	hmap_del(&d->groups, group_hash(g->id, g->key), g);
	group_free(g);
}

/* diag_group_relabel - a group of the list told as another finding and key */
void diag_group_relabel(struct diag *d, struct diag_group *g, enum finding_id id, const char *key)
{
	hmap_del(&d->groups, group_hash(g->id, g->key), g);
	g->id = id;
	char *k = xstrdup(key);
	free(g->key);
	g->key = k;
	hmap_put(&d->groups, group_hash(g->id, g->key), g);
}

/* diag_group_fresh - a new group of (id, key) not yet in the list's hash
 * (a conclusion fills it, then diag_group_adopt puts it there) */
struct diag_group *diag_group_fresh(enum finding_id id, const char *key)
{
	struct diag_group *g = xcalloc(1, sizeof *g);
	g->id = id;
	g->key = xstrdup(key);
	strset_init(&g->subjects, DIAG_SUBJECTS);
	return g;
}

/* diag_group_adopt - a group made by diag_group_fresh into the hash */
void diag_group_adopt(struct diag *d, struct diag_group *g)
{
	hmap_put(&d->groups, group_hash(g->id, g->key), g);
}

/* collect - the groups into d->list */
static void collect(void *obj, void *ctx)
{
	struct diag *d = ctx;
	d->list[d->nlist++] = obj;
}

/* group_cmp - most serious first, then what breaks mail, then the most lines */
static int group_cmp(const void *x, const void *y)
{
	const struct diag_group *a = *(struct diag_group *const *)x;
	const struct diag_group *b = *(struct diag_group *const *)y;
	int sa = finding_severity(a->id), sb = finding_severity(b->id);
	if (sa != sb)
		return sb - sa;
	bool ba = diag_group_impact(a) != IMPACT_NONE, bb = diag_group_impact(b) != IMPACT_NONE;
	if (ba != bb)
		return bb - ba;
	if (a->lines != b->lines)
		return a->lines < b->lines ? 1 : -1;
	if (a->id != b->id)
		return (int)a->id - (int)b->id;
	return strcmp(a->key, b->key);
}

/* diag_finish - whole-log conclusions, then the sorted list */
void diag_finish(struct diag *d)
{
	aside_adopt(d);
	diag_auth_dns(d);
	diag_log_gaps(d);
	diag_accepted_groups(d);
	diag_relayed_groups(d);
	diag_unknown_groups(d);
	diag_delays_groups(d);
	diag_local_groups(d);
	diag_ndr_finding(d);
	d->list = xcalloc(d->ngroups + 2, sizeof *d->list);
	d->nlist = 0;
	hmap_each(&d->groups, collect, d);
	/* the folds below take samples and subjects in list order: sorted first, the
	 * biggest give them, whatever the hash order (it moves with each finding) */
	qsort(d->list, d->nlist, sizeof *d->list, group_cmp);
	diag_fold_own_names(d);
	diag_fold_port25(d);
	diag_fold_map_type(d);
	diag_fold_tls_policy_server(d);
	diag_fold_tables(d);
	diag_fold_crashed_transport(d);
	diag_fold_throttled_crash(d);
	diag_fold_write_error(d);
	diag_fold_spool_owner(d);
	diag_fold_host_resources(d);
	diag_drop_weak(d);
	diag_fold_effects(d);
	diag_resolver_nxdomain(d);
	diag_dest_dns(d);
	diag_tls_settings(d);
	diag_user_tls_fold(d);
	diag_fold_text_commands(d);
	diag_fold_tls_trust(d);
	diag_fold_own_hop_tls(d);
	diag_own_limit(d);
	diag_site_domain(d);
	diag_ps_deep_providers(d);
	diag_dnsbl_resolver(d);
	diag_accepted_fold(d);
	qsort(d->list, d->nlist, sizeof *d->list, group_cmp);
}

/* diag_breaks_mail - something that stops or delays mail, or a service down */
bool diag_breaks_mail(const struct diag *d)
{
	for (size_t i = 0; i < d->nlist; i++) {
		enum finding_impact im = diag_group_impact(d->list[i]);
		if (im != IMPACT_NONE && finding_severity(d->list[i]->id) >= 2)
			return true;
	}
	return false;
}

/* diag_has - the diagnosis holds this finding */
bool diag_has(const struct diag *d, enum finding_id id)
{
	for (size_t i = 0; d && i < d->nlist; i++)
		if (d->list[i]->id == id)
			return true;
	return false;
}

/* diag_worst - the highest severity found, or -1 */
int diag_worst(const struct diag *d)
{
	int w = -1;
	for (size_t i = 0; i < d->nlist; i++)
		if (finding_severity(d->list[i]->id) > w)
			w = finding_severity(d->list[i]->id);
	return w;
}

/* subject_cmp - qsort of C strings */
static int subject_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* diag_subjects - a group's subjects, sorted (free the array, not the strings) */
const char **diag_subjects(const struct diag_group *g, size_t *n)
{
	size_t want = strset_len(&g->subjects), k = 0;
	const char **all = xcalloc(want + 1, sizeof *all);
	for (uint64_t r = 0; k < want && r < g->subjects.map.cap; r++) {
		uint64_t h;
		void *v = hmap_slot(&g->subjects.map, r, &h);
		if (v)
			all[k++] = v;
	}
	qsort(all, k, sizeof *all, subject_cmp);
	*n = k;
	return all;
}

/* diag_free - everything */
void diag_free(struct diag *d)
{
	if (!d)
		return;
	hmap_foreach(&d->groups, group_free);
	hmap_free(&d->groups);
	for (uint32_t i = 0; i < d->naside; i++)
		group_free(d->aside[i]);
	for (size_t i = 0; i < 4; i++)
		free(d->ndr_line[i]);
	diag_accepted_free(d);
	diag_user_tls_free(d);
	diag_relayed_free(d);
	diag_unknown_free(d);
	diag_delays_free(d);
	diag_local_free(d);
	strset_free(&d->own_full_rcpts);
	strset_free(&d->site_bounced);
	strset_free(&d->site_hosted);
	strset_free(&d->sent_domains);
	strset_free(&d->own_names);
	strset_free(&d->held_qids);
	strset_free(&d->nx_names);
	for (size_t i = 0; i < d->nalias; i++)
		free(d->alias[i].key);
	free(d->alias);
	free(d->list);
	free(d);
}

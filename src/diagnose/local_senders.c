/*
 * local_senders.c - mass mail from a program on this host
 * (local-program-mass-mail): the messages pickup took from the maildrop
 * (sendmail, PHP's mail(), cron, a script), counted by the uid and the
 * sender that submitted them.  A uid and sender whose messages went to
 * many recipient domains, a good part of them refused or deferred by the
 * remote servers (or refused as spam), is told: a web application or
 * script sending spam (a compromised site, a contact form abused), or a
 * mass mailing the remote servers do not want.  A newsletter whose mail
 * is delivered, or cron's mail to root, says nothing.  A fixed table of
 * LOCAL_SENDERS uids and senders, each with the hashes of its first
 * LOCAL_DOMAINS recipient domains: memory does not grow with the log.
 */
#include "diagnose.h"
#include "diag_internal.h"
#include "rules_internal.h"
#include "../util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	LOCAL_SENDERS = 32,       /* uids and senders followed */
	LOCAL_DOMAINS = 64,       /* distinct recipient domains counted, each */
	LOCAL_MIN_MESSAGES = 20,  /* the conclusion's floor: messages ... */
	LOCAL_MIN_DOMAINS = 10,   /* ... to so many recipient domains ... */
	LOCAL_MIN_SPAM = 3,       /* ... with a quarter failed, or so many refused as spam */
};

struct diag_local {
	struct local_sender {
		uint64_t key;                  /* hash of uid and sender; 0: free */
		char name[DIAG_KEY_MAX];       /* "uid 33 <sender>" */
		char qid[32];                  /* its first message's queue ID */
		uint32_t messages, outside, failed, spam, ndomains;
		uint32_t domain[LOCAL_DOMAINS];
		struct stamp first, last;
	} s[LOCAL_SENDERS];
	uint32_t n;
};

/* sender_key - the table's key of a uid and a sender */
static uint64_t sender_key(struct span uid, struct span from)
{
	return span_hash_seed(from, span_hash(uid)) | 1;
}

/* sender_find - the entry of a key, or NULL */
static struct local_sender *sender_find(const struct diag_local *t, uint64_t key)
{
	for (uint32_t i = 0; i < t->n; i++)
		if (t->s[i].key == key)
			return (struct local_sender *)&t->s[i];
	return NULL;
}

/* sender_of - the table's entry of uid and sender, a new one while room */
static struct local_sender *sender_of(struct diag *d, const char *uid, const char *from)
{
	struct span u = span_of(uid), f = span_of(from);
	uint64_t key = sender_key(u, f);
	if (!d->local)
		d->local = xcalloc(1, sizeof *d->local);
	struct diag_local *t = d->local;
	struct local_sender *old = sender_find(t, key);
	if (old)
		return old;
	if (t->n == LOCAL_SENDERS)
		return NULL;
	struct local_sender *s = &t->s[t->n++];
	s->key = key;
	/* the uid is digits as pickup logs it; the sender as the log wrote
	 * it, cut to the key's room (the writers neutralise it) */
	snprintf(s->name, sizeof s->name, "uid %.*s <%.*s>", (int)(u.n < 12 ? u.n : 12), u.p,
		 (int)(f.n < 120 ? f.n : 120), f.p);
	return s;
}

/* domain_add - one more recipient domain, counted when new */
static void domain_add(struct local_sender *s, struct span dom)
{
	uint32_t h = (uint32_t)span_hash(dom) | 1;
	for (uint32_t i = 0; i < s->ndomains; i++)
		if (s->domain[i] == h)
			return;
	if (s->ndomains < LOCAL_DOMAINS)
		s->domain[s->ndomains++] = h;
}

/* diag_local_message - a closed message pickup took: counted for its uid
 * and sender; its recipients delivered outside this host (no local
 * agent), those bounced or still deferred, those refused as spam or by
 * policy (a 5.7.X bounce) */
void diag_local_message(struct diag *d, const struct message *m)
{
	if (m->origin != ORIGIN_PICKUP || !m->uid || !m->uid[0])
		return;
	struct local_sender *s = sender_of(d, m->uid, m->have_from && m->from ? m->from : "");
	if (!s)
		return;
	if (!s->messages++) {
		snprintf(s->qid, sizeof s->qid, "%.31s", m->qid ? m->qid : "");
		s->first = m->start;
	}
	s->last = m->end.us ? m->end : m->start;
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const struct rcpt *r = &m->rcpts[i];
		if (!r->to || r->agent)
			continue; /* this host's own delivery: not sent out */
		s->outside++;
		domain_add(s, diag_rcpt_domain(span_of(r->to)));
		if (!r->status)
			continue;
		if (!strcmp(r->status, "bounced") || !strcmp(r->status, "deferred") ||
		    !strcmp(r->status, "expired"))
			s->failed++;
		if (!strcmp(r->status, "bounced") && r->dsn && !strncmp(r->dsn, "5.7.", 4))
			s->spam++;
	}
}

/* group_key - the key of a sender's group: its name and first message */
static const char *group_key(const struct local_sender *s)
{
	static _Thread_local char key[DIAG_KEY_MAX];
	if (snprintf(key, sizeof key, "%s, first %s", s->name, s->qid) >= (int)sizeof key)
		key[sizeof key - 1] = 0; /* cut: the name took the room (snprintf ends it too) */
	return key;
}

/* diag_local_groups - the uids and senders that sent mass mail the
 * remote servers refused: one group each, its recipients those sent out */
void diag_local_groups(struct diag *d)
{
	if (!d->local)
		return;
	for (uint32_t i = 0; i < d->local->n; i++) {
		const struct local_sender *s = &d->local->s[i];
		if (s->messages < LOCAL_MIN_MESSAGES || s->ndomains < LOCAL_MIN_DOMAINS ||
		    (s->failed * 4 < s->outside && s->spam < LOCAL_MIN_SPAM))
			continue;
		struct diag_group *g = diag_group_get(d, F_LOCAL_MASS_MAIL, group_key(s));
		if (!g) {
			d->dropped++;
			continue;
		}
		g->lines += s->messages;
		g->recipients += s->outside;
		diag_group_time(g, s->first);
		diag_group_time(g, s->last);
	}
}

/* diag_local_line_group - the group of a pickup line whose uid and
 * sender were told, for explain; NULL for any other line */
const struct diag_group *diag_local_line_group(const struct diag *d, const struct event *ev)
{
	if (ev->type != EV_PICKUP || !d->local || !ev->uid.n)
		return NULL;
	const struct local_sender *s = sender_find(d->local, sender_key(ev->uid, ev->from));
	if (!s)
		return NULL;
	const char *key = group_key(s);
	for (size_t i = 0; i < d->nlist; i++)
		if (d->list[i]->id == F_LOCAL_MASS_MAIL && !strcmp(d->list[i]->key, key))
			return d->list[i];
	return NULL;
}

/* diag_local_free - the table */
void diag_local_free(struct diag *d)
{
	free(d->local);
	d->local = NULL;
}

/*
 * links.c - parent/child links between queue IDs: bounce and delay
 * notices, content-filter re-injections ("queued as X"), forwards, across
 * hosts too.  A child not seen yet waits in the pending ring; a removed
 * notification whose parent has not named it yet lingers a while.
 */
#include "model_internal.h"
#include "../parse/common.h"
#include "../util/cidr.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* model_link - record parent -> child on both open messages */
void model_link(struct model *m, struct omsg *parent, struct omsg *child, enum link_kind kind)
{
	if (parent == child)
		return;
	m->st.links++;
	if (!child->m.parent_qid) {
		child->m.parent_qid = pool_strdup(&child->m.pool, parent->m.qid);
		child->m.parent_kind = kind;
	}
	if (kind == LINK_FILTER)
		child->m.origin = ORIGIN_REINJECTED;
	else if (kind != LINK_FORWARD && child->m.origin == ORIGIN_UNKNOWN)
		child->m.origin = ORIGIN_NOTIFICATION;
	for (uint32_t i = 0; i < parent->m.nchildren; i++)
		if (strcmp(parent->m.children[i].qid, child->m.qid) == 0)
			return;
	if (parent->m.nchildren < MESSAGE_MAX_CHILDREN) {
		parent->m.children = model_grow(parent->m.children, parent->m.nchildren,
					  sizeof *parent->m.children);
		parent->m.children[parent->m.nchildren++] =
		    (struct child_link){pool_strdup(&parent->m.pool, child->m.qid), kind};
	}
	/* a re-injected copy inherits where the original came from */
	if (kind == LINK_FILTER) {
		struct message *c = &child->m, *p = &parent->m;
		if (!c->sasl_username && p->sasl_username)
			c->sasl_username = pool_strdup(&c->pool, p->sasl_username);
		if (!c->client_ip && p->client_ip)
			c->client_ip = pool_strdup(&c->pool, p->client_ip);
		if (!c->client_name && p->client_name)
			c->client_name = pool_strdup(&c->pool, p->client_name);
	}
}

/* pending_at - the i-th oldest slot of the pending ring (claimed: qid NULL) */
struct pending_link *pending_at(struct model *m, unsigned i)
{
	return &m->pending[(m->phead + i) % PENDING_MAX];
}

/* pending_add - remember a link whose child has not appeared yet; when
 * the ring is full the oldest slot goes (no memmove: a log whose links
 * never resolve keeps it full, and every line paid for a 200 KB copy) */
void pending_add(struct model *m, struct omsg *parent, struct span qid, enum link_kind kind)
{
	if (m->npending == PENDING_MAX) {
		struct pending_link *old = pending_at(m, 0);
		if (old->qid) {
			m->st.links_pending_dropped++;
			hmap_del(&m->pending_idx, old->h, old);
		}
		free(old->qid);
		free(old->parent_qid);
		m->phead = (m->phead + 1) % PENDING_MAX;
		m->npending--;
	}
	char *q = model_str(qid);
	struct pending_link *p = pending_at(m, m->npending++);
	*p = (struct pending_link){
	    q, span_hash(span_of(q)), parent->m.host, xstrdup(parent->m.qid), kind, m->now};
	hmap_put(&m->pending_idx, p->h, p);
}

/* pending_eq - a live pending slot for this queue ID */
static bool pending_eq(const void *obj, const void *key)
{
	return strcmp(((const struct pending_link *)obj)->qid, key) == 0;
}

/* pending_claim - a newly opened message may be a pending link's child */
void pending_claim(struct model *m, struct omsg *child)
{
	if (!m->pending_idx.len)
		return; /* the usual case: no link waits */
	uint64_t h = span_hash(span_of(child->m.qid));
	struct pending_link *p = hmap_get(&m->pending_idx, h, pending_eq, child->m.qid);
	if (!p)
		return;
	if (m->now - p->at <= PENDING_WINDOW_US && !child->m.parent_qid) {
		struct omsg *parent = NULL;
		for (struct omsg *q = m->mtail; q; q = q->prev)
			if (strcmp(q->m.qid, p->parent_qid) == 0 && q->m.host == p->parent_host) {
				parent = q;
				break;
			}
		if (parent) {
			model_link(m, parent, child, p->kind);
		} else {
			child->m.parent_qid = pool_strdup(&child->m.pool, p->parent_qid);
			child->m.parent_kind = p->kind;
			child->m.origin = p->kind == LINK_FILTER ? ORIGIN_REINJECTED : child->m.origin;
			m->st.links++;
		}
	}
	hmap_del(&m->pending_idx, p->h, p);
	free(p->qid);
	free(p->parent_qid);
	p->qid = p->parent_qid = NULL; /* a hole until it is the oldest */
	while (m->npending && !pending_at(m, 0)->qid) {
		m->phead = (m->phead + 1) % PENDING_MAX;
		m->npending--;
	}
}

/* link_to_qid - parent names child by queue ID: link now or later */
void link_to_qid(struct model *m, struct omsg *parent, const struct event *ev,
		 struct span child_qid, enum link_kind kind, bool create_child)
{
	const struct logline *l = ev->line;
	struct omsg *c = msg_find_key(m, l->host, l->instance, child_qid, &l->ts, create_child);
	if (c)
		model_link(m, parent, c, kind);
	else
		pending_add(m, parent, child_qid, kind);
	if (c && c->linger_until)
		msg_emit(m, c, MEND_REMOVED);
}

/* msg_close - a removed message: emitted, or kept a while if it looks
 * like a notification whose parent has not been named yet */
void msg_close(struct model *m, struct omsg *o)
{
	struct message *msg = &o->m;
	if (!o->linger_until && msg->origin == ORIGIN_UNKNOWN && !msg->parent_qid &&
	    msg->have_from && msg->from && !msg->from[0]) {
		if (m->nlinger == LINGER_MAX)
			msg_emit(m, m->linger[0], MEND_REMOVED);
		o->linger_until = m->now + LINGER_US;
		o->removed = msg->end;
		m->linger[m->nlinger++] = o;
		return;
	}
	msg_emit(m, o, MEND_REMOVED);
}

/* relay_is_local - a "queued as" reply from this host (content filter) */
bool relay_is_local(const struct event *ev)
{
	struct span name = ev->relay_name, ip = ev->relay_ip, port;
	if (!ip.p && ev->relay.p)
		pc_namaddr(ev->relay, &name, &ip, &port);
	if (!ip.p)
		return false;
	return cidr_loopback_text(ip.p, ip.n);
}

/* relay_is_known_host - the relay is another host whose log we read */
bool relay_is_known_host(struct model *m, const struct event *ev)
{
	struct span name = ev->relay_name, ip, port;
	if (!name.p && ev->relay.p && !pc_namaddr(ev->relay, &name, &ip, &port))
		return false;
	if (!name.p || !name.n)
		return false;
	ptrdiff_t dot = span_chr(name, '.');
	struct span first = dot > 0 ? span_head(name, (size_t)dot) : name;
	return !span_eq(first, ev->line->host) && strset_has(&m->hosts, first);
}

/* notification_kind - bounce's action word to a link kind */
enum link_kind notification_kind(struct span action)
{
	if (span_eqs(action, "delay"))
		return LINK_DELAY;
	if (span_eqs(action, "delivery-status"))
		return LINK_DSN;
	if (span_eqs(action, "postmaster-non-delivery"))
		return LINK_POSTMASTER;
	return LINK_BOUNCE;
}

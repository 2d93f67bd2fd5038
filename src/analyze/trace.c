/*
 * trace.c - choose the queue IDs, sessions, messages and rejects of one
 * story and keep them rendered by the caller's renderer (the correlator
 * frees its objects right after the callbacks).  Matching of addresses is case-insensitive for
 * the domain and exact for the local part, as SMTP says.
 */
#include "trace.h"
#include "../parse/common.h"
#include "../util/xalloc.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* trace_kind_name - for output */
const char *trace_kind_name(enum trace_kind k)
{
	return k == TRACE_QID ? "queue_id" : k == TRACE_MSGID ? "message_id" : "address";
}

/* trace_init - classify the query */
void trace_init(struct trace *t, const char *query)
{
	memset(t, 0, sizeof *t);
	struct span q = span_of(query);
	q = span_trim(q);
	bool angled = q.n >= 2 && q.p[0] == '<' && q.p[q.n - 1] == '>';
	if (angled)
		q = span_make(q.p + 1, q.n - 2);
	t->query = xspandup(q);
	strset_init(&t->qids, 100000);
	if (pc_queue_id(q) && span_chr(q, '@') < 0) {
		t->kind = TRACE_QID;
		strset_add(&t->qids, q);
	} else if (angled || span_chr(q, '@') < 0) {
		t->kind = TRACE_MSGID;
	} else {
		t->kind = TRACE_ADDRESS; /* an address may also be a Message-ID: both are tried */
	}
}

/* trace_free - everything */
void trace_free(struct trace *t)
{
	for (size_t i = 0; i < t->nitems; i++) {
		buf_free(&t->items[i].text);
		buf_free(&t->items[i].json);
	}
	free(t->items);
	strset_free(&t->qids);
	free(t->query);
}

/* addr_eq - local part exact, domain case-insensitive */
static bool addr_eq(struct span a, const char *q)
{
	size_t n = strlen(q);
	if (a.n != n)
		return false;
	ptrdiff_t at = span_rchr(a, '@');
	size_t dom = at < 0 ? n : (size_t)at;
	if (memcmp(a.p, q, dom) != 0)
		return false;
	for (size_t i = dom; i < n; i++)
		if (tolower((unsigned char)a.p[i]) != tolower((unsigned char)q[i]))
			return false;
	return true;
}

/* msgid_eq - Message-IDs compare without their angle brackets */
static bool msgid_eq(struct span id, const char *q)
{
	if (id.n >= 2 && id.p[0] == '<' && id.p[id.n - 1] == '>')
		id = span_make(id.p + 1, id.n - 2);
	return span_eqs(id, q);
}

/* event_matches - does this event itself name the query */
static bool event_matches(const struct trace *t, const struct event *ev)
{
	switch (t->kind) {
	case TRACE_QID:
		return ev->queue_id.p && span_eqs(ev->queue_id, t->query);
	case TRACE_MSGID:
		return ev->message_id.p && msgid_eq(ev->message_id, t->query);
	case TRACE_ADDRESS:
		return (ev->message_id.p && msgid_eq(ev->message_id, t->query)) ||
		       (ev->from.p && addr_eq(ev->from, t->query)) ||
		       (ev->to.p && addr_eq(ev->to, t->query)) ||
		       (ev->orig_to.p && addr_eq(ev->orig_to, t->query));
	}
	return false;
}

/* add - grow the queue ID set */
static void add(struct trace *t, struct span qid)
{
	if (qid.p && qid.n && !span_eqs(qid, "NOQUEUE") && strset_add(&t->qids, qid))
		t->grew = true;
}

/* trace_event - pass one: follow the links of the story's queue IDs */
void trace_event(struct trace *t, const struct event *ev)
{
	if (event_matches(t, ev))
		add(t, ev->queue_id);
	struct span other = ev->new_queue_id.p ? ev->new_queue_id : ev->orig_queue_id;
	if (!other.p || !ev->queue_id.p)
		return;
	if (strset_has(&t->qids, ev->queue_id))
		add(t, other);
	else if (strset_has(&t->qids, other))
		add(t, ev->queue_id);
}

/* new_item - append an empty rendered item */
static struct trace_item *new_item(struct trace *t, char kind, struct stamp start)
{
	if (t->nitems == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->items = xrealloc(t->items, t->cap * sizeof *t->items);
	}
	struct trace_item *it = &t->items[t->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->start = start;
	it->order = t->order++;
	return it;
}

/* trace_session - keep a session that queued one of the story's IDs */
void trace_session(struct trace *t, const struct session *s)
{
	bool hit = false;
	for (uint32_t i = 0; i < s->nqids && !hit; i++)
		hit = strset_has(&t->qids, span_of(s->qids[i]));
	if (!hit)
		return;
	struct trace_item *it = new_item(t, 's', s->start);
	t->render->session(&it->text, &it->json, s, t->color, t->show_secrets);
}

/* trace_message - keep a message of the story */
void trace_message(struct trace *t, const struct message *m)
{
	if (!strset_has(&t->qids, span_of(m->qid)))
		return;
	struct trace_item *it = new_item(t, 'm', m->start);
	t->render->message(&it->text, &it->json, m, t->color);
}

/* trace_reject - for address stories: a rejected attempt (no queue ID) */
void trace_reject(struct trace *t, const struct event *ev)
{
	if (ev->type != EV_REJECT || t->kind != TRACE_ADDRESS || !event_matches(t, ev))
		return;
	struct trace_item *it = new_item(t, 'r', ev->line->ts);
	t->render->reject(&it->text, &it->json, ev, t->color);
}

/* item_cmp - chronological, then in order of discovery */
static int item_cmp(const void *a, const void *b)
{
	const struct trace_item *x = a, *y = b;
	if (x->start.us != y->start.us)
		return x->start.us < y->start.us ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* trace_sort - put the story in time order */
void trace_sort(struct trace *t)
{
	if (t->nitems)
		qsort(t->items, t->nitems, sizeof *t->items, item_cmp);
}

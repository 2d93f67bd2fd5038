/*
 * correlate.c - messages from events, and the dispatch of each event to
 * the session side (sessions.c) or the queue side (here).
 *
 * Open objects live in two hash tables and two LRU lists (least recently
 * touched first).  Each event touches at most a session and a message
 * (two for links).  Strings from events are copied, capped at
 * MODEL_STR_MAX; host/service/instance names are interned once.
 * Sessions are in sessions.c, links between queue IDs in links.c, the -v
 * and TLS-debug dialogue in dialogue.c, postmaster transcripts in
 * transcript_session.c; what they share is in model_internal.h.
 */
#include "model_internal.h"
#include "../util/buf.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- strings ---- */

/* model_str - a capped heap copy of a span, NULL for an unset span */
char *model_str(struct span s)
{
	if (!s.p)
		return NULL;
	return xspandup(span_cut(s, MODEL_STR_MAX));
}

/* intern_eq - interned strings compare by content */
static bool intern_eq(const void *obj, const void *key)
{
	return span_eqs(*(const struct span *)key, obj);
}

/* model_intern - one shared copy per distinct host/service/instance name */
char *model_intern(struct model *m, struct span s)
{
	if (!s.p)
		s = SPAN_LIT("");
	s = name_key(s);
	for (unsigned i = 0; i < 4; i++)
		if (m->recent[i] && m->recent_n[i] == s.n && bytes_eq(m->recent[i], s.p, s.n))
			return m->recent[i];
	uint64_t h = span_hash(s);
	char *v = hmap_get(&m->interned, h, intern_eq, &s);
	if (!v) {
		v = xspandup(s);
		hmap_put(&m->interned, h, v);
	}
	if (strlen(v) == s.n) { /* not for a name with a NUL inside */
		m->recent[m->recent_next] = v;
		m->recent_n[m->recent_next] = s.n;
		m->recent_next = (m->recent_next + 1) % 4;
	}
	return v;
}

/* model_grow - room for element n of an array that doubles (n = 0, 1, 2, 4 ...) */
void *model_grow(void *p, uint32_t n, size_t elem)
{
	if (n & (n - 1))
		return p; /* not a power of two: there is room */
	return xrealloc(p, (n ? n * 2 : 1) * elem);
}

/* ---- messages ---- */

struct mkey {
	struct span host, instance, qid;
};

/* msg_hash - hash of (host, instance, qid); the part of host and
 * instance is remembered for the last pair (the same value either way) */
static uint64_t msg_hash(struct model *m, struct span host, struct span instance, struct span qid)
{
	if (!m->mseed_ok || host.n != m->mseed_host_n || instance.n != m->mseed_inst_n ||
	    !bytes_eq(host.p, m->mseed_host, host.n) || !bytes_eq(instance.p, m->mseed_inst, instance.n)) {
		m->mseed = span_hash(host) ^ (span_hash(instance) << 1);
		m->mseed_ok = host.n <= MSEED_MAX && instance.n <= MSEED_MAX;
		if (m->mseed_ok) {
			m->mseed_host_n = (uint8_t)host.n;
			m->mseed_inst_n = (uint8_t)instance.n;
			if (host.n)
				memcpy(m->mseed_host, host.p, host.n);
			if (instance.n)
				memcpy(m->mseed_inst, instance.p, instance.n);
		}
	}
	return span_hash_seed(qid, m->mseed);
}

/* msg_eq - does the open message match the key */
static bool msg_eq(const void *obj, const void *key)
{
	const struct omsg *o = obj;
	const struct mkey *k = key;
	return o->qid_n == k->qid.n && o->host_n == k->host.n && o->inst_n == k->instance.n &&
	       bytes_eq(k->qid.p, o->m.qid, k->qid.n) && bytes_eq(k->host.p, o->m.host, k->host.n) &&
	       bytes_eq(k->instance.p, o->m.instance, k->instance.n);
}

/* msg_slot - a queue ID's slot in msg_slots: its last two bytes (the
 * ones that differ most between the messages in flight) */
static inline unsigned msg_slot(const char *q, size_t n)
{
	unsigned a = n ? (unsigned char)q[n - 1] : 0, b = n > 1 ? (unsigned char)q[n - 2] : 0;
	return (a ^ (b << 2) ^ (b >> 4)) & (MSG_SLOTS - 1);
}

/* msg_emit - hand a message to the sink, then free it */
/* msgid_eq - an open message's Message-ID is the key (a span) */
static bool msgid_eq(const void *obj, const void *key)
{
	const struct omsg *o = obj;
	const struct span *k = key;
	return o->m.message_id && strlen(o->m.message_id) == k->n && !memcmp(o->m.message_id, k->p, k->n);
}

/* msgid_drop - the message out of by_msgid */
static void msgid_drop(struct model *m, struct omsg *o)
{
	if (o->mid_in)
		hmap_del(&m->by_msgid, o->mid_h, o);
	o->mid_in = false;
}

/* msgid_index - the message as the newest open one of its Message-ID
 * (a content filter's copy takes the original's place: it is the one
 * delivered) */
static void msgid_index(struct model *m, struct omsg *o)
{
	msgid_drop(m, o);
	if (!o->m.message_id || !o->m.message_id[0])
		return;
	struct span k = span_of(o->m.message_id);
	uint64_t h = span_hash(k);
	struct omsg *old = hmap_get(&m->by_msgid, h, msgid_eq, &k);
	if (old)
		msgid_drop(m, old);
	hmap_put(&m->by_msgid, h, o);
	o->mid_h = h;
	o->mid_in = true;
}

/* dovecot_kind - parse/dovecot.c's outcome as a static string */
static const char *dovecot_kind(struct span a)
{
	static const char *const k[] = {"saved", "store_failed", "discarded", "forwarded", "rejected"};
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
		if (span_eqs(a, k[i]))
			return k[i];
	return NULL;
}

/* mailbox_end - a delivery line of Dovecot naming an open message's
 * Message-ID: where the message ended, kept on the message */
static void mailbox_end(struct model *m, const struct event *ev)
{
	struct span d = ev->line->daemon;
	const char *kind = dovecot_kind(ev->action);
	if (!kind || !ev->message_id.n ||
	    !(span_eqs(d, "dovecot") || span_starts(d, "lmtp(") || span_starts(d, "lda(") || span_starts(d, "deliver(")))
		return;
	struct omsg *o = hmap_get(&m->by_msgid, span_hash(ev->message_id), msgid_eq, &ev->message_id);
	if (!o)
		return;
	struct message *msg = &o->m;
	msg->mailbox_kind = kind;
	msg->mailbox_user = msg->mailbox_box = msg->mailbox_reason = NULL;
	setstr(&msg->pool, &msg->mailbox_user, ev->to);
	setstr(&msg->pool, &msg->mailbox_box, ev->relay);
	setstr(&msg->pool, &msg->mailbox_reason, ev->reason);
}

void msg_emit(struct model *m, struct omsg *o, enum msg_end how)
{
	if (o->linger_until) {
		how = MEND_REMOVED;
		o->m.end = o->removed;
		for (unsigned i = 0; i < m->nlinger; i++)
			if (m->linger[i] == o) {
				memmove(m->linger + i, m->linger + i + 1,
					(m->nlinger - i - 1) * sizeof *m->linger);
				m->nlinger--;
				break;
			}
	}
	o->m.end_kind = how;
	msgid_drop(m, o);
	if (m->msg_slots[o->slot] == o)
		m->msg_slots[o->slot] = NULL;
	hmap_del(&m->messages, o->h, o);
	LRU_UNLINK(m->mhead, m->mtail, o);
	m->nmsg--;
	m->st.messages++;
	if (how == MEND_EVICTED)
		m->st.messages_evicted++;
	else if (how == MEND_OPEN)
		m->st.messages_unclosed++;
	else if (how == MEND_REPLACED)
		m->st.messages_replaced++;
	m->st.rcpts_dropped += o->m.rcpts_dropped;
	if (m->sink.message_closed)
		m->sink.message_closed(&o->m, m->sink.ctx);
	if (m->nmspare < m->spare_max) {
		message_recycle(&o->m); /* its pool keeps a block */
		o->next = m->mspare;
		m->mspare = o;
		m->nmspare++;
	} else {
		message_free(&o->m);
		free(o);
	}
}

/* msg_find_key - the open message (host, instance, qid), opened if asked.
 * The one its slot holds is tried first (msg_eq's test, inline): then
 * neither the hash nor the map is needed (speed11 kept the last one
 * found, speed15 one a slot; test_msg_memo.c) */
struct omsg *msg_find_key(struct model *m, struct span host, struct span instance,
			  struct span qid, const struct stamp *ts, bool create)
{
	/* as interned: a name cut at NAME_KEY_MAX must still find its object */
	host = name_key(host);
	instance = name_key(instance);
	unsigned slot = msg_slot(qid.p, qid.n);
	struct omsg *o = m->msg_slots[slot];
	if (!o || o->qid_n != qid.n || o->host_n != host.n || o->inst_n != instance.n ||
	    !bytes_eq(qid.p, o->m.qid, qid.n) || !bytes_eq(host.p, o->m.host, host.n) ||
	    !bytes_eq(instance.p, o->m.instance, instance.n)) {
		struct mkey k = {host, instance, qid};
		uint64_t h = msg_hash(m, host, instance, qid);
		o = hmap_get(&m->messages, h, msg_eq, &k);
		if (!o && create) {
			o = m->mspare;
			if (o) { /* an emitted message's record, cleared as calloc would */
				m->mspare = o->next;
				m->nmspare--;
				void *kept = o->m.pool.kept;
				struct rcpt *rcpts = o->m.rcpts; /* message_recycle's */
				uint32_t rcpt_cap = o->m.rcpt_cap;
				zero(o, sizeof *o);
				pool_init_kept(&o->m.pool, kept);
				o->m.rcpts = rcpts;
				o->m.rcpt_cap = rcpt_cap;
			} else {
				o = xcalloc(1, sizeof *o);
				pool_init(&o->m.pool);
			}
			o->h = h;
			o->m.id = ++m->next_mid;
			o->m.host = model_intern(m, host);
			if (o->m.host != m->host_added) {
				strset_add(&m->hosts, host);
				m->host_added = o->m.host;
			}
			o->m.instance = model_intern(m, instance);
			o->m.qid = pool_dup(&o->m.pool, qid);
			o->qid_n = (uint32_t)strlen(o->m.qid);
			o->host_n = (uint32_t)strlen(o->m.host);
			o->inst_n = (uint32_t)strlen(o->m.instance);
			o->m.start = o->m.end = *ts;
			o->m.size = o->m.nrcpt = -1;
			hmap_put(&m->messages, h, o);
			LRU_APPEND(m->mhead, m->mtail, o);
			if (++m->nmsg > m->st.messages_open_peak)
				m->st.messages_open_peak = m->nmsg;
			pending_claim(m, o);
			while (m->nmsg > m->max_messages && m->mhead && m->mhead != o)
				msg_emit(m, m->mhead, MEND_EVICTED);
		}
		if (!o)
			return NULL;
		m->msg_slots[slot] = o;
		o->slot = (uint8_t)slot; /* (a key with a NUL inside, its copy cut there, has its own) */
	}
	o->m.end = *ts;
	LRU_UNLINK(m->mhead, m->mtail, o);
	LRU_APPEND(m->mhead, m->mtail, o);
	return o;
}

/* msg_find - the open message of the event's queue ID */
static struct omsg *msg_find(struct model *m, const struct event *ev, bool create)
{
	const struct logline *l = ev->line;
	struct omsg *o = msg_find_key(m, l->host, l->instance, ev->queue_id, &l->ts, create);
	return o;
}

/* rcpt_field - a field's text as the blob keeps it (cut to
 * MODEL_STR_MAX), its size with the NUL added to *total; unset stays unset */
static inline struct span rcpt_field(struct span s, size_t *total)
{
	if (!s.p)
		return s;
	s = span_cut(s, MODEL_STR_MAX);
	*total += s.n + 1;
	return s;
}

/* rcpt_put - s and its NUL at *p, *p moved past them: where s went, or
 * NULL for an unset field */
static inline char *rcpt_put(char **p, struct span s)
{
	if (!s.p)
		return NULL;
	char *d = *p;
	memcpy(d, s.p, s.n);
	d[s.n] = 0;
	*p = d + s.n + 1;
	return d;
}

/* model_rcpt_update - rebuild a recipient's blob: each field from the
 * event when it has it, else the old value (ev NULL: only to/orig_to).
 * The eight fields one after another, no loop over an array of them:
 * this runs for every status line of a recipient */
void model_rcpt_update(struct rcpt *r, struct span to, struct span orig_to, const struct event *ev)
{
	size_t total = 0;
	struct span f_to = rcpt_field(to, &total), f_orig = rcpt_field(orig_to, &total);
	struct span f_status = rcpt_field(ev && ev->status.p ? ev->status : span_of(r->status), &total);
	struct span f_dsn = rcpt_field(ev && ev->dsn.p ? ev->dsn : span_of(r->dsn), &total);
	struct span f_relay = rcpt_field(ev && ev->relay.p ? ev->relay : span_of(r->relay), &total);
	struct span f_reason = rcpt_field(ev && ev->reason.p ? ev->reason : span_of(r->reason), &total);
	struct span f_delay = rcpt_field(ev && ev->delay.p ? ev->delay : span_of(r->delay), &total);
	struct span f_delays = rcpt_field(ev && ev->delays.p ? ev->delays : span_of(r->delays), &total);
	char *blob = xmalloc(total + 1), *p = blob;
	r->to = rcpt_put(&p, f_to);
	r->orig_to = rcpt_put(&p, f_orig);
	char *status = rcpt_put(&p, f_status), *dsn = rcpt_put(&p, f_dsn);
	char *relay = rcpt_put(&p, f_relay), *reason = rcpt_put(&p, f_reason);
	char *delay = rcpt_put(&p, f_delay), *delays = rcpt_put(&p, f_delays);
	free(r->blob); /* after the copy: the old strings were inputs */
	r->blob = blob;
	r->status = status, r->dsn = dsn, r->relay = relay, r->reason = reason;
	r->delay = delay, r->delays = delays;
}

/* model_mailbox_agent - the delivery agent of a line when it is one of
 * this host's own (mailbox, pipe, LMTP, error(8), or qmgr bouncing a
 * recipient itself), as a static string; NULL for smtp and anything else.
 * Told by the name's length, then one compare */
const char *model_mailbox_agent(struct span daemon)
{
	static const char *const agents[] = {"local", "virtual", "pipe", "lmtp", "error", "qmgr"};
	switch (daemon.n) {
	case 4:
		if (span_eqs(daemon, "pipe"))
			return agents[2];
		if (span_eqs(daemon, "lmtp"))
			return agents[3];
		return span_eqs(daemon, "qmgr") ? agents[5] : NULL;
	case 5:
		if (span_eqs(daemon, "local"))
			return agents[0];
		return span_eqs(daemon, "error") ? agents[4] : NULL;
	case 7:
		return span_eqs(daemon, "virtual") ? agents[1] : NULL;
	default:
		return NULL;
	}
}

/* msg_rcpt - the recipient record for (to, orig_to), added if new */
static struct rcpt *msg_rcpt(struct message *msg, struct span to, struct span orig_to)
{
	for (uint32_t i = 0; i < msg->nrcpts; i++) {
		struct rcpt *r = &msg->rcpts[i];
		bool same_orig = (!r->orig_to && !orig_to.p) ||
				 (r->orig_to && orig_to.p && span_eqs(orig_to, r->orig_to));
		if (r->to && span_eqs(span_cut(to, MODEL_STR_MAX), r->to) &&
		    same_orig)
			return r;
	}
	if (msg->nrcpts >= MESSAGE_MAX_RCPTS) {
		msg->rcpts_dropped++;
		return NULL;
	}
	if (msg->nrcpts == msg->rcpt_cap) {
		msg->rcpt_cap = msg->rcpt_cap ? msg->rcpt_cap * 2 : MESSAGE_RCPTS_FIRST;
		msg->rcpts = xrealloc(msg->rcpts, msg->rcpt_cap * sizeof *msg->rcpts);
	}
	struct rcpt *r = &msg->rcpts[msg->nrcpts++];
	memset(r, 0, sizeof *r); /* the caller fills it with model_rcpt_update */
	return r;
}

/* ---- events ---- */

/* on_message_event - the queue side */
static void on_message_event(struct model *m, const struct event *ev, uint64_t lineno,
			     struct osess *sess)
{
	if (!is_real_qid(ev->queue_id))
		return;
	bool closes = ev->type == EV_REMOVED || ev->type == EV_CLEANUP_REMOVED ||
		      (ev->type == EV_POSTSUPER && span_eqs(ev->action, "removed"));
	if (ev->type == EV_CLIENT || ev->type == EV_PICKUP) {
		/* a message begins: if its queue ID is still open from a message
		 * that began before, that one's "removed" line was lost (short
		 * queue IDs come back): close it rather than merge the two */
		struct omsg *old = msg_find(m, ev, false);
		if (old && old->linger_until)
			msg_emit(m, old, MEND_REMOVED);
		else if (old && (old->m.origin == ORIGIN_SMTPD || old->m.origin == ORIGIN_PICKUP))
			msg_emit(m, old, MEND_REPLACED);
	}
	struct omsg *o = msg_find(m, ev, true);
	struct message *msg = &o->m;
	if (!msg->first_line)
		msg->first_line = lineno;
	msg->last_line = lineno;
	switch (ev->type) {
	case EV_CLIENT:
		msg->origin = ORIGIN_SMTPD;
		setstr_once(&msg->pool, &msg->client_name, ev->client_name);
		setstr_once(&msg->pool, &msg->client_ip, ev->client_ip);
		setstr(&msg->pool, &msg->sasl_method, ev->sasl_method);
		setstr(&msg->pool, &msg->sasl_username, ev->sasl_username);
		setstr(&msg->pool, &msg->sasl_sender, ev->sasl_sender);
		if (sess) {
			msg->session_id = sess->s.id;
			if (sess->s.helo && !msg->helo)
				msg->helo = pool_strdup(&msg->pool, sess->s.helo);
			msg->tls = sess->s.tls;
		}
		if (is_real_qid(ev->orig_queue_id)) {
			struct omsg *p = msg_find_key(m, ev->line->host, ev->line->instance,
						      ev->orig_queue_id, &ev->line->ts, false);
			if (p)
				model_link(m, p, o, LINK_FILTER);
		}
		break;
	case EV_PICKUP:
		msg->origin = ORIGIN_PICKUP;
		setstr(&msg->pool, &msg->uid, ev->uid);
		if (ev->from.p) {
			setstr(&msg->pool, &msg->from, ev->from);
			msg->have_from = true;
		}
		break;
	case EV_MESSAGE_ID:
		if (!span_eqs(ev->action, "resent")) {
			setstr(&msg->pool, &msg->message_id, ev->message_id);
			msgid_index(m, (struct omsg *)msg);
		}
		break;
	case EV_QUEUED:
		setstr(&msg->pool, &msg->from, ev->from);
		msg->have_from = ev->from.p != NULL;
		/* smtpd's and the bounce daemon's notices to the postmaster */
		if (msg->origin == ORIGIN_UNKNOWN && span_starts(ev->from, "double-bounce@"))
			msg->origin = ORIGIN_POSTFIX;
		if (ev->size >= 0)
			msg->size = ev->size;
		if (ev->nrcpt >= 0)
			msg->nrcpt = ev->nrcpt;
		break;
	case EV_DELIVERY: {
		struct rcpt *r = msg_rcpt(msg, ev->to, ev->orig_to);
		if (r) {
			model_rcpt_update(r, ev->to, ev->orig_to, ev);
			r->agent = model_mailbox_agent(ev->line->daemon);
			r->relay_transport = span_eqs(ev->line->service, "relay") || span_eqs(ev->line->daemon, "relay");
			r->attempts++;
			if (span_eqs(ev->status, "deferred"))
				r->deferrals++;
			r->last = ev->line->ts;
		}
		/* the parser reads "queued as X" / "forwarded as X" */
		struct span child = is_real_qid(ev->new_queue_id) ? ev->new_queue_id : SPAN_NULL;
		if (child.p) {
			if (ev->reason.p && span_index(ev->reason, "forwarded as") >= 0)
				link_to_qid(m, o, ev, child, LINK_FORWARD, false);
			else if (relay_is_local(ev))
				link_to_qid(m, o, ev, child, LINK_FILTER, false);
			else if (relay_is_known_host(m, ev))
				pending_add(m, o, child, LINK_FILTER);
		}
		break;
	}
	case EV_NOTIFICATION:
		if (is_real_qid(ev->new_queue_id))
			link_to_qid(m, o, ev, ev->new_queue_id, notification_kind(ev->action), true);
		break;
	case EV_EXPIRED:
		msg->expired = true;
		if (!msg->have_from && ev->from.p) {
			setstr(&msg->pool, &msg->from, ev->from);
			msg->have_from = true;
		}
		break;
	case EV_CLEANUP_ACTION:
		setstr(&msg->pool, &msg->cleanup_action, ev->action);
		setstr(&msg->pool, &msg->cleanup_reason, ev->reason);
		if (msg->origin == ORIGIN_UNKNOWN && ev->client_ip.n)
			setstr_once(&msg->pool, &msg->refused_client_ip, ev->client_ip);
		if (span_eqs(ev->action, "reject") || span_eqs(ev->action, "discard") ||
		    span_eqs(ev->action, "milter-reject") || span_eqs(ev->action, "milter-discard"))
			msg_emit(m, o, MEND_REMOVED);
		return;
	case EV_REJECT:
		/* "QID: reject: DATA from ..." after the queue file was made; not
		 * "QID: reject: RCPT from ...", one recipient refused after another
		 * was accepted: the message goes on */
		if (!span_eqs(ev->action, "reject_warning") &&
		    !(span_eqs(ev->action, "reject") && span_eqs(ev->stage, "RCPT"))) {
			setstr(&msg->pool, &msg->cleanup_action, ev->action);
			setstr(&msg->pool, &msg->cleanup_reason, ev->reason);
			if (span_eqs(ev->action, "reject") || span_eqs(ev->action, "discard"))
				msg_emit(m, o, MEND_REMOVED);
		}
		return;
	case EV_SMTP_ERROR:
		setstr(&msg->pool, &msg->last_error, ev->reason);
		break;
	default:
		break;
	}
	if (closes)
		msg_close(m, o);
}

/* evict_idle - notifications past their wait for a parent, and sessions
 * untouched for longer than the idle limit */
static void evict_idle(struct model *m)
{
	while (m->nlinger && m->linger[0]->linger_until < m->now)
		msg_emit(m, m->linger[0], MEND_REMOVED);
	while (m->shead && m->idle_us > 0 && m->shead->touched + m->idle_us < m->now) {
		m->st.sessions_idle++;
		sess_emit(m, m->shead, END_EVICTED);
	}
}

/* model_tick - the clock and the evictions alone (correlate.h) */
void model_tick(struct model *m, const struct event *ev)
{
	if (ev->line->ts.us > m->now)
		m->now = ev->line->ts.us;
	evict_idle(m);
}

/* model_event - apply one event */
void model_event(struct model *m, const struct event *ev, uint64_t lineno, uint64_t file_index)
{
	if (ev->line->ts.us > m->now)
		m->now = ev->line->ts.us;
	struct osess *sess = NULL;
	/* "cannot connect to saslauthd server" names no client: it is the
	 * open session's of the same process, whose logins then fail
	 * because of the server */
	if (ev->type == EV_WARNING && is_smtpd(ev) && ev_sasl_backend_warning(ev)) {
		struct osess *o = sess_find(m, ev, false);
		if (o)
			o->s.sasl_backend_down = true;
	}
	/* Dovecot's refusal in smtpd's verbose log names the user the next
	 * "authentication failed" warning of an old Postfix does not */
	if (ev->type == EV_NOISE && ev->sasl_username.n && is_smtpd(ev)) {
		struct osess *o = sess_find(m, ev, false);
		if (o)
			o->s.fail_user = pool_set(&o->s.pool, o->s.fail_user, ev->sasl_username);
	}
	if (session_event_type(ev->type) && is_smtpd(ev)) {
		/* its answer is sess_find's for the event, asked again
		 * before speed15 (closed by a disconnect: none) */
		sess = on_session_event(m, ev, lineno, file_index);
	}
	switch (ev->type) {
	case EV_CLIENT: case EV_PICKUP: case EV_MESSAGE_ID: case EV_QUEUED: case EV_DELIVERY:
	case EV_NOTIFICATION: case EV_EXPIRED: case EV_CLEANUP_ACTION: case EV_CLEANUP_REMOVED:
	case EV_REMOVED: case EV_POSTSUPER: case EV_SMTP_ERROR:
		on_message_event(m, ev, lineno, sess);
		break;
	case EV_REJECT:
		if (is_smtpd(ev) && is_real_qid(ev->queue_id))
			on_message_event(m, ev, lineno, sess);
		break;
	case EV_OTHER:
		if (ev->message_id.n)
			mailbox_end(m, ev);
		break;
	default:
		break;
	}
	evict_idle(m);
}

/* model_new - an empty model emitting into sink */
struct model *model_new(const struct model_sink *sink)
{
	struct model *m = xcalloc(1, sizeof *m);
	m->sink = *sink;
	hmap_init(&m->sessions);
	hmap_init(&m->messages);
	hmap_init(&m->interned);
	hmap_init(&m->pending_idx);
	hmap_init(&m->by_msgid);
	strset_init(&m->hosts, 1024);
	m->max_sessions = 20000;
	m->spare_max = SESS_SPARE_MAX;
	m->max_messages = 50000;
	m->idle_us = 3600LL * 1000000;
	return m;
}

/* model_limits - change the caps (0 keeps the current value); at least
 * two messages stay open: a link (link_to_qid) creates its child while
 * its parent is open, and a cap of one would evict the parent under it */
void model_limits(struct model *m, uint64_t max_sessions, uint64_t max_messages,
		  int64_t session_idle_us)
{
	if (max_sessions)
		m->max_sessions = max_sessions;
	if (max_messages)
		m->max_messages = max_messages < 2 ? 2 : max_messages;
	if (session_idle_us)
		m->idle_us = session_idle_us;
}

/* model_finish - emit what is still open, oldest first */
void model_finish(struct model *m)
{
	while (m->shead)
		sess_emit(m, m->shead, END_OPEN);
	/* messages in order of opening, for stable output */
	size_t n = m->nmsg, k = 0;
	struct omsg **all = xmalloc((n + 1) * sizeof *all);
	for (struct omsg *o = m->mhead; o; o = o->next)
		all[k++] = o;
	for (size_t i = 1; i < k; i++) {
		struct omsg *x = all[i];
		size_t j = i;
		while (j > 0 && all[j - 1]->m.id > x->m.id) {
			all[j] = all[j - 1];
			j--;
		}
		all[j] = x;
	}
	for (size_t i = 0; i < k; i++)
		msg_emit(m, all[i], MEND_OPEN);
	free(all);
}

/* model_stats - the counters */
const struct model_stats *model_stats(const struct model *m)
{
	return &m->st;
}

/* model_free - everything, including still-open objects (not emitted) */
void model_free(struct model *m)
{
	while (m->shead) {
		struct osess *o = m->shead;
		LRU_UNLINK(m->shead, m->stail, o);
		session_free(&o->s);
		free(o);
	}
	while (m->spare) {
		struct osess *o = m->spare;
		m->spare = o->next;
		pool_free(&o->s.pool); /* its kept block */
		free(o);
	}
	while (m->mspare) {
		struct omsg *o = m->mspare;
		m->mspare = o->next;
		pool_free(&o->m.pool);
		free(o->m.rcpts);
		free(o);
	}
	while (m->mhead) {
		struct omsg *o = m->mhead;
		LRU_UNLINK(m->mhead, m->mtail, o);
		message_free(&o->m);
		free(o);
	}
	for (unsigned i = 0; i < m->npending; i++) {
		free(pending_at(m, i)->qid);
		free(pending_at(m, i)->parent_qid);
	}
	hmap_foreach(&m->interned, free);
	strset_free(&m->hosts);
	hmap_free(&m->sessions);
	hmap_free(&m->messages);
	hmap_free(&m->interned);
	hmap_free(&m->pending_idx);
	hmap_free(&m->by_msgid);
	free(m);
}

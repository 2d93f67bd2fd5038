/*
 * correlate.c - sessions and messages from events.
 *
 * Open objects live in two hash tables and two LRU lists (least recently
 * touched first).  Each event touches at most a session and a message
 * (two for links).  Strings from events are copied, capped at
 * MODEL_STR_MAX; host/service/instance names are interned once.  Links
 * between queue IDs are in links.c, the -v and TLS-debug dialogue in
 * dialogue.c, postmaster transcripts in transcript_session.c; what they
 * share is in model_internal.h.
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

/* setstr - replace *dst with a copy of s (in pool) when s is set */
static void setstr(struct strpool *pool, char **dst, struct span s)
{
	if (s.p)
		*dst = pool_set(pool, *dst, s);
}

/* setstr_once - fill *dst from s (in pool) only when still empty */
static void setstr_once(struct strpool *pool, char **dst, struct span s)
{
	if (!*dst && s.p)
		*dst = pool_dup(pool, s);
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

/* ---- LRU lists ---- */

#define LRU_UNLINK(head, tail, o)                                             \
	do {                                                                  \
		if ((o)->prev) (o)->prev->next = (o)->next; else (head) = (o)->next; \
		if ((o)->next) (o)->next->prev = (o)->prev; else (tail) = (o)->prev; \
		(o)->prev = (o)->next = NULL;                                 \
	} while (0)

#define LRU_APPEND(head, tail, o)                                             \
	do {                                                                  \
		(o)->prev = (tail);                                           \
		(o)->next = NULL;                                             \
		if (tail) (tail)->next = (o); else (head) = (o);              \
		(tail) = (o);                                                 \
	} while (0)

/* ---- sessions ---- */

struct skey {
	struct span host;
	int64_t pid;
};

/* sess_hash - hash of (host, pid) */
static uint64_t sess_hash(struct span host, int64_t pid)
{
	return span_hash_seed(host, (uint64_t)pid * 0x9e3779b97f4a7c15ULL);
}

/* sess_eq - does the open session match the key */
static bool sess_eq(const void *obj, const void *key)
{
	const struct osess *o = obj;
	const struct skey *k = key;
	return o->s.pid == k->pid && o->host_n == k->host.n &&
	       bytes_eq(k->host.p, o->s.host, k->host.n);
}

/* sess_emit - hand a session to the sink, then free it */
static void sess_emit(struct model *m, struct osess *o, enum session_end how)
{
	if (o->s.end_kind == END_OPEN)
		o->s.end_kind = how;
	hmap_del(&m->sessions, o->h, o);
	LRU_UNLINK(m->shead, m->stail, o);
	m->nsess--;
	m->st.sessions++;
	if (how == END_EVICTED)
		m->st.sessions_evicted++;
	else if (how == END_REPLACED)
		m->st.sessions_replaced++;
	else if (how == END_OPEN)
		m->st.sessions_unclosed++;
	if (!o->s.saw_connect)
		m->st.sessions_partial++;
	m->st.dialogue_dropped += o->s.dialogue_dropped;
	if (m->sink.session_closed)
		m->sink.session_closed(&o->s, m->sink.ctx);
	session_free(&o->s);
	free(o);
}

/* sess_open - a new session for the event's (host, pid) */
static struct osess *sess_open(struct model *m, const struct event *ev, uint64_t h)
{
	const struct logline *l = ev->line;
	struct osess *o = xcalloc(1, sizeof *o);
	pool_init(&o->s.pool);
	o->h = h;
	o->s.id = ++m->next_sid;
	o->s.host = model_intern(m, l->host);
	o->host_n = (uint32_t)strlen(o->s.host);
	o->s.service = model_intern(m, l->prog);
	o->s.pid = l->pid;
	o->s.start = o->s.end = l->ts;
	hmap_put(&m->sessions, h, o);
	LRU_APPEND(m->shead, m->stail, o);
	if (++m->nsess > m->st.sessions_open_peak)
		m->st.sessions_open_peak = m->nsess;
	while (m->nsess > m->max_sessions && m->shead)
		sess_emit(m, m->shead, END_EVICTED);
	return o;
}

/* sess_find - the open session of the event's process, opened if asked */
static struct osess *sess_find(struct model *m, const struct event *ev, bool create)
{
	const struct logline *l = ev->line;
	struct skey k = {name_key(l->host), l->pid};
	uint64_t h = sess_hash(k.host, l->pid);
	struct osess *o = hmap_get(&m->sessions, h, sess_eq, &k);
	if (!o && create)
		o = sess_open(m, ev, h);
	if (o) {
		/* the model's clock, not the line's: a log whose time goes
		 * backwards must not make every session look idle */
		o->touched = m->now;
		o->s.end = l->ts;
		LRU_UNLINK(m->shead, m->stail, o);
		LRU_APPEND(m->shead, m->stail, o);
	}
	return o;
}

/* sess_client - fill the client name/address once */
static void sess_client(struct session *s, const struct event *ev)
{
	setstr_once(&s->pool, &s->client_name, ev->client_name);
	setstr_once(&s->pool, &s->client_ip, ev->client_ip);
	setstr_once(&s->pool, &s->client_port, ev->client_port);
}

/* sess_tried - count a SASL username tried and failed */
static void sess_tried(struct session *s, struct span name)
{
	if (!name.p || !name.n)
		return;
	for (uint32_t i = 0; i < s->ntried; i++)
		if (span_eqs(span_cut(name, MODEL_STR_MAX),
			     s->tried[i].name)) {
			s->tried[i].count++;
			return;
		}
	if (s->ntried < SESSION_MAX_TRIED) {
		s->tried = model_grow(s->tried, s->ntried, sizeof *s->tried);
		s->tried[s->ntried++] = (struct tried_name){pool_dup(&s->pool, name), 1};
	}
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

/* msg_emit - hand a message to the sink, then free it */
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
	message_free(&o->m);
	free(o);
}

/* msg_find_key - the open message (host, instance, qid), opened if asked */
struct omsg *msg_find_key(struct model *m, struct span host, struct span instance,
			  struct span qid, const struct stamp *ts, bool create)
{
	/* as interned: a name cut at NAME_KEY_MAX must still find its object */
	host = name_key(host);
	instance = name_key(instance);
	struct mkey k = {host, instance, qid};
	uint64_t h = msg_hash(m, host, instance, qid);
	struct omsg *o = hmap_get(&m->messages, h, msg_eq, &k);
	if (!o && create) {
		o = xcalloc(1, sizeof *o);
		o->h = h;
		o->m.id = ++m->next_mid;
		o->m.host = model_intern(m, host);
		if (o->m.host != m->host_added) {
			strset_add(&m->hosts, host);
			m->host_added = o->m.host;
		}
		o->m.instance = model_intern(m, instance);
		pool_init(&o->m.pool);
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
	if (o) {
		o->m.end = *ts;
		LRU_UNLINK(m->mhead, m->mtail, o);
		LRU_APPEND(m->mhead, m->mtail, o);
	}
	return o;
}

/* msg_find - the open message of the event's queue ID */
static struct omsg *msg_find(struct model *m, const struct event *ev, bool create)
{
	const struct logline *l = ev->line;
	struct omsg *o = msg_find_key(m, l->host, l->instance, ev->queue_id, &l->ts, create);
	return o;
}

/* rcpt_update - rebuild a recipient's blob: each field from the event when
 * it has it, else the old value (ev NULL: only to/orig_to) */
static void rcpt_update(struct rcpt *r, struct span to, struct span orig_to, const struct event *ev)
{
	struct span f[8] = {
	    to, orig_to,
	    ev && ev->status.p ? ev->status : span_of(r->status),
	    ev && ev->dsn.p ? ev->dsn : span_of(r->dsn),
	    ev && ev->relay.p ? ev->relay : span_of(r->relay),
	    ev && ev->reason.p ? ev->reason : span_of(r->reason),
	    ev && ev->delay.p ? ev->delay : span_of(r->delay),
	    ev && ev->delays.p ? ev->delays : span_of(r->delays),
	};
	bool set[8];
	size_t total = 0;
	for (int i = 0; i < 8; i++) {
		set[i] = f[i].p != NULL;
		f[i] = span_cut(f[i], MODEL_STR_MAX);
		total += set[i] ? f[i].n + 1 : 0;
	}
	char *blob = xmalloc(total + 1), *p = blob;
	char *out[8];
	for (int i = 0; i < 8; i++) {
		if (!set[i]) {
			out[i] = NULL;
			continue;
		}
		memcpy(p, f[i].p, f[i].n);
		p[f[i].n] = 0;
		out[i] = p;
		p += f[i].n + 1;
	}
	free(r->blob); /* after the copy: the old strings were inputs */
	r->blob = blob;
	r->to = out[0], r->orig_to = out[1], r->status = out[2], r->dsn = out[3];
	r->relay = out[4], r->reason = out[5], r->delay = out[6], r->delays = out[7];
}

/* mailbox_agent - the delivery agent of a line when it is one of this
 * host's own (mailbox, pipe, LMTP, error(8), or qmgr bouncing a recipient
 * itself), as a static string; NULL for smtp and anything else */
static const char *mailbox_agent(struct span daemon)
{
	static const char *const agents[] = {"local", "virtual", "pipe", "lmtp", "error", "qmgr"};
	for (size_t i = 0; i < sizeof agents / sizeof agents[0]; i++)
		if (span_eqs(daemon, agents[i]))
			return agents[i];
	return NULL;
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
		msg->rcpt_cap = msg->rcpt_cap ? msg->rcpt_cap * 2 : 4;
		msg->rcpts = xrealloc(msg->rcpts, msg->rcpt_cap * sizeof *msg->rcpts);
	}
	struct rcpt *r = &msg->rcpts[msg->nrcpts++];
	memset(r, 0, sizeof *r); /* the caller fills it with rcpt_update */
	return r;
}

/* ---- events ---- */

/* is_smtpd - events from smtpd (not postscreen) build sessions */
static bool is_smtpd(const struct event *ev)
{
	return span_eqs(ev->line->daemon, "smtpd") && ev->line->pid >= 0;
}

/* is_real_qid - a queue ID, not NOQUEUE */
static bool is_real_qid(struct span q)
{
	return q.p && q.n && !span_eqs(q, "NOQUEUE");
}

/* on_session_event - the smtpd side */
static void on_session_event(struct model *m, const struct event *ev, uint64_t lineno,
			     uint64_t file_index)
{
	struct osess *o;
	if (ev->type == EV_TLS_ERROR) {
		/* "warning: TLS library problem: ..." names no client: it is
		 * the open session's of the same process; with none open (the
		 * log began after its connect) it opens none */
		o = sess_find(m, ev, false);
		if (!o || (ev->client_ip.n && o->s.client_ip && o->s.client_ip[0] &&
			   !span_eqs(ev->client_ip, o->s.client_ip)))
			return;
		struct session *s = &o->s;
		if (lineno >= s->last_line)
			s->last_line = lineno;
		/* the library's "error:...:no shared cipher:..." tells more than
		 * SSL_accept's "-1" or "lost connection" */
		if (!s->tls_error || span_find(ev->reason, "error:").p)
			s->tls_error = pool_set(&s->pool, s->tls_error, ev->reason);
		return;
	}
	if (ev->type == EV_CONNECT) {
		o = sess_find(m, ev, false);
		if (o && !o->pre_connect)
			sess_emit(m, o, END_REPLACED), o = NULL;
		if (!o)
			o = sess_find(m, ev, true);
		o->pre_connect = false;
		o->s.saw_connect = true;
		o->s.start = ev->line->ts;
		o->s.first_line = lineno;
		o->s.file_index = file_index;
	} else {
		o = sess_find(m, ev, true);
		/* smtpd serves one client after another in the same process: a
		 * line naming another client than the open session's, with no
		 * connect line between (the log began mid-way, or lost it), is
		 * another session, not more of this one */
		if (ev->client_ip.n && o->s.client_ip && o->s.client_ip[0] &&
		    !span_eqs(ev->client_ip, o->s.client_ip)) {
			sess_emit(m, o, END_REPLACED);
			o = sess_find(m, ev, true);
		}
		if (!o->s.first_line) {
			o->s.first_line = lineno;
			o->s.file_index = file_index;
		}
	}
	struct session *s = &o->s;
	if (file_index != s->file_index || lineno >= s->last_line)
		s->last_line = lineno; /* lines as read: the usual case */
	else if (lineno < s->first_line)
		s->first_line = lineno; /* an input handed over newest first (order.c) */
	if (ev->client_ip.p)
		sess_client(s, ev);
	switch (ev->type) {
	case EV_HOSTNAME_VERIFY:
		if (!s->saw_connect)
			o->pre_connect = true;
		s->hostname_unverified = true;
		break;
	case EV_DISCONNECT:
		s->have_stats = ev->nstats > 0;
		s->nstats = 0;
		free(s->stats);
		s->stats = ev->nstats ? xcalloc(ev->nstats, sizeof *s->stats) : NULL;
		for (unsigned i = 0; i < ev->nstats && i < SESSION_MAX_STATS; i++) {
			size_t n = ev->stats[i].name.n;
			if (n >= sizeof s->stats[0].name)
				n = sizeof s->stats[0].name - 1;
			memcpy(s->stats[s->nstats].name, ev->stats[i].name.p, n);
			s->stats[s->nstats].name[n] = 0;
			s->stats[s->nstats].ok = ev->stats[i].ok;
			s->stats[s->nstats].total = ev->stats[i].total;
			s->nstats++;
		}
		sess_emit(m, o, END_DISCONNECT);
		return;
	case EV_LOST:
		setstr(&s->pool, &s->lost_reason, ev->reason);
		setstr(&s->pool, &s->lost_stage, ev->stage);
		break;
	case EV_REJECT:
		if (span_eqs(ev->action, "reject_warning"))
			s->reject_warnings++;
		else
			s->rejects++;
		if (ev->reason.p && span_index(ev->reason, "Relay access denied") >= 0)
			s->relay_denied++;
		if (!span_eqs(ev->action, "reject_warning") && ev_reject_accuses_nobody(ev))
			s->local_rejects++;
		else if (!span_eqs(ev->action, "reject_warning") &&
			 ev_reject_domain_not_found(ev, &(struct span){0}))
			s->domain_rejects++;
		setstr_once(&s->pool, &s->helo, ev->helo);
		{
			struct buf b = {0};
			if (ev->code.p) {
				buf_putspan(&b, ev->code);
				buf_putc(&b, ' ');
			}
			if (ev->dsn.p) {
				buf_putspan(&b, ev->dsn);
				buf_putc(&b, ' ');
			}
			buf_putspan(&b, ev->reason);
			s->last_reject = pool_set(&s->pool, s->last_reject, buf_span(&b));
			buf_free(&b);
		}
		setstr(&s->pool, &s->last_reject_stage, ev->stage);
		break;
	case EV_SASL_FAIL:
		s->auth_failures++;
		if (ev_sasl_backend_fault(ev) || s->sasl_backend_down)
			s->auth_backend_failures++;
		sess_tried(s, ev->sasl_username);
		setstr(&s->pool, &s->last_auth_reason, ev->reason);
		break;
	case EV_SASL_ABORT:
		s->auth_aborts++;
		break;
	case EV_CLIENT:
		s->messages++;
		if (s->nqids < SESSION_MAX_QIDS) {
			s->qids = model_grow(s->qids, s->nqids, sizeof *s->qids);
			s->qids[s->nqids++] = pool_dup(&s->pool, ev->queue_id);
		}
		setstr(&s->pool, &s->sasl_method, ev->sasl_method);
		setstr(&s->pool, &s->sasl_username, ev->sasl_username);
		break;
	case EV_TLS:
		s->tls = true;
		setstr(&s->pool, &s->tls_trust, ev->tls_trust);
		setstr(&s->pool, &s->tls_proto, ev->tls_proto);
		setstr(&s->pool, &s->tls_cipher, ev->tls_cipher);
		break;
	case EV_NON_SMTP:
		s->non_smtp_count++;
		setstr_once(&s->pool, &s->non_smtp, ev->command);
		break;
	case EV_PIPELINING:
		setstr_once(&s->pool, &s->pipelining, ev->command);
		setstr_once(&s->pool, &s->pipelining_stage, ev->stage);
		break;
	case EV_RATE_LIMIT:
		s->rate_limited = true;
		break;
	case EV_SMTP_IN:
		dialogue_in(o, ev->command);
		dialogue_helo_from(s, ev->command);
		break;
	case EV_SMTP_OUT:
		dialogue_add(s, '>', false, false, dialogue_reply_text(ev));
		break;
	case EV_TLS_READ:
		dialogue_tls_read(o, ev);
		dialogue_helo_from(s, dialogue_strip_crlf(ev->command));
		break;
	case EV_TLS_WRITE:
		dialogue_tls_write(o, ev);
		break;
	default:
		break;
	}
}

/* session_event_type - event types that belong to an smtpd session */
static bool session_event_type(enum ev_type t)
{
	switch (t) {
	case EV_CONNECT: case EV_DISCONNECT: case EV_LOST: case EV_REJECT: case EV_SASL_FAIL:
	case EV_SASL_ABORT: case EV_CLIENT: case EV_HOSTNAME_VERIFY: case EV_NON_SMTP:
	case EV_PIPELINING: case EV_RATE_LIMIT: case EV_TLS: case EV_SMTP_IN: case EV_SMTP_OUT:
	case EV_TLS_READ: case EV_TLS_WRITE: case EV_TLS_ERROR:
		return true;
	default:
		return false;
	}
}


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
		if (!span_eqs(ev->action, "resent"))
			setstr(&msg->pool, &msg->message_id, ev->message_id);
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
			rcpt_update(r, ev->to, ev->orig_to, ev);
			r->agent = mailbox_agent(ev->line->daemon);
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
	if (session_event_type(ev->type) && is_smtpd(ev)) {
		bool closes = ev->type == EV_DISCONNECT;
		on_session_event(m, ev, lineno, file_index);
		if (!closes)
			sess = sess_find(m, ev, false);
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
	strset_init(&m->hosts, 1024);
	m->max_sessions = 20000;
	m->max_messages = 50000;
	m->idle_us = 3600LL * 1000000;
	return m;
}

/* model_limits - change the caps (0 keeps the current value) */
void model_limits(struct model *m, uint64_t max_sessions, uint64_t max_messages,
		  int64_t session_idle_us)
{
	if (max_sessions)
		m->max_sessions = max_sessions;
	if (max_messages)
		m->max_messages = max_messages;
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
	free(m);
}

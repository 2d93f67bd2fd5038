/*
 * sessions.c - smtpd sessions from their lines: the open sessions by
 * (host, pid), what each event of a session adds to it, and handing a
 * finished one to the sink.  The queue side (messages, links) is in
 * correlate.c and links.c; model_event dispatches between them.
 */
#include "model_internal.h"
#include "../util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- sessions ---- */

struct skey {
	struct span host;
	int64_t pid;
};

/* text_cat - s after the n bytes of t[POOL_STR_MAX], as many of its
 * bytes as fit: the new length */
static inline size_t text_cat(char *t, size_t n, struct span s)
{
	size_t k = s.n < POOL_STR_MAX - n ? s.n : POOL_STR_MAX - n;
	if (k)
		memcpy(t + n, s.p, k);
	return n + k;
}

/* sess_hash - hash of (host, pid) */
static uint64_t sess_hash(struct span host, int64_t pid)
{
	return span_hash_seed(host, (uint64_t)pid * 0x9e3779b97f4a7c15ULL);
}

/* sess_key_pid - the process a session is keyed by: the line's pid, or,
 * in a shape that has none (is_smtpd), a stand-in drawn from the client's
 * address, so that one client's lines make one session and the clients a
 * pasted excerpt interleaves stay apart; always below -1 */
static int64_t sess_key_pid(const struct event *ev)
{
	if (ev->line->pid >= 0)
		return ev->line->pid;
	return -2 - (int64_t)(span_hash(ev->client_ip) >> 2);
}

/* sess_eq - does the open session match the key */
static bool sess_eq(const void *obj, const void *key)
{
	const struct osess *o = obj;
	const struct skey *k = key;
	return o->key_pid == k->pid && o->host_n == k->host.n &&
	       bytes_eq(k->host.p, o->s.host, k->host.n);
}

/* sess_emit - hand a session to the sink, then free it */
void sess_emit(struct model *m, struct osess *o, enum session_end how)
{
	if (m->last_sess == o)
		m->last_sess = NULL;
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
	if (m->nspare < m->spare_max) {
		session_recycle(&o->s); /* its pool keeps a block (speed25) */
		o->next = m->spare;
		m->spare = o;
		m->nspare++;
	} else {
		session_free(&o->s);
		free(o);
	}
}

/* sess_open - a new session for the event's (host, pid) */
static struct osess *sess_open(struct model *m, const struct event *ev, uint64_t h)
{
	const struct logline *l = ev->line;
	struct osess *o = m->spare;
	if (o) { /* an emitted session's record, cleared as calloc would */
		m->spare = o->next;
		m->nspare--;
		void *kept = o->s.pool.kept;
		zero(o, sizeof *o);
		pool_init_kept(&o->s.pool, kept);
	} else {
		o = xcalloc(1, sizeof *o);
		pool_init(&o->s.pool);
	}
	o->h = h;
	o->s.id = ++m->next_sid;
	o->s.host = model_intern(m, l->host);
	o->host_n = (uint32_t)strlen(o->s.host);
	o->s.service = model_intern(m, l->prog);
	o->s.pid = l->pid;
	o->key_pid = sess_key_pid(ev);
	o->s.start = o->s.end = l->ts;
	o->s.start_untimed = o->s.end_untimed = l->format == FMT_NOTIME;
	hmap_put(&m->sessions, h, o);
	LRU_APPEND(m->shead, m->stail, o);
	if (++m->nsess > m->st.sessions_open_peak)
		m->st.sessions_open_peak = m->nsess;
	while (m->nsess > m->max_sessions && m->shead)
		sess_emit(m, m->shead, END_EVICTED);
	return o;
}

/* sess_touch - o, found or opened for the event, touched */
static struct osess *sess_touch(struct model *m, const struct event *ev, struct osess *o)
{
	const struct logline *l = ev->line;
	/* the model's clock, not the line's: a log whose time goes
	 * backwards must not make every session look idle */
	o->touched = m->now;
	o->s.end = l->ts;
	o->s.end_untimed = l->format == FMT_NOTIME;
	if (m->stail != o) { /* moving the last to the end changes nothing */
		LRU_UNLINK(m->shead, m->stail, o);
		LRU_APPEND(m->shead, m->stail, o);
	}
	return o;
}

/* sess_find_at - sess_find, with the key's hash in *hash when the map
 * was asked (0 when the last session found answered): a connect that
 * finds no session opens one under that hash (sess_open_at) rather than
 * asking the map again (speed17) */
static struct osess *sess_find_at(struct model *m, const struct event *ev, bool create, uint64_t *hash)
{
	const struct logline *l = ev->line;
	struct skey k = {name_key(l->host), sess_key_pid(ev)};
	struct osess *o = m->last_sess;
	*hash = 0;
	if (!o || o->key_pid != k.pid || o->host_n != k.host.n || !bytes_eq(k.host.p, o->s.host, k.host.n)) {
		uint64_t h = sess_hash(k.host, k.pid);
		*hash = h;
		o = hmap_get(&m->sessions, h, sess_eq, &k);
		if (!o && create)
			o = sess_open(m, ev, h);
		if (!o)
			return NULL;
		m->last_sess = o;
	}
	return sess_touch(m, ev, o);
}

/* sess_find - the open session of the event's process, opened if asked.
 * The last one found is tried first: the map holds one session a key, so
 * when it has the key it is the map's answer */
struct osess *sess_find(struct model *m, const struct event *ev, bool create)
{
	uint64_t h;
	return sess_find_at(m, ev, create, &h);
}

/* sess_open_at - a new session for the event's (host, pid), whose key's
 * hash is h and which the map does not hold (sess_find_at missed it, or
 * it was emitted since), opened and touched as sess_find would */
static struct osess *sess_open_at(struct model *m, const struct event *ev, uint64_t h)
{
	struct osess *o = sess_open(m, ev, h);
	m->last_sess = o;
	return sess_touch(m, ev, o);
}

/* sess_client - fill the client name/address once */
static void sess_client(struct session *s, const struct event *ev)
{
	setstr_once(&s->pool, &s->client_name, ev->client_name);
	setstr_once(&s->pool, &s->client_ip, ev->client_ip);
	setstr_once(&s->pool, &s->client_port, ev->client_port);
}

/* mech_is - m is the mechanism name, case-blind (the client's spelling) */
static bool mech_is(struct span m, const char *name)
{
	size_t n = strlen(name);
	return m.n == n && !strncasecmp(m.p, name, n);
}

/* sasl_mech_bit - a bit for each SASL mechanism a mail program may fall
 * back through (PLAIN, LOGIN, CRAM-MD5, DIGEST-MD5, SCRAM-*, NTLM,
 * GSSAPI); the rest share the last bit */
static uint8_t sasl_mech_bit(struct span m)
{
	if (mech_is(m, "PLAIN"))
		return 0x01;
	if (mech_is(m, "LOGIN"))
		return 0x02;
	if (mech_is(m, "CRAM-MD5"))
		return 0x04;
	if (mech_is(m, "DIGEST-MD5"))
		return 0x08;
	if (m.n >= 5 && !strncasecmp(m.p, "SCRAM", 5))
		return 0x10;
	if (mech_is(m, "NTLM"))
		return 0x20;
	if (mech_is(m, "GSSAPI"))
		return 0x40;
	return m.n ? 0x80 : 0;
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

/* on_session_event - the smtpd side.  Its answer is what sess_find(m, ev,
 * false) would now answer (model_event asks it of every event but a
 * disconnect): the session its own last sess_find of the event's process
 * left open, touched for this line, at the end of the LRU list, or NULL
 * (none, or emitted) */
struct osess *on_session_event(struct model *m, const struct event *ev, uint64_t lineno,
			       uint64_t file_index)
{
	struct osess *o;
	if (ev->type == EV_TLS_ERROR) {
		/* "warning: TLS library problem: ..." names no client: it is
		 * the open session's of the same process; with none open (the
		 * log began after its connect) it opens none */
		o = sess_find(m, ev, false);
		if (!o && ev->line->pid >= 0 && ev->reason.n) {
			size_t n = ev->reason.n < sizeof m->orphan_tls ? ev->reason.n
								      : sizeof m->orphan_tls - 1;
			memcpy(m->orphan_tls, ev->reason.p, n);
			m->orphan_tls[n] = 0;
			m->orphan_tls_pid = ev->line->pid;
			m->orphan_tls_line = lineno + 1; /* 0: none */
		}
		if (!o || (ev->client_ip.n && o->s.client_ip && o->s.client_ip[0] &&
			   !span_eqs(ev->client_ip, o->s.client_ip)))
			return o; /* (another client's: still the process's session) */
		struct session *s = &o->s;
		if (lineno >= s->last_line)
			s->last_line = lineno;
		/* the library's "error:...:no shared cipher:..." tells more than
		 * SSL_accept's "-1" or "lost connection" */
		if (!s->tls_error || span_find(ev->reason, "error:").p)
			s->tls_error = pool_set(&s->pool, s->tls_error, ev->reason);
		return o;
	}
	if (ev->type == EV_CONNECT) {
		uint64_t h;
		o = sess_find_at(m, ev, false, &h);
		if (o && !o->pre_connect) {
			sess_emit(m, o, END_REPLACED), o = NULL;
			if (!h) /* the last session answered: its key's hash */
				h = sess_hash(name_key(ev->line->host), sess_key_pid(ev));
		}
		if (!o) /* the map holds the key no longer, or never did */
			o = sess_open_at(m, ev, h);
		o->pre_connect = false;
		o->s.saw_connect = true;
		o->s.start = ev->line->ts;
		o->s.start_untimed = ev->line->format == FMT_NOTIME;
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
			/* the TLS warning its process logged just before, when
			 * no session was open to take it */
			if (m->orphan_tls_line && ev->line->pid == m->orphan_tls_pid &&
			    lineno + 1 >= m->orphan_tls_line && lineno + 1 - m->orphan_tls_line <= 3 &&
			    !o->s.saw_connect && !o->s.tls_error)
				o->s.tls_error = pool_set(&o->s.pool, NULL, span_of(m->orphan_tls));
			m->orphan_tls_line = 0;
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
		if (ev_name_lookup_tempfail(ev))
			s->name_tempfail = true;
		break;
	case EV_DISCONNECT:
		s->have_stats = ev->nstats > 0;
		s->nstats = 0;
		s->stat_firsts = 0;
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
			s->stat_firsts |= UINT64_C(1) << ((unsigned char)s->stats[s->nstats].name[0] & 63);
			s->nstats++;
		}
		sess_emit(m, o, END_DISCONNECT);
		return NULL;
	case EV_LOST:
		setstr(&s->pool, &s->lost_reason, ev->reason);
		setstr(&s->pool, &s->lost_stage, ev->stage);
		break;
	case EV_REJECT:
		/* only a refusal counts as one: smtpd also logs the access
		 * tables' and milters' other actions this way (hold, discard,
		 * filter, redirect, info, warn, milter-hold...), which take
		 * the mail or only note it */
		/* the own-network answer its refusal kept (ev_keep_refusal,
		 * on the reading thread with two), for the session's verdict
		 * to take instead of reading the address again (speed39) */
		if (ev->kept_own && !s->client_own && s->client_ip && span_eqs(ev->client_ip, s->client_ip))
			s->client_own = (uint8_t)ev->kept_own;
		if (span_eqs(ev->action, "reject_warning"))
			s->reject_warnings++;
		else if (span_eqs(ev->action, "reject") || span_eqs(ev->action, "milter-reject"))
			s->rejects++;
		else {
			setstr_once(&s->pool, &s->helo, ev->helo);
			break;
		}
		if (ev_reject_relay_denied(ev) &&
		    !ev_reject_provider_relay_denied(ev))
			s->relay_denied++;
		/* an open-relay tester's probe (spameri@tiscali.it to itself
		 * from "WIN-..."), refused before its relaying was judged (a
		 * HELO or client check): the envelope tells it */
		else if (ev->from.n && span_eq(ev->from, ev->to) && ev->helo.n && span_chr(ev->helo, '.') < 0 &&
			 span_chr(ev->from, '@') > 0)
			s->relay_tests++;
		/* a refusal for a name or domain not found, for now, in a
		 * session whose own name lookup failed for now (EAI_AGAIN):
		 * this host's DNS did not answer, the client did nothing */
		if (!span_eqs(ev->action, "reject_warning") &&
		    (ev_reject_accuses_nobody(ev) || (s->name_tempfail && ev_reject_needs_dns(ev))))
			s->local_rejects++;
		else if (!span_eqs(ev->action, "reject_warning") &&
			 ev_reject_domain_not_found(ev, &(struct span){0}))
			s->domain_rejects++;
		setstr_once(&s->pool, &s->helo, ev->helo);
		{
			/* "CODE DSN reason", made in place of a heap buffer
			 * per refusal (speed25): pool_set keeps its first
			 * POOL_STR_MAX bytes, and no text (no code, no DSN, an
			 * empty reason) is none */
			char t[POOL_STR_MAX];
			size_t n = 0;
			if (ev->code.p) {
				n = text_cat(t, n, ev->code);
				n = text_cat(t, n, SPAN_LIT(" "));
			}
			if (ev->dsn.p) {
				n = text_cat(t, n, ev->dsn);
				n = text_cat(t, n, SPAN_LIT(" "));
			}
			n = text_cat(t, n, ev->reason);
			s->last_reject = pool_set(&s->pool, s->last_reject, (struct span){n ? t : NULL, n});
			/* the login its words name (session_logged_in), from the
			 * event's answer, kept by the reading thread with two
			 * (speed24): "no login in the reason" is "none in the
			 * text" when neither the code nor the DSN holds an 'n',
			 * where "not owned by user " could start; else asked of
			 * the text itself */
			s->last_reject_login =
			    !ev_reject_login_mismatch(ev).n && span_chr(ev->code, 'n') < 0 && span_chr(ev->dsn, 'n') < 0
				? 1
				: (uint8_t)(1 + (ev_reply_login(span_of(s->last_reject)).n != 0));
		}
		setstr(&s->pool, &s->last_reject_stage, ev->stage);
		break;
	case EV_SASL_FAIL:
		s->auth_failures++;
		if (ev_sasl_backend_fault(ev) || s->sasl_backend_down)
			s->auth_backend_failures++;
		else if (span_starts(ev->reason, "Invalid authentication mechanism"))
			s->auth_mech_refused++;
		{
			uint8_t bit = sasl_mech_bit(ev->sasl_method);
			if (bit != s->auth_last_mech && (s->auth_fail_mechs & bit))
				s->auth_mech_back = true;
			s->auth_fail_mechs |= bit;
			s->auth_last_mech = bit;
		}
		sess_tried(s, ev->sasl_username.n || !s->fail_user ? ev->sasl_username : span_of(s->fail_user));
		s->fail_user = NULL; /* in the pool: freed with the session */
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
		/* failures, then the login with another mechanism: a mail
		 * program trying the mechanisms the server offers in turn */
		if (ev->sasl_username.n && s->auth_fail_mechs && !s->auth_mech_back &&
		    !(s->auth_fail_mechs & sasl_mech_bit(ev->sasl_method)))
			s->auth_fell_back = true;
		break;
	case EV_TLS:
		s->tls = true;
		setstr(&s->pool, &s->tls_trust, ev->tls_trust);
		setstr(&s->pool, &s->tls_proto, ev->tls_proto);
		setstr(&s->pool, &s->tls_cipher, ev->tls_cipher);
		break;
	case EV_NON_SMTP:
		/* a proxy's PROXY header that this service does not expect:
		 * the finding tells it, the proxy is no bot */
		if (ev_proxy_header(ev->command)) {
			s->proxy_header = true;
			break;
		}
		s->non_smtp_count++;
		setstr_once(&s->pool, &s->non_smtp, ev->command);
		break;
	case EV_PIPELINING:
		/* after QUIT nothing more is read: what a client sent behind it
		 * (a monitoring check's QUIT pipelined with its line end, or no
		 * text at all) proves no bot that talks before the replies */
		if (ev_proxy_header(ev->command))
			s->proxy_header = true;
		if (span_eqs(ev->stage, "QUIT"))
			s->quit_pipelined = true;
		if (span_eqs(ev->stage, "QUIT") || s->proxy_header)
			break;
		setstr_once(&s->pool, &s->pipelining, ev->command);
		setstr_once(&s->pool, &s->pipelining_stage, ev->stage);
		break;
	case EV_RATE_LIMIT:
		s->rate_limited = true;
		/* the two limits smtpd checks on connect: it replies 421 and
		 * ends the session before the client can send a command */
		if (span_starts(ev->reason, "Connection concurrency "))
			s->anvil_cut = 1;
		else if (span_starts(ev->reason, "Connection rate "))
			s->anvil_cut = 2;
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
	return o;
}

/* session_event_type - event types that belong to an smtpd session */
bool session_event_type(enum ev_type t)
{
	return (unsigned)t < 64 && (MODEL_SESSION_KINDS >> (unsigned)t & 1);
}

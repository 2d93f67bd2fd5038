/*
 * model_internal.h - what correlate.c, sessions.c, links.c and
 * transcript_session.c share: the open objects, the model itself and the helpers each calls in
 * another.  Not for use outside src/model/.
 */
#ifndef POSTSLEUTH_MODEL_INTERNAL_H
#define POSTSLEUTH_MODEL_INTERNAL_H

#include "correlate.h"
#include "../util/hmap.h"
#include "../util/strset.h"

struct osess {
	struct session s;        /* first: a session* is an osess* */
	uint64_t h;
	int64_t touched;
	uint32_t host_n;         /* strlen(s.host): the lookup compares lengths first */
	int64_t key_pid;         /* s.pid, or for a line with none its client's stand-in (sess_key_pid) */
	struct osess *prev, *next;
	bool pre_connect;        /* opened by a warning logged before "connect" */
	/* merging the -v and TLS-debug views of the dialogue (dialogue.c) */
	uint32_t read_at;        /* 1 + index of the last TLS Read not yet told by -v, or 0 */
	uint32_t read_seg;       /* how many of its lines -v has told */
	const char *read_text;   /* its text (in the session's pool) */
	bool read_cut;
	uint32_t out_from;       /* first -v reply a TLS Write may still repeat */
};

struct omsg {
	struct message m;        /* first: a message* is an omsg* */
	uint64_t h;
	uint32_t qid_n, host_n, inst_n; /* their lengths: no strlen per lookup */
	uint8_t slot;            /* its slot in msg_slots, when there */
	struct omsg *prev, *next;
	int64_t linger_until;    /* removed, kept for a late parent link (0: not) */
	uint64_t mid_h;          /* its key in by_msgid, while mid_in */
	bool mid_in;
	struct stamp removed;    /* when, while it lingers */
};

struct pending_link {        /* "queued as X" whose X has not been seen yet */
	char *qid;
	uint64_t h;              /* span_hash of qid, its key in pending_idx */
	char *parent_host, *parent_qid;
	enum link_kind kind;
	int64_t at;
};

#define PENDING_MAX 4096
#define PENDING_WINDOW_US (600LL * 1000000)
/* A notification (from=<>, no client) can be delivered and removed before
 * bounce(8) logs "QID: sender non-delivery notification: CHILD", since the
 * lines come from different processes: keep it this long for that line. */
#define SESS_SPARE_MAX 64   /* emitted sessions' records kept for the next (sessions.c) */
#define LINGER_MAX 256
#define LINGER_US (10LL * 1000000)

#define MSEED_MAX 64

struct model {
	struct model_sink sink;
	struct model_stats st;
	struct hmap sessions, messages, interned;
	struct hmap pending_idx;  /* live pending slots by qid hash */
	/* the open messages by Message-ID, the newest of each (no more
	 * entries than open messages: bounded by max_messages), for the
	 * delivery lines of Dovecot that name it (msgid_*) */
	struct hmap by_msgid;
	struct strset hosts;     /* syslog hosts seen, for cross-host links */
	struct osess *shead, *stail;
	struct omsg *mhead, *mtail;
	uint64_t nsess, nmsg;
	uint64_t max_sessions, max_messages;
	int64_t idle_us;
	uint64_t next_sid, next_mid;
	int64_t now;
	struct pending_link pending[PENDING_MAX];   /* a ring, oldest at phead */
	unsigned npending, phead;
	struct omsg *linger[LINGER_MAX];
	unsigned nlinger;
	/* the last names interned and their lengths: most lookups repeat one */
	char *recent[4];
	size_t recent_n[4];
	unsigned recent_next;
	char *host_added;        /* the last host put in ->hosts */
	/* a TLS library warning of a process that had no session open (a
	 * pasted excerpt that began after its connect line): its reason,
	 * its process and its line, for that process's next line that
	 * opens a session without a connect ("lost connection after
	 * STARTTLS"), a few lines on */
	char orphan_tls[160];
	int64_t orphan_tls_pid;
	uint64_t orphan_tls_line;
	/* the session sess_find found last (open, in ->sessions, or NULL):
	 * a session's lines come one after another */
	struct osess *last_sess;
	/* records of emitted sessions kept for the next ones (linked by
	 * ->next, at most spare_max): an open costs a clearing, not a
	 * calloc and a free */
	struct osess *spare;
	uint32_t nspare, spare_max;
	/* and of emitted messages (the same, speed25; spare_max too) */
	struct omsg *mspare;
	uint32_t nmspare;
	/* the open messages msg_find_key found, by the last two bytes of
	 * their queue ID (msg_slot; a slot holds the last one found, or
	 * NULL): a message's lines come one after another or a few lines
	 * apart (cleanup, qmgr and smtp of the messages in flight), and the
	 * map holds one message a key, so when a slot's has the key it is
	 * the map's answer, without the hash or the map */
#define MSG_SLOTS 64
	struct omsg *msg_slots[MSG_SLOTS];
	/* msg_hash's seed for the last (host, instance) a message was looked
	 * up by (when both fit here): most lines name the same ones */
	uint64_t mseed;
	bool mseed_ok;
	uint8_t mseed_host_n, mseed_inst_n;
	char mseed_host[MSEED_MAX], mseed_inst[MSEED_MAX];
};

/* shared by sessions.c and correlate.c: copies of an event's strings
 * into an object's pool, the LRU lists of open objects, which events
 * build sessions */

/* setstr - replace *dst with a copy of s (in pool) when s is set */
static inline void setstr(struct strpool *pool, char **dst, struct span s)
{
	if (s.p)
		*dst = pool_set(pool, *dst, s);
}

/* setstr_once - fill *dst from s (in pool) only when still empty */
static inline void setstr_once(struct strpool *pool, char **dst, struct span s)
{
	if (!*dst && s.p)
		*dst = pool_dup(pool, s);
}

/* LRU lists: least recently touched first */
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

/* is_smtpd - events from smtpd (not postscreen) build sessions: a line
 * with its process id, or one that names its client when the shape has no
 * process id (a message pasted alone, bare.c; a tag without [pid]), even
 * with the address masked before pasting ("unknown[XXX.XX.XXX.XXX]":
 * client_ip empty but there): such lines make one session, "(address
 * not logged)", rather than none, which read as "nothing happened" */
static inline bool is_smtpd(const struct event *ev)
{
	return span_eqs(ev->line->daemon, "smtpd") && (ev->line->pid >= 0 || ev->client_ip.p);
}

/* is_real_qid - a queue ID, not NOQUEUE */
static inline bool is_real_qid(struct span q)
{
	return q.p && q.n && !span_eqs(q, "NOQUEUE");
}

/* sessions.c */
void sess_emit(struct model *m, struct osess *o, enum session_end how);
struct osess *sess_find(struct model *m, const struct event *ev, bool create);
struct osess *on_session_event(struct model *m, const struct event *ev, uint64_t lineno, uint64_t file_index);
bool session_event_type(enum ev_type t);

/* correlate.c */
char *model_str(struct span s);
/* interned names (host, service, instance) are cut at this length; lookups
 * by name cut their key the same way (name_key) */
#define NAME_KEY_MAX 255
static inline struct span name_key(struct span s)
{
	return span_cut(s, NAME_KEY_MAX);
}

char *model_intern(struct model *m, struct span s);
void *model_grow(void *p, uint32_t n, size_t elem);
int64_t dialogue_add(struct session *s, char dir, bool tls, bool cut, struct span text);
void dialogue_helo_from(struct session *s, struct span cmd);
/* dialogue.c: the -v and TLS-debug views of the dialogue, merged */
void dialogue_tls_read(struct osess *o, const struct event *ev);
void dialogue_in(struct osess *o, struct span cmd);
void dialogue_tls_write(struct osess *o, const struct event *ev);
struct span dialogue_reply_text(const struct event *ev);
struct span dialogue_strip_crlf(struct span t);
void msg_emit(struct model *m, struct omsg *o, enum msg_end how);
struct omsg *msg_find_key(struct model *m, struct span host, struct span instance,
			  struct span qid, const struct stamp *ts, bool create);

/* links.c */
void model_link(struct model *m, struct omsg *parent, struct omsg *child, enum link_kind kind);
struct pending_link *pending_at(struct model *m, unsigned i);
void pending_add(struct model *m, struct omsg *parent, struct span qid, enum link_kind kind);
void pending_claim(struct model *m, struct omsg *child);
void link_to_qid(struct model *m, struct omsg *parent, const struct event *ev,
		 struct span child_qid, enum link_kind kind, bool create_child);
void msg_close(struct model *m, struct omsg *o);
bool relay_is_local(const struct event *ev);
bool relay_is_known_host(struct model *m, const struct event *ev);
enum link_kind notification_kind(struct span action);
/* correlate.c: a recipient's strings rebuilt from a status line, and the
 * host's own delivery agent a line names (tests/unit/test_rcpt_update.c) */
void model_rcpt_update(struct rcpt *r, struct span to, struct span orig_to, const struct event *ev);
const char *model_mailbox_agent(struct span daemon);

#endif

/*
 * objects.c - freeing sessions and messages, and their small lookups.
 * host/service/instance strings are interned by the correlator and are
 * not freed here; the other strings live in the object's pool.
 */
#include "message.h"

#include <stdlib.h>
#include <string.h>

/* session_free - release the arrays and the string pool of a session (the
 * correlator frees the object) */
void session_free(struct session *s)
{
	free(s->tried);
	free(s->qids);
	free(s->stats);
	free(s->dialogue);
	pool_free(&s->pool);
}

/* session_recycle - session_free for a record kept for the next session:
 * the pool keeps a block (pool_recycle; speed25) */
void session_recycle(struct session *s)
{
	/* most sessions have none of the four (a call to free each: speed30) */
	if (s->tried)
		free(s->tried);
	if (s->qids)
		free(s->qids);
	if (s->stats)
		free(s->stats);
	if (s->dialogue)
		free(s->dialogue);
	pool_recycle(&s->pool);
}

/* session_stat_scan - the ok/total counts of one disconnect statistic, the
 * first of that name, every name looked at (session.h's session_stat asks
 * stat_firsts first) */
bool session_stat_scan(const struct session *s, const char *name, uint32_t *ok, uint32_t *total)
{
	for (uint32_t i = 0; i < s->nstats; i++)
		if (s->stats[i].name[0] == name[0] && strcmp(s->stats[i].name, name) == 0) {
			*ok = s->stats[i].ok;
			*total = s->stats[i].total;
			return true;
		}
	*ok = *total = 0;
	return false;
}

/* session_end_name - stable name of how a session ended */
const char *session_end_name(enum session_end e)
{
	static const char *const n[] = {"open", "disconnect", "replaced", "evicted"};
	return (unsigned)e < 4 ? n[e] : "open";
}

/* message_free - release the arrays, blobs and string pool of a message
 * (the correlator frees the object) */
void message_free(struct message *m)
{
	for (uint32_t i = 0; i < m->nrcpts; i++)
		free(m->rcpts[i].blob);
	free(m->rcpts);
	free(m->children);
	pool_free(&m->pool);
}

/* message_recycle - message_free for a record kept for the next message
 * (see session_recycle); a recipients' array of the first size (four)
 * stays for the next message as well (its rcpts and rcpt_cap) */
void message_recycle(struct message *m)
{
	for (uint32_t i = 0; i < m->nrcpts; i++)
		free(m->rcpts[i].blob);
	if (m->rcpt_cap != MESSAGE_RCPTS_FIRST) {
		free(m->rcpts);
		m->rcpts = NULL;
		m->rcpt_cap = 0;
	}
	free(m->children);
	pool_recycle(&m->pool);
}

/* link_kind_name - stable name of a parent/child relation */
const char *link_kind_name(enum link_kind k)
{
	static const char *const n[] = {"none", "bounce", "delay", "dsn", "postmaster", "filter", "forward"};
	return (unsigned)k < 7 ? n[k] : "none";
}

/* msg_origin_name - stable name of how a message entered the queue */
const char *msg_origin_name(enum msg_origin o)
{
	static const char *const n[] = {"unknown", "smtpd", "pickup", "notification", "reinjected",
					"postfix"};
	return (unsigned)o < 6 ? n[o] : "unknown";
}

/* msg_verify_probe - an address verification probe (message.h) */
bool msg_verify_probe(const struct message *m)
{
	if (!m->nrcpts)
		return false;
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		const char *st = m->rcpts[i].status;
		/* every message's end asks: "sent", "deferred", "bounced" are
		 * told apart by a byte or three before any strcmp */
		if (!st || !(st[0] == 'u' ? !strcmp(st, "undeliverable")
					  : st[0] == 'd' && st[1] == 'e' && st[2] == 'l' &&
						!strcmp(st, "deliverable")))
			return false;
	}
	return true;
}

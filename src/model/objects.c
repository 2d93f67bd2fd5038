/*
 * objects.c - freeing sessions and messages, and their small lookups.
 * host/service/instance strings are interned by the correlator and are
 * not freed here.
 */
#include "message.h"

#include <stdlib.h>
#include <string.h>

/* session_free - release the strings a session owns (the correlator frees the object) */
void session_free(struct session *s)
{
	free(s->client_name);
	free(s->client_ip);
	free(s->client_port);
	free(s->helo);
	free(s->tls_trust);
	free(s->tls_proto);
	free(s->tls_cipher);
	free(s->sasl_method);
	free(s->sasl_username);
	free(s->last_auth_reason);
	free(s->last_reject);
	free(s->last_reject_stage);
	free(s->lost_reason);
	free(s->lost_stage);
	free(s->non_smtp);
	free(s->pipelining);
	free(s->pipelining_stage);
	for (uint32_t i = 0; i < s->ntried; i++)
		free(s->tried[i].name);
	free(s->tried);
	for (uint32_t i = 0; i < s->nqids; i++)
		free(s->qids[i]);
	free(s->qids);
	free(s->stats);
	for (uint32_t i = 0; i < s->ndialogue; i++)
		free(s->dialogue[i].text);
	free(s->dialogue);
}

/* session_stat - the ok/total counts of one disconnect statistic */
bool session_stat(const struct session *s, const char *name, uint32_t *ok, uint32_t *total)
{
	for (uint32_t i = 0; i < s->nstats; i++)
		if (strcmp(s->stats[i].name, name) == 0) {
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

/* message_free - release the strings a message owns (the correlator frees the object) */
void message_free(struct message *m)
{
	free(m->qid);
	free(m->client_name);
	free(m->client_ip);
	free(m->helo);
	free(m->sasl_method);
	free(m->sasl_username);
	free(m->sasl_sender);
	free(m->uid);
	free(m->parent_qid);
	free(m->message_id);
	free(m->from);
	free(m->cleanup_action);
	free(m->cleanup_reason);
	free(m->last_error);
	for (uint32_t i = 0; i < m->nrcpts; i++) {
		free(m->rcpts[i].blob);
	}
	free(m->rcpts);
	for (uint32_t i = 0; i < m->nchildren; i++)
		free(m->children[i].qid);
	free(m->children);
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

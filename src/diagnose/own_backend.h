/*
 * own_backend.h - is a failed delivery's relay this host itself (its
 * mailbox store, a pipe, LMTP, a content filter on loopback or a UNIX
 * socket), and which finding a remote server's answer becomes when it
 * is: used by rules_out.c's diag_classify_out.
 */
#ifndef POSTSLEUTH_DIAG_OWN_BACKEND_H
#define POSTSLEUTH_DIAG_OWN_BACKEND_H

#include "finding.h"
#include "../parse/event.h"
#include "../parse/filter_reply.h"

enum own_kind {
	OWN_NONE,    /* a remote host, or not known */
	OWN_MAILBOX, /* mailbox delivery: local, virtual, pipe, LMTP, a socket */
	OWN_FILTER,  /* a TCP service on loopback: a content filter (Amavis...) */
};

/* own_backend - the kind of this host's backend the delivery went to, or
 * OWN_NONE; key (DIAG_KEY_MAX bytes) names it; t is the reason text */
enum own_kind own_backend(const struct event *ev, struct span t, char *key);

/* own_filter_port - PORT is a content filter's usual listener
 * (10024-10026); own_masked_addr - a relay's bracketed address masked
 * in a paste ("", "x.x.x.x", "IP"): such an address at such a port is
 * this host's own filter, as a loopback address there would be */
bool own_filter_port(struct span port);
bool own_masked_addr(struct span ip);

/* own_finding - what finding id becomes for this host's backend of kind */
enum finding_id own_finding(enum finding_id id, enum own_kind kind, struct span dsn, bool temp);

#endif

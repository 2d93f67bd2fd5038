/*
 * message.h - one message's life in one Postfix queue: from the line
 * that opened its queue ID (client=, uid=, or the first line naming it)
 * to "removed" (or the end of the log).
 *
 * Owned by the correlator; consumers see it when it closes.  Strings are
 * copied (capped at MODEL_STR_MAX) and untrusted.
 */
#ifndef POSTSLEUTH_MESSAGE_H
#define POSTSLEUTH_MESSAGE_H

#include <stdbool.h>
#include <stdint.h>
#include "session.h"

#define MESSAGE_MAX_RCPTS 1024
#define MESSAGE_MAX_CHILDREN 64

enum msg_origin { ORIGIN_UNKNOWN, ORIGIN_SMTPD, ORIGIN_PICKUP, ORIGIN_NOTIFICATION, ORIGIN_REINJECTED,
		  ORIGIN_POSTFIX /* a notice Postfix wrote itself (sender double-bounce@) */ };
/* how a message record ended: removed from the queue, given up at the
 * memory cap, still open at the end of the log, or replaced: its queue ID
 * began a new message before its "removed" line (a lost line) */
enum msg_end { MEND_OPEN, MEND_REMOVED, MEND_EVICTED, MEND_REPLACED };

/* how a child queue ID relates to its parent */
enum link_kind { LINK_NONE, LINK_BOUNCE, LINK_DELAY, LINK_DSN, LINK_POSTMASTER, LINK_FILTER, LINK_FORWARD };

/* a recipient: all its strings live in one allocation (blob), rebuilt on
 * each delivery line, so a delivery costs one malloc instead of eight */
struct rcpt {
	char *blob;
	char *to, *orig_to;
	char *status;            /* last status: sent, deferred, bounced, expired ... */
	char *dsn, *relay, *reason;
	char *delay;             /* total delay of the last attempt, seconds as logged */
	char *delays;            /* a/b/c/d of the last attempt */
	const char *agent;       /* this host's own delivery agent of the last
				  * line (local, virtual, pipe, lmtp, error, qmgr),
				  * a static string; NULL for smtp and others */
	bool relay_transport;    /* the last line is master.cf's "relay" service's
				  * (relay_transport: a relay_domains next hop) */
	uint32_t attempts;       /* delivery lines seen */
	uint32_t deferrals;
	struct stamp last;
};

struct child_link {
	char *qid;
	enum link_kind kind;
};

struct message {
	uint64_t id;
	char *host, *instance, *qid;
	struct stamp start, end;
	enum msg_end end_kind;
	enum msg_origin origin;
	uint64_t first_line, last_line;

	/* where it came from */
	uint64_t session_id;     /* 0 when unknown */
	char *client_name, *client_ip, *helo;
	char *sasl_method, *sasl_username, *sasl_sender;
	bool tls;
	char *uid;               /* pickup */
	char *parent_qid;        /* the message that caused this one */
	enum link_kind parent_kind;

	/* what it was */
	char *message_id;
	char *from;
	bool have_from;
	int64_t size, nrcpt;
	char *cleanup_action;    /* reject/hold/discard by header/body checks */
	char *cleanup_reason;
	char *refused_client_ip; /* the client cleanup's refusal names ("... from NAME[IP]"),
	                          * when no client= line came before it (a pasted excerpt) */
	bool expired;            /* returned to sender after the queue lifetime */

	uint32_t nrcpts, rcpts_dropped, rcpt_cap;
	struct rcpt *rcpts;
	uint32_t nchildren;
	struct child_link *children; /* grows, capped at MESSAGE_MAX_CHILDREN */
	char *last_error;        /* smtp: host X said ... not tied to a to= line */
	/* where Dovecot put it, by its delivery line naming this Message-ID
	 * (the last one): the outcome (parse/dovecot.c's kind, a static
	 * string: saved, store_failed, discarded, forwarded, rejected), the
	 * user, the mailbox or address, the error */
	const char *mailbox_kind;
	char *mailbox_user, *mailbox_box, *mailbox_reason;

	struct strpool pool;     /* every string above but host/instance and the
				  * recipients' blobs lives here */
};

/* the size of a message's first recipients' array (msg_rcpt) */
#define MESSAGE_RCPTS_FIRST 4

void message_free(struct message *m);
void message_recycle(struct message *m);
const char *link_kind_name(enum link_kind k);
const char *msg_origin_name(enum msg_origin o);
/* msg_verify_probe - every recipient's last status is deliverable or
 * undeliverable: an address verification probe (reject_unverified_*),
 * Postfix's own, from double-bounce@; nothing is delivered */
bool msg_verify_probe(const struct message *m);

#endif

/*
 * explain.h - "postsleuth explain": selected sessions (and the messages
 * they queued) told step by step: what the client sent, what the server
 * answered, what it means.  Sessions are rendered as they close, since
 * the correlator frees them right after.
 *
 * With no selector ("top") the command first finds the most serious
 * clients and accounts (a first pass: verdicts need the whole log),
 * hands them over with explain_focus, and a second pass renders their
 * sessions: each finding is told with its verdict's explanation and a
 * few of its sessions, one of each kind.
 */
#ifndef POSTSLEUTH_EXPLAIN_H
#define POSTSLEUTH_EXPLAIN_H

#include "../analyze/analysis.h"
#include "../util/buf.h"

struct explain;

/* one finding to tell: a client or a compromised account */
struct explain_finding {
	const struct client *client;
	const struct account *account;
};

#define EXPLAIN_TOP_DEFAULT 10      /* findings told with no selector */
#define EXPLAIN_STORIES_MAX 3       /* sessions told per finding */

struct explain *explain_new(const char *select, const char *value, bool show_secrets, bool color);
void explain_session(struct explain *x, const struct session *s);
void explain_message(struct explain *x, const struct message *m);
void explain_focus(struct explain *x, const struct analysis *a, const struct explain_finding *f,
		   size_t n, size_t more_clients, size_t more_accounts);
void explain_write(struct explain *x, const struct analysis *a, struct buf *out, bool json);
/* a short input: its lines told one by one, then the whole (explain_lines.h);
 * x owns el from then on, d is the run's diagnosis */
struct explain_lines;
struct diag;
void explain_by_line(struct explain *x, struct explain_lines *el, const struct diag *d);
void explain_free(struct explain *x);
/* explain_client_words - a client's address as the text names it: the
 * address, or CLIENT_NO_ADDRESS in the reader's language */
const char *explain_client_words(const char *addr);

#endif

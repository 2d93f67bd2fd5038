/*
 * explain.h - "postsleuth explain": selected sessions (and the messages
 * they queued) told step by step: what the client sent, what the server
 * answered, what it means.  Sessions are rendered as they close, since
 * the correlator frees them right after.
 */
#ifndef POSTSLEUTH_EXPLAIN_H
#define POSTSLEUTH_EXPLAIN_H

#include "../analyze/analysis.h"
#include "../util/buf.h"

struct explain;

struct explain *explain_new(const char *select, const char *value, bool show_secrets, bool color);
void explain_session(struct explain *x, const struct session *s);
void explain_message(struct explain *x, const struct message *m);
void explain_write(struct explain *x, const struct analysis *a, struct buf *out, bool json);
void explain_free(struct explain *x);

#endif

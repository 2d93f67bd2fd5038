/*
 * explain_internal.h - what the explaining files of analyze/ share
 * (verdict_explain.c, client_facts.c, login_explain.c, account_explain.c):
 * the counted pieces of sentences, a client's facts and its logins in
 * words.
 */
#ifndef POSTSLEUTH_EXPLAIN_INTERNAL_H
#define POSTSLEUTH_EXPLAIN_INTERNAL_H

#include "analysis.h"
#include "../util/buf.h"

#include <stdio.h>

/* client_facts.c: a client's facts for its verdict in words */
void client_clock(struct buf *b, const struct analysis *a, struct stamp t);
void client_period_text(struct buf *b, const struct client_detail *d);
void client_identity_text(struct buf *b, const struct client *c, const struct client_detail *d,
			  const char *ip);
bool client_server_look(const struct client_detail *d, const char *ip);
/* unknown_explain.c: a kept refusal in greylisting's words (or NULL), and
 * the words for a client whose intent the log does not show */
const char *client_greylist_example(const struct client_detail *d);
void client_unknown_text(struct buf *b, const struct analysis *a, const struct client *c,
			 const struct client_detail *d, const char *ip);
const struct account *client_abused_account(const struct analysis *a, const struct client *c);

/* explain_count - "3 messages" (fmt from P_() for k) into out: a
 * counted piece of a sentence with several counts */
static inline const char *explain_count(char *out, size_t n, const char *fmt, unsigned long long k)
{
	snprintf(out, n, fmt, k);
	return out;
}

/* login_explain.c */
const char *explain_first_login(const struct analysis *a, const struct client *c);
const char *explain_login_names(const struct analysis *a, const struct client *c, char *out, size_t n);
void explain_auth(struct buf *b, const struct analysis *a, const struct client *c,
		  const struct client_detail *d);
void explain_stale(struct buf *b, const struct analysis *a, const struct client *c,
		   const struct client_detail *d);
void explain_front(struct buf *b, const struct analysis *a, const struct client *c,
		   const struct client_detail *d);

#endif

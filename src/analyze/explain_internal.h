/*
 * explain_internal.h - what the explaining files of analyze/ share
 * (verdict_explain.c, login_explain.c, account_explain.c): the counted
 * pieces of sentences and a client's logins in words.
 */
#ifndef POSTSLEUTH_EXPLAIN_INTERNAL_H
#define POSTSLEUTH_EXPLAIN_INTERNAL_H

#include "analysis.h"
#include "../util/buf.h"

#include <stdio.h>

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

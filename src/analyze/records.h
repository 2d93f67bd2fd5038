/*
 * records.h - inside the analysis: the tables of client, account and
 * login records and their detail caches (records.c), as analysis.c
 * fills them.  Not for the writers: they read analysis.h.
 */
#ifndef POSTSLEUTH_RECORDS_H
#define POSTSLEUTH_RECORDS_H

#include "analysis.h"

#define NAME_CAP 256            /* kept names and text addresses are cut here */

/* records_sat_add - add to a 32-bit counter, stopping at its maximum */
static inline void records_sat_add(uint32_t *x, uint64_t n)
{
	uint64_t s = (uint64_t)*x + n;
	*x = s > UINT32_MAX ? UINT32_MAX : (uint32_t)s;
}

/* records_cmd_word - s is the word w (a literal): compared a byte at a
 * time up to w's NUL, so that s is never read past its own */
static inline bool records_cmd_word(const char *s, const char *w)
{
	for (; *w; s++, w++)
		if (*s != *w)
			return false;
	return !*s;
}

/* records_cmd_slot - the slot of a session's command counter ("ehlo=1")
 * in client_detail->cmd: ehlo helo starttls auth mail rcpt data quit rset
 * noop unknown, 11 for any other name, -1 for "commands" (their total,
 * not counted).  Told by the first byte, then one word compared: a
 * session has several counters and a busy log many sessions */
static inline int records_cmd_slot(const char *name)
{
	switch (name[0]) {
	case 'a': return records_cmd_word(name, "auth") ? 3 : 11;
	case 'c': return records_cmd_word(name, "commands") ? -1 : 11;
	case 'd': return records_cmd_word(name, "data") ? 6 : 11;
	case 'e': return records_cmd_word(name, "ehlo") ? 0 : 11;
	case 'h': return records_cmd_word(name, "helo") ? 1 : 11;
	case 'm': return records_cmd_word(name, "mail") ? 4 : 11;
	case 'n': return records_cmd_word(name, "noop") ? 9 : 11;
	case 'q': return records_cmd_word(name, "quit") ? 7 : 11;
	case 'r': return records_cmd_word(name, "rcpt") ? 5 : records_cmd_word(name, "rset") ? 8 : 11;
	case 's': return records_cmd_word(name, "starttls") ? 2 : 11;
	case 'u': return records_cmd_word(name, "unknown") ? 10 : 11;
	default: return 11;
	}
}

/* records_name_hash - a username's hash for tried_hash (capped at
 * NAME_CAP; a fixed seed: the verdict must not depend on the run's) */
static inline uint32_t records_name_hash(struct span name)
{
	if (name.n > NAME_CAP)
		name.n = NAME_CAP;
	return (uint32_t)span_hash_seed(name, 0x7472);
}

/* analysis.c's domain hash (case-blind, never 0), which conclude.c
 * compares with the local domains */
uint32_t analysis_domain_hash(struct span d);

struct client *records_client_get(struct analysis *a, struct span ip);
struct client *records_client_find(struct analysis *a, struct span ip);
struct account *records_account_get(struct analysis *a, struct span name);
struct login *records_login_get(struct analysis *a, uint32_t client, uint32_t account);
struct login *records_login_find(struct analysis *a, uint32_t client, uint32_t account);
struct client_detail *records_detail_get(struct analysis *a, struct client *c);
struct account_detail *records_adetail_get(struct analysis *a, struct account *ac);
uint32_t records_v4_key(const struct client *c);

/* records_touched - tell the watcher (live/) that record i of a table
 * was found or made, so may change: it saves and re-decides only those */
static inline void records_touched(struct analysis *a, enum record_table t, uint32_t i)
{
	if (a->touched)
		a->touched(a->touched_ctx, t, i);
}

/* records_client - client number i */
static inline struct client *records_client(const struct analysis *a, uint32_t i)
{
	return spillvec_at(&a->clients, i);
}

/* records_account - account number i */
static inline struct account *records_account(const struct analysis *a, uint32_t i)
{
	return spillvec_at(&a->accounts, i);
}

/* records_login - login number i */
static inline struct login *records_login(const struct analysis *a, uint32_t i)
{
	return spillvec_at(&a->logins, i);
}

/* records_client_number - the number of a client record */
static inline uint32_t records_client_number(const struct analysis *a, const struct client *c)
{
	return (uint32_t)(((const unsigned char *)c - a->clients.p) / sizeof *c);
}

/* records_account_number - the number of an account record */
static inline uint32_t records_account_number(const struct analysis *a, const struct account *ac)
{
	return (uint32_t)(((const unsigned char *)ac - a->accounts.p) / sizeof *ac);
}

/* analysis_refused_sender - an EV_REJECT's sender noted in its client's
 * detail (refused_senders.c) */
void analysis_refused_sender(struct analysis *a, const struct event *ev);
/* analysis_same_domain - analysis_domain_hash(a) == analysis_domain_hash(b),
 * told by comparing (refused_senders.c) */
bool analysis_same_domain(struct span a, struct span b);

#endif

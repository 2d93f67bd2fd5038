/*
 * memo_key.h - the key under which rules.c's memo keeps a rule table's
 * answer for a text: the text without the address inside each "[ADDR]".
 *
 * The key leaves out the inside of every "[ADDR]" whose bytes are all an
 * address's (hex digits, '.', ':'): "host mx.example.com[192.0.2.7]
 * said: ..." and the same reply from the next address of that host are
 * one entry.  That gives the same answer, because every row only asks
 * whether the text holds some needles (case-blind; one with a digit at
 * an edge where no digit adjoins it, and the bytes beside an occurrence
 * outside the insides are the same in T and K), and a needle N
 * occurs in the text T exactly when it occurs in the key K = T without
 * those insides, provided that
 *   - N holds no "[]", every '[' in N followed by address bytes has
 *     them end in N at a byte that is no ']', and every ']' in N after
 *     address bytes has them start in N after a byte that is no '['
 *     ("[CS01]" is fine: 's' ends the run after its '[', and starts
 *     the run before its ']'): then an occurrence in T cannot overlap
 *     an inside without lying in it (crossing the inside's '[' it
 *     would hold '[', address bytes, and then the end of N, or ']', or
 *     the address byte or ']' that follows in T; crossing its ']' it
 *     would hold address bytes from N's start to ']'), and an
 *     occurrence in K cannot straddle a removed inside (it would hold
 *     "[]");
 *   - N is not all address bytes ("5.7.26", "127.255.255.") or occurs in
 *     no inside left out: memo_key checks each inside against such
 *     needles and gives no key for a text where one occurs.
 * A table with a needle that fails the first condition (the words it
 * looks for after the row count too) keeps the insides in its key
 * (memo_key_needle says so; none does today: the unit test
 * diagnose_rules_memo_masked checks).
 */
#ifndef POSTSLEUTH_MEMO_KEY_H
#define POSTSLEUTH_MEMO_KEY_H

#include "../util/span.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ADDR_NEEDLES 64
#define ADDR_MAX 45 /* INET6_ADDRSTRLEN - 1 */

/* how one table's keys are made, from its needles */
struct memo_keyer {
	bool mask;                         /* addresses left out of the key */
	size_t naddr;                      /* needles of address bytes only */
	struct span addr[ADDR_NEEDLES];    /* lowered */
	char low[ADDR_NEEDLES][ADDR_MAX + 1];
	uint64_t first[256];               /* by a lowered byte: the needles that start with it */
	uint64_t second[256];              /* ... that have it second (all one-byte needles too) */
	uint64_t version;                  /* new at each needle of address bytes noted: the
					    * key of memo_key.c's answers for insides */
};

/* memo_key_needle - one of the table's needles (NULL or "" allowed):
 * false when the table's key must keep the addresses (the first
 * condition above); one of address bytes only is noted, to be looked
 * for in the insides.  The caller sets mask when every needle allowed */
bool memo_key_needle(struct memo_keyer *ky, const char *s);

/* memo_key - the key for the text t into key (cap bytes): t, with the
 * inside of each "[ADDR]" left out when ky->mask; its length, or 0 when
 * there is none (longer than cap, or an inside holds a needle) */
size_t memo_key(const struct memo_keyer *ky, struct span t, char *key, size_t cap);

#endif

/*
 * rules_match.h - what rules.c asks of rules_match.c: the first row of a
 * table that takes a text and the table's words it holds, remembered.
 */
#ifndef POSTSLEUTH_RULES_MATCH_H
#define POSTSLEUTH_RULES_MATCH_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "rules.h"

#define LITS_MAX 5

struct text_match {
	int cause;      /* out: the row that takes "delivery temporarily suspended: CAUSE"'s cause, or -1 */
	int rule;       /* else the row that takes the whole text, or -1 */
	bool lit[LITS_MAX]; /* which of the table's words (out_lits, reject_lits) the text holds */
};

/* out: "Sender address rejected", "Sender denied" and "in reply to MAIL
 * FROM command" are sender_refusal's words, asked of every "user
 * unknown" reply: kept with the answer, not searched again */
enum { OUT_LMTP, OUT_PORT25, OUT_SENDER_REJECTED, OUT_SENDER_DENIED, OUT_MAIL_FROM };
enum { REJECT_RELAY_DENIED, REJECT_BLOCKED, REJECT_USER_UNKNOWN };

enum memo_table { MEMO_OUT, MEMO_REJECT, MEMO_DIAG, MEMO_PLAIN, MEMO_OTHER, MEMO__COUNT };

/* the retry service's words before a dead destination's cause */
static const char diag_suspended[] = "delivery temporarily suspended: ";

void diag_rules_ready(void);
bool diag_rules_memo_is_off(void);
void diag_match(enum memo_table tab, const struct event *ev, struct span t, struct text_match *m);
bool diag_apply(enum memo_table tab, const struct event *ev, struct span t, struct diag_hit *hit);
/* rules.c: the whole answers it keeps, forgotten with the memos */
void diag_out_memo_reset(void);

/* diag_mix - a span's words of eight bytes mixed into h, its tail a
 * byte at a time */
static inline uint64_t diag_mix(uint64_t h, struct span s)
{
	size_t i = 0;
	for (; i + 8 <= s.n; i += 8) {
		uint64_t w;
		memcpy(&w, s.p + i, 8);
		h = (h ^ w) * 0x100000001B3ULL;
	}
	for (; i < s.n; i++)
		h = (h ^ (unsigned char)s.p[i]) * 0x100000001B3ULL;
	return h;
}

/* diag_text_mix - a text mixed into h for a memo's slot: a long one by
 * its first 48 bytes (the host and its address), its middle and its end,
 * a short one whole (match_memo's and classify_out's slots) */
static inline uint64_t diag_text_mix(uint64_t h, struct span t)
{
	if (t.n < 64)
		return diag_mix(h, t);
	h = diag_mix(h, span_head(t, 48));
	h = diag_mix(h, span_make(t.p + t.n / 2, 8));
	return diag_mix(h, span_make(t.p + t.n - 8, 8));
}

/* diag_slot - a hash folded to one of n slots */
static inline unsigned diag_slot(uint64_t h, unsigned n)
{
	return (unsigned)((h ^ h >> 29 ^ h >> 47) % n);
}

#endif

/*
 * causes.h - a line that tells only the effect of a failure gets the
 * finding of the cause its own process logged just before it: smtpd's
 * key-less "451 4.3.5 Server configuration problem" follows the warning
 * of the table, policy server or restriction that failed, cleanup's
 * "map lookup problem" the warning of its table.  Line by line, so that
 * one smtpd refusing for a missing table and another for a dead policy
 * server are two findings, each with its own lines.  The diagnosis and
 * explain read the lines in the same order and use the same tracker.
 */
#ifndef POSTSLEUTH_DIAG_CAUSES_H
#define POSTSLEUTH_DIAG_CAUSES_H

#include "rules.h"

#include <stddef.h>
#include <stdint.h>

#define DIAG_CAUSE_PROCS 64          /* processes whose last cause is remembered */

struct diag_causes {
	struct {
		int64_t pid;
		uint64_t host;           /* span_hash of the line's host */
		enum finding_id id;
		char key[DIAG_KEY_MAX];
	} slot[DIAG_CAUSE_PROCS];
	uint32_t used, next;
};

/* diag_cause_named - whether the tracker's rules name the finding id (an
 * effect or a cause): diag_cause_hit passes the others by */
bool diag_cause_named(enum finding_id id);
/* diag_cause_hit - one line's hit (its rule's finding) through the
 * tracker: a cause is remembered for the line's process; an effect is
 * given the finding and key of its process' last cause, if that can
 * cause it (true: hit rewritten) */
bool diag_cause_hit(struct diag_causes *c, const struct event *ev, struct diag_hit *hit);
/* diag_cause_line - a line of no finding that is a cause all the same
 * (smtp's "Trusted TLS connection established to H[A]:P"), remembered
 * for its process; the diagnosis and explain call it for every line
 * their rules found nothing in */
void diag_cause_line(struct diag_causes *c, const struct event *ev);

/* the effects and their causes (folds.c folds, at the end, the effect
 * lines no cause of their own process explained) */
struct diag_effect {
	enum finding_id effect;
	bool by_path;                /* keyed by a command's path, not key-less */
	enum finding_id causes[8];   /* 0-ended (finding 0, outbound-ip-reputation, is none) */
};
extern const struct diag_effect diag_effects[];
extern const size_t diag_neffects;

#endif

/*
 * rules.h - which finding a log line shows, if any: a pure function of
 * the event (and its line), driven by the rule tables in rules.c.
 */
#ifndef POSTSLEUTH_DIAG_RULES_H
#define POSTSLEUTH_DIAG_RULES_H

#include "finding.h"
#include "../parse/event.h"

#define DIAG_KEY_MAX 160

struct diag_hit {
	enum finding_id id;
	char key[DIAG_KEY_MAX];      /* what it is about: a table, socket, domain... */
	char subject[DIAG_KEY_MAX];  /* who is affected: a recipient domain, a client */
	bool recipient;              /* a delivery line: one recipient affected */
	bool port25;                 /* an outbound connection to port 25 */
};

/* diag_token - the token at the start of s, up to a byte that ends a key
 * (space, ';', ',', quotes, brackets...): for group keys */
struct span diag_token(struct span s);

/* diag_copy_key - a bounded copy of log text into a key, control bytes
 * as '?' (keys reach the terminal, JSON and HTML writers, which escape
 * them again) */
static inline void diag_copy_key(char *dst, struct span s)
{
	size_t n = s.n < DIAG_KEY_MAX - 1 ? s.n : DIAG_KEY_MAX - 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s.p[i];
		dst[i] = c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	dst[n] = 0;
}

/* diag_classify - the finding one event shows: true and *hit filled
 * (every byte: unused ones zero), or false and *hit not to be read */
bool diag_classify(const struct event *ev, struct diag_hit *hit);
/* log_gaps.c: journald's or rsyslog's line that it dropped lines (pure) */
bool diag_log_gap_hit(const struct event *ev, struct diag_hit *hit);
/* amavis_verdict.c: Amavis's line that it blocked a message (pure) */
bool diag_amavis_hit(const struct event *ev, struct diag_hit *hit);
/* host_resources.c: the kernel's out-of-memory killer's line, keyed by
 * the process it killed (pure) */
bool diag_oom_hit(const struct event *ev, struct diag_hit *hit);
/* dovecot_delivery.c: Dovecot's delivery line (quota, a Sieve script
 * failing, the user's own Sieve action) (pure) */
bool diag_dovecot_hit(const struct event *ev, struct diag_hit *hit);
/* dovecot_delivery.c: an LMTP reply of Pigeonhole's that Sieve failed */
bool diag_sieve_reply(struct span t);
/* dmarc_accepted.c: OpenDMARC's "JOBID: DOMAIN fail" (pure) */
bool diag_dmarc_hit(const struct event *ev, struct diag_hit *hit);
/* auth_results.c: policyd-spf's and OpenDKIM's result lines (pure) */
bool diag_auth_hit(const struct event *ev, struct diag_hit *hit);
/* auth_results.c: an SPF refusal of mail claiming the recipient's own domain (pure) */
bool diag_forged_own_hit(const struct event *ev, struct diag_hit *hit);
/* the failed deliveries' memo on (the default) or off, for this thread */
void diag_rules_memo(bool on);
/* diag_rules_memo_masked - the tables (out, reject, diag, plain: bits 0
 * to 3) whose memo key leaves the addresses in "[...]" out (rules.c) */
unsigned diag_rules_memo_masked(void);

#endif

/*
 * redact.h - find the SASL secrets in log text, so that every writer can
 * print raw log text without them (docs/security.md).
 *
 * Postfix logs what a client sent in AUTH when asked to (-v,
 * debug_peer_list, smtpd_tls_loglevel >= 2) and its own credentials
 * in the smtp client's SASL debug lines.  The redactor reads one log
 * message, one dialogue line or one pipelined text at a time, follows
 * the SMTP conversation (AUTH, 334 prompts, the answers to them) in a
 * small state per process or session, and returns the ranges of the
 * text that are secret ("hits").  Writers then print the text with each
 * hit replaced by a placeholder such as
 *
 *     AUTH PLAIN <redacted: 36 bytes; user "info@example.test">
 *     <redacted: 12 bytes>
 *
 * The placeholder may name a username (the authcid of a PLAIN blob, the
 * answer to LOGIN's "Username:" prompt), never a password.  The same
 * classification drives the AUTH decoder (analyze/auth.c), so what is
 * hidden and what is decoded as a password are one decision.
 *
 * Hits point into the text scanned and are valid as long as it is.  All
 * input is untrusted; every scan is bounded by the text's length.
 */
#ifndef POSTSLEUTH_REDACT_H
#define POSTSLEUTH_REDACT_H

#include <stdbool.h>
#include <stdint.h>
#include "../syslog/prefix.h"
#include "../util/buf.h"
#include "../util/span.h"

enum redact_kind {
	RK_AUTH = 1,   /* "AUTH MECH [initial-response]": the hit is the initial
			* response, empty when there is none */
	RK_USER,       /* a SASL answer to "334 Username:" (LOGIN) */
	RK_PASS,       /* a SASL answer to "334 Password:" */
	RK_RESPONSE,   /* another SASL answer (PLAIN's blob, other mechanisms) */
	RK_GUESS,      /* a lone base64 word where the conversation is unknown */
	RK_TEXT,       /* secret debug text: init_response, decoded response, pass `...' */
};

struct redact_hit {
	const char *p;          /* the secret bytes */
	uint32_t n;             /* 0 only for RK_AUTH without initial response */
	uint8_t kind;           /* enum redact_kind */
	bool cut;               /* the log cut it short (TLS debug shows 40 characters) */
	char mech[16];          /* the SASL mechanism under way, upper case, or "" */
};

#define REDACT_MAX_HITS 16

struct redact_mask {
	unsigned n;
	bool overflow;          /* more hits than room: the last one runs to the end */
	struct redact_hit hit[REDACT_MAX_HITS];
};

/* where a conversation is: joined mid-way, SMTP commands, inside AUTH */
enum redact_phase { RP_UNKNOWN, RP_SMTP, RP_AUTH };

/* what one conversation has shown so far */
struct redact {
	uint8_t phase;          /* enum redact_phase */
	uint8_t prompt;         /* the last 334 prompt: none, Username:, Password:, other */
	uint8_t answers;        /* SASL answers since the AUTH command */
	char mech[16];
};

void redact_init(struct redact *st, bool at_start);
void redact_msg(struct redact *st, const struct logline *l, struct redact_mask *m);
void redact_dialogue(struct redact *st, bool client, bool cut, struct span text,
		     struct redact_mask *m);
void redact_client_text(struct span stage, struct span text, struct redact_mask *m);

bool redact_touches(const struct redact_mask *m, struct span s);
void redact_put(struct buf *out, struct span s, const struct redact_mask *m);
void redact_line(struct buf *out, const struct logline *l, const struct redact_mask *m);
void redact_json(struct buf *out, struct span s, const struct redact_mask *m);
void redact_term(struct buf *out, struct span s, const struct redact_mask *m);

/* per-process states for a stream of lines (events), bounded */
struct redact_table;
struct redact_table *redact_table_new(void);
struct redact *redact_table_get(struct redact_table *t, struct span host, int64_t pid);
void redact_table_free(struct redact_table *t);

#endif

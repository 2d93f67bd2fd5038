/*
 * auth.h - what a client tried in SASL AUTH, decoded from a session's
 * verbose (-v) or TLS-debug dialogue: AUTH PLAIN <base64> (authzid,
 * authcid, password) and the AUTH LOGIN exchange (334 Username: /
 * 334 Password:).  Base64 cut short by the log (seed 004) is decoded as
 * far as it goes and marked truncated.
 *
 * Passwords are kept only so that --show-secrets can print them; every
 * writer prints auth_secret_mask() otherwise, and prints the dialogue's
 * raw lines through the redactor (parse/redact.h), which decides here
 * too what each line is.
 */
#ifndef POSTSLEUTH_AUTH_H
#define POSTSLEUTH_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include "../model/session.h"
#include "../util/base64.h"
#include "../util/span.h"

#define AUTH_MAX_TRIES 16

struct auth_try {
	char mech[8];           /* PLAIN, LOGIN */
	char user[128];         /* authcid (PLAIN) or the LOGIN username */
	char authzid[128];      /* PLAIN only, often empty */
	char secret[128];       /* the password, as decoded */
	bool truncated;         /* base64 cut short: user/secret may be partial */
	bool have_secret;
};

size_t auth_from_dialogue(const struct session *s, struct auth_try *out, size_t max);
const char *auth_secret_mask(void);

#endif

/*
 * auth.c - decode SASL AUTH attempts from a session's dialogue.
 *
 * Which line is an AUTH command, a username or a password is decided by
 * the redactor (parse/redact.c), from the SMTP conversation: the 334
 * prompts say what each answer is.  So what is hidden in every output
 * and what is decoded here are one decision, and a password cannot be
 * taken for a username.
 *
 * Input is attacker-controlled (the client sends the base64).  Decoding
 * is bounded by the fixed fields, accepts a missing tail (truncated log
 * lines) and marks the result truncated when the data was cut or damaged.
 */
#include "auth.h"
#include "../parse/redact.h"
#include "../util/i18n.h"

#include <string.h>

/* copy_field - a decoded field into a fixed buffer, NUL-terminated */
static void copy_field(char *dst, size_t cap, const unsigned char *p, size_t n)
{
	if (n >= cap)
		n = utf8_cut((const char *)p, n, cap - 1);
	memcpy(dst, p, n);
	dst[n] = 0;
}

/* decode_into - one base64 answer into a field */
static void decode_into(struct auth_try *a, char *dst, size_t cap, const struct redact_hit *h)
{
	unsigned char dec[200];
	bool trunc;
	size_t n = base64_decode(span_make(h->p, h->n), dec, sizeof dec, &trunc);
	copy_field(dst, cap, dec, n);
	a->truncated |= trunc || h->cut;
}

/* plain_fill - split "authzid\0authcid\0password" */
static void plain_fill(struct auth_try *a, const struct redact_hit *h)
{
	unsigned char dec[400];
	bool trunc;
	size_t n = base64_decode(span_make(h->p, h->n), dec, sizeof dec, &trunc);
	a->truncated |= trunc || h->cut;
	const unsigned char *z1 = memchr(dec, 0, n);
	if (!z1) {
		copy_field(a->user, sizeof a->user, dec, n); /* unusual: treat as the name */
		return;
	}
	copy_field(a->authzid, sizeof a->authzid, dec, (size_t)(z1 - dec));
	const unsigned char *rest = z1 + 1;
	size_t rn = n - (size_t)(rest - dec);
	const unsigned char *z2 = memchr(rest, 0, rn);
	if (!z2) {
		copy_field(a->user, sizeof a->user, rest, rn);
		a->truncated = true;
		return;
	}
	copy_field(a->user, sizeof a->user, rest, (size_t)(z2 - rest));
	copy_field(a->secret, sizeof a->secret, z2 + 1, rn - (size_t)(z2 + 1 - rest));
	a->have_secret = true;
}

/* take_hit - what one classified piece of the dialogue adds */
static void take_hit(struct auth_try *cur, const struct redact_hit *h)
{
	bool plain = !strcmp(cur->mech, "PLAIN"), login = !strcmp(cur->mech, "LOGIN");
	switch (h->kind) {
	case RK_AUTH:
		if (h->n && plain)
			plain_fill(cur, h);
		else if (h->n && login) /* initial response: the username */
			decode_into(cur, cur->user, sizeof cur->user, h);
		break;
	case RK_USER:
		decode_into(cur, cur->user, sizeof cur->user, h);
		break;
	case RK_PASS:
		decode_into(cur, cur->secret, sizeof cur->secret, h);
		cur->have_secret = true;
		break;
	case RK_RESPONSE: /* PLAIN without initial response: the blob */
		if (plain && !cur->user[0] && !cur->have_secret)
			plain_fill(cur, h);
		break;
	default:
		break;
	}
}

/* auth_from_dialogue - every AUTH attempt in the session's dialogue */
size_t auth_from_dialogue(const struct session *s, struct auth_try *out, size_t max)
{
	size_t k = 0;
	struct auth_try *cur = NULL;
	struct redact st;
	redact_init(&st, s->saw_connect);
	for (uint32_t i = 0; i < s->ndialogue; i++) {
		const struct dialogue_line *d = &s->dialogue[i];
		struct redact_mask m;
		redact_dialogue(&st, d->dir == '<', d->cut, span_of(d->text), &m);
		for (unsigned j = 0; j < m.n; j++) {
			const struct redact_hit *h = &m.hit[j];
			if (h->kind == RK_AUTH) {
				if (k == max)
					return k;
				cur = &out[k++];
				memset(cur, 0, sizeof *cur);
				copy_field(cur->mech, sizeof cur->mech, (const unsigned char *)h->mech,
					   strlen(h->mech));
			}
			if (cur)
				take_hit(cur, h);
		}
	}
	return k;
}

/* auth_secret_mask - what is printed instead of a password (English,
 * marked for the catalogue: the writer prints it through _()) */
const char *auth_secret_mask(void)
{
	return N_("(hidden; --show-secrets to print)");
}

/*
 * auth.c - decode SASL AUTH attempts from a session's dialogue.
 *
 * Input is attacker-controlled (the client sends the base64).  The
 * decoder is bounded by its output capacity, accepts a missing tail
 * (truncated log lines), skips nothing silently: an invalid character
 * stops decoding and marks the result truncated.
 */
#include "auth.h"

#include <string.h>

/* b64val - value of a base64 character, -1 otherwise */
static int b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* base64_decode - decode in into out (at most cap bytes); returns length */
size_t base64_decode(struct span in, unsigned char *out, size_t cap, bool *truncated)
{
	uint32_t acc = 0;
	int bits = 0;
	size_t n = 0;
	size_t i = 0;
	*truncated = false;
	for (; i < in.n; i++) {
		unsigned char c = (unsigned char)in.p[i];
		if (c == '=')
			break;
		int v = b64val(c);
		if (v < 0) {
			*truncated = true;
			break;
		}
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n < cap)
				out[n++] = (unsigned char)(acc >> bits);
			else
				*truncated = true;
		}
	}
	/* a length that is not a multiple of 4 without '=' padding: cut short */
	if (i == in.n && in.n % 4 != 0)
		*truncated = true;
	return n;
}

/* copy_field - a decoded field into a fixed buffer, NUL-terminated */
static void copy_field(char *dst, size_t cap, const unsigned char *p, size_t n)
{
	if (n >= cap)
		n = utf8_cut((const char *)p, n, cap - 1);
	memcpy(dst, p, n);
	dst[n] = 0;
}

/* clean_cmd - strip the TLS-debug "??" CR LF marks and blanks */
static struct span clean_cmd(const char *text)
{
	struct span t = span_of(text);
	while (t.n && (t.p[t.n - 1] == '?' || t.p[t.n - 1] == '\r' || t.p[t.n - 1] == '\n' ||
		       t.p[t.n - 1] == ' '))
		t.n--;
	return t;
}

/* word_ieq - case-insensitive prefix match of a command word */
static bool word_ieq(struct span t, const char *w)
{
	size_t n = strlen(w);
	if (t.n < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = t.p[i];
		if (c >= 'a' && c <= 'z')
			c -= 32;
		if (c != w[i])
			return false;
	}
	return t.n == n || t.p[n] == ' ';
}

/* plain_fill - split "authzid\0authcid\0password" */
static void plain_fill(struct auth_try *a, struct span b64)
{
	unsigned char dec[400];
	bool trunc;
	size_t n = base64_decode(b64, dec, sizeof dec, &trunc);
	a->truncated = trunc;
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

/* decoded_prompt - does a "334 <base64>" reply ask for this prompt */
static bool decoded_prompt(struct span reply, const char *prompt)
{
	if (!span_eat(&reply, "334 "))
		return false;
	unsigned char dec[64];
	bool trunc;
	size_t n = base64_decode(reply, dec, sizeof dec - 1, &trunc);
	dec[n] = 0;
	return strncmp((char *)dec, prompt, strlen(prompt)) == 0;
}

/* auth_from_dialogue - every AUTH attempt in the session's dialogue */
size_t auth_from_dialogue(const struct session *s, struct auth_try *out, size_t max)
{
	size_t k = 0;
	int login_state = 0; /* 1: waiting for username, 2: for password */
	struct auth_try *cur = NULL;
	for (uint32_t i = 0; i < s->ndialogue && k <= max; i++) {
		const struct dialogue_line *d = &s->dialogue[i];
		struct span t = clean_cmd(d->text);
		if (d->dir == '>') {
			if (login_state && decoded_prompt(t, "Username"))
				login_state = 1;
			else if (login_state && decoded_prompt(t, "Password"))
				login_state = 2;
			else if (!span_starts(t, "334"))
				login_state = 0;
			continue;
		}
		if (word_ieq(t, "AUTH")) {
			login_state = 0;
			if (k == max)
				break;
			cur = &out[k++];
			memset(cur, 0, sizeof *cur);
			struct span rest = span_trim(span_skip(t, 4));
			ptrdiff_t sp = span_chr(rest, ' ');
			struct span mech = sp < 0 ? rest : span_head(rest, (size_t)sp);
			struct span arg = sp < 0 ? SPAN_NULL : span_trim(span_skip(rest, (size_t)sp + 1));
			copy_field(cur->mech, sizeof cur->mech, (const unsigned char *)mech.p, mech.n);
			for (char *c = cur->mech; *c; c++)
				if (*c >= 'a' && *c <= 'z')
					*c -= 32;
			if (!strcmp(cur->mech, "PLAIN") && arg.p && arg.n && !span_eqs(arg, "="))
				plain_fill(cur, arg);
			else if (!strcmp(cur->mech, "LOGIN")) {
				login_state = 1;
				if (arg.p && arg.n) { /* initial response: the username */
					unsigned char dec[200];
					bool tr;
					size_t n = base64_decode(arg, dec, sizeof dec, &tr);
					copy_field(cur->user, sizeof cur->user, dec, n);
					cur->truncated = tr;
					login_state = 2;
				}
			} else if (!strcmp(cur->mech, "PLAIN")) {
				login_state = 3; /* response comes on the next line */
			}
			continue;
		}
		if (!cur || !login_state)
			continue;
		if (span_eqs(t, "*")) { /* client cancelled */
			login_state = 0;
			continue;
		}
		unsigned char dec[200];
		bool tr;
		if (login_state == 3) {
			plain_fill(cur, t);
			login_state = 0;
		} else if (login_state == 1) {
			size_t n = base64_decode(t, dec, sizeof dec, &tr);
			copy_field(cur->user, sizeof cur->user, dec, n);
			cur->truncated |= tr;
			login_state = 2;
		} else if (login_state == 2) {
			size_t n = base64_decode(t, dec, sizeof dec, &tr);
			copy_field(cur->secret, sizeof cur->secret, dec, n);
			cur->have_secret = true;
			cur->truncated |= tr;
			login_state = 0;
		}
	}
	return k;
}

/* auth_secret_mask - what is printed instead of a password */
const char *auth_secret_mask(void)
{
	return "(hidden; --show-secrets to print)";
}

/*
 * fuzz_auth.c - libFuzzer target: the SASL AUTH decoder.  base64_decode
 * on the whole input into a small buffer, then auth_from_dialogue on a
 * synthetic session whose dialogue is the input's lines ('<' or '>'
 * first: client or server; any other first byte: client), then the
 * same lines through the redactor and its JSON and terminal writers
 * (the JSON must parse, the text must be terminal-safe).
 */
#include "fuzz.h"
#include "analyze/auth.h"
#include "parse/redact.h"
#include "util/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* LLVMFuzzerTestOneInput - decode, then replay as a dialogue */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *p = fuzz_copy(data, size);
	unsigned char dec[37];
	bool trunc;
	if (base64_decode(span_make(p, size), dec, sizeof dec, &trunc) > sizeof dec)
		abort();
	struct session s = {0};
	struct dialogue_line lines[SESSION_MAX_DIALOGUE];
	struct span cur = span_make(p, size), l;
	while (s.ndialogue < SESSION_MAX_DIALOGUE && fuzz_next_line(&cur, &l)) {
		char dir = l.n && (l.p[0] == '<' || l.p[0] == '>') ? l.p[0] : '<';
		lines[s.ndialogue++] = (struct dialogue_line){dir, false, xspandup(span_skip(l, 1)), false};
	}
	s.dialogue = lines;
	struct auth_try tries[AUTH_MAX_TRIES];
	size_t k = auth_from_dialogue(&s, tries, 1 + size % AUTH_MAX_TRIES);
	for (size_t i = 0; i < k; i++)
		if (!memchr(tries[i].user, 0, sizeof tries[i].user) ||
		    !memchr(tries[i].secret, 0, sizeof tries[i].secret) ||
		    !memchr(tries[i].mech, 0, sizeof tries[i].mech))
			abort();
	struct redact st;
	struct buf j = {0}, t = {0};
	redact_init(&st, size & 1);
	for (uint32_t i = 0; i < s.ndialogue; i++) {
		struct redact_mask m;
		struct span line = span_of(lines[i].text);
		redact_dialogue(&st, lines[i].dir == '<', i & 1, line, &m);
		redact_json(&j, line, &m);
		buf_putc(&j, '\n');
		redact_term(&t, line, &m);
		buf_putc(&t, '\n');
	}
	if (j.n) {
		fuzz_check_json(&j);
		fuzz_check_text(&t);
	}
	buf_free(&j);
	buf_free(&t);
	for (uint32_t i = 0; i < s.ndialogue; i++)
		free(lines[i].text);
	free(p);
	return 0;
}

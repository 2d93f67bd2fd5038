/*
 * test_refusal_why.c - diag_refusal_why (users.c), a refusal's quoted
 * cause, writes the quotes and the text without snprintf: the same bytes
 * and answer as the function it replaced, on random refusals made of the
 * words it looks for, NUL bytes, texts past the 120 bytes kept, and every
 * buffer size from 0 up to past the longest quote.
 */
#include "tap.h"
#include "diagnose/diag_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* why_before - diag_refusal_why as it was: the quote by snprintf */
static bool why_before(const struct event *ev, char *out, size_t n)
{
	static const char *const typing[] = {
	    "User unknown", "user unknown", "Domain not found", "need fully-qualified address",
	    "undeliverable address", "unverified address", "Unknown user",
	};
	struct span r = ev->reason;
	ptrdiff_t gt = span_index(r, ">: ");
	if (r.n && r.p[0] == '<' && gt >= 0)
		r = span_skip(r, (size_t)gt + 3);
	for (size_t i = 0; i < sizeof typing / sizeof *typing; i++)
		if (span_index(r, typing[i]) >= 0)
			return false;
	ptrdiff_t bl = span_index(r, "blocked using ");
	if (bl >= 0) {
		r = span_skip(r, (size_t)bl);
		size_t k = 14;
		while (k < r.n && r.p[k] != ';' && r.p[k] != ' ' && r.p[k] != ',')
			k++;
		r = span_head(r, k);
	} else {
		ptrdiff_t cut = span_chr(r, ';');
		if (cut >= 0)
			r = span_head(r, (size_t)cut);
		cut = span_index(r, " [");
		if (cut > 0)
			r = span_head(r, (size_t)cut);
		if (r.n && r.p[r.n - 1] == ',')
			r.n--;
	}
	if (!r.n)
		return false;
	snprintf(out, n, "\"%.*s\"", (int)(r.n > 120 ? 120 : r.n), r.p);
	return true;
}

static uint64_t rnd_state = 0x3C6EF372FE94F82BULL;

static uint64_t rnd(void)
{
	return tap_rnd(&rnd_state);
}

TEST(refusal_why_same_as_snprintf)
{
	static const char *const parts[] = {
	    "<bob@example.com>: ", "Recipient address rejected: ", "Relay access denied",
	    "Client host rejected: ", "blocked using ", "zen.spamhaus.org", "; from=<a@b>", ";",
	    " [192.0.2.1]", " [", ",", "Access denied", "user unknown", "Domain not found",
	    "<", ">: ", "x", " ", "\0", "Service unavailable", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    "\"", "%s", "\xc3\xa9", "User unknown", "Unknown user", "nknown", "unknown",
	    "need fully-qualified", "need fully-qualified address", "need fully-qualified hostname", "need fully", "undeliverable address", "unverified address",
	    " address", "address", "unverified", "Domain not", "ddress", " a", "a", "d", " addres",
	    "-qualified address", "-qualified", "need fullyy", "eed fully", "known", "nknow", "n", "k", "-"};
	const size_t nparts = sizeof parts / sizeof *parts;
	struct event ev = {0};
	char text[600];
	unsigned hits = 0;
	for (int round = 0; round < 200000; round++) {
		size_t len = 0;
		tap_parts(text, &len, sizeof text, parts, nparts, (int)(rnd() % 12), &rnd_state);
		ev.reason = span_make(text, len);
		size_t sizes[] = {sizeof((struct diag *)0)->serving[0].why, rnd() % 130, (size_t)round % 4};
		for (size_t s = 0; s < 3; s++) {
			char a[256], b[256];
			memset(a, 0x5a, sizeof a), memset(b, 0x5a, sizeof b);
			bool ra = diag_refusal_why(&ev, a, sizes[s]);
			bool rb = why_before(&ev, b, sizes[s]);
			if (ra != rb || memcmp(a, b, sizeof a)) {
				test_fail(__FILE__, __LINE__, "round %d size %zu: %d \"%.40s\", want %d \"%.40s\"",
					  round, sizes[s], ra, a, rb, b);
				return;
			}
			hits += ra;
		}
	}
	CHECK(hits > 100000); /* most refusals quoted, not only the false answers */
}

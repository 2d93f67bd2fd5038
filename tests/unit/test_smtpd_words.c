/*
 * test_smtpd_words.c - two word tables of smtpd.c told by a byte
 * (speed12): pc_lost_reason, the REASON of "REASON after ..." (asked of
 * nearly every smtpd line), pc_tail_starts, a refusal's tail after a ';'
 * (asked at every ';'), and pc_next_key, the next key of a "client="
 * line (one pass over the commas).  The same answers as the former code
 * (kept here), on random texts of the words, their prefixes and
 * look-alikes, blanks and NULs, cut anywhere, each text in a buffer of
 * its own size.
 */
#include "tap.h"
#include "parse/common.h"

#include <stdlib.h>
#include <string.h>

/* the former parse_lost's loop: the reason's length, or 0 */
static size_t lost_before(struct span t)
{
	static const char *const reasons[] = {"lost connection", "timeout", "too many errors",
					      "bare <LF> received", NULL};
	for (int i = 0; reasons[i]; i++) {
		size_t n = strlen(reasons[i]);
		if (span_starts(t, reasons[i]) && span_starts(span_skip(t, n), " after "))
			return n;
	}
	return 0;
}

/* the former tail_starts */
static bool tail_before(struct span s)
{
	static const char *const keys[] = {" from=<", " to=<", " proto=", " helo=<", " sasl_method=",
					   " sasl_username=", " sasl_sender=", NULL};
	if (span_trim(s).n == 0)
		return true;
	for (int k = 0; keys[k]; k++)
		if (span_starts(s, keys[k]))
			return true;
	return false;
}

static const char *const parts[] = {
    "lost connection", "timeout", "too many errors", "bare <LF> received", " after ", "after", " after",
    "lost", "lost connectio", "time", "timeou", "too many", "too many error", "bare <LF>", "t", "l", "b",
    "x", " ", "  ", "\t", "\r", "\n", "\0", ";", " from=<", " to=<", " proto=", " helo=<", " sasl_method=",
    " sasl_username=", " sasl_sender=", " from=", " to=", " helo=", " sasl_", " sasl_sende", "from=<",
    "to=<", " proto", " f", " s", "DATA", " (123 bytes)", " from unknown[192.0.2.1]", "<a@b>",
};

static uint64_t rnd_state = 0x5BE0CD19137E2179ULL;

TEST(smtpd_words_same_as_before)
{
	int bad = 0;
	unsigned lost = 0, tail = 0;
	for (int iter = 0; iter < 400000 && bad < 5; iter++) {
		char tmp[160];
		size_t n = 0;
		if (tap_rnd(&rnd_state) % 3 == 0) { /* a reason, then " after " or a near miss */
			static const char *const heads[] = {"lost connection after ", "timeout after ",
							    "too many errors after ", "bare <LF> received after ",
							    "timeout afte", "lost connection  after "};
			const char *h = heads[tap_rnd(&rnd_state) % (sizeof heads / sizeof heads[0])];
			n = strlen(h);
			memcpy(tmp, h, n);
		}
		tap_parts(tmp, &n, sizeof tmp, parts, sizeof parts / sizeof parts[0],
			  (int)(tap_rnd(&rnd_state) % 4) + 1, &rnd_state);
		if (tap_rnd(&rnd_state) % 4 == 0 && n)
			n = (size_t)(tap_rnd(&rnd_state) % (n + 1)); /* cut anywhere */
		char *b = malloc(n ? n : 1); /* its own size: a read past it is seen */
		memcpy(b, tmp, n);
		struct span s = span_make(b, n);
		size_t gl = pc_lost_reason(s), wl = lost_before(s);
		bool gt = pc_tail_starts(s), wt = tail_before(s);
		if (gl != wl && bad++ < 5)
			test_fail(__FILE__, __LINE__, "pc_lost_reason(\"%.*s\"): got %zu, want %zu", (int)n, b, gl, wl);
		if (gt != wt && bad++ < 5)
			test_fail(__FILE__, __LINE__, "pc_tail_starts(\"%.*s\"): got %d, want %d", (int)n, b, gt, wt);
		lost += wl != 0;
		tail += wt;
		free(b);
	}
	CHECK_INT(bad, 0);
	/* the draw reaches both answers of each */
	CHECK(lost > 5000 && lost < 300000);
	CHECK(tail > 20000 && tail < 300000);
}

/* the former next_key: a search of s per key */
static ptrdiff_t next_key_before(struct span s, const char *const *keys, int from, int *which)
{
	ptrdiff_t best = -1;
	for (int k = from; keys[k]; k++) {
		ptrdiff_t i = span_index(s, keys[k]);
		if (i >= 0 && (best < 0 || i < best)) {
			best = i;
			*which = k;
		}
	}
	return best;
}

TEST(next_key_same_as_before)
{
	static const char *const keys[] = {", sasl_method=", ", sasl_username=", ", sasl_sender=",
					   ", orig_queue_id=", ", orig_client=", NULL};
	static const char *const kparts[] = {
	    ", sasl_method=", ", sasl_username=", ", sasl_sender=", ", orig_queue_id=", ", orig_client=",
	    ",", ", ", ",,", ", sasl_", ", sasl_method", ",sasl_method=", ", orig_", ", orig_client",
	    "PLAIN", "alice@example.test", "unknown[192.0.2.1]", "mail.example.test[192.0.2.1]", " ", "=",
	    "\0", "4B3F2A1C", "x"};
	int bad = 0;
	unsigned found = 0;
	for (int iter = 0; iter < 300000 && bad < 5; iter++) {
		char tmp[200];
		size_t n = 0;
		tap_parts(tmp, &n, sizeof tmp, kparts, sizeof kparts / sizeof kparts[0],
			  (int)(tap_rnd(&rnd_state) % 7), &rnd_state);
		if (tap_rnd(&rnd_state) % 4 == 0 && n)
			n = (size_t)(tap_rnd(&rnd_state) % (n + 1));
		char *b = malloc(n ? n : 1);
		memcpy(b, tmp, n);
		struct span s = span_make(b, n);
		int from = (int)(tap_rnd(&rnd_state) % 6);
		int gw = -7, ww = -7;
		ptrdiff_t g = pc_next_key(s, keys, from, &gw), w = next_key_before(s, keys, from, &ww);
		if ((g != w || gw != ww) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "pc_next_key(\"%.*s\", from %d): got %td (%d), want %td (%d)",
				  (int)n, b, from, g, gw, w, ww);
		found += w >= 0;
		free(b);
	}
	CHECK_INT(bad, 0);
	CHECK(found > 30000 && found < 270000);
}

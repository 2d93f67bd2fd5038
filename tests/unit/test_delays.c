/*
 * test_delays.c - delays=a/b/c/d read into its four parts (delays.c),
 * and refused when it is not four numbers.
 */
#include "tap.h"

#include "diagnose/diag_internal.h"

#include <stdint.h>
#include <stdlib.h>

TEST(delays_parse)
{
	static const struct {
		const char *in;
		bool ok;
		double a, b, c, d;
	} cases[] = {
	    {"0.1/0.01/0.4/0.69", true, 0.1, 0.01, 0.4, 0.69},
	    {"42/0/0/0.2", true, 42, 0, 0, 0.2},
	    {"0.05/0.01/33/71", true, 0.05, 0.01, 33, 71},
	    {"0.1/0.01/0.4", false, 0, 0, 0, 0},
	    {"0.1/0.01/0.4/0.69/1", false, 0, 0, 0, 0},
	    {"0.1/x/0.4/0.69", false, 0, 0, 0, 0},
	    {"", false, 0, 0, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double t[4] = {0};
		bool ok = diag_delays_parse(span_of(cases[i].in), t);
		CHECK_INT(ok, cases[i].ok);
		if (ok && (t[0] != cases[i].a || t[1] != cases[i].b || t[2] != cases[i].c || t[3] != cases[i].d))
			test_fail(__FILE__, __LINE__, "%s: got %g/%g/%g/%g", cases[i].in, t[0], t[1], t[2], t[3]);
	}
	/* a span is read to its length, never to a NUL: the rest of the line
	 * after it is not part of it */
	const char *line = "0.1/0.2/0.3/0.4, dsn=2.0.0";
	double t[4];
	CHECK(diag_delays_parse(span_make(line, 15), t));
	CHECK(t[3] == 0.4);
	CHECK(!diag_delays_parse(span_make(line, 16), t));
}

/* delays_parse_strtod - diag_delays_parse as it was before its fast path:
 * strtod on every field */
static bool delays_parse_strtod(struct span s, double out[4])
{
	char buf[96];
	if (!s.p || !s.n || s.n >= sizeof buf)
		return false;
	memcpy(buf, s.p, s.n);
	buf[s.n] = 0;
	char *p = buf;
	for (int i = 0; i < 4; i++) {
		char *end;
		out[i] = strtod(p, &end);
		if (end == p || out[i] < 0 || (i < 3 && *end != '/') || (i == 3 && *end))
			return false;
		p = end + 1;
	}
	return true;
}

static uint64_t rnd_state = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return rnd_state;
}

/* the fast path for "digits[.digits]" gives strtod's double, bit for bit,
 * and the same answer for every other shape: 400 000 random texts of
 * numbers of 1 to 20 digits (15 and 16 among them, where the fast path
 * stops), leading zeros, a '.' without digits on one side, signs,
 * exponents, hex, "inf", spaces, a NUL inside, fields missing or extra */
TEST(delays_parse_same_as_strtod)
{
	static const char *const odd[] = {"-",   "+",  "e5", "E-3", "x1F", "0x1p3", "inf", "nan", " ",
					  ".",   "..", "/",  "\\0", "9e999", "1e-400", "-0", "00"};
	char text[120];
	unsigned differ = 0;
	for (int it = 0; it < 400000; it++) {
		size_t n = 0;
		int fields = 3 + (int)(rnd() % 3); /* 3, 4 or 5 */
		for (int f = 0; f < fields && n < 100; f++) {
			if (f)
				text[n++] = '/';
			int digits = 1 + (int)(rnd() % (rnd() % 4 ? 6 : 20));
			int dot = rnd() % 3 ? (int)(rnd() % (unsigned)(digits + 1)) : -1;
			if (rnd() % 16 == 0 && n < 100)
				text[n++] = '0';
			for (int k = 0; k < digits && n < 100; k++) {
				if (k == dot)
					text[n++] = '.';
				text[n++] = (char)('0' + rnd() % 10);
			}
			if (dot == digits && n < 100)
				text[n++] = '.';
			if (rnd() % 10 == 0) {
				const char *o = odd[rnd() % (sizeof odd / sizeof odd[0])];
				size_t on = strlen(o);
				if (!strcmp(o, "\\0"))
					o = "", on = 1; /* a NUL byte */
				size_t at = rnd() % 2 ? n : n - (n ? rnd() % (n + 1) : 0);
				if (n + on < 110) {
					memmove(text + at + on, text + at, n - at);
					memcpy(text + at, o, on);
					n += on;
				}
			}
		}
		double a[4] = {0}, b[4] = {0};
		bool fa = diag_delays_parse(span_make(text, n), a);
		bool fb = delays_parse_strtod(span_make(text, n), b);
		if (fa != fb || (fa && memcmp(a, b, sizeof a))) {
			if (differ++ < 5)
				test_fail(__FILE__, __LINE__, "%.*s: %d %.17g/%.17g/%.17g/%.17g, strtod %d %.17g/%.17g/%.17g/%.17g",
					  (int)n, text, fa, a[0], a[1], a[2], a[3], fb, b[0], b[1], b[2], b[3]);
		}
	}
	CHECK_INT(differ, 0);
	/* the edges by hand: 15 digits (fast), 16 (strtod), halfway cases */
	static const char *const edge[] = {
	    "999999999999999/0/0/0", "9999999999999999/0/0/0", "0.000000000000001/1/2/3",
	    "0.1/0.2/0.3/0.30000000000000004", "123456789.012345/0/0/0", "9007199254740993/0/0/0",
	    "1./2/3/4", ".5/1/2/3", "1/2/3/4.", "0/0/0/0"};
	for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
		double a[4] = {0}, b[4] = {0};
		bool fa = diag_delays_parse(span_of(edge[i]), a);
		bool fb = delays_parse_strtod(span_of(edge[i]), b);
		CHECK_INT(fa, fb);
		if (fa && memcmp(a, b, sizeof a))
			test_fail(__FILE__, __LINE__, "%s: not strtod's doubles", edge[i]);
	}
}

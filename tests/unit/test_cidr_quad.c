/*
 * test_cidr_quad.c - cidr_dotted_quad (util/cidr.c) reads a copy of the
 * text with a NUL after it, its four numbers one after another, no end
 * tested per byte (speed12): the same answer and the same bytes written,
 * also when it refuses, as the former function (kept here), on random
 * texts of 0 to 18 bytes of digits, dots and the bytes next to them
 * ('/', ':', NUL, 0x80, 0xae, 0xb0), real addresses with a byte changed,
 * leading zeros, 255 and 256, each text in a buffer of its own size.
 */
#include "tap.h"
#include "util/cidr.h"

#include <stdlib.h>
#include <string.h>

/* the former function, as it was */
static bool quad_before(const char *p, size_t n, unsigned char out[4])
{
	if (n < 7 || n > 15)
		return false;
	const char *e = p + n;
	for (int part = 0; part < 4; part++) {
		if (part && (p == e || *p++ != '.'))
			return false;
		if (p == e)
			return false;
		unsigned v = (unsigned)(unsigned char)*p - '0', d;
		if (v > 9)
			return false;
		p++;
		if (p != e && (d = (unsigned)(unsigned char)*p - '0') <= 9) {
			if (!v) /* a leading zero */
				return false;
			v = v * 10 + d;
			p++;
			if (p != e && (d = (unsigned)(unsigned char)*p - '0') <= 9) {
				v = v * 10 + d;
				p++;
				if (v > 255)
					return false;
			}
		}
		out[part] = (unsigned char)v;
	}
	return p == e;
}

static uint64_t rnd_state = 0x629A292A367CD507ULL;

TEST(cidr_quad_same_as_before)
{
	static const char *const parts[] = {"0", "1", "9", "10", "99", "100", "199", "200", "249", "250",
					    "255", "256", "299", "300", "999", "00", "01", "007", ".", "..",
					    "/", ":", "\0", "\x80", "\xae", "\xb0", " ", "a", "1234"};
	static const char *const real[] = {"192.0.2.1", "203.0.113.251", "10.0.0.1", "255.255.255.255",
					   "0.0.0.0", "1.2.3.4", "121.8.124.131", "127.0.0.1"};
	int bad = 0;
	unsigned yes = 0;
	for (int iter = 0; iter < 400000 && bad < 5; iter++) {
		char tmp[24];
		size_t n = 0;
		if (tap_rnd(&rnd_state) % 2) {
			const char *r = real[tap_rnd(&rnd_state) % (sizeof real / sizeof real[0])];
			n = strlen(r);
			memcpy(tmp, r, n);
			if (tap_rnd(&rnd_state) % 2) /* a byte changed */
				tmp[tap_rnd(&rnd_state) % n] = "0.9/:\x80"[tap_rnd(&rnd_state) % 6];
		} else {
			tap_parts(tmp, &n, 18, parts, sizeof parts / sizeof parts[0],
				  (int)(tap_rnd(&rnd_state) % 9), &rnd_state);
		}
		char *b = malloc(n ? n : 1); /* its own size: a read past it is seen */
		memcpy(b, tmp, n);
		unsigned char g[4], w[4];
		memset(g, 0xAA, sizeof g);
		memset(w, 0xAA, sizeof w);
		bool got = cidr_dotted_quad(b, n, g), want = quad_before(b, n, w);
		if ((got != want || memcmp(g, w, 4) != 0) && bad++ < 5)
			test_fail(__FILE__, __LINE__, "cidr_dotted_quad(\"%.*s\"): got %d, want %d", (int)n, b, got,
				  want);
		yes += want;
		free(b);
	}
	CHECK_INT(bad, 0);
	CHECK(yes > 50000 && yes < 350000);
}

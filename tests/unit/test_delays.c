/*
 * test_delays.c - delays=a/b/c/d read into its four parts (delays.c),
 * and refused when it is not four numbers.
 */
#include "tap.h"

#include "diagnose/diag_internal.h"

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

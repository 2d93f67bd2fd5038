/* test_span.c - span cursor helpers on edge cases. */
#include "tap.h"

TEST(span_until_cuts_at_delimiter)
{
	struct span cur = SPAN_LIT("a=<x> to=<y>"), out;
	CHECK(span_until(&cur, "> ", &out));
	CHECK_SPAN(out, "a=<x");
	CHECK_SPAN(cur, "to=<y>");
	CHECK(!span_until(&cur, "zz", &out));
}

TEST(span_u64_saturates_and_rejects)
{
	uint64_t v;
	CHECK(span_u64(SPAN_LIT("123"), &v));
	CHECK_INT(v, 123);
	CHECK(span_u64(SPAN_LIT("99999999999999999999999"), &v));
	CHECK(v == UINT64_MAX);
	CHECK(!span_u64(SPAN_LIT(""), &v));
	CHECK(!span_u64(SPAN_LIT("12a"), &v));
}

TEST(span_index_does_not_overread)
{
	char buf[3] = {'a', 'b', 'c'}; /* no NUL */
	CHECK(span_index(span_make(buf, 3), "bc") == 1);
	CHECK(span_index(span_make(buf, 3), "cd") == -1);
	CHECK(span_index(span_make(buf, 2), "bc") == -1);
}

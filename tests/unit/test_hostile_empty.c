/*
 * test_hostile_empty.c - the writers and sorters on nothing at all: an
 * empty log is the smallest hostile input, and qsort/memcpy on a NULL
 * array of zero elements is undefined behaviour that UBSan stops on.
 */
#include "tap.h"

#include <stdlib.h>
#include "analyze/summary.h"
#include "analyze/trace.h"
#include "report/summary_json.h"
#include "util/buf.h"

/* summary --json of an empty log: valid, and no qsort(NULL, 0) */
TEST(hostile_empty_summary_json)
{
	struct summary *s = summary_new();
	struct buf b = {0};
	buf_putc(&b, '{');
	summary_json(s, &b);
	buf_putc(&b, '}');
	CHECK(b.n > 2);
	CHECK(strstr(b.p, "\"per_day\":[]") != NULL);
	buf_free(&b);
	summary_free(s);
}

/* trace of an ID the log does not hold: nothing to sort */
TEST(hostile_empty_trace_sort)
{
	struct trace t;
	trace_init(&t, "NOSUCHID");
	trace_sort(&t);
	CHECK_INT(t.nitems, 0);
	trace_free(&t);
}

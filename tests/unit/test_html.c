/* test_html.c - the HTML report's pieces: the escaper (text and
 * attribute values), the charts' axis and scaling, the SVG a stacked
 * column is drawn with, and the bounded timeline behind the charts. */
#include "tap.h"
#include "analyze/timeline.h"
#include "report/html_svg.h"
#include "util/timefmt.h"

#include <stdlib.h>

/* html - buf_html of n bytes into a static string */
static const char *html(const char *s, size_t n)
{
	static char out[256];
	struct buf b = {0};
	buf_html(&b, span_make(s, n));
	snprintf(out, sizeof out, "%.*s", (int)b.n, b.p);
	buf_free(&b);
	return out;
}

TEST(html_escapes_text_and_attribute_characters)
{
	CHECK_STR(html("a&b", 3), "a&amp;b");
	CHECK_STR(html("<script>alert(1)</script>", 25), "&lt;script&gt;alert(1)&lt;/script&gt;");
	CHECK_STR(html("\"><img src=x onerror=alert(2)>", 30),
		  "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
	CHECK_STR(html("it's", 4), "it&#39;s");
	CHECK_STR(html("&lt;", 4), "&amp;lt;");           /* an entity in the log stays text */
	CHECK_STR(html("plain.example.test", 18), "plain.example.test");
}

TEST(html_escapes_controls_and_bad_utf8)
{
	CHECK_STR(html("a\0b", 3), "a^@b");                /* NUL never reaches the page */
	CHECK_STR(html("a\033[2Jb", 6), "a^[[2Jb");
	CHECK_STR(html("caf\xc3\xa9", 5), "caf\xc3\xa9");  /* UTF-8 kept */
	CHECK_STR(html("x\xff<", 3), "x?&lt;");            /* invalid byte replaced, then escaped */
	CHECK_STR(html("\xe2\x80\xae<", 4), "?&lt;");      /* bidi override replaced */
	CHECK_STR(html("a\tb", 3), "a b");
}

TEST(svg_nice_max_is_1_2_5_times_a_power_of_ten)
{
	static const struct {
		uint64_t v, want;
	} cases[] = {{0, 1},       {1, 1},       {2, 2},       {3, 5},     {5, 5},
		     {6, 10},      {11, 20},     {150, 200},   {200, 200}, {201, 500},
		     {1000, 1000}, {1001, 2000}, {UINT64_C(4000000000000000000), UINT64_C(5000000000000000000)},
		     {UINT64_MAX, UINT64_MAX}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK_INT(svg_nice_max(cases[i].v), cases[i].want);
}

TEST(svg_scale_rounds_and_shows_small_values)
{
	CHECK_INT(svg_scale(0, 100, 176), 0);
	CHECK_INT(svg_scale(100, 100, 176), 176);
	CHECK_INT(svg_scale(50, 100, 176), 88);
	CHECK_INT(svg_scale(1, 1000000, 176), 1);         /* not lost to rounding */
	CHECK_INT(svg_scale(3, 2, 176), 176);             /* never past the axis */
	CHECK_INT(svg_scale(5, 0, 176), 0);
	CHECK_INT(svg_scale(UINT64_MAX / 2, UINT64_MAX, 200), 100);
}

/* rect_heights - the height="" of every <rect> of s, added up */
static long rect_heights(const char *s, int *nrect)
{
	long sum = 0;
	*nrect = 0;
	for (const char *p = strstr(s, "<rect"); p; p = strstr(p + 1, "<rect")) {
		const char *h = strstr(p, "height=\"");
		if (!h)
			break;
		sum += strtol(h + 8, NULL, 10);
		(*nrect)++;
	}
	return sum;
}

TEST(svg_stacked_column_is_the_scaled_total)
{
	uint64_t a[] = {3}, b[] = {1}, c[] = {0};
	const char *labels[] = {"<11-22>"};
	struct svg_series s[] = {{"x", "v1", a}, {"y&z", "v2", b}, {"none", "v3", c}};
	struct buf out = {0};
	svg_columns(&out, "t<1>", labels, 1, s, 3, true);
	buf_putc(&out, 0);
	int n;
	/* total 4, axis top 5, plot 176 px high: the stack is 141 px, one rect
	 * per non-zero series */
	CHECK_INT(rect_heights(out.p, &n), svg_scale(4, 5, SVG_HEIGHT - 44));
	CHECK_INT(n, 2);
	CHECK(strstr(out.p, "&lt;11-22&gt;") != NULL);
	CHECK(strstr(out.p, "<11-22>") == NULL);
	CHECK(strstr(out.p, "t&lt;1&gt;") != NULL);
	CHECK(strstr(out.p, "y&amp;z") != NULL);
	buf_free(&out);
}

/* at - a stamp of whole seconds since the epoch, offset in minutes */
static struct stamp at(int64_t secs, int tzoff)
{
	return (struct stamp){secs * 1000000, (int16_t)tzoff, 0};
}

/* total - sessions over all buckets */
static uint64_t total(const struct timeline *t)
{
	uint64_t n = 0;
	for (uint32_t i = 0; i < TIMELINE_BUCKETS; i++)
		n += t->b[i].sessions;
	return n;
}

TEST(timeline_minutes_then_wider_buckets)
{
	struct timeline *t = calloc(1, sizeof *t);
	int64_t t0 = days_from_civil(2026, 11, 22) * 86400 + 11 * 3600 + 33 * 60 + 49;
	timeline_slot(t, at(t0, 0))->sessions++;
	CHECK_INT(t->width, 60);
	CHECK_INT(t->start, t0 - 49);                    /* the minute's edge */
	timeline_slot(t, at(t0 + 60 * 95, 0))->sessions++;
	CHECK_INT(t->width, 60);                          /* 96 minutes fit */
	CHECK_INT(t->n, 96);
	timeline_slot(t, at(t0 + 60 * 96, 0))->sessions++;
	CHECK_INT(t->width, 120);                         /* the 97th does not */
	CHECK_INT(t->start % 120, 0);
	CHECK_INT(total(t), 3);
	/* a week: hours become 2 hours, edges on whole hours */
	timeline_slot(t, at(t0 + 7 * 86400, 0))->sessions++;
	CHECK_INT(t->width, 7200);
	CHECK_INT(t->start % 3600, 0);
	CHECK(t->n <= TIMELINE_BUCKETS);
	CHECK_INT(total(t), 4);
	/* 10:00-12:00 holds 11:33; 12:00-14:00 holds 13:08 and 13:09 */
	CHECK_INT(t->start, t0 - (33 * 60 + 49) - 3600);
	CHECK_INT(t->b[0].sessions, 1);
	CHECK_INT(t->b[1].sessions, 2);
	free(t);
}

TEST(timeline_earlier_moments_and_the_log_clock)
{
	struct timeline *t = calloc(1, sizeof *t);
	int64_t t0 = days_from_civil(2026, 11, 22) * 86400 + 12 * 3600;
	/* +02:00: edges are whole minutes of the log's own clock */
	timeline_slot(t, at(t0 + 30, 120))->sessions++;
	CHECK_INT(t->start, t0 + 7200);
	/* a moment before bucket 0 (another host, a rotated file) shifts it */
	timeline_slot(t, at(t0 - 600, 120))->sessions++;
	CHECK_INT(t->start, t0 + 7200 - 600);
	CHECK_INT(t->n, 11);
	CHECK_INT(t->b[0].sessions, 1);
	CHECK_INT(t->b[10].sessions, 1);
	/* no time: not counted */
	CHECK(timeline_slot(t, (struct stamp){0, 0, 0}) == NULL);
	/* 1970 and 9999 in one log: bounded, every count kept */
	timeline_slot(t, at(1, 0))->sessions++;
	timeline_slot(t, at(TIME_MAX_US / 1000000, 0))->sessions++;
	CHECK(t->n <= TIMELINE_BUCKETS);
	CHECK_INT(total(t), 4);
	free(t);
}

TEST(svg_columns_axis_at_the_largest_counts)
{
	uint64_t a[] = {UINT64_MAX, 1};
	const char *labels[] = {"a", "b"};
	struct svg_series s[] = {{"x", "s0", a}};
	struct buf out = {0};
	svg_columns(&out, "big", labels, 2, s, 1, false);
	buf_putc(&out, 0);
	int n;
	/* the full column is the plot's height, the tiny one a pixel */
	CHECK_INT(rect_heights(out.p, &n), SVG_HEIGHT - 44 + 1);
	CHECK_INT(n, 2);
	CHECK(strstr(out.p, ">18446744073709551615</text>") != NULL);   /* the axis top */
	CHECK(strstr(out.p, ">9223372036854775807.5</text>") != NULL);  /* its half */
	buf_free(&out);
}

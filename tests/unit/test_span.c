/* test_span.c - span cursor helpers on edge cases. */
#include "tap.h"
#include <stdlib.h>
#include <string.h>

TEST(span_until_cuts_at_delimiter)
{
	struct span cur = SPAN_LIT("a=<x> to=<y>"), out = SPAN_NULL; /* for gcc's LTO */
	CHECK(span_until(&cur, "> ", &out));
	CHECK_SPAN(out, "a=<x");
	CHECK_SPAN(cur, "to=<y>");
	CHECK(!span_until(&cur, "zz", &out));
}

TEST(span_u64_saturates_and_rejects)
{
	uint64_t v = 0; /* gcc's LTO cannot tell span_u64 sets it when true */
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

/* a cut to a byte budget never ends inside a character: "é" is 2 bytes,
 * "€" 3, "😀" 4; invalid bytes are cut where they are */
TEST(span_cut_keeps_characters_whole)
{
	struct span s = SPAN_LIT("ab\xc3\xa9" "c\xe2\x82\xac" "d\xf0\x9f\x98\x80");
	CHECK_SPAN(span_cut(s, 2), "ab");
	CHECK_SPAN(span_cut(s, 3), "ab");              /* inside é */
	CHECK_SPAN(span_cut(s, 4), "ab\xc3\xa9");
	CHECK_SPAN(span_cut(s, 6), "ab\xc3\xa9" "c");  /* inside € */
	CHECK_SPAN(span_cut(s, 7), "ab\xc3\xa9" "c");
	CHECK_SPAN(span_cut(s, 8), "ab\xc3\xa9" "c\xe2\x82\xac");
	CHECK_SPAN(span_cut(s, 10), "ab\xc3\xa9" "c\xe2\x82\xac" "d"); /* inside 😀 */
	CHECK_SPAN(span_cut(s, 12), "ab\xc3\xa9" "c\xe2\x82\xac" "d");
	CHECK_INT(span_cut(s, 13).n, 13);
	CHECK_INT(span_cut(s, 99).n, 13);
	CHECK_INT(span_cut(s, 0).n, 0);
	/* stray continuation bytes and a truncated sequence: cut as asked */
	CHECK_INT(span_cut(SPAN_LIT("a\x80\x80\x80\x80" "b"), 3).n, 3);
	CHECK_INT(span_cut(SPAN_LIT("\xc3\xa9\xa9\xa9"), 3).n, 3);
	CHECK_INT(span_cut(SPAN_LIT("\xff\x80\x80"), 2).n, 2);
	char buf[2] = {'\xe2', '\x82'}; /* no NUL, and the sequence is cut short */
	CHECK_INT(span_cut(span_make(buf, 2), 1).n, 0);
}

/* span_rchr (memrchr since speed9) against the byte loop it replaced:
 * random spans of a few bytes (the one looked for, NUL, a high byte),
 * at every offset of a buffer and every length, the span's own bounds
 * only (bytes c just outside it never count) */
static ptrdiff_t rchr_loop(struct span s, char c)
{
	for (size_t i = s.n; i > 0; i--)
		if (s.p[i - 1] == c)
			return (ptrdiff_t)(i - 1);
	return -1;
}

TEST(span_rchr_same_as_byte_loop)
{
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	char buf[96];
	static const char bytes[] = {']', '[', '\0', 'a', '\xff', ':'};
	for (int round = 0; round < 20000; round++) {
		for (size_t i = 0; i < sizeof buf; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			buf[i] = bytes[x % (round % 3 ? 6 : 2)];
		}
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		size_t off = x % 40, n = (x >> 8) % (sizeof buf - off + 1);
		char c = bytes[(x >> 16) % 6];
		struct span s = span_make(buf + off, n);
		if (span_rchr(s, c) != rchr_loop(s, c)) {
			test_fail(__FILE__, __LINE__, "round %d off %zu n %zu c %d: %td, want %td", round,
				  off, n, c, span_rchr(s, c), rchr_loop(s, c));
			return;
		}
	}
	CHECK(span_rchr(span_make(NULL, 0), ']') == -1);
}

/* span_ieq folds ASCII letters only, compares every byte (NULs too) and
 * never reads past either span */
TEST(span_ieq_ascii_letters)
{
	CHECK(span_ieq(span_of("Example.COM"), span_of("example.com")));
	CHECK(span_ieq(span_make(NULL, 0), span_make("", 0)));
	CHECK(!span_ieq(span_of("example.com"), span_of("example.co")));
	CHECK(!span_ieq(span_of("a@b"), span_of("a`b")));   /* '@' and '`' differ by 0x20 */
	CHECK(!span_ieq(span_of("x[1]"), span_of("x{1}")));  /* so do '[' and '{' */
	CHECK(!span_ieq(span_make("a\0b", 3), span_make("a\0c", 3)));
	CHECK(span_ieq(span_make("A\0B", 3), span_make("a\0b", 3)));
	CHECK(!span_ieq(span_of("\xc3\x89"), span_of("\xc3\xa9"))); /* no UTF-8 folding */
	char *h = malloc(5);
	memcpy(h, "MaIl.", 5);
	CHECK(span_ieq(span_make(h, 5), span_of("mail.")));
	free(h);
}

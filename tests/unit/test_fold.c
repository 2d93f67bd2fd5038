/* test_fold.c - padding and folding count UTF-8 characters, not bytes:
 * the --help folding and the summary's columns with accented text. */
#include "tap.h"
#include "util/fold.h"

#include <stdlib.h>

TEST(fold_cols_counts_characters)
{
	CHECK_INT(utf8_cols("abc", 3), 3);
	CHECK_INT(utf8_cols("não", strlen("não")), 3);          /* 4 bytes */
	CHECK_INT(utf8_cols("sesión", strlen("sesión")), 6);
	CHECK_INT(utf8_cols("", 0), 0);
}

TEST(fold_cut_ascii_as_before)
{
	/* the old byte wrapper: cut at the last space within avail */
	CHECK_INT(fold_cut("aaa bbb ccc", 7), 7);               /* "aaa bbb" fits exactly */
	CHECK_INT(fold_cut("aaa bbb ccc", 8), 7);
	CHECK_INT(fold_cut("aaa bbb ccc", 6), 3);
	CHECK_INT(fold_cut("aaa bbb ccc", 11), 11);             /* all of it */
	CHECK_INT(fold_cut("aaaaaaaaaa bb", 4), 10);            /* a word wider than the line */
	CHECK_INT(fold_cut("aaaaaaaaaa", 4), 10);
}

TEST(fold_cut_counts_accents_as_one_column)
{
	/* 10 characters, 13 bytes: fits in 10 columns although 13 bytes */
	const char *t = "ção ção çã x";
	CHECK_INT(fold_cut(t, 10), strlen("ção ção çã"));
	/* a byte counter would cut "ação é" (8 bytes) before "é" at 7 */
	CHECK_INT(fold_cut("ação é fácil", 6), strlen("ação é"));
	CHECK_INT(fold_cut("ação é fácil", 5), strlen("ação"));
	/* never inside a character: the cut is always at a space or the end */
	const char *u = "verificação automática de endereços";
	for (size_t w = 1; w < 40; w++) {
		size_t n = fold_cut(u, w);
		CHECK(u[n] == ' ' || u[n] == 0);
		CHECK(utf8_cols(u, n) <= w || !memchr(u, ' ', n));
	}
}

TEST(fold_pad_by_characters)
{
	struct buf b = {0};
	buf_pad(&b, "mês", 6);
	buf_putc(&b, '|');
	buf_rpad(&b, "ação", 6);
	buf_putc(&b, '|');
	buf_pad(&b, "toolong", 3);                              /* never cut */
	buf_putc(&b, 0);
	CHECK_STR(b.p, "mês   |  ação|toolong");
	buf_free(&b);
}

TEST(fold_prefix_lines_comments_every_line)
{
	struct buf b = {0};
	buf_prefix_lines(&b, "# ", "one\n\ntwo\n");
	buf_prefix_lines(&b, "# ", "três");                    /* no final newline: added */
	buf_prefix_lines(&b, "# ", "a translation\n[Definition]\nfailregex = x");
	buf_putc(&b, 0);
	CHECK_STR(b.p, "# one\n#\n# two\n# três\n# a translation\n# [Definition]\n# failregex = x\n");
	buf_free(&b);
}

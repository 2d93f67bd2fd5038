/* test_file_head.c - file_head_foreign: an existing file that an output
 * option would write over is told apart from the output's own earlier
 * file, and from what is missing, empty or no regular file */
#include "tap.h"
#include "util/file_head.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

TEST(file_head_foreign_cases)
{
	char dir[] = "/tmp/ps-file-head.XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char path[64];
	snprintf(path, sizeof path, "%s/f", dir);
	static const char *const page[] = {"<!DOCTYPE html", "<html"};
	CHECK(!file_head_foreign(path, page, 2));     /* missing */
	put(path, "");
	CHECK(!file_head_foreign(path, page, 2));     /* empty */
	put(path, "<!doctype HTML>\n<title>x</title>");
	CHECK(!file_head_foreign(path, page, 2));     /* ours, case-blind */
	put(path, "<html lang=en>");
	CHECK(!file_head_foreign(path, page, 2));
	put(path, "Dec  6 20:22:42 mx postfix/smtpd[1]: connect from x[192.0.2.1]\n");
	CHECK(file_head_foreign(path, page, 2));      /* a log */
	put(path, "<htm");
	CHECK(file_head_foreign(path, page, 2));      /* shorter than a prefix */
	CHECK(!file_head_foreign(dir, page, 2));      /* a directory */
	static const char *const ours[] = {"#", "postsleuth_"};
	put(path, "postsleuth_lines_total 3\n");
	CHECK(!file_head_foreign(path, ours, 2));
	put(path, "# HELP x\n");
	CHECK(!file_head_foreign(path, ours, 2));
	put(path, "postfix/smtpd\n");
	CHECK(file_head_foreign(path, ours, 2));
	unlink(path);
	rmdir(dir);
}

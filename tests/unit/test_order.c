/*
 * test_order.c - an input's lines in the order they happened: newest
 * first handed over oldest first (a line's unprefixed followers kept
 * after it), everything else as read, with the file's line numbers.
 */
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "input/lines.h"
#include "feed/order.h"
#include "input/source.h"

static size_t walked_cut; /* order_walk's last o.cut */

/* order_walk - the file line numbers of text's lines as order hands them
 * over, as "3 1 2"; with words, each with the first word after its tag's
 * "]: " ("1:connect 1:disconnect") */
static const char *order_walk(const char *text, bool words)
{
	static char out[8192];
	char path[] = "/tmp/postsleuth-order.XXXXXX";
	int fd = mkstemp(path);
	out[0] = 0;
	if (fd < 0)
		return "mkstemp failed";
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		close(fd);
		unlink(path);
		return "write failed";
	}
	close(fd);
	struct source *src = source_open(path);
	struct lines lr;
	lines_init(&lr, src);
	struct order o;
	order_init(&o, &lr, 2026, 0);
	struct span line;
	size_t n = 0;
	while (order_next(&o, &line) && n + 64 < sizeof out) {
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%llu", n ? " " : "",
				      (unsigned long long)o.lineno);
		const char *c = words ? memchr(line.p, ']', line.n) : NULL;
		size_t at = c ? (size_t)(c - line.p) + 3 : line.n, w = 0;
		while (at + w < line.n && line.p[at + w] != ' ' && w < 20)
			w++;
		if (words)
			n += (size_t)snprintf(out + n, sizeof out - n, ":%.*s", (int)w,
					      at < line.n ? line.p + at : "");
	}
	walked_cut = o.cut;
	order_free(&o);
	lines_free(&lr);
	source_close(src);
	unlink(path);
	return out;
}

static const char *order_of(const char *text)
{
	return order_walk(text, false);
}

TEST(order_newest_first_and_as_read)
{
	setenv("TZ", "UTC", 1);
	/* a web UI's export, newest first */
	CHECK_STR(order_of("2026-01-02 10:11:14 | info | postfix/smtpd[1]: disconnect from a[192.0.2.1]\n"
			   "2026-01-02 10:11:13 | info | postfix/smtpd[1]: 4C3F8: client=a[192.0.2.1]\n"
			   "2026-01-02 10:11:12 | info | postfix/smtpd[1]: connect from a[192.0.2.1]\n"),
		  "3 2 1");
	/* in order: as read */
	CHECK_STR(order_of("Feb 16 11:03:54 mail postfix/smtpd[1]: connect from a[192.0.2.1]\n"
			   "Feb 16 11:03:55 mail postfix/smtpd[1]: disconnect from a[192.0.2.1]\n"
			   "Feb 16 11:03:53 mail postfix/qmgr[2]: 4C3F8: removed\n"),
		  "1 2 3");
	/* backwards, then forwards: not newest first, as read */
	CHECK_STR(order_of("Feb 16 11:03:55 mail postfix/smtpd[1]: x\n"
			   "Feb 16 11:03:54 mail postfix/smtpd[1]: y\n"
			   "Feb 16 11:03:56 mail postfix/smtpd[1]: z\n"),
		  "1 2 3");
	/* prose before the first line stays first; a wrapped line stays after
	 * its line; equal times and lines with no time count neither way */
	CHECK_STR(order_of("Here is my log:\n"
			   "- Feb 16 11:03:56 mail postfix/smtpd[1]: warning: texthash:/x is unavail\n"
			   "- able\n"
			   "- Feb 16 11:03:56 mail postfix/smtpd[1]: b\n"
			   "postfix/master[9]: warning: c\n"
			   "- Feb 16 11:03:54 mail postfix/smtpd[1]: connect from a[192.0.2.1]\n"),
		  "1 6 5 4 2 3");
	/* Dec 31 after Jan 1, newest first across the new year */
	CHECK_STR(order_of("Jan  1 00:00:01 mail postfix/smtpd[1]: b\n"
			   "Dec 31 23:59:59 mail postfix/smtpd[1]: a\n"),
		  "2 1");
	/* one time only, or none: as read */
	CHECK_STR(order_of("Feb 16 11:03:54 mail postfix/smtpd[1]: a\nno prefix\n"), "1 2");
	CHECK_STR(order_of("postfix/master[1]: warning: a\npostfix/master[1]: warning: b\n"), "1 2");
	CHECK_STR(order_of(""), "");
}

/* past the caps a newest-first input is read as it comes */
TEST(order_capped)
{
	size_t n = ORDER_MAX_LINES + 10, cap = n * 64;
	char *text = malloc(cap), *p = text;
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "2026-01-02T%02zu:%02zu:%02zuZ mx postfix/qmgr[1]: x\n",
			     (n - i) / 3600, (n - i) / 60 % 60, (n - i) % 60);
	const char *got = order_of(text);
	CHECK(strncmp(got, "1 2 3 4 ", 8) == 0);
	/* the same under the caps: newest first */
	sprintf(text, "2026-01-02T10:00:02Z mx postfix/qmgr[1]: x\n"
		      "2026-01-02T10:00:01Z mx postfix/qmgr[1]: x\n");
	CHECK_STR(order_of(text), "2 1");
	free(text);
}

/* every time the same: a session's or message's end before its own start
 * says newest first; anything else leaves the lines as read */
TEST(order_same_second_by_words)
{
	setenv("TZ", "UTC", 1);
	/* a web UI's rows of one second, newest first, a separator among them */
	CHECK_STR(order_of("6.2.2026, 19:14:58 | info | disconnect from mx.example.net[198.51.100.4] ehlo=1 quit=1 commands=2\n"
			   "-- | -- | --\n"
			   "6.2.2026, 19:14:58 | info | NOQUEUE: reject: RCPT from mx.example.net[198.51.100.4]: 554 5.7.1 x\n"
			   "6.2.2026, 19:14:58 | info | connect from mx.example.net[198.51.100.4]\n"),
		  "4 3 1 2");
	/* the same lines oldest first: as read */
	CHECK_STR(order_of("Feb  6 19:14:58 mx postfix/smtpd[1]: connect from a.example.net[198.51.100.4]\n"
			   "Feb  6 19:14:58 mx postfix/smtpd[1]: disconnect from a.example.net[198.51.100.4] quit=1 commands=1\n"),
		  "1 2");
	/* a message: "removed" before its client= line */
	CHECK_STR(order_of("Feb  6 19:14:58 mx postfix/qmgr[2]: 4C3F81A2B: removed\n"
			   "Feb  6 19:14:58 mx postfix/cleanup[3]: 4C3F81A2B: message-id=<a@example.net>\n"
			   "Feb  6 19:14:58 mx postfix/smtpd[1]: 4C3F81A2B: client=a.example.net[198.51.100.4]\n"),
		  "3 2 1");
	/* look-alikes: another client's start after an end (a session that
	 * began before the log), another message's start: as read */
	CHECK_STR(order_of("Feb  6 19:14:58 mx postfix/smtpd[1]: disconnect from a.example.net[198.51.100.4] quit=1 commands=1\n"
			   "Feb  6 19:14:58 mx postfix/smtpd[1]: connect from b.example.net[198.51.100.5]\n"),
		  "1 2");
	CHECK_STR(order_of("Feb  6 19:14:58 mx postfix/qmgr[2]: 4C3F81A2B: removed\n"
			   "Feb  6 19:14:58 mx postfix/smtpd[1]: 5D4A91B3C: client=a.example.net[198.51.100.4]\n"),
		  "1 2");
	/* the times decide when they differ, whatever the words say */
	CHECK_STR(order_of("Feb  6 19:14:57 mx postfix/smtpd[1]: disconnect from a.example.net[198.51.100.4] quit=1 commands=1\n"
			   "Feb  6 19:14:58 mx postfix/smtpd[1]: connect from a.example.net[198.51.100.4]\n"),
		  "1 2");
	/* not Postfix's: another program's "connect from" says nothing */
	CHECK_STR(order_of("Feb  6 19:14:58 mx dovecot[1]: disconnect from a.example.net[198.51.100.4]\n"
			   "Feb  6 19:14:58 mx dovecot[1]: connect from a.example.net[198.51.100.4]\n"),
		  "1 2");
}

/* records a copy site flattened onto one line, cut apart in a short paste
 * (unflatten.c) and only there */
TEST(order_unflattens_a_short_paste_only)
{
	setenv("TZ", "UTC", 1);
	const char *flat = "Sep 19 16:00:16 t7 postfix/smtpd[1]: connect from a[192.0.2.1] "
			   "Sep 19 16:00:16 t7 postfix/smtpd[1]: disconnect from a[192.0.2.1] "
			   "Sep 19 16:00:17 t7 postfix/qmgr[2]: 4C3F8: removed\n";
	CHECK_STR(order_walk(flat, true), "1:connect 1:disconnect 1:4C3F8:");
	CHECK(walked_cut == 2); /* told for the fuzz target's oracle */
	/* the same line in a log of 40 lines read as it comes: whole (a
	 * sender address may carry such words) */
	char big[16384];
	size_t n = (size_t)snprintf(big, sizeof big, "%s", flat);
	for (int i = 0; i < 39; i++)
		n += (size_t)snprintf(big + n, sizeof big - n,
				      "Sep 19 16:01:%02d t7 postfix/smtpd[1]: connect from b[192.0.2.2]\n", i);
	CHECK(!strncmp(order_walk(big, true), "1:connect 2:connect", 19));
	CHECK(walked_cut == 0);
}

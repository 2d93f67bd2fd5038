/*
 * test_compat_notice.c - Postfix's compatibility_level notices after an
 * upgrade (threads AS 17): the postfix command's "Postfix is running with
 * backwards-compatible default settings" and each daemon's "using
 * backwards-compatible default setting NAME=VALUE" (smtpd, postscreen,
 * master.cf's chroot=y, server_acl.c's) are one kind, "compat", and explain
 * tells them as a benign notice; master's and other informational lines
 * keep their words.
 */
#include "progs.h"
#include "parse/event.h"
#include "report/line_meaning.h"

#include <string.h>

static bool says_compat(const struct event *ev)
{
	struct buf b = {0};
	line_meaning(&b, ev, OWN_NONE);
	buf_putc(&b, 0);
	bool yes = strstr(b.p, "compatibility notice after an upgrade") != NULL;
	buf_free(&b);
	return yes;
}

TEST(compat_notice_told_benign)
{
	static const struct {
		const char *prog, *msg;
		bool compat;
	} rows[] = {
	    {"postfix", "Postfix is running with backwards-compatible default settings", true},
	    {"postfix/smtpd", "using backwards-compatible default setting smtputf8_enable=no", true},
	    {"postfix/postscreen", "using backwards-compatible default setting postscreen_dnsbl_ttl=1h", true},
	    {"postfix/master", "/etc/postfix/master.cf: line 12: using backwards-compatible default setting chroot=y", true},
	    {"postfix/smtp", "using backwards-compatible default setting mynetworks_style=subnet to permit "
			     "request from client \"192.0.2.1\"", true},
	    /* look-alikes: master's own start, smtpd's other informational lines */
	    {"postfix/master", "daemon started -- version 3.9.1, configuration /etc/postfix", false},
	    {"postfix/smtpd", "discarding EHLO keywords: CHUNKING", false},
	    {"postfix/postscreen", "cache btree:/var/lib/postfix/postscreen_cache full cleanup: retained=3 "
				   "dropped=1 entries", false},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct event *ev = progs_msg(rows[i].prog, rows[i].msg);
		if (says_compat(ev) != rows[i].compat)
			test_fail(__FILE__, __LINE__, "row %zu: compat %d, type %s action %.*s", i, !rows[i].compat,
				  progs_type(ev), (int)ev->action.n, ev->action.p);
	}
}

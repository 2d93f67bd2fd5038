/*
 * test_bare_own_reason.c - a delivery status pasted from "status=" on,
 * in the words of this host's own delivery agents (bare.c
 * own_reason_daemon): local's and virtual's "unknown user", local's (and
 * pipe's) "mail forwarding loop for", local's "cannot update mailbox";
 * and the look-alikes that stay unread.
 */
#include "tap.h"
#include "syslog/prefix.h"

static const char *bare(const char *text)
{
	const char *d = syslog_bare_daemon(span_of(text));
	return d ? d : "";
}

TEST(bare_status_fragment_own_agent)
{
	/* local/unknown.c names the local part, virtual/unknown.c the address */
	CHECK_STR(bare("status=bounced (unknown user: \"eimis\")"), "local");
	CHECK_STR(bare("status=bounced (unknown user: \"ann@example.com\")"), "virtual");
	/* local/recipient.c, pipe.c */
	CHECK_STR(bare("status=bounced (mail forwarding loop for USER@DOMAIN.TLD)"), "local");
	CHECK_STR(bare("status=deferred (cannot update mailbox /var/mail/ann for user ann. "
		       "cannot open file: Permission denied)"),
		  "local");
}

TEST(bare_status_fragment_lookalikes)
{
	/* an open quote never closed, an empty name: not local's format */
	CHECK_STR(bare("status=bounced (unknown user: \"eimis)"), "");
	CHECK_STR(bare("status=bounced (unknown user: \"\")"), "");
	/* prose that quotes the words without a status */
	CHECK_STR(bare("it said unknown user: \"eimis\""), "");
	/* a mailbox that is no path, a status far from its parenthesis */
	CHECK_STR(bare("status=deferred (cannot update mailbox for user ann.)"), "");
	CHECK_STR(bare("status=bounced because of (mail forwarding loop for a@example.com)"), "");
	/* a loop that names no address */
	CHECK_STR(bare("status=bounced (mail forwarding loop for )"), "");
	CHECK_STR(bare("status=bounced (mail forwarding loop for "), "");
	/* relay=none is error(8)'s or qmgr's, whatever the words */
	CHECK_STR(bare("to=<b@example.com>, relay=none, status=bounced (unknown user: \"b\")"), "");
}

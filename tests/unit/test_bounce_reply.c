/*
 * test_bounce_reply.c - a refusal of smtpd pasted alone becomes the
 * "NOQUEUE: reject:" line that carried it (syslog/bounce_reply.c; threads
 * AQ 04, AQ 10): with and without its codes and address, indented, cut at
 * the log line's ';'; the client's own refusals, prose quoting a reply, a
 * transcript's "Out:" line and a notice's paragraph are not read so;
 * hostile lengths and bytes bounded, each line in a heap buffer of its
 * exact size (ASan sees an over-read).  Then verify_reply.c's reading of
 * the refusal: a probe that failed on this server, and words a quoted
 * local part holds that do not count.
 */
#include "bm_feed.h"
#include "parse/event.h"

#include <stdio.h>

TEST(reply_alone_read_as_smtpd_refusal)
{
	CHECK_MADE("550 5.1.1 <admin@abit.dev>: Recipient address rejected: undeliverable address: mail "
		   "for abit.dev loops back to myself\n",
		   "1 smtpd: NOQUEUE: reject: RCPT from unknown[unknown]: 550 5.1.1 <admin@abit.dev>: "
		   "Recipient address rejected: undeliverable address: mail for abit.dev loops back to "
		   "myself; to=<admin@abit.dev>\n");
	/* no code, cut at the log line's ';' (AQ 10) */
	CHECK_MADE("Recipient address rejected: unverified address: unknown mail transport error;\n",
		   "1 smtpd: NOQUEUE: reject: RCPT from unknown[unknown]: Recipient address rejected: "
		   "unverified address: unknown mail transport error\n");
	/* a sender's refusal answers MAIL FROM; indented in a code block */
	CHECK_MADE("    553-5.7.1 <ann@example.org>: Sender address rejected: not owned by user bob\n",
		   "1 smtpd: NOQUEUE: reject: MAIL from unknown[unknown]: 553-5.7.1 <ann@example.org>: "
		   "Sender address rejected: not owned by user bob; from=<ann@example.org>\n");
	/* two in a row: each its own line */
	CHECK_MADE("450 4.1.1 <a@x.example>: Recipient address rejected: unverified address: x\n"
		   "450 <b@x.example>: Recipient address rejected: unverified address: y\n",
		   "1 smtpd: NOQUEUE: reject: RCPT from unknown[unknown]: 450 4.1.1 <a@x.example>: "
		   "Recipient address rejected: unverified address: x; to=<a@x.example>\n"
		   "2 smtpd: NOQUEUE: reject: RCPT from unknown[unknown]: 450 <b@x.example>: Recipient "
		   "address rejected: unverified address: y; to=<b@x.example>\n");
}

/* the client's own refusals, prose, a transcript, broken codes and
 * addresses, a notice's paragraph: not a refusal pasted alone */
TEST(reply_alone_look_alikes_not_read)
{
	static const char *const none[] = {
	    "554 5.7.1 <someone@gmail.com>: Relay access denied\n",
	    "450 4.7.1 Client host rejected: cannot find your hostname, [203.0.113.5]\n",
	    "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname\n",
	    "The server said 550 5.1.1 <a@b.example>: Recipient address rejected: User unknown\n",
	    "Out: 550 5.1.1 <a@b.example>: Recipient address rejected: User unknown\n",
	    "250 2.1.5 <a@b.example>: Recipient address rejected: no\n",
	    "550 5.1.1 <a b@c.example>: Recipient address rejected: User unknown\n",
	    "550 5.1.1 <a@c.example> Recipient address rejected: User unknown\n",
	    "550 5.1.1 <a\x1b[2J@c.example>: Recipient address rejected: User unknown\n",
	    "550 5.1.1 <>: Recipient address rejected: User unknown\n",
	    "550 5.1.1 <a@b.example>: recipient address rejected: User unknown\n",
	};
	for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
		unsigned n = 9;
		char *got = bm_feed(none[i], &n);
		if (n != 0)
			fprintf(stderr, "  line %zu made: %s", i, got);
		CHECK(n == 0);
		free(got);
	}
	/* a returned-mail paragraph's reply, wrapped: the smtp client's line */
	CHECK_MADE("This is the mail system at host mx.example.org.\n"
		   "<ann@example.net>: host mx.example.net[192.0.2.7] said: 550 5.1.1\n"
		   "    <ann@example.net>: Recipient address rejected: User unknown (in reply to\n"
		   "    RCPT TO command)\n",
		   "2 smtp: to=<ann@example.net>, relay=mx.example.net[192.0.2.7], status=bounced (host "
		   "mx.example.net[192.0.2.7] said: 550 5.1.1 <ann@example.net>: Recipient address "
		   "rejected: User unknown (in reply to RCPT TO command))\n");
}

TEST(reply_alone_hostile_bounded)
{
	static char t[6000];
	/* an address longer than any kept: not read */
	size_t n = (size_t)snprintf(t, sizeof t, "550 <");
	memset(t + n, 'a', 400);
	n += 400;
	n += (size_t)snprintf(t + n, sizeof t - n, "@x>: Recipient address rejected: y\n");
	unsigned made = 9;
	free(bm_feed(t, &made));
	CHECK(made == 0);
	/* a reply longer than BM_TEXT_MAX: cut, one line made */
	n = (size_t)snprintf(t, sizeof t, "550 Recipient address rejected: ");
	memset(t + n, 'z', 4000);
	n += 4000;
	t[n++] = '\n';
	t[n] = 0;
	char *got = bm_feed(t, &made);
	CHECK(made == 1);
	CHECK(strlen(got) < BM_TEXT_MAX + 200);
	free(got);
	/* a control byte ends the reply */
	CHECK_MADE("550 <a@b.example>: Recipient address rejected: x\x1b[2Jy\n",
		   "1 smtpd: NOQUEUE: reject: RCPT from unknown[unknown]: 550 <a@b.example>: Recipient "
		   "address rejected: x; to=<a@b.example>\n");
}

/* probe_local - ev_verify_probe_local of a refusal's text, the event's
 * recipient and sender as given; *why copied to why */
static bool probe_local(const char *reason, const char *to, const char *from, char *why, size_t max)
{
	struct logline l = {0};
	struct event ev = {0};
	ev.line = &l;
	ev.type = EV_REJECT;
	ev.reason = span_of(reason);
	ev.to = span_of(to);
	ev.from = span_of(from);
	struct span w = SPAN_NULL;
	bool yes = ev_verify_probe_local(&ev, &w);
	snprintf(why, max, "%.*s", (int)w.n, w.p ? w.p : "");
	return yes;
}

TEST(verify_probe_failed_here)
{
	char why[256];
	CHECK(probe_local("<admin@abit.dev>: Recipient address rejected: undeliverable address: mail for "
			  "abit.dev loops back to myself", "admin@abit.dev", "a@example.net", why, sizeof why));
	CHECK_STR(why, "mail for abit.dev loops back to myself");
	CHECK(probe_local("<dmarc@abit.dev>: Recipient address rejected: unverified address: delivery "
			  "temporarily suspended: unknown mail transport error", "dmarc@abit.dev", "", why,
			  sizeof why));
	CHECK_STR(why, "delivery temporarily suspended: unknown mail transport error");
	CHECK(probe_local("<s@abit.dev>: Sender address rejected: unverified address: mail transport "
			  "unavailable", "x@y.example", "s@abit.dev", why, sizeof why));
	CHECK(probe_local("Recipient address rejected: unverified address: unknown mail transport error",
			  "", "", why, sizeof why));
	/* the next hop's answer, another cause, the address not the line's own */
	CHECK(!probe_local("<o@abit.dev>: Recipient address rejected: unverified address: host "
			   "m[10.0.0.5] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
			   "o@abit.dev", "", why, sizeof why));
	CHECK(!probe_local("<o@abit.dev>: Recipient address rejected: undeliverable address: unknown "
			   "user: \"o\"", "o@abit.dev", "", why, sizeof why));
	CHECK(!probe_local("<o@abit.dev>: Recipient address rejected: undeliverable address: mail for "
			   "abit.dev loops back to myself", "p@abit.dev", "q@abit.dev", why, sizeof why));
	/* words in a quoted local part do not count */
	const char *q = "\"x Recipient address rejected: undeliverable address: mail for a loops back to "
			"myself\"@abit.dev";
	char reason[400];
	snprintf(reason, sizeof reason, "<%s>: Recipient address rejected: User unknown in virtual "
		 "mailbox table", q);
	CHECK(!probe_local(reason, q, "", why, sizeof why));
	CHECK(!probe_local("<\"unknown mail transport error\"@abit.dev>: Recipient address rejected: "
			   "undeliverable address: unknown user: \"unknown mail transport error\"",
			   "\"unknown mail transport error\"@abit.dev", "", why, sizeof why));
	/* a reply whose loop has no domain's words around it */
	CHECK(!probe_local("<a@b>: Recipient address rejected: undeliverable address: loops back to myself",
			   "a@b", "", why, sizeof why));
	/* no recipient nor sender at all (unset spans): nothing to skip */
	{
		struct logline l = {0};
		struct event ev = {0};
		ev.line = &l;
		ev.type = EV_REJECT;
		ev.reason = span_of("<>: Recipient address rejected: undeliverable address: mail for a.example "
				    "loops back to myself");
		CHECK(!ev_verify_probe_local(&ev, NULL));
	}
	/* no reason, an empty reason, another event */
	CHECK(!probe_local("", "", "", why, sizeof why));
	CHECK(!probe_local("<", "", "", why, sizeof why));
}

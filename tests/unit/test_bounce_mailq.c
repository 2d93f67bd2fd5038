/*
 * test_bounce_mailq.c - a pasted bounce report's paragraphs and mailq's
 * entries become the Postfix lines that log the same facts
 * (syslog/bounce_mailq.c): wrapped paragraphs joined, the notice's kind
 * from its heading, prose left alone, entries with their reasons and
 * recipients, a held entry, a reason cut off; hostile lengths bounded,
 * each line in a heap buffer of its exact size (ASan sees an over-read).
 */
#include "bm_feed.h"

TEST(bounce_report_paragraph_joined)
{
	CHECK_MADE("This is the mail system at host mail.example.org.\n"
		   "\n"
		   "<admin@example.net> (expanded from <root>): host\n"
		   "    mx.example.net[198.51.100.25] said: 504 5.5.2 <root@localhost>: Sender\n"
		   "    address rejected: need fully-qualified address (in reply to RCPT TO\n"
		   "    command)\n"
		   "\n"
		   "<b@example.com>: unknown user: \"b\"\n",
		   "3 smtp: to=<admin@example.net>, orig_to=<root>, relay=mx.example.net[198.51.100.25], status=bounced (host "
		   "mx.example.net[198.51.100.25] said: 504 5.5.2 <root@localhost>: Sender address "
		   "rejected: need fully-qualified address (in reply to RCPT TO command))\n"
		   "8 error: to=<b@example.com>, relay=none, status=bounced (unknown user: \"b\")\n");
}

/* a one-line reply cut after its code by a mail program that dropped the
 * indent of its wrapped lines goes on up to its "(in reply to"; after a
 * blank line the next words are not its own (threads38BK) */
TEST(bounce_one_line_reply_unindented)
{
	CHECK_MADE("<f@example.net>: host mx01.example.org[198.51.100.57] said: 554 5.7.1\n"
		   "Your message was rejected due to example.com's DMARC policy. See\n"
		   "https://support.example.org/ht1 for info (in reply to end of DATA command)\n",
		   "1 smtp: to=<f@example.net>, relay=mx01.example.org[198.51.100.57], status=bounced (host "
		   "mx01.example.org[198.51.100.57] said: 554 5.7.1 Your message was rejected due to "
		   "example.com's DMARC policy. See https://support.example.org/ht1 for info (in reply to "
		   "end of DATA command))\n");
	CHECK_MADE("<f@example.net>: host mx01.example.org[198.51.100.57] said: 554 5.7.1\n"
		   "\n"
		   "Why does this keep happening with spam?\n",
		   "1 smtp: to=<f@example.net>, relay=mx01.example.org[198.51.100.57], status=bounced (host "
		   "mx01.example.org[198.51.100.57] said: 554 5.7.1)\n");
}

TEST(bounce_delay_warning_is_deferred)
{
	CHECK_MADE("This is the mail system at host mail.example.org.\n"
		   "####################################################################\n"
		   "# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
		   "####################################################################\n"
		   "\n"
		   "<c@example.com>: connect to mx.example.com[203.0.113.9]:25: Connection\n"
		   "    timed out\n",
		   "6 smtp: to=<c@example.com>, relay=mx.example.com[203.0.113.9]:25, status=deferred "
		   "(connect to mx.example.com[203.0.113.9]:25: Connection timed out)\n");
	/* the next notice's heading starts over: returned mail again */
	CHECK_MADE("# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n"
		   "This is the mail system at host mail.example.org.\n"
		   "<c@example.com>: delivery temporarily suspended: connect to x[192.0.2.1]:25: "
		   "Connection refused\n",
		   "3 error: to=<c@example.com>, relay=none, status=bounced (delivery temporarily "
		   "suspended: connect to x[192.0.2.1]:25: Connection refused)\n");
}

/* a delivery's reason pasted alone, no recipient, no notice: one
 * failure of "<>", bounced for a 5xx, else deferred; prose that only
 * starts like one stays text */
TEST(lone_reason_read)
{
	CHECK_MADE("host smtp.example.net[192.0.2.25] said: 550 Unauthenticated senders not allowed (in "
		   "reply to MAIL FROM command)\n",
		   "1 smtp: to=<>, relay=smtp.example.net[192.0.2.25], status=bounced (host "
		   "smtp.example.net[192.0.2.25] said: 550 Unauthenticated senders not allowed (in reply "
		   "to MAIL FROM command))\n");
	CHECK_MADE("delivery temporarily suspended: SASL authentication failed; cannot authenticate to "
		   "server smtp.example.net[192.0.2.25]: no mechanism available\n",
		   "1 error: to=<>, relay=none, status=deferred (delivery temporarily suspended: SASL "
		   "authentication failed; cannot authenticate to server smtp.example.net[192.0.2.25]: "
		   "no mechanism available)\n");
	CHECK_MADE("SASL authentication failed; server smtp.example.net[192.0.2.25] said: 535 5.7.8 "
		   "Error: authentication failed\n",
		   "1 smtp: to=<>, relay=none, status=deferred (SASL authentication failed; server "
		   "smtp.example.net[192.0.2.25] said: 535 5.7.8 Error: authentication failed)\n");
	CHECK_MADE("postfix_1  | host smtp.example.net[192.0.2.25] said: 454 Throttling failure: Daily "
		   "message quota exceeded. (in reply to end of DATA command)\n",
		   "1 smtp: to=<>, relay=smtp.example.net[192.0.2.25], status=deferred (host "
		   "smtp.example.net[192.0.2.25] said: 454 Throttling failure: Daily message quota exceeded. "
		   "(in reply to end of DATA command))\n");
	/* local(8)'s reason, as its status line's parentheses hold it */
	CHECK_MADE("(cannot update mailbox /var/mail/amavis for user amavis. destination "
		   "/var/mail/amavis is not owned by recipient)\n",
		   "1 local: to=<>, relay=local, status=deferred (cannot update mailbox /var/mail/amavis for "
		   "user amavis. destination /var/mail/amavis is not owned by recipient)\n");
	/* a reply quoted from its text on, its "host H[A] said: " left out:
	 * the SMTP client's own "(in reply to NAME command)" ends it */
	CHECK_MADE("Error: too many hops (in reply to end of DATA command)\n",
		   "1 smtp: to=<>, relay=none, status=deferred (Error: too many hops (in reply to end of "
		   "DATA command))\n");
	CHECK_MADE("  554 5.7.1 Message rejected as spam (in reply to RCPT TO command)  \n",
		   "1 smtp: to=<>, relay=none, status=bounced (554 5.7.1 Message rejected as spam (in reply "
		   "to RCPT TO command))\n");
	unsigned n;
	char *got = bm_feed("host names are case-blind, said: the manual\n"
			 "I wrote back (in reply to his command)\n"
			 "(in reply to end of DATA command)\n"
			 "it failed (in reply to FOO command)\n"
			 "x (in reply to command)\n"
			 "0AE0C1165BC: host mx.example.net[192.0.2.9] said: 450 4.2.0 <a@example.net>: "
			 "Recipient address rejected: Greylisted (in reply to RCPT TO command)\n"
			 "x (in reply to  command)\n"
			 "it failed (in reply to end of DATA command) twice\n"
			 "(cannot update mailbox settings in the web panel)\n"
			 "cannot update mailbox quota for user bob\n"
			 "connect to the database failed: timeout\n"
			 "SASL authentication failed; try again\n",
			 &n);
	CHECK_INT(n, 0);
	free(got);
}

TEST(bounce_success_and_prose_not_read)
{
	unsigned n;
	char *got = bm_feed("This is the mail system at host mail.example.org.\n"
			 "Your message was successfully delivered to the destination(s)\n"
			 "<d@example.com>: delivery via mx.example.com[203.0.113.9]:25: 250 2.0.0 Ok\n",
			 &n);
	CHECK_INT(n, 0);
	free(got);
	/* no notice: only a failure's words are read */
	got = bm_feed("<me@example.com>: my address, write to me\n"
		   "<me@example.com>: host mx said it\n"
		   "<me@example.com> (expanded from <x>) something: host a[192.0.2.1] said: 550 no\n",
		   &n);
	CHECK_INT(n, 0);
	free(got);
	CHECK_MADE("> <e@example.com>: host mx.example.com[203.0.113.9] said: 550 5.1.1 No\n"
		   ">     such user (in reply to RCPT TO command)\n",
		   "1 smtp: to=<e@example.com>, relay=mx.example.com[203.0.113.9], status=bounced (host "
		   "mx.example.com[203.0.113.9] said: 550 5.1.1 No such user (in reply to RCPT TO "
		   "command))\n");
}

TEST(mailq_entries)
{
	CHECK_MADE(
	    "-Queue ID-  --Size-- ----Arrival Time---- -Sender/Recipient-------\n"
	    "4C3F812350*     1520 Thu Mar 21 00:35:27  www-data@host.example.org\n"
	    "                                         alice@example.net\n"
	    "\n"
	    "8D2A1B3C4E      2048 Thu Mar 21 00:30:01  news@example.org\n"
	    "(host mx.example.net[198.51.100.25] said: 450 4.1.8 <news@example.org>: Sender address "
	    "rejected: Domain not found (in reply to RCPT TO command))\n"
	    "                                         bob@example.net\n"
	    "                       (connect to mx.example.com[203.0.113.9]:25: Connection timed out)\n"
	    "                                         carol@example.com\n"
	    "\n"
	    "9E1F2A3B4C!      980 Wed Mar 20 23:10:44  MAILER-DAEMON\n"
	    "                                         dave@example.com\n"
	    "\n"
	    "-- 4 Kbytes in 3 Requests.\n",
	    "2 qmgr: 4C3F812350: from=<www-data@host.example.org>, size=1520, nrcpt=1 (queue active)\n"
	    "5 qmgr: 8D2A1B3C4E: from=<news@example.org>, size=2048, nrcpt=2 (queue active)\n"
	    "5 smtp: 8D2A1B3C4E: to=<bob@example.net>, relay=mx.example.net[198.51.100.25], status=deferred (host "
	    "mx.example.net[198.51.100.25] said: 450 4.1.8 <news@example.org>: Sender address rejected: "
	    "Domain not found (in reply to RCPT TO command))\n"
	    "5 smtp: 8D2A1B3C4E: to=<carol@example.com>, relay=mx.example.com[203.0.113.9]:25, status=deferred (connect to "
	    "mx.example.com[203.0.113.9]:25: Connection timed out)\n"
	    "11 postsuper: 9E1F2A3B4C: placed on hold\n");
}

TEST(mailq_reason_wrapped_or_cut)
{
	/* a terminal wrapped the reason; a fence closed the paste */
	CHECK_MADE("49B2E5CA9A      770 Thu Mar 21 00:35:27  www-data@ip-172-16-0-5.internal\n"
		   "(host mx.example.net[198.51.100.25] said: 450 4.1.8 <www-data@ip-172-16-0-5.internal>:\n"
		   "Sender address rejected: Domain not found (in reply to RCPT TO command)) ```\n",
		   "1 qmgr: 49B2E5CA9A: from=<www-data@ip-172-16-0-5.internal>, size=770, nrcpt=1 (queue "
		   "active)\n"
		   "1 smtp: 49B2E5CA9A: to=<>, relay=mx.example.net[198.51.100.25], status=deferred (host "
		   "mx.example.net[198.51.100.25] said: 450 4.1.8 <www-data@ip-172-16-0-5.internal>: "
		   "Sender address rejected: Domain not found (in reply to RCPT TO command))\n");
	/* not an entry: no date, a word for a size */
	unsigned n;
	char *got = bm_feed("4C3F812350 big Thu Mar 21 00:35:27 a@example.org\n"
			 "4C3F812350 12 Thu Mar 21 00:35 a@example.org\n"
			 "4C3F8 12 Thu Mar 21 00:35:27 a@example.org\n",
			 &n);
	CHECK_INT(n, 0);
	free(got);
}

TEST(bounce_mailq_hostile_lengths)
{
	/* an address past the bound, a reason past it, a "(" never closed */
	size_t big = 5000;
	char *t = malloc(3 * big + 400);
	size_t k = 0;
	k += (size_t)sprintf(t + k, "This is the mail system at host x.\n<");
	memset(t + k, 'a', big);
	k += big;
	k += (size_t)sprintf(t + k, ">: host x said: 550 no\n<f@example.com>: host ");
	memset(t + k, 'b', big);
	k += big;
	k += (size_t)sprintf(t + k, " said: 550 no\n4C3F812350      1 Thu Mar 21 00:35:27  a@example.org\n(");
	memset(t + k, 'c', big);
	k += big;
	t[k++] = '\n';
	for (int i = 0; i < 20; i++)
		k += (size_t)sprintf(t + k, "(more\n");
	t[k] = 0;
	unsigned n;
	char *got = bm_feed(t, &n);
	/* the paragraph with a sane address (its reason cut), the entry and
	 * its one deferral (the open reason cut after a few lines) */
	CHECK_INT(n, 3);
	CHECK(strstr(got, "to=<f@example.com>") != NULL);
	CHECK(strlen(got) < 4 * BM_TEXT_MAX);
	free(got);
	free(t);
}

/* the relay the reason names, as Postfix logs it beside the reason: the
 * LMTP client told by its port or socket (real mailq output of the e2e
 * diag instance, rewritten); the retry service's deferral stays relay=none */
TEST(mailq_reason_relay_and_program)
{
	CHECK_MADE("D1B61A72175     468 Sat Dec  5 06:27:06  MAILER-DAEMON\n"
		   "                      (connect to 127.0.0.1[127.0.0.1]:24: Connection refused)\n"
		   "                                         carol@example.com\n"
		   "DBE69A72169     475 Sat Dec  5 06:27:06  MAILER-DAEMON\n"
		   "(connect to mx1.example.com[private/dovecot-lmtp]: No such file or directory)\n"
		   "                                         team@example.com\n"
		   "D4CBDA72184     468 Sat Dec  5 06:27:06  MAILER-DAEMON\n"
		   "(delivery temporarily suspended: connect to 127.0.0.1[127.0.0.1]:24: Connection "
		   "refused)\n"
		   "                                         alice@example.com\n"
		   "D4D50A72193     465 Sat Dec  5 06:27:06  MAILER-DAEMON\n"
		   "                                                  (mail transport unavailable)\n"
		   "                                         sales@example.org\n",
		   "1 qmgr: D1B61A72175: from=<>, size=468, nrcpt=1 (queue active)\n"
		   "1 lmtp: D1B61A72175: to=<carol@example.com>, relay=127.0.0.1[127.0.0.1]:24, "
		   "status=deferred (connect to 127.0.0.1[127.0.0.1]:24: Connection refused)\n"
		   "4 qmgr: DBE69A72169: from=<>, size=475, nrcpt=1 (queue active)\n"
		   "4 lmtp: DBE69A72169: to=<team@example.com>, relay=mx1.example.com[private/dovecot-lmtp], "
		   "status=deferred (connect to mx1.example.com[private/dovecot-lmtp]: No such file or "
		   "directory)\n"
		   "7 qmgr: D4CBDA72184: from=<>, size=468, nrcpt=1 (queue active)\n"
		   "7 error: D4CBDA72184: to=<alice@example.com>, relay=none, status=deferred (delivery "
		   "temporarily suspended: connect to 127.0.0.1[127.0.0.1]:24: Connection refused)\n"
		   "10 qmgr: D4D50A72193: from=<>, size=465, nrcpt=1 (queue active)\n"
		   "10 error: D4D50A72193: to=<sales@example.org>, relay=none, status=deferred (mail "
		   "transport unavailable)\n");
}

/* a server's reply pasted alone, as a DSN quotes it ("host H[A] refused
 * to talk to me:" wrapped on indented lines, or on one line): read as
 * an unknown recipient's status, bounced for a 5XX, deferred for a 4XX;
 * the same words without a server ("host is down") stay prose */
TEST(bounce_reply_pasted_without_recipient)
{
	CHECK_MADE("host mx00.example.net[192.0.2.9] refused to talk to me:\n"
		   "    554-example.net Service not available 554-Bad DNS PTR resource record.\n"
		   "    554 For explanation visit https://example.net/rdns\n",
		   "1 smtp: to=<>, relay=mx00.example.net[192.0.2.9], status=bounced (host "
		   "mx00.example.net[192.0.2.9] refused to talk to me: 554-example.net Service "
		   "not available 554-Bad DNS PTR resource record. 554 For explanation visit "
		   "https://example.net/rdns)\n");
	CHECK_MADE("host mx.example.org[198.51.100.7] said: 451 4.7.1 Try again later (in reply to RCPT TO command)\n",
		   "1 smtp: to=<>, relay=mx.example.org[198.51.100.7], status=deferred (host "
		   "mx.example.org[198.51.100.7] said: 451 4.7.1 Try again later (in reply to RCPT TO "
		   "command))\n");
	CHECK_MADE("host is down, said: the admin\nhost mx.example.org said: 550 no\n", "");
}

/* a DSN pasted through a markdown editor: the addresses and host names
 * it linked to themselves are unlinked, and the blank lines it put
 * between the wrapped pieces do not end the paragraph (two do) */
TEST(bounce_paragraph_markdown_links_and_doubled_lines)
{
	CHECK_MADE("<[a@example.com](mailto:a@example.com)>: host [mx.example.com](http://mx.example.com/)[192.0.2.5] said:\n"
		   "\n"
		   "    550-5.7.26 This message does not pass authentication checks (SPF and DKIM\n"
		   "\n"
		   "    both do not pass). SPF check for [[example.org](http://example.org/)] (in reply to end of DATA command)\n",
		   "1 smtp: to=<a@example.com>, relay=mx.example.com[192.0.2.5], status=bounced (host "
		   "mx.example.com[192.0.2.5] said: 550-5.7.26 This message does not pass "
		   "authentication checks (SPF and DKIM both do not pass). SPF check for "
		   "[example.org] (in reply to end of DATA command))\n");
	/* a link to elsewhere stays; two blank lines end the paragraph */
	CHECK_MADE("<a@example.com>: host mx.example.com[192.0.2.5] said: 550 see [here](https://example.net/x)\n"
		   "\n"
		   "\n"
		   "    550 not a piece of it\n",
		   "1 smtp: to=<a@example.com>, relay=mx.example.com[192.0.2.5], status=bounced (host "
		   "mx.example.com[192.0.2.5] said: 550 see [here](https://example.net/x))\n");
	/* hostile: unclosed brackets and links longer than the buffers */
	char big[3000];
	memset(big, '[', sizeof big - 1);
	big[sizeof big - 1] = 0;
	unsigned n;
	char *got = bm_feed(big, &n);
	CHECK(n == 0);
	free(got);
}

/* a reason copied from the server's name on: the "host" that bounce(8)
 * left at the end of the line above is missing; read as "host H[A] said:
 * ..." when a 4XX or 5XX reply follows on the line, else left as prose */
TEST(bounce_reason_host_word_cut)
{
	CHECK_MADE("  mx.example.com[192.0.2.5] said: 550 5.7.1\n"
		   "    Unfortunately, messages from [198.51.100.9] weren't sent. (in reply to MAIL\n"
		   "    FROM command)\n",
		   "1 smtp: to=<>, relay=mx.example.com[192.0.2.5], status=bounced (host "
		   "mx.example.com[192.0.2.5] said: 550 5.7.1 Unfortunately, messages from "
		   "[198.51.100.9] weren't sent. (in reply to MAIL FROM command))\n");
	unsigned n;
	char *got = bm_feed("  mx.example.com[192.0.2.5] said: we have no block list\n"
			 "localhost[127.0.0.1] said: 550 no dot in the name\n"
			 "mx.example.com[192.0.2.5 said: 550 unclosed\n"
			 "mx.example.com[192.0.2.5] said: 5500 not a code\n",
			 &n);
	CHECK(n == 0);
	free(got);
}

/* a reply wrapped by a mail program without indenting it (a
 * non-delivery report copied from a mail client, in inline code): its
 * lines go on with the reason alone while they carry the reply's code
 * and enhanced status and it has not reached "(in reply to"; an indented
 * multi-line reply ("550-5.7.25") starts a reason with its host word cut;
 * prose, a log line or another code ends it (threads AM 02, AM 13) */
TEST(bounce_reply_wrapped_unindented)
{
	CHECK_MADE("`host mx.example.net[192.0.2.27] said:\n"
		   "550-5.7.26 This mail has been blocked because the sender is\n"
		   "unauthenticated. 550-5.7.26 Authenticate with SPF or DKIM.\n"
		   "instructions on setting up authentication: 550 5.7.26`\n",
		   "1 smtp: to=<>, relay=mx.example.net[192.0.2.27], status=bounced (host "
		   "mx.example.net[192.0.2.27] said: 550-5.7.26 This mail has been blocked because the "
		   "sender is unauthenticated. 550-5.7.26 Authenticate with SPF or DKIM. instructions on "
		   "setting up authentication: 550 5.7.26)\n");
	CHECK_MADE("```\n"
		   "    mx.example.net[2001:db8::1b] said: 550-5.7.25\n"
		   "    [MY_IPV6] The IP address has no PTR record\n"
		   "    550 5.7.25 information. (in reply to end\n"
		   "    of DATA command)\n"
		   "```\n",
		   "2 smtp: to=<>, relay=mx.example.net[2001:db8::1b], status=bounced (host "
		   "mx.example.net[2001:db8::1b] said: 550-5.7.25 [MY_IPV6] The IP address has no PTR "
		   "record 550 5.7.25 information. (in reply to end of DATA command))\n");
	/* another code, prose without the code, a line after "(in reply to" */
	CHECK_MADE("host mx.example.net[192.0.2.27] said: 550-5.7.26 blocked\n"
		   "550-5.7.1 another reply\n",
		   "1 smtp: to=<>, relay=mx.example.net[192.0.2.27], status=bounced (host "
		   "mx.example.net[192.0.2.27] said: 550-5.7.26 blocked)\n");
	CHECK_MADE("host mx.example.net[192.0.2.27] said: 550-5.7.26 blocked\n"
		   "so I asked the provider about 550-5.7.260\n",
		   "1 smtp: to=<>, relay=mx.example.net[192.0.2.27], status=bounced (host "
		   "mx.example.net[192.0.2.27] said: 550-5.7.26 blocked)\n");
	CHECK_MADE("host mx.example.net[192.0.2.27] said: 550 5.7.26 blocked (in reply to end of DATA command)\n"
		   "550 5.7.26 again\n",
		   "1 smtp: to=<>, relay=mx.example.net[192.0.2.27], status=bounced (host "
		   "mx.example.net[192.0.2.27] said: 550 5.7.26 blocked (in reply to end of DATA "
		   "command))\n");
	/* a code cut short or hostile bytes after "said:" */
	CHECK_MADE("host mx.example.net[192.0.2.27] said:\n550-5.\n", "");
}

TEST(bounce_paragraph_reply_unindented)
{
	/* a notice's paragraph whose indent a web page lost (threads AT 09):
	 * the reply's lines that carry its code go on with the recipient's
	 * paragraph; a line without the code ends it */
	CHECK_MADE("<a@example.org>: host mx.example.net[2001:db8::1b] said:\n"
		   "550-5.7.1 [2001:db8::5] Gmail has detected that this\n"
		   "550-5.7.1 message does not meet IPv6 sending guidelines regarding PTR\n"
		   "records 550-5.7.1 and authentication. For more information, go to 550\n"
		   "5.7.1\n",
		   "1 smtp: to=<a@example.org>, relay=mx.example.net[2001:db8::1b], status=bounced (host "
		   "mx.example.net[2001:db8::1b] said: 550-5.7.1 [2001:db8::5] Gmail has detected that "
		   "this 550-5.7.1 message does not meet IPv6 sending guidelines regarding PTR records "
		   "550-5.7.1 and authentication. For more information, go to 550)\n");
	/* look-alikes: a paragraph read to its "(in reply to", then a line
	 * with the code; prose without the code after an open reply */
	CHECK_MADE("<a@example.org>: host mx.example.net[192.0.2.27] said: 550 5.7.1 no (in reply to\n"
		   "    end of DATA command)\n"
		   "550 5.7.1 quoted again\n",
		   "1 smtp: to=<a@example.org>, relay=mx.example.net[192.0.2.27], status=bounced (host "
		   "mx.example.net[192.0.2.27] said: 550 5.7.1 no (in reply to end of DATA command))\n");
	CHECK_MADE("<a@example.org>: host mx.example.net[192.0.2.27] said: 550-5.7.1 blocked\n"
		   "what does this mean?\n",
		   "1 smtp: to=<a@example.org>, relay=mx.example.net[192.0.2.27], status=bounced (host "
		   "mx.example.net[192.0.2.27] said: 550-5.7.1 blocked)\n");
}

/*
 * test_bounce_dsn.c - a pasted DSN's recipient fields become the status
 * line Postfix logged for that recipient (syslog/bounce_dsn.c): the
 * Diagnostic-Code pasted alone and wrapped (threads AV 04), a whole
 * delivery-status part with two recipients, Action: delayed, an
 * X-Postfix reason told by its own agent, a success DSN and prose that
 * only names a field telling nothing; hostile lengths bounded, each line
 * in a heap buffer of its exact size (ASan sees an over-read).
 */
#include "bm_feed.h"

TEST(dsn_diagnostic_code_alone_wrapped)
{
	CHECK_MADE("Diagnostic-Code: smtp; 550-5.7.1 [2001:db8:1000:16da::] Our system has\n"
		   "    detected that this message does 550-5.7.1 not meet IPv6 sending guidelines\n"
		   "    regarding PTR records and 550-5.7.1 authentication. - gsmtp\n",
		   "1 smtp: to=<>, relay=none, status=bounced (550-5.7.1 [2001:db8:1000:16da::] Our system has "
		   "detected that this message does 550-5.7.1 not meet IPv6 sending guidelines regarding PTR "
		   "records and 550-5.7.1 authentication. - gsmtp)\n");
}

TEST(dsn_two_recipients_and_status)
{
	CHECK_MADE("Reporting-MTA: dns; mail.example.com\n"
		   "X-Postfix-Queue-ID: 4B1B2C3D4E\n"
		   "Arrival-Date: Tue, 10 Mar 2026 09:20:11 +0000 (UTC)\n"
		   "\n"
		   "Final-Recipient: rfc822; ann@example.net\n"
		   "Original-Recipient: rfc822;ann@example.net\n"
		   "Action: failed\n"
		   "Status: 5.7.1\n"
		   "Remote-MTA: dns; mx.example.net\n"
		   "Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host\n"
		   "    [203.0.113.5] blocked using zen.spamhaus.org\n"
		   "\n"
		   "Final-Recipient: rfc822; bob@example.org\n"
		   "Action: delayed\n"
		   "Status: 4.4.1\n"
		   "Diagnostic-Code: X-Postfix; connect to mx.example.org[2001:db8::25]:25: Network\n"
		   "    is unreachable\n"
		   "Thanks\n",
		   "5 smtp: to=<ann@example.net>, relay=none, dsn=5.7.1, status=bounced (554 5.7.1 Service "
		   "unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org)\n"
		   "13 smtp: to=<bob@example.org>, relay=none, dsn=4.4.1, status=deferred (connect to "
		   "mx.example.org[2001:db8::25]:25: Network is unreachable)\n");
}

/* a success DSN tells no failure; prose naming a field is no field; a
 * Diagnostic-Code of nothing makes nothing; under a bounce report's
 * heading the DSN repeats the paragraph, read once */
TEST(dsn_success_and_prose_tell_nothing)
{
	CHECK_MADE("This is the mail system at host mail.example.org.\n"
		   "\n"
		   "<ann@example.net>: host mx.example.net[198.51.100.25] said: 550 5.1.1 User\n"
		   "    unknown (in reply to RCPT TO command)\n"
		   "\n"
		   "Final-Recipient: rfc822; ann@example.net\n"
		   "Action: failed\n"
		   "Status: 5.1.1\n"
		   "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n",
		   "3 smtp: to=<ann@example.net>, relay=mx.example.net[198.51.100.25], status=bounced (host "
		   "mx.example.net[198.51.100.25] said: 550 5.1.1 User unknown (in reply to RCPT TO command))\n");
	CHECK_MADE("Final-Recipient: rfc822; ann@example.net\n"
		   "Action: relayed\n"
		   "Status: 2.0.0\n"
		   "Diagnostic-Code: smtp; 250 2.0.0 Ok: queued as 4F1A2B3C\n",
		   "");
	CHECK_MADE("The Diagnostic-Code field says what went wrong.\n"
		   "Status of the server: fine\n"
		   "Diagnostic-Code:\n",
		   "");
}

/* hostile lengths: a huge recipient and code are cut, never over-read */
TEST(dsn_hostile_lengths_bounded)
{
	size_t big = 5000;
	char *t = malloc(3 * big + 200);
	size_t n = 0;
	n += (size_t)sprintf(t + n, "Final-Recipient: rfc822; ");
	memset(t + n, 'a', big);
	n += big;
	n += (size_t)sprintf(t + n, "\nStatus: ");
	memset(t + n, '5', big);
	n += big;
	n += (size_t)sprintf(t + n, "\nDiagnostic-Code: smtp; 550 ");
	memset(t + n, 'x', big);
	n += big;
	t[n++] = '\n';
	t[n] = 0;
	char *got = bm_feed(t, NULL);
	CHECK(strncmp(got, "1 smtp: to=<aaa", 15) == 0);
	CHECK(strlen(got) < BM_TEXT_MAX + 2 * BM_ADDR_MAX + 160);
	free(got);
	free(t);
}

/* a recipient written to smuggle fields into the line made of it: the
 * address alone is kept, the reason stays the Diagnostic-Code's */
TEST(dsn_recipient_cannot_add_fields)
{
	CHECK_MADE("Final-Recipient: rfc822; a@example.org>, relay=x[192.0.2.1]:25, status=sent (ok\n"
		   "Action: failed\n"
		   "Status: 5.1.1\n"
		   "Diagnostic-Code: smtp; 550 5.1.1 no such user\n",
		   "1 smtp: to=<a@example.org>, relay=none, dsn=5.1.1, status=bounced (550 5.1.1 no such user)\n");
}

/*
 * test_unwrap.c - a wrapped Postfix line joined again (feed/unwrap.c):
 * indented pieces, a cut at a width mid-word, a word wrap that kept its
 * blank, a delivery line cut before its status (after its relay's name,
 * its reply broken at the remote's own lines); and what stays apart: a
 * whole line followed by prose, the message alone followed by another
 * program's line (journalctl -o cat), a blank line.  Each piece in a
 * heap buffer of its exact size.
 */
#include "tap.h"

#include <stdlib.h>
#include "feed/unwrap.h"
#include "syslog/prefix.h"
#include "util/buf.h"

/* joined - head and the pieces after it: how many were taken, and the
 * joined text (or "") in *out */
static size_t joined(const char *head, const char *const *after, size_t n, bool tagged, char **out)
{
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	char *h = malloc(strlen(head) + 1);
	memcpy(h, head, strlen(head));
	struct span a[UNWRAP_MAX_PARTS];
	char *cp[UNWRAP_MAX_PARTS];
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(after[i]);
		cp[i] = malloc(len ? len : 1);
		memcpy(cp[i], after[i], len);
		a[i] = span_make(cp[i], len);
	}
	struct buf b = {0};
	size_t k = unwrap_join(&st, span_make(h, strlen(head)), tagged, a, n, &b);
	buf_putc(&b, 0);
	*out = k ? b.p : (free(b.p), strdup(""));
	for (size_t i = 0; i < n; i++)
		free(cp[i]);
	free(h);
	return k;
}

TEST(unwrap_indented_pieces)
{
	const char *after[] = {"    NOQUEUE: reject: RCPT from mail.example.com[192.0.2.10]:",
			       "    554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked",
			       "    using dnsbl.example.net; from=<a@example.com> to=<b@example.org>",
			       "    proto=ESMTP helo=<mail.example.com>",
			       "Sep 26 18:56:50 vps1 postfix/smtpd[28379]: disconnect from x[192.0.2.1]"};
	char *out;
	CHECK_INT(joined("Sep 26 18:56:43 vps1 postfix/smtpd[28379]: ", after, 4, true, &out), 4);
	CHECK_STR(out, "Sep 26 18:56:43 vps1 postfix/smtpd[28379]: NOQUEUE: reject: RCPT from "
		       "mail.example.com[192.0.2.10]: 554 5.7.1 Service unavailable; Client host "
		       "[192.0.2.10] blocked using dnsbl.example.net; from=<a@example.com> "
		       "to=<b@example.org> proto=ESMTP helo=<mail.example.com>");
	free(out);
}

TEST(unwrap_width_cut_mid_word)
{
	const char *after[] = {"out.example.com[192.0.2.8]: 554 5.7.1 Service unavailable; Clien",
			       "t host [192.0.2.8] blocked using zen.example.net; from=<a@example.com",
			       "> to=<b@example.org> proto=ESMTP helo=<b224.example.com>       "};
	char *out;
	CHECK_INT(joined("Dec  1 21:46:52 mail postfix/smtpd[13477]: NOQUEUE: reject: RCPT from b224.smtp-",
			 after, 3, true, &out),
		  3);
	CHECK_STR(out, "Dec  1 21:46:52 mail postfix/smtpd[13477]: NOQUEUE: reject: RCPT from "
		       "b224.smtp-out.example.com[192.0.2.8]: 554 5.7.1 Service unavailable; Client host "
		       "[192.0.2.8] blocked using zen.example.net; from=<a@example.com> to=<b@example.org> "
		       "proto=ESMTP helo=<b224.example.com>");
	free(out);
	/* the same pieces after the message alone (no tag): a width tells nothing */
	CHECK_INT(joined("NOQUEUE: reject: RCPT from b224.smtp-", after, 3, false, &out), 0);
	free(out);
}

TEST(unwrap_delivery_cut_before_status)
{
	/* the head alone reads as a delivery: the join fills its status and
	 * closes its reason, and a word wrap kept its blank */
	const char *after[] = {("]:587, delay=0.57, delays=0.34/0.04/0.18/0.01, dsn=5.0.0, status=bounced (host "
				"mail.example.net[192.0.2.5] said: 550-Reques"),
			       "ted action not taken: mailbox unavailable 550 Sender address is not allowed. ",
			       "(in reply to MAIL FROM command))"};
	char *out;
	CHECK_INT(joined("Aug 04 12:36:31 h postfix/smtp[450]: C8FA38E4F42: to=<to@example.org>, "
			 "relay=mail.example.net[192.0.2.5",
			 after, 3, true, &out),
		  3);
	CHECK(strstr(out, "status=bounced (host mail.example.net[192.0.2.5] said: 550-Requested action "
			  "not taken: mailbox unavailable 550 Sender address is not allowed. (in reply to "
			  "MAIL FROM command))") != NULL);
	free(out);
}

TEST(unwrap_delivery_cut_after_relay_name)
{
	/* the head is a whole delivery line's start cut after the relay's
	 * name (no blank, no open bracket): without status= it is cut short;
	 * the reply then broken where the remote's own lines ended, a short
	 * piece among them, is carried on until its '(' closes */
	const char *after[] = {("[2001:db8::25]:25, delay=0.2, delays=0.01/0/0.08/0.11, dsn=5.7.1, "
				"status=bounced (host mx.example.net"),
			       "[2001:db8::25] said: 550-5.7.1 [2001:db8:5::1] Our system has detected that",
			       "this message does not meet IPv6 sending guidelines 550 5.7.1",
			       ". x1 - gsmtp",
			       "(in reply to end of DATA command))",
			       "Any idea what is wrong?"};
	char *out;
	CHECK_INT(joined("Apr 17 10:41:38 h postfix/smtp[38652]: 16E10: to=<b@example.net>, relay=mx.example.net",
			 after, 6, true, &out),
		  5);
	CHECK(strstr(out, "relay=mx.example.net[2001:db8::25]:25, delay=0.2") != NULL);
	CHECK(strstr(out, "status=bounced (host mx.example.net[2001:db8::25] said: 550-5.7.1") != NULL);
	CHECK(strstr(out, "(in reply to end of DATA command))") != NULL);
	CHECK(strstr(out, "Any idea") == NULL);
	free(out);
}

TEST(unwrap_open_reply_without_its_end_stays_apart)
{
	/* a whole delivery line with a reply cut short, then prose that
	 * never closes it: nothing is gained by the join, it stays apart */
	const char *after[] = {"Is this my fault?", "Thanks"};
	char *out;
	CHECK_INT(joined("Apr 17 10:41:38 h postfix/smtp[38652]: 16E10: to=<b@example.net>, "
			 "relay=mx.example.net[192.0.2.5]:25, delay=0.2, delays=0.01/0/0.08/0.11, dsn=5.7.1, "
			 "status=bounced (host mx.example.net[192.0.2.5] said: 550 5.7.1 refused",
			 after, 2, true, &out),
		  0);
	free(out);
}

TEST(unwrap_reply_that_lost_a_parenthesis)
{
	/* a list archive's quote of a deferral whose paste lost the reply's
	 * last ')': it still ends with Postfix's "(in reply to ... command)"
	 * and is joined to there, not cut after "(host" (threads AK 13) */
	const char *after[] = {"to=<abc@example.com>, relay=[]:10024, conn_use=9, ",
			       "delay=17503, delays=17414/76/0/13, dsn=4.5.0, status=deferred (host ",
			       "[] said: 451 4.5.0 Error in processing, id=27311-09-9, ",
			       "quar+notif FAILED: mail_dispatch: no recognized protocol name: 0 at ",
			       "/usr/sbin/amavisd line 8516. (in reply to end of DATA command)"};
	char *out;
	CHECK_INT(joined("Aug  7 13:33:43 mail postfix/smtp[27108]: 9EB99700176: ", after, 5, true, &out), 5);
	CHECK(strstr(out, "status=deferred (host [] said: 451 4.5.0 Error in processing") != NULL);
	CHECK(strstr(out, "line 8516. (in reply to end of DATA command)") != NULL);
	free(out);
	/* a word wrap after an inner ')' still gets the balanced whole */
	const char *inner[] = {"(in reply to RCPT TO command))"};
	CHECK_INT(joined("Apr 17 10:41:38 h postfix/smtp[38652]: 16E10: to=<b@example.net>, "
			 "relay=mx.example.net[192.0.2.5]:25, delay=0.2, delays=0.01/0/0.08/0.11, dsn=5.7.1, "
			 "status=bounced (host mx.example.net[192.0.2.5] said: 550 5.7.1 blocked (see "
			 "https://example.net/why) ",
			 inner, 1, true, &out),
		  1);
	CHECK(strstr(out, "(see https://example.net/why) (in reply to RCPT TO command))") != NULL);
	free(out);
	/* a cut reply and prose that ends with ')' but not the reply's end */
	const char *prose[] = {"Any idea what is wrong (Debian 12)"};
	CHECK_INT(joined("Apr 17 10:41:38 h postfix/smtp[38652]: 16E10: to=<b@example.net>, "
			 "relay=mx.example.net[192.0.2.5]:25, delay=0.2, delays=0.01/0/0.08/0.11, dsn=5.7.1, "
			 "status=bounced (host mx.example.net[192.0.2.5] said: 550 5.7.1 refused",
			 prose, 1, true, &out),
		  0);
	free(out);
}

TEST(unwrap_leaves_whole_lines_apart)
{
	char *out;
	/* prose after a whole line adds no field */
	const char *prose[] = {"  this is what I see every few minutes, any idea?"};
	CHECK_INT(joined("Dec  5 10:00:00 mx postfix/smtpd[1]: connect from unknown[192.0.2.1]", prose, 1,
			 true, &out),
		  0);
	free(out);
	/* journalctl -o cat: a message alone, then another program's */
	const char *other[] = {"auth: Error: auth client 0 disconnected with 1 pending requests: EOF"};
	CHECK_INT(joined("warning: unknown[192.0.2.6]: SASL PLAIN authentication failed: Connection lost "
			 "to authentication server, sasl_username=(unavailable)",
			 other, 1, false, &out),
		  0);
	free(out);
	/* a blank line ends it */
	const char *gap[] = {"", "    554 5.7.1 Service unavailable"};
	CHECK_INT(joined("Dec  5 10:00:00 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from x[192.0.2.1]:",
			 gap, 2, true, &out),
		  0);
	free(out);
}

/* what same-output found on real files: a whole line of 60 bytes or more
 * followed by a comment or the question pasted after it is no cut at a
 * width; a YAML key "postfix:" starts no wrapped line */
TEST(unwrap_real_files_stay_apart)
{
	char *out;
	const char *comment[] = {"# failJSON: { \"time\": \"2005-06-08T23:14:54\", \"match\": true }"};
	CHECK_INT(joined("Jun  8 23:14:28 proxy2 postfix/postscreen[473]: COMMAND TIME LIMIT from "
			 "[192.0.2.77]:3608 after CONNECT",
			 comment, 1, true, &out),
		  0);
	free(out);
	const char *question[] = {"How do I find where the attack comes from? Is there a way to limit it?"};
	CHECK_INT(joined("Apr 16 06:29:12 mail.example.com postfix/qmgr[25497]: 65E4C1D95F: removed",
			 question, 1, true, &out),
		  0);
	free(out);
	const char *yaml[] = {"        client_id: \"1234567890A\"",
			      "        process: \"postfix/qmgr\"",
			      "    message: \"Jul  2 12:24:48 username postfix/qmgr[12345]: 1234567890A: removed\""};
	CHECK_INT(joined("      postfix:", yaml, 3, true, &out), 0);
	free(out);
}

/* threads17H: a status line wrapped after the commas of its key=value
 * list and after "QID:" (a blog, a book) is one line again, its pieces
 * joined with a blank; its parts were each no line of a known kind */
TEST(unwrap_after_comma_and_queue_id_colon)
{
	const char *after[] = {"to=<ops@example.com>,", "orig_to=<root@example.com>, relay=none, delay=30,",
			       "status=deferred (connect to example.com[192.0.2.9]:25: Connection timed out)"};
	char *out;
	CHECK_INT(joined("Apr  9 23:21:08 mail postfix/smtp[11874]: 9305215C01:", after, 3, true, &out), 3);
	CHECK_STR(out, "Apr  9 23:21:08 mail postfix/smtp[11874]: 9305215C01: to=<ops@example.com>, "
		       "orig_to=<root@example.com>, relay=none, delay=30, status=deferred (connect to "
		       "example.com[192.0.2.9]:25: Connection timed out)");
	free(out);
}

/* threads18K: a line quoted in a mail (a list archive's reply), each
 * piece with its "> "; the quote's end (a piece without it) ends the line */
TEST(unwrap_mail_quoted_pieces)
{
	const char *after[] = {"> to=<u@example.com>, relay=127.0.0.1[127.0.0.1]:10024, conn_use=9, ",
			       (">delay=5, delays=1/0/0/4, dsn=4.5.0, status=deferred (host 127.0.0.1[127.0.0.1] "
				"said: 451 4.5.0 Error in processing, id=1-01 (in reply to end of DATA command))"),
			       "That is what amavisd said."};
	char *out;
	CHECK_INT(joined("> Aug  7 13:33:43 mail postfix/smtp[27108]: 9EB99700176: ", after, 3, true, &out), 2);
	CHECK_STR(out, "> Aug  7 13:33:43 mail postfix/smtp[27108]: 9EB99700176: to=<u@example.com>, "
		       "relay=127.0.0.1[127.0.0.1]:10024, conn_use=9, delay=5, delays=1/0/0/4, dsn=4.5.0, "
		       "status=deferred (host 127.0.0.1[127.0.0.1] said: 451 4.5.0 Error in processing, "
		       "id=1-01 (in reply to end of DATA command))");
	free(out);
}

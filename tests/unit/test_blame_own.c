/*
 * test_blame_own.c - the right side blamed when the refused or delayed
 * party is a real sender or the admin's own: greylisting accuses nobody,
 * held and filtered mail is no refusal, a login refused is no
 * compromise, data stalls, the SASL backend and the milter failing in
 * the session, own users and apps refused by this server's checks,
 * known senders refused or rate-limited (a named mail server too), postscreen's deep tests
 * delaying providers; fed through the whole front of the pipeline
 * (blame_pipe.h).
 */
#include "blame_pipe.h"

/* greylisting defers every new sender: the server refused only by it is
 * no spammer, whether it retries (and gets in) or not; a 5xx in the same
 * words is no greylisting */
TEST(blame_greylisting_accuses_nobody)
{
	const char *const lines[] = {
	    "Dec 16 09:00:00 mx postfix/smtpd[401]: connect from mx1.example.net[198.51.100.20]",
	    "Dec 16 09:00:01 mx postfix/smtpd[401]: NOQUEUE: reject: RCPT from mx1.example.net[198.51.100.20]: 450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html; from=<news@example.net> to=<bob@example.com> proto=ESMTP helo=<mx1.example.net>",
	    "Dec 16 09:00:01 mx postfix/smtpd[401]: disconnect from mx1.example.net[198.51.100.20] ehlo=2 starttls=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=5/7",
	    "Dec 16 09:01:00 mx postfix/smtpd[402]: connect from mail.example.org[198.51.100.30]",
	    "Dec 16 09:01:01 mx postfix/smtpd[402]: NOQUEUE: milter-reject: RCPT from mail.example.org[198.51.100.30]: 451 4.7.1 Greylisting in action, please come back later; from=<ann@example.org> to=<bob@example.com> proto=ESMTP helo=<mail.example.org>",
	    "Dec 16 09:01:01 mx postfix/smtpd[402]: disconnect from mail.example.org[198.51.100.30] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    "Dec 16 09:02:00 mx postfix/smtpd[403]: connect from unknown[203.0.113.80]",
	    "Dec 16 09:02:01 mx postfix/smtpd[403]: NOQUEUE: reject: RCPT from unknown[203.0.113.80]: 554 5.7.1 <bob@example.com>: Recipient address rejected: greylisting failed, you are a spammer; from=<x@example.org> to=<bob@example.com> proto=ESMTP helo=<x>",
	    "Dec 16 09:02:01 mx postfix/smtpd[403]: disconnect from unknown[203.0.113.80] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    "Dec 16 11:00:00 mx postfix/anvil[120]: statistics: max connection rate 1/60s for (smtp:198.51.100.20) at Dec 16 09:00:00",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "198.51.100.20"), V_UNKNOWN);
	CHECK(strstr(explanation(p, "198.51.100.20"), "refused only by greylisting"));
	CHECK(strstr(explanation(p, "198.51.100.20"), "did not come back in the 119 minutes"));
	CHECK_INT(verdict_of(p, "198.51.100.30"), V_UNKNOWN);
	CHECK_INT(verdict_of(p, "203.0.113.80"), V_SPAM_REJECTED);
	CHECK(has_finding(p, F_IN_GREYLISTING));
	pipe_free(p);
}

/* smtpd logs an access table's other actions as it logs a refusal
 * ("QID: hold: RCPT from ...", "NOQUEUE: filter: ...", "info:"): they took
 * the mail or only noted it, so the client was not refused; the held and
 * discarded mail is this server's own doing (mail-held, mail-discarded) */
TEST(blame_hold_and_filter_are_no_refusals)
{
	const char *const lines[] = {
	    "Dec 16 09:00:00 mx postfix/smtpd[501]: connect from mail.partner.example[198.51.100.41]",
	    "Dec 16 09:00:01 mx postfix/smtpd[501]: 4B1B2C3D4E: hold: RCPT from mail.partner.example[198.51.100.41]: <ap@partner.example>: Sender address triggers HOLD action; from=<ap@partner.example> to=<bob@example.com> proto=ESMTP helo=<mail.partner.example>",
	    "Dec 16 09:00:01 mx postfix/smtpd[501]: 4B1B2C3D4E: client=mail.partner.example[198.51.100.41]",
	    "Dec 16 09:00:02 mx postfix/smtpd[501]: disconnect from mail.partner.example[198.51.100.41] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
	    "Dec 16 09:01:00 mx postfix/smtpd[502]: connect from mail.other.example[198.51.100.42]",
	    "Dec 16 09:01:01 mx postfix/smtpd[502]: NOQUEUE: filter: RCPT from mail.other.example[198.51.100.42]: <in@other.example>: Sender address triggers FILTER smtp-amavis:[127.0.0.1]:10026; from=<in@other.example> to=<bob@example.com> proto=ESMTP helo=<mail.other.example>",
	    "Dec 16 09:01:01 mx postfix/smtpd[502]: NOQUEUE: info: RCPT from mail.other.example[198.51.100.42]: <in@other.example>: Sender address noted; from=<in@other.example> to=<bob@example.com> proto=ESMTP helo=<mail.other.example>",
	    "Dec 16 09:01:01 mx postfix/smtpd[502]: 5B1B2C3D4E: client=mail.other.example[198.51.100.42]",
	    "Dec 16 09:01:02 mx postfix/smtpd[502]: disconnect from mail.other.example[198.51.100.42] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
	    "Dec 16 09:02:00 mx postfix/smtpd[503]: connect from unknown[203.0.113.81]",
	    "Dec 16 09:02:01 mx postfix/smtpd[503]: NOQUEUE: reject: RCPT from unknown[203.0.113.81]: 554 5.7.1 <bob@example.com>: Recipient address rejected: Access denied; from=<x@example.org> to=<bob@example.com> proto=ESMTP helo=<x>",
	    "Dec 16 09:02:01 mx postfix/smtpd[503]: disconnect from unknown[203.0.113.81] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "198.51.100.41"), V_LEGITIMATE);
	CHECK_INT(verdict_of(p, "198.51.100.42"), V_LEGITIMATE);
	CHECK(!strstr(explanation(p, "198.51.100.41"), "refused"));
	CHECK_INT(verdict_of(p, "203.0.113.81"), V_SPAM_REJECTED);
	CHECK(has_finding(p, F_MAIL_HELD));
	CHECK(!has_finding(p, F_MAIL_DISCARDED));
	pipe_free(p);
}

/* an account that sends a newsletter (many recipients) whose mail some
 * remote servers refuse for failing SPF and DKIM (Gmail's 5.7.26: "...
 * has been blocked"): this server's signing, not a compromise */
TEST(blame_auth_refusals_are_no_compromise)
{
	static char buf[400][600];
	const char *lines[401];
	size_t k = 0;
	for (int i = 0; i < 120 && k + 3 < 400; i++) {
		int pid = 8000 + i;
		bool gmail = i < 4;
		snprintf(buf[k], sizeof buf[k], "Dec 16 10:%02d:%02d mx postfix/submission/smtpd[%d]: %05XABCDF: client=unknown[198.51.100.90], sasl_method=PLAIN, sasl_username=news@example.com",
			 i / 60, i % 60, pid, i);
		lines[k] = buf[k], k++;
		snprintf(buf[k], sizeof buf[k], "Dec 16 10:%02d:%02d mx postfix/qmgr[900]: %05XABCDF: from=<news@example.com>, size=4000, nrcpt=1 (queue active)",
			 i / 60, i % 60, i);
		lines[k] = buf[k], k++;
		if (gmail)
			snprintf(buf[k], sizeof buf[k], "Dec 16 10:%02d:%02d mx postfix/smtp[901]: %05XABCDF: to=<r%d@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[192.0.2.26] said: 550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. The sender must authenticate with at least one of SPF or DKIM. (in reply to end of DATA command))",
				 i / 60, i % 60, i, i);
		else
			snprintf(buf[k], sizeof buf[k], "Dec 16 10:%02d:%02d mx postfix/smtp[901]: %05XABCDF: to=<r%d@example%d.org>, relay=mx.example%d.org[192.0.2.%d]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
				 i / 60, i % 60, i, i, i % 20, i % 20, 30 + i % 20);
		lines[k] = buf[k], k++;
	}
	lines[k] = NULL;
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	struct account *ac = analysis_account(p->a, "news@example.com");
	CHECK(ac != NULL);
	if (ac) {
		CHECK(!ac->compromised);
		CHECK_INT(ac->remote_content_rejects, 0);
	}
	CHECK(has_finding(p, F_OUT_AUTH_CHECKS));
	pipe_free(p);
}

/* held mail released or deleted in the log waits no more: mail-held is
 * said only while one of the held messages may still be in the hold
 * queue */
TEST(blame_held_mail_released)
{
	const char *const held[] = {
	    "Dec 16 09:00:01 mx postfix/cleanup[601]: 6B1B2C3D4E: hold: header Subject: Invoice from mail.partner.example[198.51.100.41]; from=<ap@partner.example> to=<bob@example.com> proto=ESMTP helo=<mail.partner.example>: review",
	    "Dec 16 09:00:02 mx postfix/cleanup[601]: 6B1B2C3D4F: milter-hold: END-OF-MESSAGE from mail.partner.example[198.51.100.41]: milter triggers HOLD action; from=<ap@partner.example> to=<bob@example.com> proto=ESMTP helo=<mail.partner.example>",
	    "Dec 16 09:10:00 mx postfix/postsuper[700]: 6B1B2C3D4E: released from hold",
	    NULL, NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, held);
	CHECK(has_finding(p, F_MAIL_HELD)); /* 6B1B2C3D4F still waits */
	pipe_free(p);
	const char *const all[] = {held[0], held[1], held[2],
				   "Dec 16 09:10:01 mx postfix/postsuper[700]: 6B1B2C3D4F: removed", NULL};
	p = pipe_new();
	pipe_lines(p, all);
	CHECK(!has_finding(p, F_MAIL_HELD));
	pipe_free(p);
}

/* stall_run - n named servers (each twice) that time out after some
 * data (bytes, "0" for none), and ok others that deliver; whether the
 * diagnosis says the incoming data stalls, and no client is hostile */
static bool stall_run(int n, const char *bytes, int ok)
{
	static char buf[200][320];
	const char *lines[201];
	size_t k = 0;
	for (int i = 0; i < 2 * n + ok && k + 3 < 200; i++) {
		bool good = i >= 2 * n;
		int h = good ? 100 + i : i % n, pid = 7000 + i;
		snprintf(buf[k], sizeof buf[k], "Dec 16 10:%02d:00 mx postfix/smtpd[%d]: connect from mx%d.sender%d.example[198.51.100.%d]",
			 i % 60, pid, h, h, h % 250);
		lines[k] = buf[k], k++;
		if (good)
			snprintf(buf[k], sizeof buf[k], "Dec 16 10:%02d:01 mx postfix/smtpd[%d]: %05XABCDE: client=mx%d.sender%d.example[198.51.100.%d]",
				 i % 60, pid, i, h, h, h % 250);
		else
			snprintf(buf[k], sizeof buf[k], "Dec 16 10:%02d:05 mx postfix/smtpd[%d]: timeout after DATA (%s bytes) from mx%d.sender%d.example[198.51.100.%d]",
				 i % 60, pid, bytes, h, h, h % 250);
		lines[k] = buf[k], k++;
		snprintf(buf[k], sizeof buf[k], "Dec 16 10:%02d:06 mx postfix/smtpd[%d]: disconnect from mx%d.sender%d.example[198.51.100.%d] ehlo=1 mail=1 rcpt=1 data=%s quit=%s commands=%s",
			 i % 60, pid, h, h, h % 250, good ? "1" : "0/1", good ? "1" : "0", good ? "5" : "3/4");
		lines[k] = buf[k], k++;
	}
	lines[k] = NULL;
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	bool said = has_finding(p, F_IN_DATA_STALLS);
	for (int i = 0; i < n; i++) {
		char ip[32];
		snprintf(ip, sizeof ip, "198.51.100.%d", i);
		int v = verdict_of(p, ip);
		CHECK(v >= 0 && !verdict_hostile((enum verdict)v));
	}
	pipe_free(p);
	return said;
}

/* many named servers that stall after sending some of their data, and
 * few messages that arrive: this side's path or filters, no client
 * accused; not for two servers, nor for stalls before any data (spam
 * software giving up), nor among many messages that arrive */
TEST(blame_inbound_data_stalls)
{
	CHECK(stall_run(4, "4096", 1));
	CHECK(!stall_run(2, "4096", 0));
	CHECK(!stall_run(4, "0", 0));
	CHECK(!stall_run(4, "4096", 40));
}

/* a login that fails in an smtpd that has just said it cannot read its
 * SASL backend (Cyrus's sasldb, saslauthd's socket) fails because of the
 * server, whatever the reason word: no password guessing */
TEST(blame_sasl_backend_down_in_the_session)
{
	const char *const lines[] = {
	    "Feb  3 08:20:11 mail postfix/submission/smtpd[3141]: connect from unknown[203.0.113.88]",
	    "Feb  3 08:20:12 mail postfix/submission/smtpd[3141]: warning: SASL authentication problem: unable to open Berkeley db /etc/sasldb2: No such file or directory",
	    "Feb  3 08:20:12 mail postfix/submission/smtpd[3141]: warning: SASL authentication failure: no secret in database",
	    "Feb  3 08:20:12 mail postfix/submission/smtpd[3141]: warning: unknown[203.0.113.88]: SASL PLAIN authentication failed: authentication failure, sasl_username=ivy@example.com",
	    "Feb  3 08:20:15 mail postfix/submission/smtpd[3141]: disconnect from unknown[203.0.113.88] ehlo=2 starttls=1 auth=0/1 quit=1 commands=4/5",
	    /* the same failure in a process that said nothing of its backend */
	    "Feb  3 08:30:11 mail postfix/submission/smtpd[3150]: connect from unknown[203.0.113.99]",
	    "Feb  3 08:30:12 mail postfix/submission/smtpd[3150]: warning: unknown[203.0.113.99]: SASL PLAIN authentication failed: authentication failure, sasl_username=ivy@example.com",
	    "Feb  3 08:30:15 mail postfix/submission/smtpd[3150]: disconnect from unknown[203.0.113.99] ehlo=2 starttls=1 auth=0/1 quit=1 commands=4/5",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "203.0.113.88"), V_UNKNOWN);
	CHECK_INT(verdict_of(p, "203.0.113.99"), V_AUTH_BRUTEFORCE);
	CHECK(has_finding(p, F_SASL_BACKEND_DOWN));
	pipe_free(p);
}

/* a milter that does not answer, with milter_default_action = tempfail:
 * Postfix refuses every sender with "451 4.7.1 Service unavailable - try
 * again later" -- the server's own failure, no greylisting, no client's */
TEST(blame_milter_tempfail_is_the_servers)
{
	const char *const lines[] = {
	    "Aug 19 21:05:33 mx postfix/smtpd[7001]: connect from mail-wm1-f41.google.com[209.85.128.41]",
	    "Aug 19 21:05:33 mx postfix/smtpd[7001]: warning: connect to Milter service inet:127.0.0.1:8893: Connection refused",
	    "Aug 19 21:05:34 mx postfix/smtpd[7001]: NOQUEUE: milter-reject: MAIL from mail-wm1-f41.google.com[209.85.128.41]: 451 4.7.1 Service unavailable - try again later; from=<vera@gmail.com> proto=ESMTP helo=<mail-wm1-f41.google.com>",
	    "Aug 19 21:05:34 mx postfix/smtpd[7001]: disconnect from mail-wm1-f41.google.com[209.85.128.41] ehlo=2 starttls=1 mail=0/1 quit=1 commands=4/5",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "209.85.128.41"), V_UNKNOWN);
	CHECK(!strstr(explanation(p, "209.85.128.41"), "greylisting"));
	CHECK(strstr(explanation(p, "209.85.128.41"), "accuse nobody"));
	CHECK(has_finding(p, F_MILTER_DOWN));
	/* the refusals are told apart: they are what stops the mail */
	CHECK(has_finding(p, F_MILTER_TEMPFAIL));
	CHECK(diag_breaks_mail(p->diag));
	CHECK(!has_finding(p, F_IN_GREYLISTING));
	pipe_free(p);
}

/* refusals after a successful login are the account's or this server's
 * rules: the sender the login does not own is told in the account's
 * entry; a relay refusal of an address that logs in elsewhere is an own
 * user's client not logging in */
TEST(blame_own_user_refused_after_login)
{
	const char *const lines[] = {
	    "Dec 16 09:20:00 mx postfix/submission/smtpd[406]: connect from c-1.home.example.net[203.0.113.50]",
	    "Dec 16 09:20:02 mx postfix/submission/smtpd[406]: NOQUEUE: reject: RCPT from c-1.home.example.net[203.0.113.50]: 553 5.7.1 <boss@example.com>: Sender address rejected: not owned by user alice@example.com; from=<boss@example.com> to=<partner@example.org> proto=ESMTP helo=<laptop>",
	    "Dec 16 09:20:03 mx postfix/submission/smtpd[406]: disconnect from c-1.home.example.net[203.0.113.50] ehlo=2 starttls=1 auth=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=7/9",
	    "Dec 16 09:30:00 mx postfix/smtpd[407]: connect from unknown[192.0.2.55]",
	    "Dec 16 09:30:01 mx postfix/smtpd[407]: NOQUEUE: reject: RCPT from unknown[192.0.2.55]: 554 5.7.1 <x@example.net>: Relay access denied; from=<carol@example.com> to=<x@example.net> proto=ESMTP helo=<carols-phone>",
	    "Dec 16 09:30:01 mx postfix/smtpd[407]: disconnect from unknown[192.0.2.55] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    "Dec 16 09:35:00 mx postfix/submission/smtpd[408]: connect from unknown[192.0.2.55]",
	    "Dec 16 09:35:01 mx postfix/submission/smtpd[408]: disconnect from unknown[192.0.2.55] ehlo=2 starttls=1 auth=1 quit=1 commands=5",
	    /* the same relay refusal from an address that never logs in */
	    "Dec 16 10:00:00 mx postfix/smtpd[409]: connect from unknown[203.0.113.99]",
	    "Dec 16 10:00:01 mx postfix/smtpd[409]: NOQUEUE: reject: RCPT from unknown[203.0.113.99]: 554 5.7.1 <probe@example.org>: Relay access denied; from=<admin@example.com> to=<probe@example.org> proto=SMTP helo=<203.0.113.99>",
	    "Dec 16 10:00:01 mx postfix/smtpd[409]: disconnect from unknown[203.0.113.99] helo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* a size-limit refusal of a server that did not log in */
	    "Dec 16 10:10:00 mx postfix/smtpd[410]: connect from mx.example.org[198.51.100.40]",
	    "Dec 16 10:10:01 mx postfix/smtpd[410]: NOQUEUE: reject: MAIL from mx.example.org[198.51.100.40]: 552 5.3.4 Message size exceeds fixed limit; proto=ESMTP helo=<mx.example.org>",
	    "Dec 16 10:10:01 mx postfix/smtpd[410]: disconnect from mx.example.org[198.51.100.40] ehlo=1 mail=0/1 quit=1 commands=2/3",
	    /* this server's own user's full mailbox */
	    "Dec 16 10:40:00 mx postfix/smtpd[412]: connect from mx2.example.org[198.51.100.50]",
	    "Dec 16 10:40:01 mx postfix/smtpd[412]: NOQUEUE: reject: RCPT from mx2.example.org[198.51.100.50]: 552 5.2.2 <bob@example.com>: Recipient address rejected: Mailbox is full; from=<ann@example.org> to=<bob@example.com> proto=ESMTP helo=<mx2.example.org>",
	    "Dec 16 10:40:01 mx postfix/smtpd[412]: disconnect from mx2.example.org[198.51.100.50] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "198.51.100.50"), V_UNKNOWN);
	CHECK(strstr(explanation(p, "198.51.100.50"), "mailbox on this server is full"));
	CHECK(has_finding(p, F_IN_MAILBOX_FULL));
	CHECK_INT(verdict_of(p, "203.0.113.50"), V_LEGITIMATE);
	CHECK(strstr(explanation(p, "203.0.113.50"), "does not own"));
	CHECK(strstr(account_explanation(p, "alice@example.com"), "<boss@example.com>, from 203.0.113.50"));
	CHECK(has_finding(p, F_IN_SENDER_LOGIN_MISMATCH));
	CHECK_INT(verdict_of(p, "192.0.2.55"), V_LEGITIMATE);
	CHECK(strstr(explanation(p, "192.0.2.55"), "port 587"));
	CHECK_INT(verdict_of(p, "203.0.113.99"), V_RELAY_ATTEMPT);
	CHECK_INT(verdict_of(p, "198.51.100.40"), V_UNKNOWN);
	CHECK(strstr(explanation(p, "198.51.100.40"), "message_size_limit"));
	pipe_free(p);
}

/* relaying refused to the null sender from this server's own network is a
 * mail server of the admin's handing over its bounces (here this host's
 * other instance, as e2e's diag plays it); a foreign sender from there,
 * with this server's own domains known, stays a relay test */
TEST(blame_own_network_null_sender_relay)
{
	const char *const lines[] = {
	    "Dec 04 19:07:50 mx1 postfix/smtpd[220]: connect from unknown[192.0.2.80]",
	    "Dec 04 19:07:50 mx1 postfix/smtpd[220]: 4AB12C0101: client=unknown[192.0.2.80]",
	    "Dec 04 19:07:51 mx1 postfix/cleanup[221]: 4AB12C0101: message-id=<1@example.org>",
	    "Dec 04 19:07:51 mx1 postfix/qmgr[222]: 4AB12C0101: from=<a@example.org>, size=400, nrcpt=1 (queue active)",
	    "Dec 04 19:07:51 mx1 postfix/smtpd[220]: disconnect from unknown[192.0.2.80] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
	    "Dec 04 19:07:52 mx1 postfix/local[223]: 4AB12C0101: to=<bob@example.com>, relay=local, delay=1, delays=0.5/0/0/0.5, dsn=2.0.0, status=sent (delivered to mailbox)",
	    "Dec 04 19:07:55 relay postfix/smtpd[232]: connect from relay.example.com[127.0.0.5]",
	    "Dec 04 19:07:55 relay postfix/smtpd[232]: NOQUEUE: reject: RCPT from relay.example.com[127.0.0.5]: 554 5.7.1 <news@partner.example.net>: Relay access denied; from=<> to=<news@partner.example.net> proto=ESMTP helo=<mx1.example.com>",
	    "Dec 04 19:07:55 relay postfix/smtpd[232]: disconnect from relay.example.com[127.0.0.5] ehlo=1 mail=1 rcpt=0/1 data=0/1 rset=1 quit=1 commands=4/6",
	    "Dec 04 19:08:55 relay postfix/smtpd[233]: connect from unknown[10.0.0.9]",
	    "Dec 04 19:08:55 relay postfix/smtpd[233]: NOQUEUE: reject: RCPT from unknown[10.0.0.9]: 554 5.7.1 <x@example.net>: Relay access denied; from=<spam@example.org> to=<x@example.net> proto=ESMTP helo=<x>",
	    "Dec 04 19:08:55 relay postfix/smtpd[233]: disconnect from unknown[10.0.0.9] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "127.0.0.5"), V_LEGITIMATE);
	CHECK(strstr(explanation(p, "127.0.0.5"), "null sender"));
	CHECK(has_finding(p, F_IN_OWN_RELAY_DENIED));
	CHECK_INT(verdict_of(p, "10.0.0.9"), V_RELAY_ATTEMPT);
	pipe_free(p);
}

/* a pasted refusal alone, with no disconnect counts: "not owned by user"
 * is said only to a client that logged in, so it is no spammer */
TEST(blame_pasted_login_mismatch_not_spam)
{
	const char *const lines[] = {
	    "Dec 16 09:20:02 mx postfix/submission/smtpd[406]: NOQUEUE: reject: RCPT from c-1.home.example.net[203.0.113.50]: 553 5.7.1 <boss@example.com>: Sender address rejected: not owned by user alice@example.com; from=<boss@example.com> to=<partner@example.org> proto=ESMTP helo=<laptop>",
	    /* "not logged in" is the same check refusing a client that did not */
	    "Dec 16 09:21:02 mx postfix/smtpd[407]: NOQUEUE: reject: RCPT from unknown[203.0.113.77]: 553 5.7.1 <boss@example.com>: Sender address rejected: not logged in; from=<boss@example.com> to=<partner@example.org> proto=ESMTP helo=<x>",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "203.0.113.50"), V_LEGITIMATE);
	CHECK_INT(verdict_of(p, "203.0.113.77"), V_SPAM_REJECTED);
	CHECK(strstr(account_explanation(p, "alice@example.com"), "<boss@example.com>"));
	pipe_free(p);
}

/* the HELO check's "need fully-qualified hostname" refusing a user who
 * logged in (Outlook's EHLO DESKTOP-XXXX: reject_non_fqdn_helo_hostname
 * before permit_sasl_authenticated) is this server's configuration, and
 * so is the same refusal of an address where a user logs in; a sender
 * or recipient without its domain ("need fully-qualified address") stays
 * the user's typing mistake, and a spambot's bare HELO is no finding */
TEST(blame_user_helo_not_fqdn_is_configuration)
{
	const char *const lines[] = {
	    "Jun  5 09:00:00 mx postfix/submission/smtpd[601]: connect from dsl-21.example.net[198.51.100.21]",
	    "Jun  5 09:00:01 mx postfix/submission/smtpd[601]: NOQUEUE: reject: RCPT from dsl-21.example.net[198.51.100.21]: 504 5.5.2 <DESKTOP-4KQ2M7T>: Helo command rejected: need fully-qualified hostname; from=<alice@example.com> to=<carol@partner.example> proto=ESMTP helo=<DESKTOP-4KQ2M7T>",
	    "Jun  5 09:00:01 mx postfix/submission/smtpd[601]: disconnect from dsl-21.example.net[198.51.100.21] ehlo=2 starttls=1 auth=1 mail=1 rcpt=0/1 quit=1 commands=6/7",
	    /* bob logs in from home, then his desktop sends on port 25 */
	    "Jun  5 09:10:00 mx postfix/submission/smtpd[602]: connect from dsl-7.example.net[198.51.100.7]",
	    "Jun  5 09:10:01 mx postfix/submission/smtpd[602]: disconnect from dsl-7.example.net[198.51.100.7] ehlo=2 starttls=1 auth=1 quit=1 commands=5",
	    "Jun  5 09:20:00 mx postfix/smtpd[603]: connect from dsl-7.example.net[198.51.100.7]",
	    "Jun  5 09:20:01 mx postfix/smtpd[603]: NOQUEUE: reject: RCPT from dsl-7.example.net[198.51.100.7]: 504 5.5.2 <DESKTOP-9XY>: Helo command rejected: need fully-qualified hostname; from=<bob@example.com> to=<bob@example.com> proto=ESMTP helo=<DESKTOP-9XY>",
	    "Jun  5 09:20:01 mx postfix/smtpd[603]: disconnect from dsl-7.example.net[198.51.100.7] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* a user's sender without its domain: the user's own mistake */
	    "Jun  5 09:30:00 mx postfix/submission/smtpd[604]: connect from dsl-32.example.net[198.51.100.32]",
	    "Jun  5 09:30:01 mx postfix/submission/smtpd[604]: NOQUEUE: reject: RCPT from dsl-32.example.net[198.51.100.32]: 504 5.5.2 <alice>: Sender address rejected: need fully-qualified address; from=<alice> to=<carol@partner.example> proto=ESMTP helo=<pc.example.com>",
	    "Jun  5 09:30:01 mx postfix/submission/smtpd[604]: disconnect from dsl-32.example.net[198.51.100.32] ehlo=2 starttls=1 auth=1 mail=1 rcpt=0/1 quit=1 commands=6/7",
	    /* a spambot greeting with a bare name, never logged in */
	    "Jun  5 09:40:00 mx postfix/smtpd[605]: connect from unknown[203.0.113.42]",
	    "Jun  5 09:40:01 mx postfix/smtpd[605]: NOQUEUE: reject: RCPT from unknown[203.0.113.42]: 504 5.5.2 <WIN-8SD7F6>: Helo command rejected: need fully-qualified hostname; from=<info@promo.example> to=<alice@example.com> proto=ESMTP helo=<WIN-8SD7F6>",
	    "Jun  5 09:40:01 mx postfix/smtpd[605]: disconnect from unknown[203.0.113.42] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(group_subject(p, F_IN_USER_REFUSED, "198.51.100.21"));
	CHECK_INT(verdict_of(p, "198.51.100.21"), V_LEGITIMATE);
	CHECK(group_subject(p, F_IN_USER_NOAUTH_REFUSED, "198.51.100.7"));
	CHECK_INT(verdict_of(p, "198.51.100.7"), V_LEGITIMATE);
	CHECK(!group_subject(p, F_IN_USER_REFUSED, "198.51.100.32"));
	CHECK(!group_subject(p, F_IN_USER_NOAUTH_REFUSED, "203.0.113.42"));
	CHECK_INT(verdict_of(p, "203.0.113.42"), V_SPAM_REJECTED);
	pipe_free(p);
}

/* a server whose other mail is accepted, refused by an SPF check on mail
 * it forwards, or by a blocklist, is a known sender the checks refuse
 * (known-sender-refused), and so is a large provider's server refused by
 * SPF, which is no spammer for it; the unknown recipients a backup MX
 * passes on are its senders', no harvest of its own; a stranger failing
 * SPF, or a forwarder's spam refused by a milter, is the checks working */
TEST(blame_known_sender_refused)
{
	const char *const lines[] = {
	    "Jun  5 08:00:00 mx postfix/smtpd[701]: connect from mx.univ.example[198.51.100.80]",
	    "Jun  5 08:00:01 mx postfix/smtpd[701]: 5A00000101: client=mx.univ.example[198.51.100.80]",
	    "Jun  5 08:00:01 mx postfix/cleanup[702]: 5A00000101: message-id=<1@univ.example>",
	    "Jun  5 08:00:01 mx postfix/qmgr[900]: 5A00000101: from=<prof@univ.example>, size=400, nrcpt=1 (queue active)",
	    "Jun  5 08:00:01 mx postfix/smtpd[701]: disconnect from mx.univ.example[198.51.100.80] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
	    "Jun  5 09:00:00 mx postfix/smtpd[703]: connect from mx.univ.example[198.51.100.80]",
	    "Jun  5 09:00:01 mx postfix/smtpd[703]: NOQUEUE: reject: RCPT from mx.univ.example[198.51.100.80]: 550 5.7.23 <alice@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=news@bank.example;ip=198.51.100.80;r=<UNKNOWN>; from=<news@bank.example> to=<alice@example.com> proto=ESMTP helo=<mx.univ.example>",
	    "Jun  5 09:00:01 mx postfix/smtpd[703]: disconnect from mx.univ.example[198.51.100.80] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* Gmail forwarding a message whose sender's domain fails SPF */
	    "Jun  5 09:10:00 mx postfix/smtpd[704]: connect from mail-ej1-f56.google.com[209.85.218.56]",
	    "Jun  5 09:10:01 mx postfix/smtpd[704]: NOQUEUE: reject: RCPT from mail-ej1-f56.google.com[209.85.218.56]: 550 5.7.23 <alice@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=boss@corp.example;ip=209.85.218.56;r=<UNKNOWN>; from=<boss@corp.example> to=<alice@example.com> proto=ESMTP helo=<mail-ej1-f56.google.com>",
	    "Jun  5 09:10:01 mx postfix/smtpd[704]: disconnect from mail-ej1-f56.google.com[209.85.218.56] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* one Gmail user's address refused on purpose */
	    "Jun  5 09:15:00 mx postfix/smtpd[709]: connect from mail-ej1-f57.google.com[209.85.218.57]",
	    "Jun  5 09:15:01 mx postfix/smtpd[709]: NOQUEUE: reject: RCPT from mail-ej1-f57.google.com[209.85.218.57]: 554 5.7.1 <pest@gmail.com>: Sender address rejected: Go away; from=<pest@gmail.com> to=<alice@example.com> proto=ESMTP helo=<mail-ej1-f57.google.com>",
	    "Jun  5 09:15:01 mx postfix/smtpd[709]: disconnect from mail-ej1-f57.google.com[209.85.218.57] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* a phisher failing SPF */
	    "Jun  5 09:20:00 mx postfix/smtpd[705]: connect from unknown[203.0.113.43]",
	    "Jun  5 09:20:01 mx postfix/smtpd[705]: NOQUEUE: reject: RCPT from unknown[203.0.113.43]: 550 5.7.23 <alice@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=security@paypal.com;ip=203.0.113.43;r=<UNKNOWN>; from=<security@paypal.com> to=<alice@example.com> proto=ESMTP helo=<paypal.com>",
	    "Jun  5 09:20:01 mx postfix/smtpd[705]: disconnect from unknown[203.0.113.43] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    /* a backup MX: its own mail accepted, five unknown recipients and
	     * a spam milter's verdict on mail it passes on */
	    "Jun  5 09:30:00 mx postfix/smtpd[706]: connect from mx2.backup.example[198.51.100.100]",
	    "Jun  5 09:30:01 mx postfix/smtpd[706]: 5A00000102: client=mx2.backup.example[198.51.100.100]",
	    "Jun  5 09:30:01 mx postfix/cleanup[702]: 5A00000102: message-id=<2@gmail.com>",
	    "Jun  5 09:30:01 mx postfix/qmgr[900]: 5A00000102: from=<friend@gmail.com>, size=400, nrcpt=1 (queue active)",
	    "Jun  5 09:30:02 mx postfix/smtpd[706]: 5A00000103: client=mx2.backup.example[198.51.100.100]",
	    "Jun  5 09:30:02 mx postfix/smtpd[706]: 5A00000103: milter-reject: END-OF-MESSAGE from mx2.backup.example[198.51.100.100]: 5.7.1 Spam message rejected; from=<winner@lottery.example> to=<alice@example.com> proto=ESMTP helo=<mx2.backup.example>",
	    "Jun  5 09:30:03 mx postfix/smtpd[706]: NOQUEUE: reject: RCPT from mx2.backup.example[198.51.100.100]: 550 5.1.1 <u1@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<b@spam.example> to=<u1@example.com> proto=ESMTP helo=<mx2.backup.example>",
	    "Jun  5 09:30:03 mx postfix/smtpd[706]: NOQUEUE: reject: RCPT from mx2.backup.example[198.51.100.100]: 550 5.1.1 <u2@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<b@spam.example> to=<u2@example.com> proto=ESMTP helo=<mx2.backup.example>",
	    "Jun  5 09:30:03 mx postfix/smtpd[706]: NOQUEUE: reject: RCPT from mx2.backup.example[198.51.100.100]: 550 5.1.1 <u3@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<b@spam.example> to=<u3@example.com> proto=ESMTP helo=<mx2.backup.example>",
	    "Jun  5 09:30:03 mx postfix/smtpd[706]: NOQUEUE: reject: RCPT from mx2.backup.example[198.51.100.100]: 550 5.1.1 <u4@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<b@spam.example> to=<u4@example.com> proto=ESMTP helo=<mx2.backup.example>",
	    "Jun  5 09:30:03 mx postfix/smtpd[706]: NOQUEUE: reject: RCPT from mx2.backup.example[198.51.100.100]: 550 5.1.1 <u5@example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<b@spam.example> to=<u5@example.com> proto=ESMTP helo=<mx2.backup.example>",
	    "Jun  5 09:30:04 mx postfix/smtpd[706]: disconnect from mx2.backup.example[198.51.100.100] ehlo=1 mail=7 rcpt=2/7 data=2 quit=1 commands=13/18",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(group_subject(p, F_IN_KNOWN_SENDER_REFUSED, "198.51.100.80"));
	CHECK_INT(verdict_of(p, "198.51.100.80"), V_LEGITIMATE);
	CHECK(group_subject(p, F_IN_KNOWN_SENDER_REFUSED, "209.85.218.56"));
	CHECK_INT(verdict_of(p, "209.85.218.56"), V_UNKNOWN);
	CHECK(!group_subject(p, F_IN_KNOWN_SENDER_REFUSED, "209.85.218.57"));
	CHECK(!group_subject(p, F_IN_KNOWN_SENDER_REFUSED, "203.0.113.43"));
	CHECK_INT(verdict_of(p, "203.0.113.43"), V_SPAM_REJECTED);
	CHECK(!group_subject(p, F_IN_KNOWN_SENDER_REFUSED, "198.51.100.100"));
	CHECK_INT(verdict_of(p, "198.51.100.100"), V_LEGITIMATE);
	CHECK(!has_finding(p, F_IN_USER_UNKNOWN_HARVEST));
	pipe_free(p);
}

/* a milter refusing a logged-in user's mail (rspamd scanning the
 * submission service) is this server's own check refusing a user */
TEST(blame_milter_refuses_user)
{
	const char *const lines[] = {
	    "Jun  5 09:00:00 mx postfix/submission/smtpd[801]: connect from dsl-31.example.net[198.51.100.31]",
	    "Jun  5 09:00:01 mx postfix/submission/smtpd[801]: CC00000003: client=dsl-31.example.net[198.51.100.31], sasl_method=PLAIN, sasl_username=alice@example.com",
	    "Jun  5 09:00:02 mx postfix/submission/smtpd[801]: CC00000003: milter-reject: END-OF-MESSAGE from dsl-31.example.net[198.51.100.31]: 5.7.1 Spam message rejected; from=<alice@example.com> to=<carol@partner.example> proto=ESMTP helo=<[192.168.1.10]>",
	    "Jun  5 09:00:02 mx postfix/submission/smtpd[801]: disconnect from dsl-31.example.net[198.51.100.31] ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=0/1 quit=1 commands=7/8",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(group_subject(p, F_IN_USER_REFUSED, "198.51.100.31"));
	CHECK_INT(verdict_of(p, "198.51.100.31"), V_LEGITIMATE);
	pipe_free(p);
}

/* anvil's limits refusing a large provider's server, or a server whose
 * other mail is accepted, slow wanted mail (known-sender-rate-limited);
 * a stranger's limit is no finding */
TEST(blame_known_sender_rate_limited)
{
	const char *const lines[] = {
	    "Jun  5 09:00:00 mx postfix/smtpd[901]: connect from mail-ej1-f70.google.com[209.85.218.70]",
	    "Jun  5 09:00:00 mx postfix/smtpd[901]: warning: Connection concurrency limit exceeded: 11 from mail-ej1-f70.google.com[209.85.218.70] for service smtp",
	    "Jun  5 09:00:00 mx postfix/smtpd[901]: disconnect from mail-ej1-f70.google.com[209.85.218.70] commands=0/0",
	    "Jun  5 09:10:00 mx postfix/smtpd[902]: connect from mail.partner.example[198.51.100.90]",
	    "Jun  5 09:10:01 mx postfix/smtpd[902]: 5A00000201: client=mail.partner.example[198.51.100.90]",
	    "Jun  5 09:10:01 mx postfix/cleanup[903]: 5A00000201: message-id=<1@partner.example>",
	    "Jun  5 09:10:01 mx postfix/qmgr[900]: 5A00000201: from=<a@partner.example>, size=400, nrcpt=1 (queue active)",
	    "Jun  5 09:10:01 mx postfix/smtpd[902]: disconnect from mail.partner.example[198.51.100.90] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
	    "Jun  5 09:11:00 mx postfix/smtpd[904]: connect from mail.partner.example[198.51.100.90]",
	    "Jun  5 09:11:00 mx postfix/smtpd[904]: warning: Connection rate limit exceeded: 31 from mail.partner.example[198.51.100.90] for service smtp",
	    "Jun  5 09:11:00 mx postfix/smtpd[904]: disconnect from mail.partner.example[198.51.100.90] commands=0/0",
	    "Jun  5 09:20:00 mx postfix/smtpd[905]: connect from unknown[203.0.113.71]",
	    "Jun  5 09:20:00 mx postfix/smtpd[905]: warning: Connection rate limit exceeded: 61 from unknown[203.0.113.71] for service smtp",
	    "Jun  5 09:20:00 mx postfix/smtpd[905]: disconnect from unknown[203.0.113.71] commands=0/0",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(group_subject(p, F_IN_KNOWN_RATE_LIMITED, "209.85.218.70"));
	CHECK(group_subject(p, F_IN_KNOWN_RATE_LIMITED, "198.51.100.90"));
	CHECK(!group_subject(p, F_IN_KNOWN_RATE_LIMITED, "203.0.113.71"));
	CHECK(!has_finding(p, F_IN_OWN_RATE_LIMITED));
	pipe_free(p);
}

/* on port 25 a mail server by its confirmed name, held back by a limit a
 * sender with mail reaches (connections at once, messages, recipients),
 * is a known sender even without other mail in the log; a connection
 * rate flood, an ISP pool's or a scanner's name is not; postscreen's
 * pass service ("for service smtpd") is port 25, not submission (threads
 * BH, accepted.c limit_named, limit_for_mail, service_port25) */
TEST(blame_named_server_mail_limit)
{
	const char *const lines[] = {
	    "Jun  6 09:00:00 mx postfix/smtpd[911]: warning: Connection concurrency limit exceeded: 11 from relay2.example.net[198.51.100.20] for service smtp",
	    "Jun  6 09:01:00 mx postfix/smtpd[912]: warning: Connection rate limit exceeded: 31 from scan7.example.net[198.51.100.77] for service smtp",
	    "Jun  6 09:02:00 mx postfix/smtpd[913]: warning: Connection concurrency limit exceeded: 11 from dsl-203-0-113-7-dyn.example.net[203.0.113.7] for service smtp",
	    "Jun  6 09:03:00 mx postfix/smtpd[914]: warning: Connection concurrency limit exceeded: 11 from scanner-04.shodan.io[192.0.2.44] for service smtp",
	    "Jun  6 09:04:00 mx postfix/smtpd[915]: warning: Message delivery request rate limit exceeded: 101 from lists.example.org[198.51.100.60] for service smtpd",
	    "Jun  6 09:05:00 mx postfix/smtpd[916]: warning: Connection concurrency limit exceeded: 51 from unknown[203.0.113.90] for service smtpd",
	    "Jun  6 09:06:00 mx postfix/smtpd[917]: warning: Connection concurrency limit exceeded: 51 from unknown[203.0.113.91] for service submission",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(group_subject(p, F_IN_KNOWN_RATE_LIMITED, "198.51.100.20"));
	CHECK(!group_subject(p, F_IN_KNOWN_RATE_LIMITED, "198.51.100.77"));
	CHECK(!group_subject(p, F_IN_KNOWN_RATE_LIMITED, "203.0.113.7"));
	CHECK(!group_subject(p, F_IN_KNOWN_RATE_LIMITED, "192.0.2.44"));
	CHECK(group_subject(p, F_IN_KNOWN_RATE_LIMITED, "198.51.100.60"));
	CHECK(!group_subject(p, F_IN_SUBMISSION_LIMITED, "198.51.100.60"));
	CHECK(!group_subject(p, F_IN_SUBMISSION_LIMITED, "203.0.113.90"));
	CHECK(!group_subject(p, F_IN_KNOWN_RATE_LIMITED, "203.0.113.90"));
	CHECK(group_subject(p, F_IN_SUBMISSION_LIMITED, "203.0.113.91"));
	pipe_free(p);
}

/* a client whose every session smtpd ended with anvil's 421 right after
 * the connect ("commands=0/0") was turned away, not a port scanner that
 * left: its words name the limit; with a confirmed name it is a mail
 * server that waits, without one a flood; a session that ended without
 * a disconnect line after the warning is no session the log cut short */
TEST(blame_session_cut_by_anvil_told)
{
	const char *const lines[] = {
	    "Jun  7 09:00:00 mx postfix/smtpd[921]: connect from relay2.example.net[198.51.100.20]",
	    "Jun  7 09:00:00 mx postfix/smtpd[921]: warning: Connection concurrency limit exceeded: 11 from relay2.example.net[198.51.100.20] for service smtp",
	    "Jun  7 09:00:00 mx postfix/smtpd[921]: disconnect from relay2.example.net[198.51.100.20] commands=0/0",
	    "Jun  7 09:01:00 mx postfix/smtpd[922]: warning: Connection rate limit exceeded: 61 from unknown[203.0.113.71] for service smtp",
	    "Jun  7 09:02:00 mx postfix/smtpd[923]: connect from unknown[203.0.113.72]",
	    "Jun  7 09:02:00 mx postfix/smtpd[923]: disconnect from unknown[203.0.113.72] commands=0/0",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	const char *named = explanation(p, "198.51.100.20");
	CHECK(strstr(named, "turned every connection of it away at once"));
	CHECK(strstr(named, "smtpd_client_connection_count_limit"));
	CHECK(strstr(named, "confirmed by DNS"));
	CHECK(!strstr(named, "port scanner"));
	const char *flood = explanation(p, "203.0.113.71");
	CHECK(strstr(flood, "smtpd_client_connection_rate_limit"));
	CHECK(strstr(flood, "a candidate for a ban"));
	CHECK(!strstr(flood, "The log ends before its session does"));
	CHECK(!strstr(explanation(p, "203.0.113.72"), "turned every connection"));
	pipe_free(p);
}

/* snowshoe spam: a server that got a message through, then refused by a
 * blocklist that listed it since, is no known sender */
TEST(blame_listed_after_accepted_is_no_known_sender)
{
	const char *const lines[] = {
	    "Nov  1 05:00:00 mx postfix/smtpd[701]: connect from unknown[204.152.221.27]",
	    "Nov  1 05:00:01 mx postfix/smtpd[701]: 5A00000301: client=unknown[204.152.221.27]",
	    "Nov  1 05:00:01 mx postfix/cleanup[702]: 5A00000301: message-id=<1@patiodevelop.xyz>",
	    "Nov  1 05:00:01 mx postfix/qmgr[900]: 5A00000301: from=<PatioClearance@patiodevelop.xyz>, size=400, nrcpt=1 (queue active)",
	    "Nov  1 05:00:01 mx postfix/smtpd[701]: disconnect from unknown[204.152.221.27] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5",
	    "Nov  1 06:50:55 mx postfix/smtpd[703]: connect from unknown[204.152.221.27]",
	    "Nov  1 06:50:55 mx postfix/smtpd[703]: NOQUEUE: reject: RCPT from unknown[204.152.221.27]: 554 5.7.1 Service unavailable; Client host [204.152.221.27] blocked using zen.spamhaus.org; http://www.spamhaus.org/sbl/query/SBLCSS; from=<PatioClearance@patiodevelop.xyz> to=<kdent@example.com> proto=ESMTP helo=<004c71d8.patiodevelop.xyz>",
	    "Nov  1 06:50:56 mx postfix/smtpd[703]: disconnect from unknown[204.152.221.27] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(!has_finding(p, F_IN_KNOWN_SENDER_REFUSED));
	pipe_free(p);
}

/* postscreen's 450 4.3.2 to three addresses of Gmail's network greeting
 * as Gmail: a provider retrying from its pool is deferred again and
 * again (postscreen-tests-delay-providers); two are the ordinary first
 * deferral (postscreen-after-greeting-tests) */
TEST(blame_postscreen_tests_delay_provider)
{
	char buf[3][400];
	const char *lines[5] = {0};
	for (int i = 0; i < 3; i++) {
		snprintf(buf[i], sizeof buf[i],
			 "Jun  5 09:0%d:00 mx postfix/postscreen[3001]: NOQUEUE: reject: RCPT from [209.85.218.%d]:5000%d: 450 4.3.2 Service currently unavailable; from=<friend@gmail.com>, to=<alice@example.com>, proto=ESMTP, helo=<mail-ej1-f%d.google.com>",
			 i, 60 + i, i, 60 + i);
		lines[i] = buf[i];
	}
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK(group_subject(p, F_PS_DEEP_PROVIDERS, "209.85.218.62"));
	CHECK(!has_finding(p, F_PS_DEEP_TEMPFAIL));
	CHECK_INT(verdict_of(p, "209.85.218.60"), V_UNKNOWN);
	pipe_free(p);
	lines[2] = NULL;
	p = pipe_new();
	pipe_lines(p, lines);
	CHECK(!has_finding(p, F_PS_DEEP_PROVIDERS));
	CHECK(has_finding(p, F_PS_DEEP_TEMPFAIL));
	pipe_free(p);
}

/* a device of this server's own network refused by a HELO check, with a
 * sender of a domain this server delivers to itself, is the admin's own
 * (own-client-refused tells the fix), not spam; a LAN host refused with
 * a foreign sender stays spam-rejected */
TEST(blame_own_app_refused_not_spam)
{
	const char *const lines[] = {
	    "Jun  5 08:00:00 mx postfix/lmtp[700]: 5A00000401: to=<alice@example.com>, relay=mail.example.com[private/dovecot-lmtp], delay=0.5, delays=0.1/0.01/0.2/0.19, dsn=2.0.0, status=sent (250 2.0.0 <alice@example.com> Saved)",
	    "Jun  5 09:00:00 mx postfix/smtpd[1001]: connect from unknown[192.168.1.50]",
	    "Jun  5 09:00:01 mx postfix/smtpd[1001]: NOQUEUE: reject: RCPT from unknown[192.168.1.50]: 504 5.5.2 <scanner>: Helo command rejected: need fully-qualified hostname; from=<scanner@example.com> to=<alice@example.com> proto=SMTP helo=<scanner>",
	    "Jun  5 09:00:01 mx postfix/smtpd[1001]: disconnect from unknown[192.168.1.50] helo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    "Jun  5 09:10:00 mx postfix/smtpd[1002]: connect from unknown[192.168.1.51]",
	    "Jun  5 09:10:01 mx postfix/smtpd[1002]: NOQUEUE: reject: RCPT from unknown[192.168.1.51]: 504 5.5.2 <WIN-X>: Helo command rejected: need fully-qualified hostname; from=<promo@spam.example> to=<alice@example.com> proto=SMTP helo=<WIN-X>",
	    "Jun  5 09:10:01 mx postfix/smtpd[1002]: disconnect from unknown[192.168.1.51] helo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "192.168.1.50"), V_UNKNOWN);
	CHECK(strstr(explanation(p, "192.168.1.50"), "your own application or device"));
	CHECK(has_finding(p, F_IN_OWN_CLIENT_REFUSED));
	CHECK_INT(verdict_of(p, "192.168.1.51"), V_SPAM_REJECTED);
	pipe_free(p);
}

/* the same without a delivery to tell the domains this server receives:
 * a LAN device refused for mail within one domain (a scanner's
 * scan@example.com to alice@example.com; a relay container's user
 * writing to itself) is still the admin's own; a foreign sender is not */
TEST(blame_own_app_refused_intra_domain)
{
	const char *const lines[] = {
	    "Jun  5 09:00:00 mx postfix/smtpd[1001]: connect from unknown[192.168.1.52]",
	    "Jun  5 09:00:01 mx postfix/smtpd[1001]: NOQUEUE: reject: RCPT from unknown[192.168.1.52]: 504 5.5.2 <scanner>: Helo command rejected: need fully-qualified hostname; from=<scan@example.com> to=<alice@Example.com> proto=SMTP helo=<scanner>",
	    "Jun  5 09:00:01 mx postfix/smtpd[1001]: disconnect from unknown[192.168.1.52] helo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    "Jun  5 09:10:00 mx postfix/smtpd[1002]: connect from unknown[192.168.1.53]",
	    "Jun  5 09:10:01 mx postfix/smtpd[1002]: NOQUEUE: reject: RCPT from unknown[192.168.1.53]: 504 5.5.2 <WIN-X>: Helo command rejected: need fully-qualified hostname; from=<promo@spam.example> to=<alice@example.com> proto=SMTP helo=<WIN-X>",
	    "Jun  5 09:10:01 mx postfix/smtpd[1002]: disconnect from unknown[192.168.1.53] helo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "192.168.1.52"), V_UNKNOWN);
	CHECK(strstr(explanation(p, "192.168.1.52"), "your own application or device"));
	CHECK_INT(verdict_of(p, "192.168.1.53"), V_SPAM_REJECTED);
	pipe_free(p);
}

/* "Relay access denied" only ever for bounces (MAIL FROM:<>) is a mail
 * server returning a delivery report to a return address in a domain
 * not received here (a web application's bounce address), no relay test;
 * the same refusal with a sender is one */
TEST(blame_null_sender_relay_denied_not_tester)
{
	const char *const lines[] = {
	    "Sep 30 00:10:16 mx postfix/smtpd[1101]: connect from unknown[192.0.2.40]",
	    "Sep 30 00:10:17 mx postfix/smtpd[1101]: NOQUEUE: reject: RCPT from unknown[192.0.2.40]: 454 4.7.1 <bounce+a=example.org@mail.example.com>: Relay access denied; from=<> to=<bounce+a=example.org@mail.example.com> proto=ESMTP helo=<smtp.example.net>",
	    "Sep 30 00:10:17 mx postfix/smtpd[1101]: disconnect from unknown[192.0.2.40] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    "Sep 30 00:11:16 mx postfix/smtpd[1102]: connect from unknown[192.0.2.41]",
	    "Sep 30 00:11:17 mx postfix/smtpd[1102]: NOQUEUE: reject: RCPT from unknown[192.0.2.41]: 454 4.7.1 <x@example.net>: Relay access denied; from=<s@example.org> to=<x@example.net> proto=ESMTP helo=<WIN-X>",
	    "Sep 30 00:11:17 mx postfix/smtpd[1102]: disconnect from unknown[192.0.2.41] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "192.0.2.40"), V_UNKNOWN);
	CHECK(strstr(explanation(p, "192.0.2.40"), "always for a bounce"));
	CHECK_INT(verdict_of(p, "192.0.2.41"), V_RELAY_ATTEMPT);
	pipe_free(p);
}

/* "too many errors after AUTH" alone (an excerpt of the lines a ban
 * filter matched, the warnings left out) is failed logins: guessing;
 * the same limit reached after RCPT is no login failure, nor is one
 * reached by a client that logged in */
TEST(blame_too_many_errors_after_auth)
{
	static const char *const lines[] = {
	    "Jul 13 10:01:30 mx postfix/smtpd[5863]: connect from unknown[198.51.100.210]",
	    "Jul 13 10:01:34 mx postfix/smtpd[5863]: too many errors after AUTH from unknown[198.51.100.210]",
	    "Jul 13 10:01:34 mx postfix/smtpd[5863]: disconnect from unknown[198.51.100.210]",
	    "Jul 13 10:02:30 mx postfix/smtpd[5864]: connect from unknown[198.51.100.211]",
	    "Jul 13 10:02:34 mx postfix/smtpd[5864]: too many errors after RCPT from unknown[198.51.100.211]",
	    "Jul 13 10:02:34 mx postfix/smtpd[5864]: disconnect from unknown[198.51.100.211]",
	    "Jul 13 10:03:30 mx postfix/smtpd[5865]: connect from laptop.example.net[198.51.100.212]",
	    "Jul 13 10:03:34 mx postfix/smtpd[5865]: too many errors after AUTH from laptop.example.net[198.51.100.212]",
	    "Jul 13 10:03:34 mx postfix/smtpd[5865]: disconnect from laptop.example.net[198.51.100.212] ehlo=1 auth=1 "
	    "commands=2",
	    NULL};
	struct pipe *p = pipe_new();
	pipe_lines(p, lines);
	CHECK_INT(verdict_of(p, "198.51.100.210"), V_AUTH_BRUTEFORCE);
	CHECK(verdict_of(p, "198.51.100.211") != V_AUTH_BRUTEFORCE);
	CHECK(verdict_of(p, "198.51.100.212") != V_AUTH_BRUTEFORCE);
	pipe_free(p);
}

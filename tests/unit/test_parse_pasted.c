/*
 * test_parse_pasted.c - the program parsers on real lines as admins
 * pasted them (../shared/qa-dev, the seeds): prefixes of every pasted
 * shape, addresses typed over ("[IP]", "[xxx.xxx.xxx.xxx]"), placeholders
 * in mail addresses.  The line must keep its type; a masked address
 * comes back empty (not shown), never as a client address, unless what
 * is left of it shows a private network ("192.168.xx.xx": kept as
 * written); uniq -c's count before a line is taken off.
 */
#include "progs.h"

/* qa-dev 37: docker-compose prefix, no host, "name [masked]" */
TEST(pasted_smtpd_reject_masked_client)
{
	const struct event *ev = progs_line(
	    "postfix-mailcow_1    | May 31 11:00:46 postfix/smtpd[782]: NOQUEUE: reject: MAIL from "
	    "xx.xx.com [xxx.xxx.xxx.xxx]: 452 4.3.1 Insufficient system storage; proto=ESMTP "
	    "helo=<xx.xx.com>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->client_name, "xx.xx.com");
	CHECK_SPAN(ev->client_ip, "");
	CHECK_SPAN(ev->stage, "MAIL");
	CHECK_SPAN(ev->code, "452");
	CHECK_SPAN(ev->dsn, "4.3.1");
	CHECK_SPAN(ev->helo, "xx.xx.com");
	/* a blank before a real address is not taken for a masked one */
	ev = progs_msg("postfix/smtpd", "connect from xx.xx.com [192.0.2.1]");
	CHECK_STR(progs_type(ev), "unknown");
}

/* qa-dev 10: postscreen's "[IP]:port" */
TEST(pasted_postscreen_masked_client)
{
	const struct event *ev = progs_line(
	    "2025-07-17T00:47:20.613392+02:00 mx postfix/postscreen[4574]: NOQUEUE: reject: RCPT "
	    "from [IP]:48647: 450 4.3.2 Service currently unavailable;");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->client_ip, "");
	CHECK_SPAN(ev->client_port, "48647");
	CHECK_SPAN(ev->code, "450");
	CHECK_SPAN(ev->dsn, "4.3.2");
	ev = progs_msg("postfix/postscreen", "CONNECT from [x.x.x.x]:54410 to [172.21.0.2]:25");
	CHECK_STR(progs_type(ev), "ps_connect");
	CHECK_SPAN(ev->client_ip, "");
	CHECK_SPAN(ev->server_ip, "172.21.0.2");
}

/* masked client addresses of smtpd: connect, SASL failure, disconnect */
TEST(pasted_smtpd_masked_session)
{
	const struct event *ev =
	    progs_msg("postfix/smtpd", "connect from unknown[XXX.XXX.XXX.XXX]");
	CHECK_STR(progs_type(ev), "connect");
	CHECK_SPAN(ev->client_name, "unknown");
	CHECK_SPAN(ev->client_ip, "");
	ev = progs_msg("postfix/smtpd",
		       "warning: unknown[IP]: SASL LOGIN authentication failed: UGFzc3dvcmQ6");
	CHECK_STR(progs_type(ev), "sasl_fail");
	CHECK_SPAN(ev->client_ip, "");
	ev = progs_msg("postfix/smtpd", "disconnect from unknown[a.b.c.d] ehlo=1 auth=0/1 commands=1/2");
	CHECK_STR(progs_type(ev), "disconnect");
	CHECK_SPAN(ev->client_ip, "");
	/* a real address stays */
	ev = progs_msg("postfix/smtpd", "connect from unknown[172.21.0.1]");
	CHECK_SPAN(ev->client_ip, "172.21.0.1");
}

/* placeholders in mail addresses and relays (qa-dev 01, 05, 17; seed 003) */
TEST(pasted_delivery_placeholders)
{
	const struct event *ev = progs_line(
	    "Feb 11 07:41:39 listy postfix/smtp[3006]: 4424441E46: to=<RECP@gmail.com>, "
	    "relay=gmail-smtp-in.l.google.com[66.102.1.27]:25, delay=0.58, "
	    "delays=0.01/0.01/0.2/0.35, dsn=5.7.1, status=bounced (host "
	    "gmail-smtp-in.l.google.com[66.102.1.27] said: 550-5.7.1 [203.0.113.9] Our system has "
	    "detected an unusual rate of unsolicited mail (in reply to end of DATA command))");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->to, "RECP@gmail.com");
	CHECK_SPAN(ev->relay_ip, "66.102.1.27");
	ev = progs_line("postfix-mailcow_1    | Oct 12 11:39:44 mx postfix/error[7376]: 0A8CA8070E: "
			"to=<munged>, relay=none, delay=47562, delays=47562/0.74/0/0.11, dsn=4.4.3, "
			"status=deferred (delivery temporarily suspended: Host or domain name not "
			"found. Name service error");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->to, "munged");
	CHECK_SPAN(ev->status, "deferred");
	ev = progs_line("Sep 16 09:22:05 nixe.k4cg.org postfix/error[23227]: 8973C8975E6C: "
			"to=<$mailaddr>, relay=none, delay=0.03, delays=0.02/0/0/0, dsn=4.3.0, "
			"status=deferred (mail transport unavailable)");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->to, "$mailaddr");
	ev = progs_line("Apr 16 06:29:11 mail.xxx.com postfix/smtp[12164]: 1A9B71D801: "
			"to=<xxx@inver**.com>, relay=inver**.com[164.138.x.x]:25, delay=50, "
			"delays=39/0/6.7/5, dsn=2.0.0, status=sent (250 OK id=1lX6jh-000875-TC)");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->relay_name, "inver**.com");
	CHECK_SPAN(ev->relay_ip, "");
	CHECK_SPAN(ev->relay_port, "25");
}

/* qa-dev 17, 19, 28: lines with no time, no host or no tag keep their type */
TEST(pasted_no_time_lines_typed)
{
	const struct event *ev = progs_line(
	    "mail postfix/master[20375]: warning: /usr/lib/postfix/sbin/proxymap: bad command "
	    "startup -- throttling");
	CHECK_STR(progs_type(ev), "master");
	CHECK_SPAN(ev->line->host, "mail");
	ev = progs_line("postfix/master[843]: fatal: bind IP.IP.IP.IP port 465: Address already in use");
	CHECK_STR(progs_type(ev), "warning");
	CHECK_SPAN(ev->action, "fatal");
	ev = progs_line("warning: database /var/lib/mlmmj/transports.db is older than source file "
			"/var/lib/mlmmj/transports");
	CHECK_STR(progs_type(ev), "warning");
	CHECK_SPAN(ev->action, "warning");
	CHECK(ev->line->postfix);
}

/* BusyBox syslogd (Alpine images): "facility.level" after the host */
TEST(pasted_busybox_facility_level)
{
	const struct event *ev = progs_line(
	    "Aug 12 22:37:54 5de1a1801612 mail.info postfix/smtpd[2857]: connect from "
	    "mail.example.net[192.0.2.44]");
	CHECK_STR(progs_type(ev), "connect");
	CHECK_SPAN(ev->client_ip, "192.0.2.44");
	CHECK_SPAN(ev->line->host, "5de1a1801612");
	ev = progs_line("Aug 12 22:38:25 5de1a1801612 local3.warn postfix/smtp[2861]: connect to "
			"mx.example.net[192.0.2.27]:25: Operation timed out");
	CHECK_SPAN(ev->line->daemon, "smtp");
	/* a word that is no facility stays a second host word: no line */
	ev = progs_line("Aug 12 22:37:54 5de1a1801612 mailx.info postfix/smtpd[2857]: connect from "
			"mail.example.net[192.0.2.44]");
	CHECK_STR(progs_type(ev), "other");
}

/* a journal under a German locale: "Okt", "Mai", "Dez" */
TEST(pasted_german_month)
{
	const struct event *ev = progs_line(
	    "Okt 15 23:48:15 c3 postfix/lmtp[48460]: C88761F60D: to=<u@example.com>, "
	    "relay=c3.example.com[private/dovecot-lmtp], delay=5.1, delays=2.4/0/0/2.7, dsn=5.2.2, "
	    "status=bounced (host c3.example.com[private/dovecot-lmtp] said: 552 5.2.2 <u@example.com> "
	    "Quota exceeded (mailbox for user is full) (in reply to end of DATA command))");
	CHECK_SPAN(ev->line->daemon, "lmtp");
	CHECK_SPAN(ev->line->host, "c3");
	CHECK_SPAN(ev->status, "bounced");
}

/* a client typed over whole ("<redacted>", "[hidden]"): the line keeps
 * its type, the client its word and no address */
TEST(pasted_placeholder_client)
{
	const struct event *ev = progs_line(
	    "NOQUEUE: reject: RCPT from <redacted>: 554 5.7.1 Service unavailable; Client host "
	    "[redacted] blocked using zen.spamhaus.org; Error: open resolver; "
	    "https://check.spamhaus.org/returnc/pub/203.0.113.9/; from=<a@example.org> "
	    "to=<b@example.com> proto=ESMTP helo=<mail.example.org>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->line->daemon, "smtpd");
	CHECK_SPAN(ev->client_name, "<redacted>");
	CHECK_SPAN(ev->client_ip, "");
	CHECK_SPAN(ev->code, "554");
	CHECK_SPAN(ev->helo, "mail.example.org");
	ev = progs_msg("postfix/smtpd", "NOQUEUE: reject: RCPT from [hidden]: 450 4.7.1 <b@example.com>: "
					"Recipient address rejected: Greylisted; from=<a@example.org>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->client_name, ""); /* "[hidden]": a name-less masked address */
	CHECK_SPAN(ev->client_ip, "");
	/* no reply code after it: no client, no line */
	ev = progs_msg("postfix/smtpd", "NOQUEUE: reject: RCPT from <redacted>: see above");
	CHECK_STR(progs_type(ev), "unknown");
	ev = progs_msg("postfix/smtpd", "NOQUEUE: reject: RCPT from x[y: 554 5.7.1 no");
	CHECK_STR(progs_type(ev), "unknown");
}

/* a status line pasted without its queue ID, or cut before to= or
 * relay=: read for its status and reason, tied to no message */
TEST(pasted_delivery_fragments)
{
	const struct event *ev = progs_line(
	    "to=<a@gmail.com>, relay=none, delay=0.11, delays=0.08/0.03/0/0, dsn=4.4.3, "
	    "status=deferred (Host or domain name not found. Name service error for name=gmail.com "
	    "type=MX: Host not found, try again)");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->line->daemon, "smtp");
	CHECK(!ev->queue_id.n);
	CHECK_SPAN(ev->to, "a@gmail.com");
	CHECK_SPAN(ev->dsn, "4.4.3");
	CHECK_SPAN(ev->status, "deferred");
	ev = progs_line("relay=smtp.example.net[192.0.2.8]:25, delay=151584, delays=151578/0.02/6.2/0, "
			"dsn=4.7.0, status=deferred (SASL authentication failed: server "
			"smtp.example.net[192.0.2.8] offered no compatible authentication mechanisms for "
			"this type of connection security)");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->line->daemon, "smtp");
	CHECK_SPAN(ev->to, "");
	CHECK_SPAN(ev->relay_ip, "192.0.2.8");
	CHECK_SPAN(ev->dsn, "4.7.0");
	ev = progs_line("status=deferred (TLS is required, but was not offered by host "
			"127.0.0.1[127.0.0.1])");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->status, "deferred");
	CHECK(!ev->relay_name.n);
	/* tagged, the queue ID typed away */
	ev = progs_msg("postfix/smtp", "to=<a@example.com>, relay=mx.example.com[192.0.2.3]:25, "
				       "delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 OK)");
	CHECK_STR(progs_type(ev), "delivery");
	CHECK_SPAN(ev->status, "sent");
	/* no status: no delivery */
	ev = progs_msg("postfix/smtp", "to=<a@example.com>, relay=mx.example.com[192.0.2.3]:25, delay=1");
	CHECK_STR(progs_type(ev), "unknown");
	ev = progs_msg("postfix/smtp", "relay=mx.example.com[192.0.2.3]:25, delay=1");
	CHECK_STR(progs_type(ev), "unknown");
}

/* a milter's verdict at the end of the message is cleanup's, pasted
 * with or without its queue ID */
TEST(pasted_milter_end_of_message)
{
	const struct event *ev = progs_line("milter-reject: END-OF-MESSAGE from unknown[192.0.2.66]: 4.7.1 "
					    "Service unavailable - try again later");
	CHECK_STR(progs_type(ev), "cleanup_action");
	CHECK_SPAN(ev->line->daemon, "cleanup");
	CHECK_SPAN(ev->action, "milter-reject");
	CHECK_SPAN(ev->stage, "END-OF-MESSAGE");
	CHECK_SPAN(ev->client_ip, "192.0.2.66");
	CHECK_SPAN(ev->dsn, "4.7.1");
	ev = progs_line("4C3F81235: milter-reject: END-OF-MESSAGE from unknown[192.0.2.66]: 5.7.1 Spam; "
			"from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<x.example.org>");
	CHECK_STR(progs_type(ev), "cleanup_action");
	CHECK_SPAN(ev->queue_id, "4C3F81235");
	CHECK_SPAN(ev->from, "a@example.org");
}

/* a time of day alone ("3:03:59 host ..."): the line is read, with no
 * time of its own (the last one read before it, none here) */
TEST(pasted_time_of_day_only)
{
	const struct event *ev = progs_line("3:04:29 c49364445807 mail.info postfix/smtp[2474]: connect to "
					    "gmail-smtp-in.l.google.com[192.0.2.26]:25: Operation timed out");
	CHECK_SPAN(ev->line->daemon, "smtp");
	CHECK_SPAN(ev->line->host, "c49364445807");
	CHECK_INT(ev->line->format, FMT_NOTIME);
	CHECK_INT(ev->line->ts.us, 0);
	ev = progs_line("13:03:59.123 mx postfix/smtpd[2468]: connect from unknown[192.0.2.1]");
	CHECK_STR(progs_type(ev), "connect");
	CHECK_SPAN(ev->line->host, "mx");
	/* not a clock: "3:03" alone, "3:03:5x" */
	ev = progs_line("3:03 mx postfix/smtpd[2468]: connect from unknown[192.0.2.1]");
	CHECK_STR(progs_type(ev), "other");
	ev = progs_line("3:03:5x mx postfix/smtpd[2468]: connect from unknown[192.0.2.1]");
	CHECK_STR(progs_type(ev), "other");
}

/* threads15D: a web UI's log table copied (mailcow: "time | level |
 * message", the time as the browser's toLocaleString writes it, the
 * program not shown): the message is read by its shape (bare.c); day
 * and month by the one above 12, else month first only with AM/PM */
TEST(pasted_web_ui_table_browser_time)
{
	const struct event *ev = progs_line(
	    "30/9/2017, 00:10:17 | info | NOQUEUE: reject: RCPT from unknown[192.0.2.25]: 454 4.7.1 "
	    "<bounce+x=example.org@mail.example.com>: Relay access denied; from=<> "
	    "to=<bounce+x=example.org@mail.example.com> proto=ESMTP helo=<smtp.example.org>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->client_ip, "192.0.2.25");
	CHECK_SPAN(ev->line->daemon, "smtpd");
	CHECK(ev->line->format != FMT_NOTIME);
	int64_t a = ev->line->ts.us;
	ev = progs_line("9/30/2017, 12:10:17 AM | info | connect from unknown[192.0.2.25]");
	CHECK_STR(progs_type(ev), "connect");
	CHECK(ev->line->ts.us == a);
	ev = progs_line("30.9.2017, 00:10:17 | info | connect from unknown[192.0.2.25]");
	CHECK(ev->line->ts.us == a);
	ev = progs_line("1/10/2017, 00:10:17 | info | connect from unknown[192.0.2.25]");
	CHECK(ev->line->ts.us > a + 23LL * 3600 * 1000000);
	/* a date that is none (month 13, day 32, hour 25) is no time */
	ev = progs_line("13/13/2017, 00:10:17 | info | connect from unknown[192.0.2.25]");
	CHECK(ev->line->format == FMT_NOTIME || !ev->line->ts.us || ev->line->ts.us != a);
	ev = progs_line("30/9/2017, 25:10:17 | info | connect from unknown[192.0.2.25]");
	CHECK(ev->line->ts.us != a);
	/* prose after a bar is not a message */
	ev = progs_line("30/9/2017, 00:10:17 | info | the server said hello");
	CHECK(!ev->line->postfix);
	/* the Dutch locale's "dd-mm-yyyy hh:mm:ss" (mailcow's table): the same
	 * day; the SMTP client's "connect to NAME[ADDR]:25: ERROR" without its
	 * program is smtp's (port 25; lmtp's is 24) */
	ev = progs_line("30-09-2017 00:10:17 | info | connect to mx.example.org[192.0.2.25]:25: Connection timed out");
	CHECK_STR(progs_type(ev), "smtp_conn_fail");
	CHECK_SPAN(ev->line->daemon, "smtp");
	CHECK(ev->line->ts.us == a);
	ev = progs_line("30-09-2017 00:10:17 | info | connect to mx.example.org[192.0.2.25]:24: Connection refused");
	CHECK(!ev->line->postfix);
	ev = progs_line("30-9.2017 00:10:17 | info | connect from unknown[192.0.2.25]");
	CHECK(ev->line->ts.us != a);
}

/* a host name the admin replaced by words in brackets ("[my domain]"):
 * the host column all the same; prose after a bracket stays prose */
TEST(pasted_host_placeholder_words)
{
	const struct event *ev = progs_line(
	    "Feb 08 04:49:12 [my domain] postfix/smtp[5460]: 9843783F4B: to=<u1@example.org>, "
	    "relay=mx.example.org[192.0.2.17]:25, delay=38136, delays=38136/0.03/0.06/0, dsn=4.0.0, "
	    "status=deferred (host mx.example.org[192.0.2.17] refused to talk to me: 554-No SMTP service "
	    "554-Bad DNS PTR resource record.");
	CHECK(ev->line->postfix);
	CHECK_SPAN(ev->line->daemon, "smtp");
	CHECK_SPAN(ev->line->host, "[my domain]");
	CHECK_STR(progs_type(ev), "delivery");
	ev = progs_line("Feb 08 04:49:12 [see the log below] it says no SMTP service");
	CHECK(!ev->line->postfix);
	ev = progs_line("Feb 08 04:49:12 [my domain postfix/smtp[5460]: 9843783F4B: removed");
	CHECK(!ev->line->postfix || !span_eqs(ev->line->host, "[my domain"));
}

/* the same in angle brackets ("<host name>", threads17G 01): the host
 * column; a level word in angle brackets ("<notice>") stays a level */
TEST(pasted_host_placeholder_angled)
{
	const struct event *ev = progs_line(
	    "Sep 12 06:47:48 <host name> postfix/submission/smtpd[21681]: warning: unknown[192.0.2.7]: "
	    "SASL LOGIN authentication failed: authentication failure");
	CHECK(ev->line->postfix);
	CHECK_SPAN(ev->line->host, "<host name>");
	CHECK_SPAN(ev->line->service, "submission");
	CHECK_STR(progs_type(ev), "sasl_fail");
	ev = progs_line("Sep 12 06:47:48 <see the log> it failed again");
	CHECK(!ev->line->postfix);
}

/* a tag whose ':' the paste lost, Postfix's severity word right after
 * it (threads D 09's shape, rewritten): read; a tag followed by other
 * words is not */
TEST(pasted_tag_colon_lost_before_severity)
{
	const struct event *ev = progs_line(
	    "postfix/smtpd warning: restriction `reject_authenticated_sender_login_mismatch' "
	    "ignored: no SASL support");
	CHECK_STR(progs_type(ev), "warning");
	CHECK_SPAN(ev->line->daemon, "smtpd");
	CHECK_SPAN(ev->line->severity, "warning");
	ev = progs_line("Dec  5 10:00:00 mx postfix/submission/smtpd[77] fatal: no SASL authentication "
			"mechanisms");
	CHECK_SPAN(ev->line->service, "submission");
	CHECK_INT(ev->line->pid, 77);
	CHECK_SPAN(ev->line->severity, "fatal");
	CHECK(!progs_line("postfix/smtpd said: restriction ignored")->line->postfix);
	CHECK(!progs_line("postfix/smtpd warning restriction ignored")->line->postfix);
}

/* smtpd's refusal pasted from its reply on (threads D 03's shape,
 * rewritten): a reject with its reason and envelope, no client; a reply
 * without log_whatsup's tail, or whose class and DSN differ, is not */
TEST(pasted_reply_fragment)
{
	const struct event *ev = progs_line(
	    "553 5.7.1 <notify@example.org>: Sender address rejected: not owned by user "
	    "no-reply@example.org; from=<notify@example.org> to=<a@example.net> proto=ESMTP "
	    "helo=<client.example.org>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->line->daemon, "smtpd");
	CHECK_SPAN(ev->stage, "RCPT");
	CHECK_SPAN(ev->code, "553");
	CHECK_SPAN(ev->dsn, "5.7.1");
	CHECK_SPAN(ev->from, "notify@example.org");
	CHECK_SPAN(ev->to, "a@example.net");
	CHECK_SPAN(ev->helo, "client.example.org");
	CHECK(span_find(ev->reason, "not owned by user").p != NULL);
	CHECK(!ev->client_ip.n);
	CHECK(!progs_line("553 5.7.1 <notify@example.org>: Sender address rejected")->line->postfix);
	CHECK(!progs_line("553 4.7.1 x; from=<a@example.org> to=<b@example.net> proto=ESMTP")->line->postfix);
	CHECK(!progs_line("250 2.0.0 Ok; from=<a@example.org> to=<b@example.net> proto=ESMTP")->line->postfix);
	/* the paste cut after the sender, or after the recipient */
	ev = progs_line("553 5.7.1 <support@example.org>: Sender address rejected: not owned by user "
			"no-reply@example.org; from=<support@example.org>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->from, "support@example.org");
	CHECK(span_find(ev->reason, "not owned by user").p != NULL);
	ev = progs_line("554 5.7.1 <a@example.net>: Relay access denied; from=<b@example.org> "
			"to=<a@example.net>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->to, "a@example.net");
	/* but not a sentence that goes on after it */
	CHECK(!progs_line("553 5.7.1 x; from=<a@example.org> says the server")->line->postfix);
	CHECK(!progs_line("553 5.7.1 x; from=<a@example.org> to=<b@example.net> and so on")->line->postfix);
	CHECK(!progs_line("553 5.7.1 x; from=<a b@example.org>")->line->postfix);
}

/* a tagless warning of the SMTP client's SASL library: smtp's, so that
 * the relay host's login failure is told */
TEST(pasted_no_worthy_mechs_tagless)
{
	const struct event *ev = progs_line("warning: SASL authentication failure: No worthy mechs found");
	CHECK_SPAN(ev->line->daemon, "smtp");
	/* smtpd's own Cyrus failures stay without a program */
	ev = progs_line("warning: SASL authentication failure: Password verification failed");
	CHECK(!span_eqs(ev->line->daemon, "smtp"));
}

/* docker-compose's "SERVICE  | " before a message alone (no syslog
 * prefix of its own): the message read by its shape; prose after such a
 * label stays text */
TEST(pasted_compose_label_bare)
{
	const struct event *ev = progs_line("postfix_1  | connect from unknown[192.0.2.1]");
	CHECK(ev->line->postfix);
	CHECK_SPAN(ev->line->daemon, "smtpd");
	CHECK_SPAN(ev->client_ip, "192.0.2.1");
	ev = progs_line("mail    | 553 5.7.1 <a@example.org>: Sender address rejected: not owned by user "
			"b@example.org; from=<a@example.org>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK(!progs_line("notes | connect from my laptop")->line->postfix);
	CHECK(!progs_line("a b | connect from unknown[192.0.2.1]")->line->postfix);
}

/* the count "sort | uniq -c" puts first (7 columns, then a blank), before
 * what "cut -d']' -f2-" left (": warning: ..."); a number of another
 * width, or before other words, is not taken off */
TEST(pasted_uniq_count)
{
	const struct event *ev = progs_line(
	    "     83 : warning: unknown[192.0.2.7]: SASL LOGIN authentication failed: UGFzc3dvcmQ6");
	CHECK_SPAN(ev->client_ip, "192.0.2.7");
	ev = progs_line("    126 Mar 10 08:26:19 mx postfix/smtpd[7]: connect from a[192.0.2.1]");
	CHECK_SPAN(ev->client_ip, "192.0.2.1");
	ev = progs_line("83 : warning: unknown[192.0.2.8]: SASL LOGIN authentication failed: x");
	CHECK(!ev || !ev->client_ip.n);
	ev = progs_line("     83 : the admin said hello from unknown[192.0.2.9]");
	CHECK(!ev || !ev->client_ip.n);
}

/* a private address masked before pasting is kept as written (its site's
 * own network); a masked public one is not shown */
TEST(pasted_masked_private_client)
{
	const struct event *ev = progs_line(
	    "Aug 31 22:23:52 hostxyz postfix/smtpd[38697]: warning: unknown[192.168.xx.xx]: SASL LOGIN "
	    "authentication failed: authentication failure");
	CHECK_SPAN(ev->client_ip, "192.168.xx.xx");
	ev = progs_line("Aug 31 22:23:52 hostxyz postfix/smtpd[38697]: lost connection after AUTH from "
			"unknown[203.0.113.xxx]");
	CHECK_SPAN(ev->client_ip, "");
}

/* threads23Y: the same web UI's columns copied without their bars
 * ("30.4.2018, 10:05:13 info    text"): a level word right after the
 * time, then the message alone, read by its shape (bare.c), dnsblog's
 * listing too; prose after the level, or a word that is no level,
 * stays prose */
TEST(pasted_web_ui_columns_without_bars)
{
	const struct event *ev = progs_line("30.4.2018, 10:05:09 info    CONNECT from [192.0.2.31]:54308 to [172.22.1.6]:25");
	CHECK_STR(progs_type(ev), "ps_connect");
	CHECK_SPAN(ev->line->daemon, "postscreen");
	CHECK_SPAN(ev->client_ip, "192.0.2.31");
	CHECK(ev->line->format != FMT_NOTIME);
	ev = progs_line("30.4.2018, 10:05:09 info    addr 192.0.2.31 listed by domain zen.spamhaus.org as 127.0.0.4");
	CHECK_SPAN(ev->line->daemon, "dnsblog");
	CHECK_SPAN(ev->client_ip, "192.0.2.31");
	ev = progs_line("30.4.2018, 10:05:13 info    disconnect from unknown[192.0.2.31] helo=1 auth=0/1 quit=1 commands=2/3");
	CHECK_STR(progs_type(ev), "disconnect");
	CHECK_SPAN(ev->line->daemon, "smtpd");
	ev = progs_line("30.4.2018, 10:08:33 info    statistics: max connection rate 1/60s for (smtpd:192.0.2.31) at Apr 30 10:05:13");
	CHECK_SPAN(ev->line->daemon, "anvil");
	/* look-alikes: prose after the level; a listing without its domain;
	 * a word that is no level before a message */
	ev = progs_line("30.4.2018, 10:05:09 info    the office connected from home");
	CHECK(!ev->line->postfix);
	ev = progs_line("30.4.2018, 10:05:09 info    addr 192.0.2.31 listed twice in our notes");
	CHECK(!ev->line->postfix);
	ev = progs_line("30.4.2018, 10:05:09 info    addr book listed by domain as we said");
	CHECK(!ev->line->postfix);
	ev = progs_line("30.4.2018, 10:05:09 note    connect from unknown[192.0.2.31]");
	CHECK(!ev->line->postfix);
}

/* a refusal pasted with the ':' after the client lost (families3 81a):
 * taken only when a 4xx/5xx code and a blank follow the ']' at once */
TEST(pasted_smtpd_reject_colonless)
{
	const struct event *ev = progs_line(
	    "Jan  1 19:25:47 mail postfix/smtpd[470]: NOQUEUE: reject: RCPT from "
	    "unknown[192.0.2.66] 450 4.7.25 Client host rejected: cannot find your hostname, "
	    "[192.0.2.66]; from=<web@example.net> to=<alice@example.org> proto=ESMTP "
	    "helo=<webmail.example.net>");
	CHECK_STR(progs_type(ev), "reject");
	CHECK_SPAN(ev->client_name, "unknown");
	CHECK_SPAN(ev->client_ip, "192.0.2.66");
	CHECK_SPAN(ev->stage, "RCPT");
	CHECK_SPAN(ev->code, "450");
	CHECK_SPAN(ev->dsn, "4.7.25");
	CHECK_SPAN(ev->reason, "Client host rejected: cannot find your hostname, [192.0.2.66]");
	CHECK_SPAN(ev->to, "alice@example.org");
	CHECK_SPAN(ev->helo, "webmail.example.net");
	/* no code after the ']', a code without its blank, a 6xx, a cut line */
	static const char *const not_refusals[] = {
	    "NOQUEUE: reject: RCPT from unknown[192.0.2.67] Client host rejected",
	    "NOQUEUE: reject: RCPT from unknown[192.0.2.68] 4501 x",
	    "NOQUEUE: reject: RCPT from unknown[192.0.2.69] 650 6.0.0 x",
	    "NOQUEUE: reject: RCPT from unknown[192.0.2.70] 450",
	};
	for (size_t i = 0; i < sizeof not_refusals / sizeof not_refusals[0]; i++) {
		ev = progs_msg("postfix/smtpd", not_refusals[i]);
		CHECK_STR(progs_type(ev), "unknown");
	}
}

/* smtp's lines about one message whose queue ID the author masked
 * ("D164BC2C135XXXX", a conformance fixture's): the remote's reply, a
 * connection lost or timed out are read as with a real queue ID, the ID
 * taken as written; a masked ID before other words stays unknown */
TEST(pasted_masked_qid_smtp_errors)
{
	const struct event *ev = progs_line(
	    "2013 Jun 10 09:29:02.123 gds39d postfix/smtp[11164]: D164BC2C135XXXX: host "
	    "in.smtp.cz[81.95.97.116] said: 450 4.7.1 <a@b.cz>: Recipient address rejected: Domain "
	    "b.cz receiving too many bounces. Please send later. (in reply to RCPT TO command)");
	CHECK_STR(progs_type(ev), "smtp_error");
	CHECK_SPAN(ev->queue_id, "D164BC2C135XXXX");
	CHECK_SPAN(ev->relay_ip, "81.95.97.116");
	ev = progs_line("Jun 10 09:29:03 gds39d postfix/smtp[11165]: 7C6983FD150XXXX: lost connection "
			"with mx.example.net[192.0.2.5] while receiving the initial server greeting");
	CHECK_STR(progs_type(ev), "smtp_error");
	CHECK_SPAN(ev->queue_id, "7C6983FD150XXXX");
	ev = progs_line("Jun 10 09:29:04 gds39d postfix/smtp[11166]: 7C6983FD151XXXX: conversation "
			"with mx.example.net[192.0.2.5] timed out while sending end of data -- message "
			"may be sent more than once");
	CHECK_STR(progs_type(ev), "smtp_error");
	ev = progs_line("Jun 10 09:29:05 gds39d postfix/smtp[11167]: D164BC2C135XXXX: hostile text");
	CHECK_STR(progs_type(ev), "unknown");
	ev = progs_line("Jun 10 09:29:05 gds39d postfix/smtp[11167]: D164BC2C135XXXX: host");
	CHECK_STR(progs_type(ev), "unknown");
}

/* cleanup's header and body checks with a masked queue ID are read on
 * their own, not only after a line of the same message (the queue ID
 * memo of the line before): "QID: info: header ...", "QID: reject: body ..." */
TEST(pasted_masked_qid_header_checks)
{
	const struct event *ev = progs_line(
	    "2013 Jun 10 06:50:26.123 gds39d postfix/cleanup[4468]: 7D830C2C10FXXXX: info: header "
	    "client-id: first-client-id from localhost[127.0.0.1]; from=<a@example.com> "
	    "to=<a@example.com> proto=ESMTP helo=<jlinb>");
	CHECK_STR(progs_type(ev), "cleanup_action");
	CHECK_SPAN(ev->queue_id, "7D830C2C10FXXXX");
	ev = progs_line("Jun 10 06:50:27 gds39d postfix/cleanup[4469]: 9A830C2C10FXXXX: reject: body "
			"spam from localhost[127.0.0.1]; from=<a@example.com> to=<b@example.com> "
			"proto=ESMTP helo=<jlinb>: 5.7.1 no");
	CHECK_STR(progs_type(ev), "cleanup_action");
	ev = progs_line("Jun 10 06:50:28 gds39d postfix/cleanup[4470]: 9A830C2C10FXXXX: Reject: body x");
	CHECK_STR(progs_type(ev), "unknown");
	ev = progs_line("Jun 10 06:50:28 gds39d postfix/cleanup[4470]: 9A830C2C10FXXXX: reject: bod");
	CHECK_STR(progs_type(ev), "unknown");
}

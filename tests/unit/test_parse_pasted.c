/*
 * test_parse_pasted.c - the program parsers on real lines as admins
 * pasted them (../shared/qa-dev, the seeds): prefixes of every pasted
 * shape, addresses typed over ("[IP]", "[xxx.xxx.xxx.xxx]"), placeholders
 * in mail addresses.  The line must keep its type; a masked address
 * comes back empty (not shown), never as a client address.
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

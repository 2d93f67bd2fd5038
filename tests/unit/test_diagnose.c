/*
 * test_diagnose.c - the findings table and the rules: every row has its
 * words and a unique id; real lines (admins' pasted lines from public
 * threads, the corpus, Postfix's own format strings) give the finding
 * and the cause they show, and ordinary traffic gives none.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"

#include <ctype.h>
#include <stdlib.h>

TEST(diagnose_table_complete)
{
	for (int i = 0; i < F__COUNT; i++) {
		const struct finding_prose *p = finding_prose((enum finding_id)i);
		CHECK(p->meaning && strlen(p->meaning) > 20);
		CHECK(p->fix && strlen(p->fix) > 10);
		/* its words in exactly one of the six tables */
		CHECK(!!finding_prose_out[i].meaning + !!finding_prose_in[i].meaning +
			      !!finding_prose_users[i].meaning + !!finding_prose_local[i].meaning + !!finding_prose_master[i].meaning +
			      !!finding_prose_table[i].meaning ==
		      1);
		CHECK(finding_title((enum finding_id)i)[0]);
		CHECK(finding_severity((enum finding_id)i) >= 0 && finding_severity((enum finding_id)i) <= 4);
		enum finding_id back;
		CHECK(finding_from_id(finding_id((enum finding_id)i), &back) && back == (enum finding_id)i);
		for (int j = 0; j < i; j++)
			CHECK(strcmp(finding_id((enum finding_id)i), finding_id((enum finding_id)j)) != 0);
	}
	enum finding_id f;
	CHECK(!finding_from_id("no-such-finding", &f));
}

/* the next step of a backend that is a file or a name: sasldb's
 * permissions, a database server's name that does not resolve in the
 * chroot (the rules key them so; the words must say what to do) */
TEST(diagnose_backend_fix_words)
{
	const char *f = finding_prose_en(F_SASL_BACKEND_DOWN)->fix;
	CHECK(strstr(f, "sasldb2") && strstr(f, "chgrp postfix"));
	f = finding_prose_en(F_MAP_SERVER_DOWN)->fix;
	CHECK(strstr(f, "Unknown MySQL server host") && strstr(f, "resolv.conf"));
}

static const struct {
	const char *line;
	const char *finding;     /* NULL: no finding */
	const char *key;
} cases[] = {
    /* outbound: remote answers */
    /* the next hop wants a login, or the account may not send as that
     * sender; a refusal of the sender is no unknown recipient; 5.7.606 is
     * not 5.7.60 */
    {"Dec  4 14:10:01 app1 postfix/smtp[2101]: 6BCD1001: to=<u1@example.com>, relay=smtp.example.net[198.51.100.20]:587, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.0, status=bounced (host smtp.example.net[198.51.100.20] said: 530 5.7.0 Authentication required (in reply to MAIL FROM command))",
     "relayhost-login-missing", "smtp.example.net"},
    {"Dec  4 14:10:02 app1 postfix/smtp[2102]: 6BCD1002: to=<u2@example.com>, relay=smtp.office365.com[198.51.100.21]:587, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.57, status=bounced (host smtp.office365.com[198.51.100.21] said: 530 5.7.57 Client not authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com 2026-12-04T14:10:02.000Z 08DD] (in reply to MAIL FROM command))",
     "relayhost-login-missing", "smtp.office365.com"},
    {"Dec  4 14:10:03 app1 postfix/smtp[2103]: 6BCD1003: to=<u3@example.com>, relay=smtp.example.net[198.51.100.20]:587, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.1, status=bounced (host smtp.example.net[198.51.100.20] said: 553 5.7.1 <www-data@app1.example.org>: Sender address rejected: not owned by user relayuser (in reply to RCPT TO command))",
     "relayhost-sender-refused", "smtp.example.net"},
    {"Dec  4 14:10:04 app1 postfix/smtp[2104]: 6BCD1004: to=<u4@example.com>, relay=smtp.office365.com[198.51.100.21]:587, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.2.252, status=bounced (host smtp.office365.com[198.51.100.21] said: 554 5.2.252 SendAsDenied; u@example.org not allowed to send as root@app1.example.org; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied (in reply to end of DATA command))",
     "relayhost-sender-refused", "smtp.office365.com"},
    /* a submission port's relay refusing the sender in its own words:
     * the account's senders; the same words from port 25 (below, 2105)
     * and a temporary one stay the remote's */
    {"Dec  4 14:10:07 app1 postfix/smtp[2107]: 6BCD1007: to=<u7@example.com>, relay=mail.example.net[198.51.100.23]:587, delay=0.57, delays=0.34/0.04/0.18/0.01, dsn=5.0.0, status=bounced (host mail.example.net[198.51.100.23] said: 550-Requested action not taken: mailbox unavailable 550 Sender address is not allowed. (in reply to MAIL FROM command))",
     "relayhost-sender-refused", "mail.example.net"},
    {"Dec  4 14:10:08 app1 postfix/smtp[2108]: 6BCD1008: to=<u8@example.com>, relay=mail.example.net[198.51.100.23]:587, delay=0.57, delays=0.34/0.04/0.18/0.01, dsn=4.7.0, status=deferred (host mail.example.net[198.51.100.23] said: 450 4.7.0 Sender address temporarily not allowed (in reply to MAIL FROM command))",
     "outbound-remote-temporary", "mail.example.net"},
    {"Dec  4 14:10:05 app1 postfix/smtp[2105]: 6BCD1005: to=<u5@example.com>, relay=mail.example.com[198.51.100.22]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.1.0, status=bounced (host mail.example.com[198.51.100.22] said: 550 5.1.0 Sender denied (in reply to MAIL FROM command))",
     "outbound-remote-refused", "mail.example.com"},
    {"Dec  4 14:10:06 app1 postfix/smtp[2106]: 6BCD1006: to=<u6@example.com>, relay=mail.example.com[198.51.100.22]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.1, status=bounced (host mail.example.com[198.51.100.22] said: 554 5.7.1 <s@app1.example.org>: Sender address rejected: Access denied (in reply to RCPT TO command))",
     "outbound-remote-refused", "mail.example.com"},
    {"Dec  4 14:10:07 app1 postfix/smtp[2107]: 6BCD1007: to=<u7@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.42.1]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.606, status=bounced (host outlook-com.olc.protection.outlook.com[52.101.42.1] said: 550 5.7.606 Access denied, banned sending IP [203.0.113.9]. To request removal from this list please visit https://sender.office.com/ (in reply to MAIL FROM command))",
     "outbound-ip-reputation", "Microsoft"},
    {"Dec  4 14:10:08 app1 postfix/smtp[2108]: 6BCD1008: to=<u8@example.com>, relay=smtp.example.net[198.51.100.20]:587, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.1, status=bounced (host smtp.example.net[198.51.100.20] said: 550 5.7.1 Unable to relay for u8@example.com (in reply to RCPT TO command))",
     "outbound-relay-denied", "smtp.example.net"},
    /* the client's own error (smtp_trouble.c SMTP_ERR_DATA), after its
     * password table failed: this server's, not the relay's */
    {"Dec  4 14:10:16 app1 postfix/smtp[2116]: 6BCD1016: to=<u16@example.org>, relay=smtp.example.net[198.51.100.20]:587, delay=0.3, delays=0/0/0.3/0, dsn=4.3.0, status=deferred (local data error while talking to smtp.example.net[198.51.100.20])",
     "outbound-local-error", ""},
    /* a login asked on port 25 by a server under the recipient's domain
     * is that domain's MX (their configuration); on a submission port, or
     * from a server named as a submission host, or one under another
     * domain, this server's relay host */
    {"Dec  4 14:10:09 app1 postfix/smtp[2109]: 6BCD1009: to=<u9@example.com>, relay=mail.example.com[198.51.100.22]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.1, status=bounced (host mail.example.com[198.51.100.22] said: 530 5.7.1 Client was not authenticated to send anonymous mail during MAIL FROM (in reply to MAIL FROM command))",
     "outbound-mx-login-required", "mail.example.com"},
    {"Dec  4 14:10:10 app1 postfix/smtp[2110]: 6BCD1010: to=<u10@sales.example.com>, relay=mx2.example.com[198.51.100.23]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.1, status=bounced (host mx2.example.com[198.51.100.23] said: 530 5.7.1 Client was not authenticated (in reply to MAIL FROM command))",
     "outbound-mx-login-required", "mx2.example.com"},
    {"Dec  4 14:10:11 app1 postfix/smtp[2111]: 6BCD1011: to=<u11@example.com>, relay=smtp.example.com[198.51.100.24]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.0, status=bounced (host smtp.example.com[198.51.100.24] said: 530 5.7.0 Authentication required (in reply to MAIL FROM command))",
     "relayhost-login-missing", "smtp.example.com"},
    {"Dec  4 14:10:12 app1 postfix/smtp[2112]: 6BCD1012: to=<u12@example.org>, relay=mail.example.net[198.51.100.25]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.1, status=bounced (host mail.example.net[198.51.100.25] said: 530 5.7.1 Client was not authenticated (in reply to MAIL FROM command))",
     "relayhost-login-missing", "mail.example.net"},
    {"Dec  4 14:10:13 app1 postfix/smtp[2113]: 6BCD1013: to=<u13@example.com>, relay=mail.example.com[198.51.100.22]:587, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.0, status=bounced (host mail.example.com[198.51.100.22] said: 530 5.7.0 Authentication required (in reply to MAIL FROM command))",
     "relayhost-login-missing", "mail.example.com"},
    {"Dec  4 14:10:14 app1 postfix/smtp[2114]: 6BCD1014: to=<u14@example.com>, relay=smtp-relay.example.com[198.51.100.26]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.0, status=bounced (host smtp-relay.example.com[198.51.100.26] said: 530 5.7.0 Authentication required (in reply to MAIL FROM command))",
     "relayhost-login-missing", "smtp-relay.example.com"},
    {"Dec  4 14:10:15 app1 postfix/smtp[2115]: 6BCD1015: to=<u15@example.com>, relay=example-com.mail.protection.outlook.com[52.101.42.2]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.57, status=bounced (host example-com.mail.protection.outlook.com[52.101.42.2] said: 530 5.7.57 Client not authenticated to send mail (in reply to MAIL FROM command))",
     "outbound-mx-login-required", "example-com.mail.protection.outlook.com"},
    /* providers' documented replies (Microsoft 5.7.708 and 4.7.500,
     * Gmail 4.2.1, Yahoo [TSnn] 5.7.9 554.30, web.de's PTR check), and a
     * blocklist whose URL holds "danet": a remote DNSBL, not DANE */
    {"Dec  4 10:00:01 mx postfix/smtp[2001]: 5ABC1001: to=<u1@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.42.1]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.708, status=bounced (host outlook-com.olc.protection.outlook.com[52.101.42.1] said: 550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(7230) [BN1NAM02FT009.eop-nam02.prod.protection.outlook.com] (in reply to MAIL FROM command))",
     "outbound-ip-reputation", "Microsoft"},
    {"Dec  4 10:00:02 mx postfix/smtp[2002]: 5ABC1002: to=<u2@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.42.1]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=4.7.500, status=deferred (host outlook-com.olc.protection.outlook.com[52.101.42.1] said: 451 4.7.500 Server busy. Please try again later from [203.0.113.9]. (S77714) [DB5EUR03FT011.eop-EUR03.prod.protection.outlook.com] (in reply to MAIL FROM command))",
     "outbound-rate-limited", "Microsoft"},
    {"Dec  4 10:00:03 mx postfix/smtp[2003]: 5ABC1003: to=<u3@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.1.26]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=4.2.1, status=deferred (host gmail-smtp-in.l.google.com[142.250.1.26] said: 450-4.2.1 The user you are trying to contact is receiving mail at a rate that 450-4.2.1 prevents additional messages from being delivered. Please resend your 450 4.2.1 message at a later point. a1si123 - gsmtp (in reply to RCPT TO command))",
     "outbound-recipient-receiving-too-fast", "Gmail"},
    {"Dec  4 10:00:04 mx postfix/smtp[2004]: 5ABC1004: to=<u4@yahoo.com>, relay=mta5.am0.yahoodns.net[67.195.204.72]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=4.7.0, status=deferred (host mta5.am0.yahoodns.net[67.195.204.72] said: 421 4.7.0 [TS01] Messages from 203.0.113.9 temporarily deferred due to user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))",
     "outbound-spam-complaints", "Yahoo"},
    {"Dec  4 10:00:05 mx postfix/smtp[2005]: 5ABC1005: to=<u5@yahoo.com>, relay=mta5.am0.yahoodns.net[67.195.204.72]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.7.9, status=bounced (host mta5.am0.yahoodns.net[67.195.204.72] said: 554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes (in reply to end of DATA command))",
     "outbound-content-refused", "Yahoo"},
    {"Dec  4 10:00:06 mx postfix/smtp[2006]: 5ABC1006: to=<u6@yahoo.com>, relay=mta5.am0.yahoodns.net[67.195.204.72]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.0.0, status=bounced (host mta5.am0.yahoodns.net[67.195.204.72] said: 554 30 Sorry, your message to u6@yahoo.com cannot be delivered. This mailbox is disabled (554.30). (in reply to end of DATA command))",
     "outbound-user-unknown", "Yahoo"},
    {"Dec  4 10:00:07 mx postfix/smtp[2007]: 5ABC1007: to=<u7@web.de>, relay=mx-ha03.web.de[212.227.15.17]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.0.0, status=bounced (host mx-ha03.web.de[212.227.15.17] refused to talk to me: 554-web.de (mxweb110) Nemesis ESMTP Service not available 554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit https://web.de/email/senderguidelines?ip=203.0.113.9&c=dnsptr)",
     "outbound-no-ptr", "GMX/web.de"},
    {"Dec  4 10:00:08 mx postfix/smtp[2008]: 5ABC1008: to=<u8@example.com>, relay=mx.example.com[198.51.100.5]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.0.0, status=bounced (host mx.example.com[198.51.100.5] said: 554 Service unavailable; Client host [203.0.113.9] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?pr=1&ip=203.0.113.9 (in reply to MAIL FROM command))",
     "outbound-blocklisted", "mx.example.com"},
    {"Jun 17 14:02:11 mx1 postfix/smtp[9123]: 3F8A2C0B1D: to=<s@example.org>, relay=mx0a-1.pphosted.com[203.0.113.80]:25, delay=0.9, delays=0.02/0/0.45/0.44, dsn=5.7.0, status=bounced (host mx0a-1.pphosted.com[203.0.113.80] said: 554 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=198.51.100.23 (in reply to MAIL FROM command))",
     "outbound-ip-reputation", "Proofpoint"},
    {"Feb  9 18:40:17 mail postfix/smtp[4410]: 92BC7A1E4F: to=<k@icloud.com>, relay=mx01.mail.icloud.com[203.0.113.140]:25, delay=2.4, delays=0.04/0.02/1.1/1.2, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[203.0.113.140] said: 550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137 (in reply to end of DATA command))",
     "outbound-ip-reputation", "Apple iCloud"},
    {"May 22 10:01:15 mail postfix/smtp[7102]: 88F0B2A0C1: to=<j@outlook.com>, relay=outlook-com.olc.protection.outlook.com[203.0.113.62]:25, delay=1.4, delays=0.03/0.01/0.7/0.66, dsn=5.7.515, status=bounced (host outlook-com.olc.protection.outlook.com[203.0.113.62] said: 550 5.7.515 Access denied, sending domain [EXAMPLE.COM] doesn't meet the required authentication level. (in reply to end of DATA command))",
     "outbound-spf-dkim-dmarc", "Microsoft"},
    {"Nov 26 16:03:42 app1 postfix/smtp[2871]: 3C1B5E2A17: to=<b@example.com>, relay=smtp.office365.com[203.0.113.152]:587, delay=1.6, delays=0.03/0.02/1.5/0, dsn=4.7.139, status=deferred (SASL authentication failed; server smtp.office365.com[203.0.113.152] said: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.)",
     "relayhost-login-refused", "smtp.office365.com"},
    {"Nov 26 16:03:41 app1 postfix/smtp[2871]: 3C1B5E2A17: SASL authentication failed; server smtp.gmail.com[203.0.113.108] said: 535-5.7.8 Username and Password not accepted.",
     "relayhost-login-refused", "smtp.gmail.com"},
    {"Jun  3 08:15:27 nas postfix/smtp[6612]: 2B7E01C05A: to=<me@example.net>, relay=mail.example.net[203.0.113.33]:587, delay=0.41, delays=0.02/0.01/0.38/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot authenticate to server mail.example.net[203.0.113.33]: no mechanism available)",
     "relayhost-sasl-failed", "mail.example.net"},
    {"Dec  1 08:30:13 mail postfix/smtpd[7720]: NOQUEUE: reject: RCPT from unknown[198.51.100.140]: 450 4.7.25 Client host rejected: cannot find your hostname, [198.51.100.140]; from=<i@example.org> to=<ap@example.com> proto=ESMTP helo=<mail.example.org>",
     "client-hostname-not-found", ""},
    {"Feb 11 07:41:39 listy postfix/smtp[3006]: 4424441E46: to=<RECP@gmail.com>, relay=gmail-smtp-in.l.google.com[66.102.1.27]:25, delay=0.58, delays=0.01/0.01/0.2/0.35, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[66.102.1.27] said: 550-5.7.1 [104.248.27.183       1] Our system has detected an unusual rate of 550-5.7.1 unsolicited mail originating from your IP address. (in reply to end of DATA command))",
     "outbound-ip-reputation", "Gmail"},
    {"Jan 11 02:21:49 mx postfix/smtp[2755]: A16D218A1FD9: host gmail-smtp-in.l.google.com[172.253.124.27] said: 421-4.7.0 This message does not pass authentication checks (SPF and DKIM both do 421-4.7.0 not pass). (in reply to end of DATA command)",
     "outbound-spf-dkim-dmarc", "Gmail"},
    {"Nov 22 11:36:51 mx1 postfix/smtp[16143]: ECD491165C2: to=<a@example.org>, relay=mx.example.org[198.51.100.58]:25, delay=0.81, delays=0.01/0/0/0.8, dsn=4.7.0, status=deferred (host mx.example.org[198.51.100.58] said: 421 4.7.0 Too many concurrent SMTP connections from this IP; try again later (in reply to RCPT TO command))",
     "outbound-rate-limited", "mx.example.org"},
    {"Nov 22 11:36:51 mx1 postfix/smtp[16143]: ECD491165C2: to=<a@example.org>, relay=mx.example.org[198.51.100.58]:25, delay=1, delays=0/0/0/1, dsn=5.1.1, status=bounced (host mx.example.org[198.51.100.58] said: 550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.org"},
    {"Nov 22 11:36:51 mx1 postfix/smtp[16143]: ECD491165C2: to=<a@example.org>, relay=mx.example.org[198.51.100.58]:25, delay=1, delays=0/0/0/1, dsn=4.7.1, status=deferred (host mx.example.org[198.51.100.58] said: 450 4.7.1 <a@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html (in reply to RCPT TO command))",
     "outbound-greylisted", "mx.example.org"},
    /* outbound: this side */
    {"Nov 23 11:06:46 mail postfix/smtp[1013]: 3B6EB950: to=<to@example.com>, orig_to=<system@server.com>, relay=none, delay=0.14, delays=0.13/0.01/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.1[127.0.0.1]:10024: Connection refused)",
     "content-filter-unreachable", "127.0.0.1[127.0.0.1]:10024"},
    {"Nov 23 11:06:46 mail postfix/smtp[1013]: connect to 127.0.0.1[127.0.0.1]:10024: Connection refused",
     "content-filter-unreachable", "127.0.0.1[127.0.0.1]:10024"},
    /* port 24 is LMTP's: the mailbox server, also in the retry service's
     * deferral (real Postfix 3.7 in e2e's diag instance) */
    {"Dec  5 06:27:08 mx1 postfix/error[2310]: D4CBDA72184: to=<alice@example.test>, relay=none, delay=2, delays=1/1/0/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to 127.0.0.1[127.0.0.1]:24: Connection refused)",
     "mailbox-delivery-unreachable", "127.0.0.1[127.0.0.1]:24"},
    {"Nov 23 11:06:46 mail postfix/smtp[1013]: 3B6EB950: to=<to@example.com>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.com[192.0.2.7]:25: Connection timed out)",
     "outbound-connect-timeout", "mx.example.com"},
    {"Nov 23 11:06:46 mail postfix/smtp[1013]: 3B6EB950: to=<to@example.com>, relay=none, delay=0.1, delays=0/0/0.1/0, dsn=4.4.1, status=deferred (connect to mx.example.com[2001:db8::25]:25: Network is unreachable)",
     "outbound-network-unreachable", "IPv6"},
    {"Oct 12 11:39:44 mx postfix/error[7376]: 0A8CA8070E: to=<u@example.net>, relay=none, delay=47562, delays=47562/0.74/0/0.11, dsn=4.4.3, status=deferred (delivery temporarily suspended: Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again)",
     "outbound-dns-failure", ""},
    /* the reply cut by the paste, but deferred with dsn 4.4.3: temporary */
    {"Oct 12 11:39:44 mx postfix/error[7376]: 0A8CA8070E: to=<munged>, relay=none, delay=47562, delays=47562/0.74/0/0.11, dsn=4.4.3, status=deferred (delivery temporarily suspended: Host or domain name not found. Name service error",
     "outbound-dns-failure", ""},
    {"Nov 23 11:06:46 mail postfix/smtp[1013]: 3B6EB950: to=<u@example.invalid>, relay=none, delay=0.1, delays=0/0/0.1/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=example.invalid type=A: Host not found)",
     "outbound-domain-not-found", ""},
    {"Nov 23 11:06:46 mail postfix/smtp[1013]: 3B6EB950: to=<u@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=0.1, delays=0/0/0.1/0, dsn=5.4.6, status=bounced (mail for example.com loops back to myself)",
     "outbound-mail-loop", "mx.example.com"},
    {"Nov 23 11:06:46 mail postfix/smtp[1013]: 3B6EB950: to=<u@example.com>, relay=none, delay=0.1, delays=0/0/0.1/0, dsn=4.7.5, status=deferred (non DNSSEC destination)",
     "outbound-dane-dnssec", ""},
    {"Sep 16 09:22:05 nixe postfix/error[23227]: 8973C8975E6C: to=<list@example.org>, relay=none, delay=0.03, delays=0.02/0/0/0, dsn=4.3.0, status=deferred (mail transport unavailable)",
     "transport-unavailable", ""},
    {"Apr  7 12:16:58 779f6c28bfa9 postfix/smtp[249]: B46951A4DB1F8: SASL authentication failed; cannot authenticate to server email-smtp.eu-central-1.amazonaws.com[3.125.101.56]: no mechanism available",
     "relayhost-sasl-failed", "email-smtp.eu-central-1.amazonaws.com"},
    {"Apr  7 12:16:57 779f6c28bfa9 postfix/smtp[249]: warning: SASL authentication failure: No worthy mechs found",
     "relayhost-sasl-failed", ""},
    /* Postfix 3.7 in make e2e (e2e/diag.py): LMTP to a missing UNIX socket, to a closed port */
    {"Dec 03 04:03:20 mx1 postfix/lmtp[216]: A4ABEA763FB: to=<team@lists.example.test>, relay=none, delay=0.01, delays=0/0.01/0/0, dsn=4.4.1, status=deferred (connect to mx1.example.test[private/dovecot-lmtp]: No such file or directory)",
     "mailbox-delivery-unreachable", "private/dovecot-lmtp"},
    {"Dec 03 04:03:20 mx1 postfix/lmtp[216]: A4E02A763FC: to=<alice@example.test>, relay=none, delay=0, delays=0/0/0/0, dsn=4.4.1, status=deferred (connect to 127.0.0.1[127.0.0.1]:24: Connection refused)",
     "mailbox-delivery-unreachable", "127.0.0.1[127.0.0.1]:24"},
    {"Dec 14 08:15:12 mail postfix/lmtp[19468]: 0965B121B6C: to=<support@example.net>, relay=mail.example.net[/var/run/dovecot/lmtp], delay=0.03, delays=0.01/0.01/0.01/0.01, dsn=5.1.1, status=bounced (host mail.example.net[/var/run/dovecot/lmtp] said: 550 5.1.1 <support@example.net> User doesn't exist: support@example.net (in reply to RCPT TO command))",
     "lmtp-user-unknown", "/var/run/dovecot/lmtp"},
    /* this host's own backends (local, virtual, pipe, LMTP, loopback, a
     * socket) are never "a remote server"; the key names the backend,
     * never words of the reply (local/mailbox.c, virtual/mailbox.c,
     * local/unknown.c, pipe.c, smtp_trouble.c; Dovecot's LMTP replies) */
    {"Mar  3 10:00:01 mx postfix/local[2101]: 4A1B2C3D4E: to=<erin@mx.example.com>, relay=local, delay=0.12, delays=0.01/0/0/0.11, dsn=5.2.2, status=bounced (cannot update mailbox /var/mail/erin for user erin. error writing message: File too large)",
     "local-mailbox-full", "local"},
    {"Mar  3 10:00:01 mx postfix/virtual[2101]: 4A1B2C3D4E: to=<anna@example.org>, relay=virtual, delay=0.2, delays=0.1/0/0/0.1, dsn=5.2.2, status=bounced (cannot update mailbox /var/mail/vhosts/example.org/anna for user anna@example.org. error writing message: File too large)",
     "local-mailbox-full", "virtual"},
    {"Mar  3 10:00:03 mx postfix/lmtp[3102]: 3A1B2C3D4E: to=<carl@example.org>, relay=127.0.0.1[127.0.0.1]:24, delay=0.2, delays=0.1/0/0/0.1, dsn=4.2.2, status=deferred (host 127.0.0.1[127.0.0.1] said: 452 4.2.2 <carl@example.org> Quota exceeded (mailbox for user is full) (in reply to end of DATA command))",
     "local-mailbox-full", "127.0.0.1:24"},
    {"Mar  3 10:00:05 mx postfix/smtp[2102]: 5B2C3D4E5F: to=<xavier@example.com>, relay=127.0.0.1[127.0.0.1]:10024, delay=300, delays=0.1/0/0.01/300, dsn=4.4.2, status=deferred (lost connection with 127.0.0.1[127.0.0.1] while sending end of data -- message may be sent more than once)",
     "content-filter-failed", "127.0.0.1:10024"},
    {"Mar  3 10:00:05 mx postfix/smtp[2102]: 5B2C3D4E5F: to=<xavier@example.com>, relay=::1[::1]:10024, delay=300, delays=0.1/0/0.01/300, dsn=4.4.2, status=deferred (conversation with ::1[::1] timed out while sending end of data -- message may be sent more than once)",
     "content-filter-failed", "[::1]:10024"},
    {"Mar  3 10:00:06 mx postfix/error[2107]: 5B2C3D4E60: to=<yann@example.com>, relay=none, delay=310, delays=310/0/0/0, dsn=4.4.2, status=deferred (delivery temporarily suspended: lost connection with 127.0.0.1[127.0.0.1] while receiving the initial server greeting)",
     "content-filter-failed", "127.0.0.1"},
    {"Mar  3 10:00:07 mx postfix/smtp[2102]: 5B2C3D4E61: to=<zoe@example.com>, relay=127.0.0.1[127.0.0.1]:10024, delay=2, delays=0.1/0/0.01/2, dsn=5.7.0, status=bounced (host 127.0.0.1[127.0.0.1] said: 554 5.7.0 Reject, id=12345-01 - spam (in reply to end of DATA command))",
     "local-filter-refused-content", "127.0.0.1:10024"},
    /* a scanner that fails is the filter failing, not a spam verdict */
    {"Mar  3 10:00:08 mx postfix/smtp[2102]: 5B2C3D4E62: to=<zoe@example.com>, relay=127.0.0.1[127.0.0.1]:10024, delay=2, delays=0.1/0/0.01/2, dsn=4.5.0, status=deferred (host 127.0.0.1[127.0.0.1] said: 451 4.5.0 Error in processing, id=12345-02, virus_scan FAILED: virus_scan: ALL VIRUS SCANNERS FAILED (in reply to end of DATA command))",
     "content-filter-failed", "127.0.0.1:10024"},
    /* the filter's address masked in a paste (relay=[]:10024, "host []
     * said"): the port names this host's own filter; a real address of
     * another host at that port stays a remote server (threads AK 13) */
    {"Aug  7 13:33:43 mail postfix/smtp[27108]: 9EB99700176: to=<abc@example.com>, relay=[]:10024, conn_use=9, delay=17503, delays=17414/76/0/13, dsn=4.5.0, status=deferred (host [] said: 451 4.5.0 Error in processing, id=27311-09-9, quar+notif FAILED: mail_dispatch: no recognized protocol name: 0 at /usr/sbin/amavisd line 8516. (in reply to end of DATA command))",
     "content-filter-failed", "[]:10024"},
    {"Aug  7 13:33:43 mail postfix/smtp[27108]: 9EB99700176: to=<abc@example.com>, relay=x.x.x.x[x.x.x.x]:10026, delay=3, delays=0/0/0/3, dsn=4.5.0, status=deferred (host x.x.x.x[x.x.x.x] said: 451 4.5.0 Error in processing, id=27311-10 (in reply to end of DATA command))",
     "content-filter-failed", "[x.x.x.x]:10026"},
    {"Aug  7 13:33:43 mail postfix/smtp[27108]: 9EB99700176: to=<abc@example.com>, relay=filter.example.net[192.0.2.44]:10024, delay=3, delays=0/0/0/3, dsn=4.5.0, status=deferred (host filter.example.net[192.0.2.44] said: 451 4.5.0 Error in processing, id=27311-11 (in reply to end of DATA command))",
     "outbound-remote-temporary", "filter.example.net"},
    {"Mar  3 10:00:09 mx postfix/lmtp[2103]: 6C3D4E5F6A: to=<yves@mydomain.example>, relay=mx.mydomain.example[private/dovecot-lmtp], delay=0.3, delays=0.1/0/0.1/0.1, dsn=4.2.0, status=deferred (host mx.mydomain.example[private/dovecot-lmtp] said: 451 4.2.0 <yves@mydomain.example> Internal error occurred. Refer to server log for more information. (in reply to end of DATA command))",
     "mailbox-delivery-failed", "private/dovecot-lmtp"},
    {"Mar  3 10:00:10 mx postfix/lmtp[2103]: 6C3D4E5F6B: to=<yves@example.net>, relay=store.example.net[192.0.2.30]:24, delay=0.3, delays=0.1/0/0.1/0.1, dsn=4.2.0, status=deferred (host store.example.net[192.0.2.30] said: 451 4.2.0 <yves@example.net> Internal error occurred. Refer to server log for more information. (in reply to end of DATA command))",
     "mailbox-delivery-failed", "store.example.net:24"},
    {"Mar  3 10:00:11 mx postfix/pipe[2105]: 7D4E5F6A7C: to=<otto@example.org>, relay=dovecot, delay=0.4, delays=0.1/0/0/0.3, dsn=4.3.0, status=deferred (temporary failure. Command output: lda(otto@example.org): Error: user otto@example.org: Initialization failed: Namespace '': mkdir(/var/vmail/example.org/otto) failed: Permission denied )",
     "mailbox-delivery-failed", "dovecot"},
    {"Mar  3 10:00:11 mx postfix/pipe[2105]: 7D4E5F6A7E: to=<otto@example.org>, relay=spamassassin, delay=0.4, delays=0.1/0/0/0.3, dsn=4.3.0, status=deferred (temporary failure. Command died with signal 9: \"/usr/bin/spamc\")",
     "mailbox-delivery-failed", "spamassassin"},
    {"Mar  3 10:00:12 mx postfix/local[2104]: 7D4E5F6A7B: to=<nobody-here@mx.example.com>, relay=local, delay=0.02, delays=0.01/0/0/0.01, dsn=5.1.1, status=bounced (unknown user: \"nobody-here\")",
     "local-user-unknown", "local"},
    {"Mar  3 10:00:13 mx postfix/local[2104]: 7D4E5F6A7D: to=<ops@mx.example.com>, relay=local, delay=80181, delays=80181/0.02/0/0, dsn=4.0.0, status=deferred (user lookup error)",
     "mailbox-delivery-failed", "local"},
    /* error(8) bouncing with this server's own table verdict (an alias
     * expanded to an address its domain's tables do not know): this
     * server's tables, not "the remote server says"; a remote Postfix's
     * same words come with " said: " and stay the remote's */
    {"Jun 22 18:45:53 mx postfix/error[2322]: 76CE5660089: to=<gone@example.com>, relay=none, delay=102, delays=4.6/0.19/0/97, dsn=5.1.1, status=bounced (User unknown in virtual alias table)",
     "local-user-unknown", "virtual alias table"},
    /* an alias (orig_to= another local part) expanded to that unknown
     * address: the alias is wrong, keyed by its domain; "root" made
     * "root@host" is no alias */
    {"Jun 22 18:45:53 mx postfix/error[2322]: 76CE5660089: to=<gone@example.com>, orig_to=<Team@Example.org>, relay=none, delay=102, delays=4.6/0.19/0/97, dsn=5.1.1, status=bounced (User unknown in virtual alias table)",
     "alias-target-unknown", "example.org"},
    {"Mar  3 10:00:12 mx postfix/local[2104]: 7D4E5F6A7F: to=<ghost@mx.example.com>, orig_to=<postmaster@example.com>, relay=local, delay=0.02, delays=0.01/0/0/0.01, dsn=5.1.1, status=bounced (unknown user: \"ghost\")",
     "alias-target-unknown", "example.com"},
    {"Mar  3 10:00:12 mx postfix/local[2104]: 7D4E5F6A80: to=<nobody@mx.example.com>, orig_to=<nobody>, relay=local, delay=0.02, delays=0.01/0/0/0.01, dsn=5.1.1, status=bounced (unknown user: \"nobody\")",
     "local-user-unknown", "local"},
    {"Jun 22 18:45:53 mx postfix/smtp[2323]: 76CE5660090: to=<gone@example.net>, relay=mx.example.net[198.51.100.20]:25, delay=1, delays=0/0/0.5/0.5, dsn=5.1.1, status=bounced (host mx.example.net[198.51.100.20] said: 550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.net"},
    /* LMTP to a host name that does not resolve (a container's service
     * name): the mailbox server is unreachable, not a destination's DNS */
    {"Nov 18 10:00:00 mx postfix/lmtp[216]: A53C31E428A: to=<user@example.org>, relay=none, delay=0.03, delays=0.01/0.01/0.01/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=dovecot type=AAAA: Host not found, try again)",
     "mailbox-delivery-unreachable", "dovecot"},
    /* the same failure of the SMTP client stays the destination's DNS */
    {"Nov 18 10:00:00 mx postfix/smtp[217]: A53C31E428B: to=<user@example.org>, relay=none, delay=0.03, delays=0.01/0.01/0.01/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.org type=MX: Host not found, try again)",
     "outbound-dns-failure", ""},
    /* a full disk under the queue: the cause is the key */
    {"Jul 04 16:04:01 mx postfix/postdrop[891725]: warning: mail_queue_enter: create file maildrop/386940.891725: No space left on device",
     "disk-full", "No space left on device"},
    {"Jul 04 16:04:01 mx postfix/postdrop[891726]: warning: mail_queue_enter: create file maildrop/386941.891726: Permission denied",
     "local-submission-blocked", "Permission denied"},
    /* the database answered and refused the table's query: the query is
     * wrong, not the server down (dict_mysql.c, dict_pgsql.c) */
    {"Feb 12 18:14:07 mx postfix/proxymap[106]: warning: mysql query failed: You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near ''1' at line 1",
     "lookup-table-syntax", "SQL query"},
    {"Feb 12 18:14:07 mx postfix/proxymap[106]: warning: pgsql query failed: fatal error from host 192.0.2.5: ERROR:  column \"emial\" does not exist",
     "lookup-table-syntax", "SQL query"},
    {"Feb 12 18:14:07 mx postfix/proxymap[106]: warning: mysql query failed: Lost connection to MySQL server during query",
     "lookup-server-unreachable", "MySQL"},
    /* an LDAP table's search refused by the directory: the .cf file's
     * search_base or filter; any other search error is the server's */
    {"Jun  1 10:00:03 mx postfix/proxymap[103]: warning: dict_ldap_lookup: Search error 32: No such object",
     "lookup-table-syntax", "LDAP query"},
    {"Jun  1 10:00:03 mx postfix/proxymap[103]: warning: dict_ldap_lookup: Search error 87: Bad search filter",
     "lookup-table-syntax", "LDAP query"},
    {"Jun  1 10:00:02 mx postfix/proxymap[102]: warning: dict_ldap_lookup: Search error 80: Internal (implementation specific) error",
     "lookup-server-unreachable", "LDAP"},
    /* sqlite: a query naming no table stops the daemon: the query */
    {"Jun  1 10:00:08 mx postfix/cleanup[108]: fatal: sqlite:/etc/postfix/sqlite-aliases.cf: SQL prepare failed: no such table: alias",
     "lookup-table-syntax", "SQL query"},
    /* a relay service's account limits (Amazon SES's 454): a rate, not a
     * recipient's full mailbox; its sender not a verified identity */
    {"Jun  1 10:00:04 mx postfix/smtp[104]: 1A2B3C4D5E: to=<a@example.org>, relay=email-smtp.us-east-1.amazonaws.com[198.51.100.10]:587, delay=1, delays=0/0/0.5/0.5, dsn=4.0.0, status=deferred (host email-smtp.us-east-1.amazonaws.com[198.51.100.10] said: 454 Throttling failure: Daily message quota exceeded. (in reply to end of DATA command))",
     "outbound-rate-limited", "email-smtp.us-east-1.amazonaws.com"},
    {"Jun  1 10:00:06 mx postfix/smtp[106]: 1A2B3C4D60: to=<c@example.org>, relay=smtp.sendgrid.net[198.51.100.12]:587, delay=1, delays=0/0/0.5/0.5, dsn=5.0.0, status=bounced (host smtp.sendgrid.net[198.51.100.12] said: 550 The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. (in reply to end of DATA command))",
     "relayhost-sender-refused", "smtp.sendgrid.net"},
    /* a socketmap table's server (dict_sockmap.c, auto_clnt.c) that is
     * not there: a server down, keyed by its socket, not a file to build */
    {"May 26 08:30:58 mx postfix/trivial-rewrite[2342]: warning: connect to /run/mapd/mapd.sock: No such file or directory",
     "lookup-server-unreachable", "/run/mapd/mapd.sock"},
    {"May 26 08:30:58 mx postfix/trivial-rewrite[2342]: warning: table socketmap:unix:/run/mapd/mapd.sock:transport lookup error: No such file or directory",
     "lookup-server-unreachable", "/run/mapd/mapd.sock"},
    {"May 26 08:30:58 mx postfix/trivial-rewrite[2342]: warning: socketmap:unix:/run/mapd/mapd.sock:transport lookup error for \"*\"",
     "lookup-server-unreachable", "/run/mapd/mapd.sock"},
    /* a feature this database version lacks, an ambiguous column: the
     * statement refused, the server up */
    {"Aug  1 15:58:29 mx postfix/proxymap[9630]: warning: mysql query failed: Reference 'policy' not supported (forward reference in item list)",
     "lookup-table-syntax", "SQL query"},
    {"Aug  1 15:58:29 mx postfix/proxymap[9630]: warning: mysql:/etc/postfix/sql/senders.cf: query failed: Column 'address' in where clause is ambiguous",
     "lookup-table-syntax", "SQL query"},
    /* master's "process PATH pid N exit status N" with its tag lost (a
     * web UI's table keeps the level and the text): still a daemon dying */
    {"4.1.2026, 11:16:09 | warning | warning: process /usr/lib/postfix/sbin/smtpd pid 342 exit status 1",
     "daemon-fatal-error", "/usr/lib/postfix/sbin/smtpd"},
    /* the same reply from a real remote server stays the remote server's */
    {"Mar  3 10:00:14 mx postfix/smtp[2106]: 8E5F6A7B8C: to=<yves@example.net>, relay=mx.example.net[198.51.100.20]:25, delay=0.3, delays=0.1/0/0.1/0.1, dsn=4.2.0, status=deferred (host mx.example.net[198.51.100.20] said: 451 4.2.0 <yves@example.net> Internal error occurred. Refer to server log for more information. (in reply to end of DATA command))",
     "outbound-remote-temporary", "mx.example.net"},
    {"Mar  3 10:00:15 mx postfix/smtp[2106]: 8E5F6A7B8D: to=<kim@example.net>, relay=mx.example.net[198.51.100.20]:25, delay=0.3, delays=0.1/0/0.1/0.1, dsn=5.2.2, status=bounced (host mx.example.net[198.51.100.20] said: 552 5.2.2 <kim@example.net> Mailbox full (in reply to end of DATA command))",
     "outbound-mailbox-full", "mx.example.net"},
    /* inbound refusals */
    {"May 31 11:00:46 mx postfix/smtpd[782]: NOQUEUE: reject: MAIL from mail.example.com[192.0.2.9]: 452 4.3.1 Insufficient system storage; proto=ESMTP helo=<mail.example.com>",
     "insufficient-storage", ""},
    /* reject_unknown_client_hostname refusing Gmail's and Microsoft's
     * own servers: this host's reverse lookups fail; the same words for
     * a stranger, or a stranger greeting with Google's name, are the
     * client's missing name */
    {"Dec  3 10:00:01 mx postfix/smtpd[700]: NOQUEUE: reject: RCPT from unknown[209.85.220.41]: 450 4.7.25 Client host rejected: cannot find your hostname, [209.85.220.41]; from=<friend@gmail.com> to=<boss@example.com> proto=ESMTP helo=<mail-sor-f41.google.com>",
     "reverse-dns-lookups-failing", "Gmail"},
    {"Dec  3 10:05:01 mx postfix/smtpd[701]: NOQUEUE: reject: RCPT from unknown[40.107.22.51]: 550 5.7.25 Client host rejected: cannot find your reverse hostname, [40.107.22.51]; from=<p@contoso.example> to=<boss@example.com> proto=ESMTP helo=<EUR05-DB8-obe.outbound.protection.outlook.com>",
     "reverse-dns-lookups-failing", "Microsoft"},
    {"Dec  3 10:10:01 mx postfix/smtpd[702]: NOQUEUE: reject: RCPT from unknown[198.51.100.61]: 450 4.7.25 Client host rejected: cannot find your hostname, [198.51.100.61]; from=<x@shop.example> to=<boss@example.com> proto=ESMTP helo=<mail-sor-f41.google.com>",
     "client-hostname-not-found", ""},
    {"Dec  3 10:10:01 mx postfix/smtpd[702]: NOQUEUE: reject: RCPT from unknown[209.85.220.41]: 450 4.7.25 Client host rejected: cannot find your hostname, [209.85.220.41]; from=<x@shop.example> to=<boss@example.com> proto=ESMTP helo=<mail.shop.example>",
     "client-hostname-not-found", ""},
    {"May 26 05:38:45 mail postfix/smtpd[2923]: NOQUEUE: reject: RCPT from mail-io0-f196.google.com[209.85.223.196]: 554 5.7.1 Service unavailable; Client host [209.85.223.196] blocked using dnsbl.sorbs.net; Currently Sending Spam; from=<a@gmail.com> to=<b@example.com> proto=ESMTP helo=<mail-io0-f196.google.com>",
     "dnsbl-refuses-big-provider", "dnsbl.sorbs.net"},
    {"May 26 05:38:45 mail postfix/smtpd[2923]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org; Error: open resolver; https://www.spamhaus.org/returnc/pub/172.64.0.0; from=<a@example.net> to=<b@example.com> proto=ESMTP helo=<x>",
     "dnsbl-answers-error", "zen.spamhaus.org"},
    {"May 26 05:38:45 mail postfix/smtpd[2923]: NOQUEUE: reject: RCPT from unknown[198.51.100.9]: 554 5.7.1 Service unavailable; Client host [198.51.100.9] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.9; from=<a@example.net> to=<b@example.com> proto=ESMTP helo=<x>",
     NULL, NULL},
    {"Nov 22 11:40:00 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from app.lan[192.168.1.20]: 454 4.7.1 <x@example.org>: Relay access denied; from=<app@example.com> to=<x@example.org> proto=ESMTP helo=<app>",
     "own-client-relay-denied", "192.168.1.20"},
    {"Nov 22 11:40:00 mx1 postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[203.0.113.5]: 454 4.7.1 <x@example.org>: Relay access denied; from=<a@example.com> to=<x@example.org> proto=ESMTP helo=<x>",
     NULL, NULL},
    /* postmaster@ and abuse@ of a local domain refused or bounced as
     * unknown: this server's tables lack a role every domain has */
    {"Dec  4 11:00:04 mx postfix/smtpd[4004]: NOQUEUE: reject: RCPT from mail-wr1-f44.google.com[209.85.221.44]: 550 5.1.1 <Abuse@Example.com>: Recipient address rejected: User unknown in virtual mailbox table; from=<reports@google.com> to=<Abuse@Example.com> proto=ESMTP helo=<mail-wr1-f44.google.com>",
     "role-address-missing", "abuse@example.com"},
    {"Dec  4 11:00:03 mx postfix/virtual[4003]: 3C1B2C3D4E: to=<postmaster@example.com>, relay=virtual, delay=0.1, delays=0/0/0/0.1, dsn=5.1.1, status=bounced (unknown user: \"postmaster@example.com\")",
     "role-address-missing", "postmaster@example.com"},
    {"Dec  4 11:00:03 mx postfix/virtual[4003]: 3C1B2C3D4F: to=<postmasters@example.com>, relay=virtual, delay=0.1, delays=0/0/0/0.1, dsn=5.1.1, status=bounced (unknown user: \"postmasters@example.com\")",
     "local-user-unknown", "virtual"},
    /* a pipe command's failure is read by what it wrote, never by its
     * name: "spamc" holds "spam" */
    {"Dec  4 11:00:06 mx postfix/pipe[4006]: 5C1B2C3D4E: to=<dave@example.com>, relay=spamassassin, delay=0.1, delays=0/0/0/0.1, dsn=5.3.0, status=bounced (Command died with status 1: \"/usr/bin/spamc\". Command output: sendmail: fatal: No recipient addresses found in message header )",
     "mailbox-delivery-failed", "spamassassin"},
    {"Dec  4 11:00:06 mx postfix/pipe[4007]: 5C1B2C3D4F: to=<dave@example.com>, relay=spamassassin, delay=0.1, delays=0/0/0/0.1, dsn=4.3.0, status=deferred (Command died with status 75: \"/usr/bin/spamc\")",
     "mailbox-delivery-failed", "spamassassin"},
    {"Dec  4 11:00:06 mx postfix/pipe[4008]: 5C1B2C3D50: to=<dave@example.com>, relay=filter, delay=0.1, delays=0/0/0/0.1, dsn=5.3.0, status=bounced (Command died with status 1: \"/usr/local/bin/filter\". Command output: Message rejected as spam )",
     "local-filter-refused-content", "filter"},
    /* mail taken and then held or thrown away (HOLD, DISCARD, the discard
     * transport), grouped by what did it; FILTER, INFO and a delivery by
     * another transport are no finding */
    {"Dec  4 10:00:01 mx postfix/cleanup[3002]: 1B1B2C3D4E: hold: header Subject: Invoice 2026 from mail.partner.test[198.51.100.40]; from=<ap@partner.test> to=<bob@example.com> proto=ESMTP helo=<mail.partner.test>: Quarantined for review",
     "mail-held", "Quarantined for review"},
    {"Dec  4 10:00:01 mx postfix/cleanup[3002]: 1B1B2C3D4F: hold: header Subject: Invoice 2026 from mail.partner.test[198.51.100.40]; from=<ap@partner.test> to=<bob@example.com> proto=ESMTP helo=<mail.partner.test>",
     "mail-held", "header Subject"},
    {"Dec  4 10:00:09 mx postfix/smtpd[3013]: 8B1B2C3D4E: hold: RCPT from unknown[203.0.113.51]: <x@odd.test>: Sender address triggers HOLD action; from=<x@odd.test> to=<bob@example.com> proto=ESMTP helo=<y>",
     "mail-held", "Sender address triggers HOLD action"},
    {"Dec  4 10:00:10 mx postfix/cleanup[3014]: 9B1B2C3D4E: milter-hold: END-OF-MESSAGE from unknown[203.0.113.52]: milter triggers HOLD action; from=<z@odd.test> to=<bob@example.com> proto=ESMTP helo=<z>",
     "mail-held", "milter triggers HOLD action"},
    {"Dec  4 10:00:02 mx postfix/cleanup[3004]: 2B1B2C3D4E: discard: body Buy cheap pills from mail.partner.test[198.51.100.40]; from=<ap@partner.test> to=<bob@example.com> proto=ESMTP helo=<mail.partner.test>",
     "mail-discarded", "body"},
    {"Dec  4 10:00:08 mx postfix/smtpd[3012]: NOQUEUE: discard: RCPT from unknown[203.0.113.50]: <spam@bad.test>: Sender address triggers DISCARD action; from=<spam@bad.test> to=<bob@example.com> proto=ESMTP helo=<x>",
     "mail-discarded", "Sender address triggers DISCARD action"},
    {"Dec  4 10:00:03 mx postfix/discard[3008]: 3B1B2C3D4E: to=<carol@example.com>, relay=none, delay=0.1, delays=0/0/0/0, dsn=2.0.0, status=sent (example.com)",
     "mail-discarded", "the discard transport"},
    {"Dec  4 10:00:05 mx postfix/local[3010]: 5B1B2C3D4E: to=<dave@example.com>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to command: /usr/bin/procmail)",
     NULL, NULL},
    {"Dec 17 06:28:56 sm02 postfix/submission/smtpd[115113]: NOQUEUE: filter: RCPT from unknown[198.51.100.44]: <sender@example.com>: Sender address triggers FILTER smtp-amavis:[127.0.0.1]:10026; from=<sender@example.com> to=<r@example.org> proto=ESMTP helo=<MsLy>",
     NULL, NULL},
    {"Nov 22 11:40:00 mx1 postfix/dnsblog[99]: addr 203.0.113.5 listed by domain zen.spamhaus.org as 127.255.255.254",
     "dnsbl-answers-error", "zen.spamhaus.org"},
    {"Nov 22 11:40:00 mx1 postfix/dnsblog[99]: addr 203.0.113.5 listed by domain zen.spamhaus.org as 127.0.0.4",
     NULL, NULL},
    {"2025-07-17T00:47:20.613392+02:00 mx postfix/postscreen[4574]: NOQUEUE: reject: RCPT from [198.51.100.7]:48647: 450 4.3.2 Service currently unavailable; from=<a@example.net>, to=<b@example.com>, proto=ESMTP, helo=<mail.example.net>",
     "postscreen-after-greeting-tests", ""},
    /* the server about itself */
    {"Feb 09 05:33:28 MainServer postfix/smtps/smtpd[24431]: warning: SASL: Connect to private/auth failed: No such file or directory",
     "sasl-backend-unreachable", "private/auth"},
    {"Dec 03 04:03:20 mx1 postfix/submission/smtpd[203]: warning: SASL: Connect to Dovecot auth socket 'private/auth' failed: No such file or directory",
     "sasl-backend-unreachable", "private/auth"},
    {"Feb 09 05:33:28 MainServer postfix/smtps/smtpd[24431]: fatal: no SASL authentication mechanisms",
     "sasl-no-mechanisms", "smtps/smtpd"},
    {"Oct  8 21:06:51 mail postfix/submission/smtpd[2797]: warning: SASL authentication failure: cannot connect to saslauthd server: No such file or directory",
     "sasl-backend-unreachable", ""},
    {"Feb 16 11:03:54 mail postfix/smtpd[13007]: error: open database /tmp/dms/postfix-send-access.cf: No such file or directory",
     "lookup-table-missing", "/tmp/dms/postfix-send-access.cf"},
    /* local's alias table that could not be read */
    {"Dec  4 10:00:27 mx postfix/local[1225]: warning: hash:/etc/aliases: lookup of 'bob' failed",
     "alias-database-missing", "/etc/aliases"},
    {"Feb 16 11:03:54 mail postfix/smtpd[13007]: warning: texthash:/tmp/dms/postfix-send-access.cf: table lookup problem",
     "lookup-table-missing", "/tmp/dms/postfix-send-access.cf"},
    {"Dec 03 04:03:20 mx1 postfix/smtpd[201]: warning: hash:/etc/postfix/sender_access lookup error for \"billing@partner-a.test\"",
     "lookup-table-missing", "/etc/postfix/sender_access"},
    {"Jan 1 00:00:00 mx postfix/smtpd[1]: warning: database /etc/postfix/virtual.db is older than source file /etc/postfix/virtual",
     "lookup-table-stale", "/etc/postfix/virtual"},
    {"2025-09-19T12:23:50.495191+00:00 dms postfix/proxymap[19102]: warning: request for unapproved table: \"btree:/var/lib/postfix/postscreen_12525_cache\"",
     "proxymap-unapproved-table", "/var/lib/postfix/postscreen_12525_cache"},
    {"Jan 1 00:00:00 mx postfix/proxymap[21497]: panic: dict_db_sequence: no cursor",
     "lookup-table-corrupt", ""},
    {"Jan 1 00:00:00 mx postfix/cleanup[1944]: warning: connect to Milter service inet:localhost:8891: Connection refused",
     "milter-unreachable", "inet:localhost:8891"},
    {"Jan 19 14:16:13 host postfix/cleanup[2829]: warning: milter inet:localhost:11332: can't read SMFIC_HEADER reply packet header: Success",
     "milter-crashed", "inet:localhost:11332"},
    {"Sep 16 09:22:05 nixe postfix/qmgr[23117]: warning: connect to transport private/mailman: No such file or directory",
     "transport-unavailable", "private/mailman"},
    {"Feb 21 22:49:02 email postfix/trivial-rewrite[17063]: warning: do not list domain example.net in BOTH mydestination and virtual_mailbox_domains",
     "domain-listed-twice", "example.net"},
    {"Jan 1 00:00:00 mx postfix/master[843]: fatal: bind 0.0.0.0 port 465: Address already in use",
     "listen-address-in-use", "465"},
    {"Jan 1 00:00:00 mx postfix/master[20375]: warning: /usr/lib/postfix/sbin/proxymap: bad command startup -- throttling",
     "daemon-throttled", "/usr/lib/postfix/sbin/proxymap"},
    {"May 31 11:00:46 mx postfix/smtpd[782]: warning: not enough free space in mail queue: 9679581184 bytes < 1.5*message size limit",
     "insufficient-storage", ""},
    {"Jun  7 19:46:36 email postfix/postscreen[17406]: close database /var/lib/postfix/postscreen_cache.db: No such file or directory (possible Berkeley DB bug)",
     "postscreen-cache-close", "/var/lib/postfix/postscreen_cache"},
    {"Jan 1 00:00:00 mx postfix/smtpd[5]: warning: cannot get RSA private key from file \"/etc/ssl/private/mail.key\": disabling TLS support",
     "tls-key-certificate", "/etc/ssl/private/mail.key"},
    /* status codes are numbers: 5.1.10 is not 5.1.1 but says so in
     * words; 5.2.121 is a receive limit, not 5.2.1 (a disabled account) */
    {"Dec  4 14:20:01 mx postfix/smtp[2201]: 6BCE1001: to=<u1@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.42.3]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.1.10, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.42.3] said: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup (in reply to RCPT TO command))",
     "outbound-user-unknown", "Microsoft"},
    {"Dec  4 14:20:02 mx postfix/smtp[2202]: 6BCE1002: to=<u2@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.42.3]:25, delay=1.2, delays=0.1/0/0.8/0.3, dsn=5.2.121, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.42.3] said: 550 5.2.121 Recipient's per hour message receive limit from specific sender exceeded (in reply to RCPT TO command))",
     "outbound-rate-refused", "Microsoft"},
    /* maildir.c's warning beside its deferral; mail_connect.c; xsasl_server.c */
    {"Dec  4 11:40:08 mx postfix/virtual[5408]: warning: maildir access problem for UID/GID=5000/5000: create maildir file /var/mail/vhosts/example.org/bob/tmp/1.P2.mx: Permission denied",
     "mailbox-delivery-failed", "virtual"},
    {"Dec  4 11:40:10 mx postfix/smtpd[5410]: warning: connect #1 to subsystem private/proxymap: No such file or directory",
     "internal-service-unreachable", "private/proxymap"},
    {"Dec  4 11:40:23 mx postfix/smtpd[5423]: warning: unsupported SASL server implementation: cyrus",
     "sasl-no-mechanisms", "smtpd"},
    /* smtpd_proxy.c: the before-queue filter, not a policy service */
    {"Dec  4 11:30:01 mx postfix/smtpd[5301]: warning: connect to proxy filter 127.0.0.1:10024: Connection refused",
     "before-queue-filter-unreachable", "127.0.0.1:10024"},
    {"Dec  4 11:30:02 mx postfix/smtpd[5302]: warning: timeout talking to proxy 127.0.0.1:10024",
     "before-queue-filter-unreachable", "127.0.0.1:10024"},
    {"Dec  4 11:30:03 mx postfix/smtpd[5303]: warning: lost connection with proxy 127.0.0.1:10024",
     "before-queue-filter-unreachable", "127.0.0.1:10024"},
    {"Dec  4 11:30:04 mx postfix/smtpd[5304]: warning: connect to private/policyd-spf: Connection refused",
     "policy-service-unreachable", "private/policyd-spf"},
    {"Dec  4 11:00:15 mx postfix/smtpd[5015]: warning: No server certs available. TLS won't be enabled",
     "tls-key-certificate", ""},
    {"Jan 1 00:00:00 mx postfix/postdrop[5]: warning: unable to look up public/pickup: No such file or directory",
     "pickup-unreachable", ""},
    {"Jan 1 00:00:00 mx postfix/master[352]: warning: master_wakeup_timer_event: service pickup(public/pickup): Invalid argument",
     "master-wakeup-failed", ""},
    {"Jan 1 00:00:00 mx postfix/master[352]: warning: master_wakeup_timer_event: service qmgr(public/qmgr): Permission denied",
     "master-wakeup-failed", ""},
    {"Jan 1 00:00:00 mx postfix/smtpd[5]: fatal: open /etc/postfix/main.cf: Permission denied",
     "daemon-fatal-error", "smtpd"},
    /* TLS: the library's own words; the kind of failure is the cause */
    {"Mar  3 10:00:01 mx postfix/smtpd[2001]: warning: TLS library problem: error:0A0000C1:SSL routines::no shared cipher:../ssl/statem/statem_srvr.c:2220:",
     "tls-handshake-failures", "no protocol version or cipher in common"},
    {"Mar  3 10:00:01 mx postfix/smtpd[2001]: SSL_accept error from unknown[203.0.113.5]: -1",
     "tls-handshake-failures", "the client hung up mid-handshake"},
    {"Mar  3 10:00:01 mx postfix/smtp[2001]: warning: TLS library problem: error:14082174:SSL routines:SSL3_CHECK_CERT_AND_ALGORITHM:dh key too small:s3_clnt.c:3347:",
     "outbound-tls-failed", "no protocol version or cipher in common"},
    /* wrapper mode towards a STARTTLS port, and port 465 without it */
    {"Dec 30 12:16:32 m postfix/smtp[1204]: warning: TLS library problem: error:0A00010B:SSL routines::wrong version number:../ssl/record/ssl3_record.c:354:",
     "outbound-tls-mode-mismatch", ""},
    {"Jan 14 21:41:58 mail postfix/smtp[932]: SMTPS wrappermode (TCP port 465) requires setting \"smtp_tls_wrappermode = yes\", and \"smtp_tls_security_level = encrypt\" (or stronger)",
     "outbound-tls-mode-mismatch", ""},
    /* the server side's "wrong version number" is a client's, not this */
    {"Dec 30 12:16:32 m postfix/smtpd[1205]: warning: TLS library problem: error:0A00010B:SSL routines::wrong version number:../ssl/record/ssl3_record.c:354:",
     "tls-handshake-failures", "no protocol version or cipher in common"},
    /* this side's TLS requirement, a destination without STARTTLS:
     * no handshake failed (also when qmgr has suspended the site) */
    {"Apr 16 20:52:03 m postfix/error[30183]: 987D910A524: to=<x@example.net>, relay=none, delay=231575, delays=231575/0.39/0/0, dsn=4.7.4, status=deferred (delivery temporarily suspended: TLS is required, but was not offered by host mx.example.net[192.0.2.32])",
     "outbound-tls-not-offered", ""},
    {"Apr 16 20:52:03 m postfix/smtp[30184]: 987D910A525: to=<x@example.net>, relay=mx.example.net[192.0.2.32]:25, delay=1, delays=0/0/0.5/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by host mx.example.net[192.0.2.32])",
     "outbound-tls-not-offered", "mx.example.net"},
    /* the families of warnings that were "other warnings", from Postfix's
     * format strings (3.12 source), made-up names and documentation addresses */
    /* global/deliver_request.c "open %s %s: %m", qmgr_active.c "%s: remove %s from %s: %m" */
    {"Dec 15 11:04:47 mx postfix/smtp[4360]: warning: open active 72E3B1100D74: No such file or directory",
     "queue-file-vanished", "active"},
    {"Dec 15 11:04:47 mx postfix/error[4479]: warning: open active 8D08C1104A4D: No such file or directory",
     "queue-file-vanished", "active"},
    {"Dec 15 11:04:48 mx postfix/qmgr[2894]: warning: qmgr_active_done_2_generic: remove 72E3B1100D74 from active: No such file or directory",
     "queue-file-vanished", "active"},
    {"Dec 15 11:04:48 mx postfix/local[2894]: fatal: open active 72E3B1100D74: Permission denied",
     "queue-file-problem", "active"},
    /* xsasl/xsasl_cyrus_log.c "SASL authentication failure: %s": the library's echo */
    {"Dec 15 11:04:49 mx postfix/smtpd[24226]: warning: SASL authentication failure: Password verification failed",
     "sasl-library-failure-note", ""},
    {"Dec 15 11:04:49 mx postfix/smtpd[24226]: warning: SASL authentication problem: unable to open Berkeley db /etc/sasldb2: No such file or directory",
     "sasl-backend-unreachable", "/etc/sasldb2"},
    /* dns/dns_lookup.c valid_rr_name, util/valid_hostname.c, smtp/smtp_addr.c */
    {"Dec 15 11:04:50 mx postfix/smtp[3284]: warning: numeric domain name in resource data of MX record for example.com: 192.0.2.25",
     "destination-dns-malformed", "example.com"},
    {"Dec 15 11:04:50 mx postfix/smtp[3284]: warning: malformed domain name in resource data of MX record for example.net: mx..example.net",
     "destination-dns-malformed", "example.net"},
    {"Dec 15 11:04:50 mx postfix/smtp[3284]: warning: no MX host for example.org has a valid address record",
     "destination-dns-malformed", "example.org"},
    {"Dec 15 11:04:50 mx postfix/smtp[3284]: warning: valid_hostname: misplaced delimiter: .",
     "destination-dns-malformed", "valid_hostname"},
    {"Dec 15 11:04:51 mx postfix/smtpd[31746]: warning: valid_hostname: misplaced delimiter: .",
     "client-dns-inconsistent", "malformed DNS data"},
    {"Dec 15 11:04:51 mx postfix/smtpd[31746]: warning: numeric domain name in resource data of MX record for example.com: 198.51.100.7",
     "client-dns-inconsistent", "malformed DNS data"},
    {"Dec 15 11:04:51 mx postfix/smtpd[31746]: warning: 203.0.113.9: address not listed for hostname mail.example.com",
     "client-dns-inconsistent", "reverse DNS does not match"},
    /* EAI_AGAIN: the lookup got no answer (smtpd_peer.c's SMTPD_PEER_CODE_TEMP),
     * this host's DNS as a rule; EAI_NONAME stays the client's */
    {"Dec 15 11:04:51 mx postfix/smtpd[31746]: warning: hostname mail.example.com does not resolve to address 203.0.113.9: Temporary failure in name resolution",
     "client-name-lookups-failing", ""},
    {"Dec 15 11:04:51 mx postfix/smtpd[31746]: warning: hostname mail.example.com does not resolve to address 203.0.113.9: Name or service not known",
     "client-dns-inconsistent", "reverse DNS does not match"},
    /* smtpd_check.c check_server_access: a bare name looked up as its own
     * domain (the client wrote no domain), or a domain's MX host without
     * an address (its DNS data) */
    {"Dec 15 11:04:52 mx postfix/sogo/smtpd[728]: warning: Unable to look up MX host helga for Recipient address helga: Name or service not known",
     "recipient-without-domain", ""},
    {"Dec 15 11:04:52 mx postfix/smtpd[728]: warning: Unable to look up MX host mx.example.net for Sender address a@example.net: Name or service not known",
     "client-dns-inconsistent", "malformed DNS data"},
    {"Dec 15 11:04:52 mx postfix/smtpd[728]: warning: Unable to look up NS host ns1.example.net for Recipient address b@example.net: Name or service not known",
     "client-dns-inconsistent", "malformed DNS data"},
    /* postscreen/postscreen_dnsbl.c "dnsblog reply timeout %ds for %s", dnsblog.c */
    {"Dec 15 11:04:52 mx postfix/postscreen[3163]: warning: dnsblog reply timeout 10s for zen.example.org",
     "dnsbl-reply-timeout", "zen.example.org"},
    {"Dec 15 11:04:52 mx postfix/dnsblog[3170]: warning: dnsblog_query: lookup error for DNS query 9.113.0.203.zen.example.org: Host or domain name not found. Name service error for name=9.113.0.203.zen.example.org type=A: Host not found, try again",
     "dnsbl-reply-timeout", "zen.example.org"},
    /* the same pasted without its program name (a web UI's export): not a
     * lookup table's " lookup error for " */
    {"warning: dnsblog_query: lookup error for DNS query 9.113.0.203.zen.example.org: Host or domain name not found. Name service error for name=9.113.0.203.zen.example.org type=A: Host not found, try again",
     "dnsbl-reply-timeout", "zen.example.org"},
    /* tlsmgr's TLS session cache that cannot be opened: no mail refused */
    {"Jun 28 10:00:00 mx postfix/tlsmgr[812]: warning: btree:/var/lib/postfix/smtpd_scache is unavailable. open database /var/lib/postfix/smtpd_scache.db: File exists",
     "tls-session-cache-unusable", "/var/lib/postfix/smtpd_scache"},
    /* postgrey's delay text as mail images set it, naming no greylist */
    {"Feb 13 13:53:00 mx postfix/smtpd[2768]: NOQUEUE: reject: RCPT from mail.example.net[198.51.100.31]: 450 4.2.0 <bob@example.org>: Recipient address rejected: Delayed by Postgrey; from=<news@example.net> to=<bob@example.org> proto=ESMTP helo=<mail.example.net>",
     "greylisting", ""},
    /* rspamd's greylisting through its milter: "Try again later" alone */
    {"Jul 28 10:00:00 mx postfix/cleanup[6601]: B8A44169A1C: milter-reject: END-OF-MESSAGE from mail.example.net[198.51.100.32]: 4.7.1 Try again later; from=<news@example.net> to=<bob@example.org> proto=ESMTP helo=<mail.example.net>",
     "greylisting", ""},
    /* master/master_avail.c: three lines for one event */
    {"Dec 15 11:04:53 mx postfix/master[1192]: warning: service \"smtp\" (25) has reached its process limit \"100\": new clients may experience noticeable delays",
     "process-limit-reached", ""},
    {"Dec 15 11:04:53 mx postfix/master[1192]: warning: to avoid this condition, increase the process count in master.cf or reduce the service time per client",
     "process-limit-reached", ""},
    /* global/scache_clnt.c, util/attr_clnt.c for anvil: Postfix's own helpers */
    {"Dec 15 11:04:54 mx postfix/smtp[9]: warning: problem talking to service private/scache: Connection timed out",
     "internal-service-unreachable", "private/scache"},
    {"Dec 15 11:04:54 mx postfix/smtp[9]: warning: disabling connection caching",
     "internal-service-unreachable", "private/scache"},
    {"Dec 15 11:04:54 mx postfix/smtpd[9]: warning: problem talking to server private/anvil: Connection refused",
     "internal-service-unreachable", "private/anvil"},
    {"Dec 15 11:04:54 mx postfix/smtpd[9]: warning: problem talking to server inet:127.0.0.1:10023: Connection refused",
     "policy-service-unreachable", "inet:127.0.0.1:10023"},
    /* conf/postfix-script: "$queue_directory/$path and /$path differ" */
    {"Dec 15 11:04:55 mx postfix/postfix-script[13453]: warning: /var/spool/postfix/etc/resolv.conf and /etc/resolv.conf differ",
     "chroot-files-differ", "/var/spool/postfix/etc/resolv.conf"},
    /* bounce/bounce_template.c */
    {"Dec 15 11:04:56 mx postfix/bounce[77]: warning: [built-in]: zero result in delay template conversion of parameter \"maximal_queue_lifetime_days\"",
     "bounce-template-time-unit", ""},
    {"Dec 15 11:04:56 mx postfix/bounce[77]: warning: for instructions see the bounce(5) manual",
     "bounce-template-time-unit", ""},
    /* tlsproxy does postscreen's TLS: its clients' handshakes */
    {"Dec 15 11:04:57 mx postfix/tlsproxy[312]: warning: TLS library problem: error:0A000102:SSL routines:tls_early_post_process_client_hello:unsupported protocol:../ssl/statem/statem_srvr.c:1657:",
     "tls-handshake-failures", "no protocol version or cipher in common"},
    /* a table whose server does not answer */
    {"Dec 15 11:04:58 mx postfix/trivial-rewrite[88]: warning: dict_ldap_lookup: Search error -1: Can't contact LDAP server",
     "lookup-server-unreachable", "LDAP"},
    {"Dec 15 11:04:58 mx postfix/cleanup[88]: warning: 3B6EB950: sender_canonical_maps map lookup problem for user@example.com -- message not accepted, try again later",
     "lookup-table-missing", ""},
    /* smtpd.c "Illegal address syntax from %s in %s command: %s" */
    {"Dec 15 11:04:59 mx postfix/smtpd[27701]: warning: Illegal address syntax from mail.example.com[192.0.2.7] in MAIL command: <a b@example.com>",
     "client-address-syntax", "192.0.2.7"},
    /* dict_regexp.c, dict_pcre.c, dict_cdb.c */
    {"Dec 15 11:05:00 mx postfix/cleanup[31]: warning: regexp map /etc/postfix/header_checks, line 3: unknown regexp option \"k\": skipping this rule",
     "lookup-table-syntax", "/etc/postfix/header_checks"},
    {"Dec 15 11:05:00 mx postfix/postmap[32]: warning: /etc/postfix/virtual.cdb: duplicate entry: \"user@example.com\"",
     "lookup-table-syntax", "/etc/postfix/virtual"},
    /* a command's fatal error is that command's, not a daemon down */
    {"Dec 15 11:05:01 mx postfix/postsuper[77]: fatal: usage: postsuper [-c config_dir] [-d queue_id (delete)] [-h queue_id (hold)]",
     "command-failed", "postsuper"},
    {"Dec 15 11:05:01 mx postfix/postmap[78]: fatal: open /etc/postfix/transportx: No such file or directory",
     "command-failed", "postmap"},
    /* dict_stream.c's own line for a file table (regexp:, pcre:...): the
     * table, keyed by its path; Postfix's own main.cf is the command's */
    {"Dec 15 11:05:02 mx postfix/smtpd[81]: error: open /etc/postfix/helo_checks.pcre: No such file or directory",
     "lookup-table-missing", "/etc/postfix/helo_checks.pcre"},
    {"Dec 15 11:05:02 mx postfix/cleanup[82]: fatal: open /etc/postfix/header_checks.regexp: No such file or directory",
     "lookup-table-missing", "/etc/postfix/header_checks.regexp"},
    {"Dec 15 11:05:03 mx postfix/sendmail[83]: fatal: open /etc/postfix/main.cf: No such file or directory",
     "command-failed", "sendmail"},
    {"Dec 15 11:05:01 mx postfix/sendmail[79]: fatal: root(0): message file too big",
     "local-submission-too-big", ""},
    {"Dec 15 11:05:01 mx postfix/postdrop[80]: warning: uid=0: File too large",
     "local-submission-too-big", ""},
    /* harmless notes */
    {"Dec 15 11:05:02 mx postfix/postscreen[18999]: warning: getpeername: Transport endpoint is not connected -- dropping this connection",
     "benign-notice", "getpeername"},
    {"Dec 15 11:05:02 mx postfix/smtpd[19000]: warning: inet_protocols: disabling IPv6 name/address support: Address family not supported by protocol",
     "benign-notice", "inet_protocols"},
    /* a table's server, the listen address, the chroot, master down, distrusted certificate */
    {"Dec  3 14:00:10 mx postfix/smtpd[5010]: warning: dict_ldap_connect: Unable to bind to server ldap://127.0.0.1:389 with dn cn=postfix,dc=example,dc=com: -1 (Can't contact LDAP server)",
     "lookup-server-unreachable", "LDAP"},
    {"Dec  3 14:00:10 mx postfix/cleanup[5010]: warning: connect to mysql server 127.0.0.1: Can't connect to MySQL server on '127.0.0.1' (111)",
     "lookup-server-unreachable", "127.0.0.1"},
    {"Dec  3 14:00:10 mx postfix/smtpd[5010]: warning: read TCP map reply from 127.0.0.1:10030: unexpected EOF (Operation now in progress)",
     "lookup-server-unreachable", "tcp:"},
    {"Dec  3 14:00:08 mx postfix/master[5008]: fatal: parameter inet_interfaces: no local interface found for ::1",
     "listen-address-missing", "::1"},
    {"Dec  3 14:00:05 mx postfix/smtp[5005]: fatal: unknown service: smtp/tcp",
     "chroot-file-missing", "smtp/tcp"},
    {"Feb 26 12:02:16 mx postfix/postfix-script[32013]: fatal: the Postfix mail system is not running",
     "postfix-not-running", ""},
    {"Dec  3 14:00:17 mx postfix/smtpd[5017]: warning: TLS library problem: error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:ssl/record/rec_layer_s3.c:1543:SSL alert number 48:",
     "tls-certificate-distrusted", ""},
    {"Dec  3 15:00:17 mx postfix/postscreen[6001]: warning: psc_cache_update: btree:/var/lib/postfix/postscreen_cache update average delay is 234 ms",
     "postscreen-slow-lookup", "/var/lib/postfix/postscreen_cache"},
    {"Dec  3 12:00:03 mx postfix/smtp[3003]: 3C3C3C3C3C: to=<z@example.net>, relay=mx.example.net[198.51.100.9]:25, delay=0.5, delays=0/0/0.2/0.3, dsn=5.3.4, status=bounced (host mx.example.net[198.51.100.9] said: 552 5.3.4 Message size exceeds fixed limit (in reply to end of DATA command))",
     "outbound-message-too-big", "mx.example.net"},
    {"Dec  3 12:00:03 mx postfix/smtp[3003]: 3C3C3C3C3D: to=<y@example.org>, relay=smtp.relay.example[198.51.100.80]:587, delay=0.5, delays=0/0/0.2/0.3, dsn=5.7.1, status=bounced (host smtp.relay.example[198.51.100.80] said: 554 5.7.1 <y@example.org>: Relay access denied (in reply to RCPT TO command))",
     "outbound-relay-denied", "smtp.relay.example"},
    {"Dec  3 12:00:03 mx postfix/smtp[3003]: 3C3C3C3C3E: to=<x@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=0.5, delays=0/0/0.2/0.3, dsn=5.2.1, status=bounced (host gmail-smtp-in.l.google.com[192.0.2.26] said: 550 5.2.1 The email account that you tried to reach is disabled. ss3si5959376pbc.155 - gsmtp (in reply to RCPT TO command))",
     "outbound-user-unknown", "Gmail"},
    {"Dec 11 10:54:26 mx postfix/smtp[21922]: 105E01103562: to=<r@example.com>, relay=example-com.mail.protection.outlook.com[192.0.2.170]:25, delay=8.8, delays=0.04/0/3.5/5.2, dsn=5.7.0, status=bounced (host example-com.mail.protection.outlook.com[192.0.2.170] said: 550 5.7.0 Relay Access Denied (in reply to RCPT TO command))",
     "outbound-mx-relay-denied", "example-com.mail.protection.outlook.com"},
    {"Dec  3 12:00:03 mx postfix/smtp[3003]: 3C3C3C3C3F: to=<w@example.com>, relay=none, delay=0.01, delays=0/0/0.01/0, dsn=5.1.10, status=bounced (Domain example.com does not accept mail (nullMX))",
     "outbound-domain-not-found", ""},
    /* port 25 on loopback is a mail server, not a content filter */
    {"Dec  3 12:10:03 mx postfix/smtp[3010]: 3C3C3C3C40: to=<a@closed.example>, relay=none, delay=0.01, delays=0/0/0.01/0, dsn=4.4.1, status=deferred (connect to mx.closed.example[127.0.0.27]:25: Connection refused)",
     "outbound-connect-refused", "mx.closed.example"},
    /* so are 465 and 587 on loopback (a relay host through a tunnel):
     * its silence is a mail server's, not a content filter failing */
    {"Dec  3 12:10:05 mx postfix/smtp[3011]: 3C3C3C3C41: to=<a@example.org>, relay=smtp.example.net[127.0.0.1]:587, delay=3, delays=0/0/0/3, dsn=4.4.2, status=deferred (lost connection with smtp.example.net[127.0.0.1] while receiving the initial server greeting)",
     "outbound-conversation-lost", "smtp.example.net"},
    /* a relay host's port 465 waiting for TLS from the first byte, dialled
     * in plain SMTP: no greeting ever comes */
    {"Dec  3 12:10:06 mx postfix/smtp[3012]: 3C3C3C3C42: to=<a@example.org>, relay=smtp.example.net[198.51.100.25]:465, delay=300, delays=0/0/0/300, dsn=4.4.2, status=deferred (conversation with smtp.example.net[198.51.100.25] timed out while receiving the initial server greeting)",
     "outbound-tls-mode-mismatch", "smtp.example.net"},
    /* the message's fate: qmgr gave up on it (no cause named) */
    {"Dec  3 09:00:05 mx postfix/qmgr[900]: 7D2E11A0B3: from=<alice@example.com>, status=expired, returned to sender",
     "mail-expired", ""},
    {"Dec 15 11:05:02 mx postfix/qmgr[19001]: warning: bounce_queue_lifetime is larger than maximal_queue_lifetime - adjusting bounce_queue_lifetime",
     "benign-notice", "bounce_queue_lifetime"},
    /* local configuration in other backends' and versions' words
     * (tests/data/variants, Postfix's format strings) */
    {"2026-04-07T16:20:02+0000 mx postfix/lmtp[3005]: 5F6E7D8C9B: to=<lisa@example.com>, relay=none, delay=0.2, delays=0.1/0.01/0.09/0, dsn=4.4.1, status=deferred (connect to ::1[::1]:10024: Connection refused)",
     "content-filter-unreachable", "[::1]:10024"},
    {"May 11 07:40:02 smtp postfix/smtps/smtpd[3310]: warning: xsasl_cyrus_server_get_mechanism_list: no applicable SASL mechanisms",
     "sasl-no-mechanisms", "smtps/smtpd"},
    {"May 11 07:40:02 smtp postfix/smtpd[3310]: fatal: SASL per-process initialization failed",
     "sasl-no-mechanisms", "smtpd"},
    {"2026-10-11T02:14:56+0000 host postfix/cleanup[9120]: warning: milter unix:/run/clamav/clamav-milter.ctl: EOF while reading command code: Success",
     "milter-crashed", "unix:/run/clamav/clamav-milter.ctl"},
    {"Jan 22 15:45:10 smtp postfix/smtpd[3033]: warning: milter inet:localhost:8891: error writing command: Broken pipe",
     "milter-crashed", "inet:localhost:8891"},
    {"Aug 30 01:00:07 mx postfix/proxymap[7701]: fatal: error [-30973] initializing cursor for /var/lib/postfix/postscreen_cache.db: Success",
     "lookup-table-corrupt", "/var/lib/postfix/postscreen_cache"},
    {"2026-05-05T05:05:05+0000 mx postfix/proxymap[881]: fatal: error reading lmdb:/var/lib/postfix/postscreen_cache: MDB_CORRUPTED: Located page was wrong type",
     "lookup-table-corrupt", "/var/lib/postfix/postscreen_cache"},
    {"Sep 21 12:00:00 vps postfix/smtpd[2222]: warning: queue_minfree(20971520) should be at least 1.5*message_size_limit(52428800)",
     "benign-notice", "queue_minfree"},
    {"2026-08-19T21:05:34+0000 mx postfix/smtpd[7001]: NOQUEUE: milter-reject: MAIL from mail-wm1-f41.google.com[209.85.128.41]: 451 4.7.1 Service unavailable - try again later; from=<vera@gmail.com> proto=ESMTP helo=<mail-wm1-f41.google.com>",
     "milter-failure-refuses-mail", "milter_default_action = tempfail"},
    {"Jun 30 10:03:02 mx postfix/cleanup[5503]: 4D5E6F7A8B: milter-reject: END-OF-MESSAGE from mail.example.net[198.51.100.7]: 4.7.1 Service unavailable - try again later; from=<xena@example.net> to=<yuri@example.com> proto=ESMTP helo=<mail.example.net>",
     "milter-failure-refuses-mail", "milter_default_action = tempfail"},
    {"Mar  8 19:02:41 alpine postfix/smtpd[601]: error: unsupported dictionary type: hash",
     "lookup-table-type-unsupported", "hash"},
    {"Mar  8 19:02:41 alpine postfix/smtpd[601]: warning: hash:/etc/postfix/sender_access is unavailable. unsupported dictionary type: hash",
     "lookup-table-type-unsupported", "hash"},
    {"Mar  8 19:02:41 alpine postfix/smtpd[601]: warning: hash:/etc/postfix/sender_access: table lookup problem",
     "lookup-table-missing", "/etc/postfix/sender_access"},
    {"Dec 12 04:10:16 gw postfix/postfix-script[651]: fatal: mail system startup failed",
     "postfix-not-running", ""},
    {"Jan 15 14:02:01 mx postfix/smtpd[7101]: NOQUEUE: reject: MAIL from mail-lj1-f171.google.com[209.85.208.171]: 552 5.3.4 Message size exceeds fixed limit; proto=ESMTP helo=<mail-lj1-f171.google.com>",
     "inbound-message-too-big", ""},
    {"Jan 15 14:20:40 mx postfix/cleanup[7122]: warning: 9C8B7A6F5E: queue file size limit exceeded",
     "inbound-message-too-big", ""},
    {"Mar  1 10:00:00 mx postfix/smtpd[100]: warning: SASL: Connected to wrong auth socket (auth-master instead of auth-client)",
     "sasl-backend-unreachable", "Dovecot auth"},
    {"Mar  1 10:00:10 mx postfix/master[110]: fatal: bind 192.0.2.25 port 25: Cannot assign requested address",
     "listen-address-missing", "192.0.2.25"},
    {"Mar  1 10:00:04 mx postfix/cleanup[204]: warning: milter inet:127.0.0.1:11332: unexpected filter response SMFIR_ACCEPT after event SMFIC_BODYEOB",
     "milter-crashed", "inet:127.0.0.1:11332"},
    {"Mar  1 10:00:04 mx postfix/smtpd[204]: warning: Milter service needs transport:endpoint instead of \"127.0.0.1:8891\"",
     "milter-unreachable", "127.0.0.1:8891"},
    {"Mar  1 10:00:04 mx postfix/smtpd[204]: warning: invalid transport name: tcp in Milter service: tcp:127.0.0.1:8891",
     "milter-unreachable", "tcp:127.0.0.1:8891"},
    /* the milter handshake that gets no answer: nothing milter-like
     * listens there (rspamd's normal worker for its proxy), not a crash */
    {"Sep 30 18:26:31 mx postfix/smtpd[19770]: warning: milter inet:[127.0.0.1]:11333: can't read SMFIC_OPTNEG reply packet header: Success",
     "milter-unreachable", "inet:[127.0.0.1]:11333"},
    {"Sep 30 18:26:31 mx postfix/smtpd[19770]: warning: milter inet:[127.0.0.1]:11333: read error in initial handshake",
     "milter-unreachable", "inet:[127.0.0.1]:11333"},
    /* OpenDKIM's own lines: the sender's domain not in its tables, a key
     * it refuses; "no signature data" alone is no finding (an unsigned
     * incoming message says it too) */
    {"Feb 16 22:13:11 mx opendkim[290]: 8888F3239D2: no signing table match for 'alice@example.com'",
     "dkim-signing-failed", "no signing table entry for the sender"},
    {"Feb 16 22:13:11 mx opendkim[290]: 8888F3239D2: no signing domain match for 'example.com'",
     "dkim-signing-failed", "no signing table entry for the sender"},
    {"Mar  7 14:17:27 mx opendkim[529]: mail._domainkey.example.com: key data is not secure: /etc can be read or written by other users",
     "dkim-signing-failed", "signing key not loaded"},
    {"Mar  7 14:17:27 mx opendkim[529]: BDF2E1C1982: error loading key 'mail._domainkey.example.com'",
     "dkim-signing-failed", "signing key not loaded"},
    {"Feb 16 22:13:11 mx opendkim[290]: 8888F3239D2: no signature data", NULL, NULL},
    {"Feb 16 22:13:11 mx dovecot: imap(alice@example.com): error loading key 'x' (no signing table match for 'y')", NULL, NULL},
    {"Oct 30 07:01:02 mx postfix/master[2101]: warning: duplicate master.cf entry for service \"submission\" (submission) -- using the last entry",
     "master-cf-duplicate-service", "submission"},
    /* the message families of suite-variants-families */
    {"Mar  4 10:10:02 mx postfix/smtpd[3601]: NOQUEUE: reject: RCPT from mail-ed1-f50.google.com[209.85.208.50]: 454 4.7.1 <sales@Example.com>: Relay access denied; from=<x@gmail.com> to=<sales@Example.com> proto=ESMTP helo=<mail-ed1-f50.google.com>",
     "own-domain-relay-denied", "example.com"},
    /* threads15D: the mailbox providers mailbox.org and Posteo deliver only to a domain's MX too */
    {"Jun 17 17:22:21 mx postfix/smtpd[3602]: NOQUEUE: reject: RCPT from mout-p-101.mailbox.org[80.241.56.151]: 554 5.7.1 <redirect@example.net>: Relay access denied; from=<contact@example.org> to=<redirect@example.net> proto=ESMTP helo=<mout-p-101.mailbox.org>",
     "own-domain-relay-denied", "example.net"},
    {"Jun 17 17:22:21 mx postfix/smtpd[3602]: NOQUEUE: reject: RCPT from mout01.posteo.de[185.67.36.65]: 554 5.7.1 <a@example.net>: Relay access denied; from=<b@posteo.de> to=<a@example.net> proto=ESMTP helo=<mout01.posteo.de>",
     "own-domain-relay-denied", "example.net"},
    {"Mar  4 10:10:02 mx postfix/smtpd[3601]: NOQUEUE: reject: RCPT from unknown[80.94.95.12]: 454 4.7.1 <probe@relaytest.example>: Relay access denied; from=<s@t.example> to=<probe@relaytest.example> proto=SMTP helo=<WIN-ABC123>",
     NULL, NULL},
    {"Mar  4 09:50:02 mx postfix/smtpd[4001]: NOQUEUE: reject: RCPT from mail-ed1-f50.google.com[209.85.208.50]: 554 5.7.1 <alice@example.org>: Recipient address rejected: Access denied; from=<x@gmail.com> to=<alice@example.org> proto=ESMTP helo=<mail-ed1-f50.google.com>",
     "access-rule-refuses-provider", "Recipient address"},
    {"Mar  4 14:10:02 mx postfix/smtpd[4101]: NOQUEUE: reject: RCPT from unknown[45.155.205.11]: 554 5.7.1 <promo@bulk.example>: Sender address rejected: Access denied; from=<promo@bulk.example> to=<alice@example.org> proto=ESMTP helo=<bulk.example>",
     NULL, NULL},
    {"Mar  4 12:10:01 mx postfix/qmgr[900]: warning: mail for [127.0.0.1]:10024 is using up 4001 of 4120 active queue entries",
     "active-queue-congested", ""},
    {"Mar  4 12:10:01 mx postfix/qmgr[900]: warning: so that Postfix quickly skips unavailable hosts",
     "active-queue-congested", ""},
    {"Mar  4 12:40:01 mx postfix/smtp[5001]: 5A6B7C8D9E: to=<j@m.example>, relay=mx.m.example[192.0.2.41]:25, delay=1, delays=0.1/0/0.4/0.5, dsn=5.6.7, status=bounced (SMTPUTF8 is required, but was not offered by host mx.m.example[192.0.2.41])",
     "outbound-smtputf8-unsupported", "mx.m.example"},
    {"Mar  4 12:51:01 mx postfix/smtp[5102]: 8D9E0F1A2B: to=<p@partner.example>, relay=mx.partner.example[192.0.2.25]:25, delay=1, delays=0.1/0/0.4/0.5, dsn=5.6.0, status=bounced (host mx.partner.example[192.0.2.25] said: 550 5.6.0 Message contains invalid header (in reply to end of DATA command))",
     "outbound-message-malformed", "mx.partner.example"},
    {"Mar  4 11:00:01 mx postfix/smtp[4101]: 9A0B1C2D3E: to=<p@partner.example>, relay=mx.partner.example[192.0.2.25]:25, delay=1.2, delays=0.1/0/1.1/0, dsn=4.7.5, status=deferred (Server certificate not verified)",
     "outbound-tls-certificate-unverified", "mx.partner.example"},
    {"Mar  4 11:00:01 mx postfix/smtp[4101]: certificate verification failed for mx.partner.example[192.0.2.25]:25: certificate has expired",
     "outbound-tls-certificate-unverified", "mx.partner.example"},
    /* threads18J: the TLS policy table's answer the SMTP client cannot
     * use (an MTA-STS plugin's servername before Postfix 3.4, a bare
     * value, an empty match=) */
    {"Jun 22 10:27:40 mx postfix/smtp[2894]: warning: smtp_tls_policy_maps, next-hop destination \"example.net\": invalid attribute name: \"servername\"",
     "outbound-tls-policy-unusable", ""},
    {"Jun 22 10:27:40 mx postfix/smtp[2894]: warning: TLS policy lookup for example.net/mx.example.net: client TLS configuration problem",
     "outbound-tls-policy-unusable", ""},
    {"Feb 17 20:28:01 mx postfix/smtp[2500]: warning: smtp_tls_policy_maps, next-hop destination \"example.com\": malformed attribute/value pair \"!SSLv3\": missing '=' after attribute name",
     "outbound-tls-policy-unusable", ""},
    /* threads18J: DANE's TLSA lookup that fails before the deferral; not
     * a lookup table of this server's */
    {"Jan 12 18:18:38 mx postfix/smtp[1240]: warning: DANE TLSA lookup problem: Host or domain name not found. Name service error for name=_25._tcp.mx.example.net type=TLSA: Host not found, try again",
     "outbound-dane-dnssec", ""},
    {"Jan 12 18:18:38 mx postfix/smtp[1240]: warning: TLS policy lookup for example.net/mx.example.net: TLSA lookup error for mx.example.net:25",
     "outbound-dane-dnssec", ""},
    /* threads18J: the server's TLS that cannot start: a digest the TLS
     * library lacks, a CA file that does not load (msg_info) */
    {"Aug 29 13:33:27 mx postfix/smtpd[2397]: warning: Digest algorithm \"md5\" not found",
     "tls-key-certificate", ""},
    {"Jan 29 10:00:01 mx postfix/submission/smtpd[2529]: cannot load Certificate Authority data: disabling TLS support.",
     "tls-key-certificate", "CA file"},
    {"Mar  4 14:40:01 mx postfix/smtp[6201]: warning: smtp_connect_addr: bind 203.0.113.200: Cannot assign requested address",
     "outbound-bind-address-missing", "203.0.113.200"},
    /* threads15D: connect()'s EADDRNOTAVAIL to an IPv6 destination: no IPv6 here */
    {"May 19 14:41:01 relay postfix/smtp[159]: connect to smtp-mail.outlook.com[2603:1046:c01:2481::6]:587: Cannot assign requested address",
     "outbound-network-unreachable", "IPv6"},
    {"Mar  4 14:50:01 mx postfix/master[6301]: fatal: bind 203.0.113.200 port 25: Cannot assign requested address",
     "listen-address-missing", "203.0.113.200"},
    {"Mar  4 14:30:01 mx postfix/smtp[6101]: warning: relayhost configuration problem",
     "relayhost-not-found", ""},
    /* the relayhost's own name that does not resolve: smtp_connect.c
     * defers it with 4.3.5 (a recipient domain that does not exist
     * bounces with 5.4.4) */
    {"Mar 11 13:53:41 smtp postfix/smtp[102]: 08E88B1F2CE: to=<a@example.net>, relay=none, delay=0.1, delays=0.07/0.02/0.01/0, dsn=4.3.5, status=deferred (Host or domain name not found. Name service error for name=smtp.example.internal type=A: Host not found)",
     "relayhost-not-found", ""},
    {"Mar 11 13:53:41 smtp postfix/smtp[102]: 08E88B1F2CF: to=<a@example.net>, relay=none, delay=0.1, delays=0.07/0.02/0.01/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=example.net type=MX: Host not found)",
     "outbound-domain-not-found", ""},
    /* the same for a bare local name this server completed itself */
    {"Nov 24 23:00:21 a5eaa2e7e54e postfix/smtp[264]: 8100BA85: to=<root@c0ffee.example.net>, orig_to=<root>, relay=none, delay=0.49, delays=0.01/0/0.47/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=c0ffee.example.net type=AAAA: Host not found)",
     "local-name-sent-to-unknown-domain", ""},
    /* an alias of root to a domain that does not exist is the alias's typo */
    {"Nov 24 23:00:21 a5eaa2e7e54e postfix/smtp[264]: 8100BA86: to=<admin@c0ffee.example.net>, orig_to=<root>, relay=none, delay=0.49, delays=0.01/0/0.47/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=c0ffee.example.net type=MX: Host not found)",
     "outbound-domain-not-found", ""},
    /* musl's and the BSDs' words for ETIMEDOUT (Alpine images) */
    {"Aug 12 22:38:25 m postfix/smtp[2861]: 4C3F812A: to=<z@example.com>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.com[192.0.2.7]:25: Operation timed out)",
     "outbound-connect-timeout", "mx.example.com"},
    {"Mar  4 13:20:01 mx postfix/postconf[5401]: warning: /etc/postfix/main.cf: unused parameter: smtpd_recipient_restriction=permit_mynetworks",
     "config-setting-ignored", "unused parameter: smtpd_recipient_restriction"},
    {"Mar  4 13:30:01 mx postfix/smtpd[5501]: warning: /etc/postfix/main.cf, line 52: overriding earlier entry: smtpd_tls_cert_file=/etc/ssl/certs/mail.pem",
     "config-setting-ignored", "overriding earlier entry: smtpd_tls_cert_file"},
    {"Mar  4 11:30:02 mx postfix/smtpd[4401]: warning: unknown smtpd restriction: \"reject_unknown_sender\"",
     "server-configuration-problem", "reject_unknown_sender"},
    {"Mar  4 11:40:01 mx postfix/postqueue[4501]: fatal: Queue report unavailable - mail system is down",
     "postfix-not-running", ""},
    {"Mar  4 09:40:09 mx postfix/smtpd[3302]: warning: 6D7E8F9A0B: queue file size limit exceeded",
     "inbound-message-too-big", ""},
    {"Mar  4 12:30:01 mx postfix/smtp[4901]: 4F5A6B7C8D: lost connection with mx.partner.example[192.0.2.25] while receiving the initial server greeting",
     "outbound-conversation-lost", "mx.partner.example"},
    /* connected, then silence or a hang-up mid-conversation: not a
     * connect that times out, nor an answer of the remote */
    {"Mar  4 12:30:02 mx postfix/smtp[4902]: 4F5A6B7C8E: conversation with mx00.gmx.com[74.208.5.4] timed out while receiving the initial server greeting",
     "outbound-conversation-lost", "mx00.gmx.com"},
    {"Mar  4 12:30:03 mx postfix/smtp[4903]: 4F5A6B7C8F: to=<x@example.com>, relay=mx.example.com[198.51.100.5]:25, delay=300, delays=0/0/1/300, dsn=4.4.2, status=deferred (conversation with mx.example.com[198.51.100.5] timed out while sending end of data -- message may be sent more than once)",
     "outbound-conversation-lost", "mx.example.com"},
    {"Mar  4 12:30:04 mx postfix/error[4904]: 4F5A6B7C90: to=<y@example.com>, relay=none, delay=300, delays=0/300/0/0, dsn=4.4.2, status=deferred (delivery temporarily suspended: lost connection with mx.example.com[198.51.100.5] while sending message body)",
     "outbound-conversation-lost", "mx.example.com"},
    {"Mar  4 12:30:05 mx postfix/smtp[4905]: 4F5A6B7C91: to=<z@example.com>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.com[192.0.2.7]:25: Connection timed out)",
     "outbound-connect-timeout", "mx.example.com"},
    {"Mar  4 13:50:01 mx postfix/master[5701]: fatal: open lock file /var/lib/postfix/master.lock: unable to set exclusive lock: Resource temporarily unavailable",
     "benign-notice", "already running"},
    {"Mar  4 15:00:01 mx postfix/local[7001]: warning: required alias not found: postmaster",
     "postmaster-alias-missing", "postmaster"},
    {"Mar  4 15:05:01 mx postfix/postfix-script[7030]: warning: not owned by postfix: /var/spool/postfix/private/auth",
     "file-ownership-wrong", "/var/spool/postfix/private/auth"},
    /* postfix check's warnings pasted without their tag (bare.c) */
    {"warning: group or other writable: /etc/postfix/./access.cidr",
     "file-ownership-wrong", "/etc/postfix/./access.cidr"},
    {"warning: not owned by root: /etc/postfix/main.cf",
     "file-ownership-wrong", "/etc/postfix/main.cf"},
    {"Mar  4 15:05:02 mx postfix/postfix-script[7031]: warning: not set-gid or not owner+group+world executable: /usr/sbin/postdrop",
     "file-ownership-wrong", "/usr/sbin/postdrop"},
    {"warning: symlink leaves directory: /etc/postfix/./makedefs.out",
     "benign-notice", "postfix check"},
    /* Postfix 3.9's deprecations: the name still works */
    {"Mar  4 13:20:02 mx postfix/postconf[5402]: warning: /etc/postfix/main.cf: support for parameter \"smtpd_use_tls\" will be removed; instead, specify \"smtpd_tls_security_level\"",
     "config-setting-deprecated", "deprecated name"},
    /* threads18L: an address list's bad entries: brackets around the
     * whole of mynetworks, and a "/file/name" entry left by an empty
     * address ("/32") */
    {"Oct  8 15:17:25 gw postfix/smtpd[2718]: warning: mynetworks: missing ']' character after \"[127.0.0.0/8\"",
     "lookup-table-syntax", "[127.0.0.0/8"},
    {"Oct  5 08:39:25 mx postfix/postscreen[5183]: error: open file /32: No such file or directory",
     "lookup-table-missing", "/32"},
    /* threads18L: postconf's "undefined parameter" ($NAME that nothing
     * defines), under a setup script's tag; and the bare "FILE: unused
     * parameter:" of a paste that left postconf's words out */
    {"Dec 24 00:11:47 mx setup-instance.sh[3359]: postconf: warning: /etc/postfix/master.cf: undefined parameter: mua_client_restrictions",
     "config-setting-ignored", "undefined parameter: mua_client_restrictions"},
    {"/etc/postfix/master.cf: unused parameter: smtp_delivery_status_filter=pcre:/etc/postfix/smtp_dsn_filter.pcre",
     "config-setting-ignored", "unused parameter: smtp_delivery_status_filter"},
    {"Mar  4 13:20:03 mx postfix[5403]: /usr/sbin/postconf: warning: /etc/postfix/main.cf: support for parameter \"smtpd_tls_dh1024_param_file\" will be removed; instead, do not specify (leave at default)",
     "config-setting-deprecated", "deprecated name"},
    /* master's own fatal error, and the postfix command's: nothing runs */
    {"Mar  4 13:50:02 mx postfix/master[5702]: fatal: open lock file /var/lib/postfix/master.lock: cannot open file: Permission denied",
     "postfix-cannot-start", "master"},
    {"Mar  4 13:50:03 mx postfix/master[5703]: fatal: 0.0.0.0:smtps: Servname not supported for ai_socktype",
     "postfix-cannot-start", "master"},
    {"Mar  4 13:50:09 mx postfix/postfix-script[5709]: fatal: Postfix integrity check failed!",
     "postfix-cannot-start", "postfix-script"},
    /* a postfix command mistyped: nothing stopped */
    {"Mar  4 13:50:10 mx postfix/postfix-script[5710]: error: unknown command: 'restart'",
     "command-failed", "postfix"},
    {"Mar  4 13:50:10 mx postfix/postfix-script[5711]: fatal: usage: postfix start (or stop, reload, abort, flush, check, status, set-permissions, upgrade-configuration)",
     "command-failed", "postfix"},
    /* this host's own name refused: not a client's DNS */
    {"Mar  4 13:50:04 mx postfix/postconf[5704]: warning: valid_hostname: numeric hostname: 192.0.2.10",
     "postfix-cannot-start", "myhostname"},
    {"Mar  4 13:50:05 mx postfix[5705]: fatal: file /etc/postfix/main.cf: parameter myhostname: bad parameter value: 192.0.2.10",
     "postfix-cannot-start", "myhostname"},
    {"Mar  4 13:50:06 mx postfix/postconf[5706]: fatal: unable to use my own hostname",
     "postfix-cannot-start", "myhostname"},
    /* a network written with its host bits (mynetworks, cidr:) */
    {"Mar  4 13:50:07 mx postfix/smtpd[5707]: warning: non-null host address bits in \"192.0.2.1/24\", perhaps you should use \"192.0.2.0/24\" instead",
     "lookup-table-syntax", "192.0.2.1/24"},
    /* postfix reload cannot change the listening addresses */
    {"Mar  4 13:50:08 mx postfix/master[5708]: warning: service smtp: ignoring inet_interfaces change",
     "config-setting-ignored", "changed at reload: needs postfix stop and start"},
    {"Mar  4 13:50:08 mx postfix/master[5708]: warning: to change inet_interfaces, stop and start Postfix",
     "config-setting-ignored", "changed at reload: needs postfix stop and start"},
    {"Mar  4 15:07:01 mx postfix/smtpd[7050]: warning: connect to 127.0.0.1:10023: Connection refused",
     "policy-service-unreachable", "127.0.0.1:10023"},
    {"Mar  4 15:08:01 mx postfix/smtpd[7060]: warning: connect to private/anvil: Connection refused",
     "internal-service-unreachable", "private/anvil"},
    /* outbound refusals by family (the probe11 set: providers' and
     * filters' documented texts, Exim, sendmail, qmail, a remote Postfix) */
    /* threads18L: a 5XX greeting is skipped and the mail deferred
     * (smtp_skip_5xx_greeting), yet it is a refusal, not a temporary
     * error (was outbound-remote-temporary) */
    {"Jun 15 10:45:16 mail postfix/smtp[2210]: 4A1555F826: to=<c@example.net>, relay=mail.example.net[198.51.100.84]:25, delay=10800, delays=10800/0/0.2/0, dsn=4.7.1, status=deferred (host mail.example.net[198.51.100.84] refused to talk to me: 554 5.7.1 You are not allowed to connect.)",
     "outbound-remote-refused", "mail.example.net"},
    /* probe11: M365 4.7.652 maximum number of connections exceeded (was outbound-remote-temporary) */
    {"Dec  4 10:00:09 app1 postfix/smtp[3009]: 4A10011667: to=<u9@outlook.com>, relay=outlook-com.olc.protection.outlook.com[198.51.100.41]:25, delay=1.9, delays=0.1/0/0.2/0.4, dsn=4.7.652, status=deferred (host outlook-com.olc.protection.outlook.com[198.51.100.41] said: 451 4.7.652 The mail server [203.0.113.9] has exceeded the maximum number of connections. (S3115) [VI1EUR04FT050.eop-eur04.prod.protection.outlook.com] (in reply to MAIL FROM command))",
     "outbound-rate-limited", "Microsoft"},
    /* probe11: M365 5.7.64 TenantAttribution: this server relays through a tenant connector that does not recognise it (was outbound-mx-relay-denied) */
    {"Dec  4 10:00:16 app1 postfix/smtp[3016]: 4A1001EEF0: to=<u16@example.net>, relay=example-org.mail.protection.outlook.com[198.51.100.41]:25, delay=8.6, delays=0.1/0/1.2/0.4, dsn=5.7.64, status=bounced (host example-org.mail.protection.outlook.com[198.51.100.41] said: 550 5.7.64 TenantAttribution; Relay Access Denied [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com 2026-12-04T10:00:16.000Z 08DD] (in reply to RCPT TO command))",
     "outbound-relay-denied", "example-org.mail.protection.outlook.com"},
    /* probe11: M365 5.7.133 group accepts only authenticated (internal) senders: the recipient organisation's restriction, no login to give (was outbound-mx-login-required) */
    {"Dec  4 10:00:21 app1 postfix/smtp[3021]: 4A1002899B: to=<allstaff@example.com>, relay=example-com.mail.protection.outlook.com[198.51.100.41]:25, delay=4.1, delays=0.1/0/0.0/0.4, dsn=5.7.133, status=bounced (host example-com.mail.protection.outlook.com[198.51.100.41] said: 550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group [DM6NAM12FT055.eop-nam12.prod.protection.outlook.com 2026-12-04T10:00:21.000Z 08DD] (in reply to end of DATA command))",
     "outbound-remote-refused", "Microsoft"},
    /* probe11: Exchange RESOLVER.RST.AuthRequired: a group for internal senders (was outbound-mx-login-required) */
    {"Dec  4 10:00:22 app1 postfix/smtp[3022]: 4A1002A88A: to=<board@example.com>, relay=mail.example.com[192.0.2.31]:25, delay=5.2, delays=0.1/0/1.1/0.4, dsn=5.7.1, status=bounced (host mail.example.com[192.0.2.31] said: 550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage] (in reply to end of DATA command))",
     "outbound-remote-refused", "mail.example.com"},
    /* probe11: M365 5.6.211 invalid MIME content (was outbound-remote-refused) */
    {"Dec  4 10:00:26 app1 postfix/smtp[3026]: 4A10032446: to=<u26@example.com>, relay=example-com.mail.protection.outlook.com[198.51.100.41]:25, delay=9.6, delays=0.1/0/2.5/0.4, dsn=5.6.211, status=bounced (host example-com.mail.protection.outlook.com[198.51.100.41] said: 554 5.6.211 Invalid MIME Content: Single text value size (32784) exceeded allowed maximum (32768) for the 'X-Report' header. [DM6NAM12FT001.eop-nam12.prod.protection.outlook.com] (in reply to end of DATA command))",
     "outbound-message-malformed", "Microsoft"},
    /* probe11: M365 5.7.750 unregistered domains: this server relays via a tenant with a domain not accepted (was outbound-remote-refused) */
    {"Dec  4 10:00:32 app1 postfix/smtp[3032]: 4A1003DDE0: to=<u32@example.net>, relay=example-org.mail.protection.outlook.com[198.51.100.41]:25, delay=6.2, delays=0.1/0/2.4/0.4, dsn=5.7.750, status=bounced (host example-org.mail.protection.outlook.com[198.51.100.41] said: 550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 AS(2501) (in reply to MAIL FROM command))",
     "outbound-relay-denied", "example-org.mail.protection.outlook.com"},
    /* probe11: Google Workspace TLS required for the recipient domain (admin rule) (was outbound-remote-temporary) */
    {"Dec  4 10:00:45 app1 postfix/smtp[3045]: 4A10057003: to=<u50@example.net>, relay=aspmx.l.google.com[198.51.100.26]:25, delay=1.5, delays=0.1/0/0.3/0.4, dsn=4.7.0, status=deferred (host aspmx.l.google.com[198.51.100.26] said: 421-4.7.0 TLS required for RCPT domain, closing connection. For more information, go to https://support.google.com/a/answer/2520500 l3si789pfd.10 - gsmtp (in reply to RCPT TO command))",
     "outbound-tls-required", "Gmail"},
    /* probe11: Gmail 5.7.1 missing a valid From: header (was outbound-remote-refused) */
    {"Dec  4 10:00:55 app1 postfix/smtp[3055]: 4A1006A559: to=<u60@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=2.5, delays=0.1/0/1.6/0.4, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[198.51.100.26] said: 550-5.7.1 [203.0.113.9] Messages missing a valid address in From: header, or having no From: header, are not accepted. v4si89pfb.20 - gsmtp (in reply to end of DATA command))",
     "outbound-message-malformed", "Gmail"},
    /* probe11: Gmail 5.7.1 IP not authorized to send directly (dynamic range: relay through a provider) (was outbound-remote-refused) */
    {"Dec  4 10:00:59 app1 postfix/smtp[3059]: 4A10072115: to=<u64@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=6.9, delays=0.1/0/2.3/0.4, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[198.51.100.26] said: 550-5.7.1 [203.0.113.9] The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead. For more information, go to https://support.google.com/mail/?p=NotAuthorizedError z8si33pfb.24 - gsmtp (in reply to MAIL FROM command))",
     "outbound-ip-reputation", "Gmail"},
    /* threads16F: the same NotAuthorizedError as the log holds it, Gmail's
     * reply lines joined with their "550-5.7.1 " continuations (was
     * outbound-remote-refused) */
    {"Sep  2 14:20:09 mx1 postfix/smtp[1093692]: 4Wy9rQ2dx2dz8vdt: to=<u1@gmail.com>, relay=aspmx.l.google.com[198.51.100.27]:25, delay=3.3, delays=0.13/0.08/1.6/1.5, dsn=5.7.1, status=bounced (host aspmx.l.google.com[198.51.100.27] said: 550-5.7.1 [203.0.113.9] The IP you're using to send mail is not authorized to 550-5.7.1 send email directly to our servers. Please use the SMTP relay at your 550-5.7.1 service provider instead. For more information, go to 550 5.7.1  https://support.google.com/mail/?p=NotAuthorizedError d2e1a72fcca58-715e57a0f50si1104d2710b3a.328 - gsmtp (in reply to end of DATA command))",
     "outbound-ip-reputation", "Gmail"},
    /* threads16F: T-Online's "(BL)": the address is on its own blocklist
     * (was outbound-ip-reputation: the postmaster desk it names) */
    {"Oct 27 19:29:57 mx1 postfix/smtp[1175]: 2517060EE4: host mx00.t-online.de[198.51.100.8] refused to talk to me: 554 IP=203.0.113.9 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)",
     "outbound-blocklisted", "T-Online"},
    /* probe11: Google Workspace relay 5.4.5 daily sending quota (this account's sending limit, not a mailbox) (was outbound-remote-refused) */
    {"Dec  4 10:01:02 app1 postfix/smtp[3062]: 4A10077DE2: to=<u67@example.net>, relay=smtp-relay.gmail.com[198.51.100.27]:587, delay=9.2, delays=0.1/0/2.6/0.4, dsn=5.4.5, status=bounced (host smtp-relay.gmail.com[198.51.100.27] said: 550-5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852 c2si66qtn.27 - gsmtp (in reply to MAIL FROM command))",
     "outbound-rate-refused", "smtp-relay.gmail.com"},
    /* probe11: Google Workspace relay 5.4.5 daily sending quota exceeded (was outbound-mailbox-full) */
    {"Dec  4 10:01:03 app1 postfix/smtp[3063]: 4A10079CD1: to=<u68@example.net>, relay=smtp-relay.gmail.com[198.51.100.27]:587, delay=1.3, delays=0.1/0/0.0/0.4, dsn=5.4.5, status=bounced (host smtp-relay.gmail.com[198.51.100.27] said: 550-5.4.5 Daily sending quota exceeded. For more information, go to https://support.google.com/a/answer/166852 d3si77pfb.28 - gsmtp (in reply to MAIL FROM command))",
     "outbound-rate-refused", "smtp-relay.gmail.com"},
    /* probe11: Yahoo GL01 unexpected volume or user complaints (was outbound-remote-temporary) */
    {"Dec  4 10:01:17 app1 postfix/smtp[3077]: 4A10094DE3: to=<u90@yahoo.com>, relay=mta7.am0.yahoodns.net[198.51.100.77]:25, delay=6.7, delays=0.1/0/2.0/0.4, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[198.51.100.77] said: 421 4.7.0 [GL01] Message from (203.0.113.9) temporarily deferred - 4.16.50. Please refer to https://postmaster.yahooinc.com/error-codes (in reply to end of DATA command))",
     "outbound-ip-reputation", "Yahoo"},
    /* probe11: Yahoo 451 unresolvable RFC.5321 from address: the sender domain (was outbound-remote-temporary) */
    {"Dec  4 10:01:18 app1 postfix/smtp[3078]: 4A10096CD2: to=<u91@yahoo.com>, relay=mta7.am0.yahoodns.net[198.51.100.77]:25, delay=7.8, delays=0.1/0/0.1/0.4, dsn=4.0.0, status=deferred (host mta7.am0.yahoodns.net[198.51.100.77] said: 451 Message temporarily deferred due to unresolvable RFC.5321 from address; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM command))",
     "outbound-sender-rejected", "Yahoo"},
    /* probe11: AOL classic: user has no aol.com account (was outbound-remote-refused) */
    {"Dec  4 10:01:20 app1 postfix/smtp[3080]: 4A1009AAB0: to=<u93@aol.com>, relay=mx-aol.mail.gm0.yahoodns.net[198.51.100.77]:25, delay=9.0, delays=0.1/0/2.3/0.4, dsn=5.0.0, status=bounced (host mx-aol.mail.gm0.yahoodns.net[198.51.100.77] said: 554 delivery error: dd This user doesn't have a aol.com account (u93@aol.com) [0] - mta1234.aol.mail.gq1.yahoo.com (in reply to end of DATA command))",
     "outbound-user-unknown", "Yahoo"},
    /* probe11: Yahoo classic: user has no yahoo.com account (was outbound-remote-refused) */
    {"Dec  4 10:01:21 app1 postfix/smtp[3081]: 4A1009C99F: to=<u94@yahoo.com>, relay=mta7.am0.yahoodns.net[198.51.100.77]:25, delay=1.1, delays=0.1/0/0.4/0.4, dsn=5.0.0, status=bounced (host mta7.am0.yahoodns.net[198.51.100.77] said: 554 delivery error: dd This user doesn't have a yahoo.com account (u94@yahoo.com) [-5] - mta1001.mail.ne1.yahoo.com (in reply to end of DATA command))",
     "outbound-user-unknown", "Yahoo"},
    /* probe11: RFC 5321 552 exceeded storage allocation (GMX) (was outbound-remote-refused) */
    {"Dec  4 10:01:31 app1 postfix/smtp[3091]: 4A100AFEF5: to=<u114@gmx.de>, relay=mx00.emig.gmx.net[198.51.100.112]:25, delay=2.1, delays=0.1/0/1.0/0.4, dsn=5.0.0, status=bounced (host mx00.emig.gmx.net[198.51.100.112] said: 552 Requested mail action aborted: exceeded storage allocation (in reply to RCPT TO command))",
     "outbound-mailbox-full", "GMX/web.de"},
    /* probe11: GMX: the sender domain's DNS MX or A/AAAA record is invalid (was outbound-remote-refused) */
    {"Dec  4 10:01:32 app1 postfix/smtp[3092]: 4A100B1DE4: to=<u115@gmx.de>, relay=mx00.emig.gmx.net[198.51.100.112]:25, delay=3.2, delays=0.1/0/2.1/0.4, dsn=5.0.0, status=bounced (host mx00.emig.gmx.net[198.51.100.112] said: 550-Requested action not taken: mailbox unavailable 550 invalid DNS MX or A/AAAA resource record (in reply to MAIL FROM command))",
     "outbound-sender-rejected", "GMX/web.de"},
    /* probe11: Free.fr too many spams from your IP (was outbound-rate-limited) */
    {"Dec  4 10:01:37 app1 postfix/smtp[3097]: 4A100BB88F: to=<u124@free.fr>, relay=mx1.free.fr[198.51.100.121]:25, delay=8.7, delays=0.1/0/1.6/0.4, dsn=4.0.0, status=deferred (host mx1.free.fr[198.51.100.121] said: 421 Too many spams from your IP (203.0.113.9), please visit http://postmaster.free.fr/ (in reply to MAIL FROM command))",
     "outbound-ip-reputation", "mx1.free.fr"},
    /* probe11: Mail.ru invalid mailbox: account is disabled (was outbound-remote-refused) */
    {"Dec  4 10:01:42 app1 postfix/smtp[3102]: 4A100C533A: to=<u132@mail.ru>, relay=mxs.mail.ru[198.51.100.130]:25, delay=4.2, delays=0.1/0/0.4/0.4, dsn=5.0.0, status=bounced (host mxs.mail.ru[198.51.100.130] said: 550 Message was not accepted -- invalid mailbox.  Local mailbox u132@mail.ru is unavailable: account is disabled (in reply to RCPT TO command))",
     "outbound-user-unknown", "Mail.ru"},
    /* probe11: Zoho MX: relaying disallowed, domain not hosted (stale MX) (was outbound-remote-refused) */
    {"Dec  4 10:01:51 app1 postfix/smtp[3111]: 4A100D69A1: to=<u141@example.com>, relay=mx.zoho.com[198.51.100.140]:25, delay=4.1, delays=0.1/0/0.6/0.4, dsn=5.0.0, status=bounced (host mx.zoho.com[198.51.100.140] said: 553 Relaying disallowed. Invalid Domain - example.com (in reply to RCPT TO command))",
     "outbound-mx-relay-denied", "mx.zoho.com"},
    /* probe11: Fastmail email rejected due to security policies (spam filter) (was outbound-remote-refused) */
    {"Dec  4 10:01:58 app1 postfix/smtp[3118]: 4A100E422A: to=<u161@fastmail.com>, relay=in1-smtp.messagingengine.com[198.51.100.160]:25, delay=2.8, delays=0.1/0/1.6/0.4, dsn=5.7.1, status=bounced (host in1-smtp.messagingengine.com[198.51.100.160] said: 550 5.7.1 Email rejected due to security policies - https://www.fastmail.help/hc/en-us/articles/360060591193 (in reply to end of DATA command))",
     "outbound-content-refused", "in1-smtp.messagingengine.com"},
    /* probe11: Exim could not complete sender verify callout: this server's sender domain unreachable from them (was outbound-remote-temporary) */
    {"Dec  4 10:02:12 app1 postfix/smtp[3132]: 4A100FF33C: to=<u206@example.net>, relay=mx.example.net[192.0.2.40]:25, delay=7.2, delays=0.1/0/0.6/0.4, dsn=4.0.0, status=deferred (host mx.example.net[192.0.2.40] said: 451-Could not complete sender verify callout for <noreply@app1.example.org>. 451-The mail server(s) for the domain may be temporarily unreachable, or 451-they may be permanently unreachable from this server. In the latter case, 451-you need to change the address or create an MX record for its domain 451-if it is supposed to be generally accessible from the Internet. 451 Talk to your mail administrator for details. (in reply to RCPT TO command))",
     "outbound-sender-rejected", "mx.example.net"},
    /* probe11: Exim unknown local part (was outbound-remote-refused) */
    {"Dec  4 10:02:25 app1 postfix/smtp[3145]: 4A1011855F: to=<u219@example.net>, relay=mx.example.net[192.0.2.40]:25, delay=2.5, delays=0.1/0/1.5/0.4, dsn=5.0.0, status=bounced (host mx.example.net[192.0.2.40] said: 550 Unknown local part u219 in <u219@example.net> (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.net"},
    /* probe11: Exim too many Received headers - suspected mail loop (was outbound-rate-limited) */
    {"Dec  4 10:02:26 app1 postfix/smtp[3146]: 4A1011A44E: to=<u220@example.net>, relay=mx.example.net[192.0.2.40]:25, delay=3.6, delays=0.1/0/2.6/0.4, dsn=5.0.0, status=bounced (host mx.example.net[192.0.2.40] said: 550 Too many \"Received\" headers - suspected mail loop (in reply to end of DATA command))",
     "mail-forwarding-loop", "mx.example.net"},
    /* probe11: Exim HELO/EHLO must contain a FQDN (was outbound-remote-refused) */
    {"Dec  4 10:02:27 app1 postfix/smtp[3147]: 4A1011C33D: to=<u221@example.net>, relay=mx.example.net[192.0.2.40]:25, delay=4.7, delays=0.1/0/0.0/0.4, dsn=5.0.0, status=bounced (host mx.example.net[192.0.2.40] said: 550 HELO/EHLO must contain a FQDN (in reply to EHLO command))",
     "outbound-helo-rejected", "mx.example.net"},
    /* probe11: sendmail 5.2.3 exceeds maximum fixed size (was outbound-remote-refused) */
    {"Dec  4 10:02:37 app1 postfix/smtp[3157]: 4A1012F893: to=<u239@example.org>, relay=mail.example.org[192.0.2.50]:25, delay=5.7, delays=0.1/0/1.3/0.4, dsn=5.2.3, status=bounced (host mail.example.org[192.0.2.50] said: 552 5.2.3 Message exceeds maximum fixed size (10485760) (in reply to MAIL FROM command))",
     "outbound-message-too-big", "mail.example.org"},
    /* probe11: sendmail SpamCop link (was outbound-content-refused) */
    {"Dec  4 10:02:41 app1 postfix/smtp[3161]: 4A1013744F: to=<u243@example.org>, relay=mail.example.org[192.0.2.50]:25, delay=9.1, delays=0.1/0/2.0/0.4, dsn=5.3.0, status=bounced (host mail.example.org[192.0.2.50] said: 553 5.3.0 <u243@example.org>... Spam blocked see: https://www.spamcop.net/bl.shtml?203.0.113.9 (in reply to MAIL FROM command))",
     "outbound-blocklisted", "mail.example.org"},
    /* probe11: sendmail/milter sender verification failed (was outbound-remote-refused) */
    {"Dec  4 10:02:43 app1 postfix/smtp[3163]: 4A1013B22D: to=<u245@example.org>, relay=mail.example.org[192.0.2.50]:25, delay=2.3, delays=0.1/0/1.2/0.4, dsn=5.1.0, status=bounced (host mail.example.org[192.0.2.50] said: 550 5.1.0 <noreply@app1.example.org>... Sender verification failed (in reply to MAIL FROM command))",
     "outbound-sender-rejected", "mail.example.org"},
    /* probe11: qmail rcpthosts: the MX does not take the domain (was outbound-remote-refused) */
    {"Dec  4 10:02:44 app1 postfix/smtp[3164]: 4A1013D11C: to=<u250@example.com>, relay=mx.example.com[192.0.2.60]:25, delay=3.4, delays=0.1/0/2.3/0.4, dsn=5.7.1, status=bounced (host mx.example.com[192.0.2.60] said: 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1) (in reply to RCPT TO command))",
     "outbound-mx-relay-denied", "mx.example.com"},
    /* probe11: qmail envelope sender domain must exist (was outbound-remote-refused) */
    {"Dec  4 10:02:48 app1 postfix/smtp[3168]: 4A10144CD8: to=<u254@example.com>, relay=mx.example.com[192.0.2.60]:25, delay=7.8, delays=0.1/0/0.0/0.4, dsn=5.7.1, status=bounced (host mx.example.com[192.0.2.60] said: 553 sorry, your envelope sender domain must exist (#5.7.1) (in reply to MAIL FROM command))",
     "outbound-sender-rejected", "mx.example.com"},
    /* probe11: qmail validrcptto (was outbound-remote-refused) */
    {"Dec  4 10:02:50 app1 postfix/smtp[3170]: 4A10148AB6: to=<u256@example.com>, relay=mx.example.com[192.0.2.60]:25, delay=9.0, delays=0.1/0/2.2/0.4, dsn=5.7.1, status=bounced (host mx.example.com[192.0.2.60] said: 553 sorry, this recipient is not in my validrcptto list (#5.7.1) (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.com"},
    /* probe11: qmail chkuser rcpthosts (was outbound-remote-refused) */
    {"Dec  4 10:02:52 app1 postfix/smtp[3172]: 4A1014C894: to=<u258@example.com>, relay=mx.example.com[192.0.2.60]:25, delay=2.2, delays=0.1/0/1.4/0.4, dsn=5.7.1, status=bounced (host mx.example.com[192.0.2.60] said: 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1 - chkuser) (in reply to RCPT TO command))",
     "outbound-mx-relay-denied", "mx.example.com"},
    /* probe11: amavis INFECTED (was outbound-remote-refused) */
    {"Dec  4 10:03:18 app1 postfix/smtp[3198]: 4A1017ECDA: to=<u294@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=1.8, delays=0.1/0/0.2/0.4, dsn=5.7.0, status=bounced (host mx.example.org[192.0.2.70] said: 554 5.7.0 Reject, id=12345-07 - INFECTED: Eicar-Signature (in reply to end of DATA command))",
     "outbound-content-refused", "mx.example.org"},
    /* probe11: amavis BANNED attachment (was outbound-remote-refused) */
    {"Dec  4 10:03:19 app1 postfix/smtp[3199]: 4A10180BC9: to=<u295@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=2.9, delays=0.1/0/1.3/0.4, dsn=5.7.0, status=bounced (host mx.example.org[192.0.2.70] said: 554 5.7.0 Reject, id=12345-09 - BANNED: P=p003,L=1,M=multipart/mixed | P=p002,L=1/2,M=application/x-msdownload,T=exe,N=invoice.exe (in reply to end of DATA command))",
     "outbound-content-refused", "mx.example.org"},
    /* probe11: amavis internal error (spam-tag failed): the remote filter broke (was outbound-content-refused) */
    {"Dec  4 10:03:20 app1 postfix/smtp[3200]: 4A10182AB8: to=<u296@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=3.0, delays=0.1/0/2.4/0.4, dsn=4.5.0, status=deferred (host mx.example.org[192.0.2.70] said: 451 4.5.0 Error in processing, id=12345-11, spam-tag FAILED: Insecure dependency in open while running with -T switch (in reply to end of DATA command))",
     "outbound-remote-temporary", "mx.example.org"},
    /* probe11: remote postscreen 550 5.3.2 (its DNSBL or access list enforce) (was outbound-remote-refused) */
    {"Dec  4 10:03:21 app1 postfix/smtp[3201]: 4A101849A7: to=<u297@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=4.1, delays=0.1/0/0.5/0.4, dsn=5.3.2, status=bounced (host mx.example.org[192.0.2.70] said: 550 5.3.2 Service currently unavailable (in reply to CONNECT command))",
     "outbound-blocklisted", "mx.example.org"},
    /* probe11: remote postscreen after-greeting tests 450 4.3.2 (passes on retry) (was outbound-remote-temporary) */
    {"Dec  4 10:03:22 app1 postfix/smtp[3202]: 4A10186896: to=<u298@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=5.2, delays=0.1/0/1.6/0.4, dsn=4.3.2, status=deferred (host mx.example.org[192.0.2.70] said: 450 4.3.2 Service currently unavailable (in reply to RCPT TO command))",
     "outbound-greylisted", "mx.example.org"},
    /* probe11: remote Postfix check_recipient_access REJECT: access denied, not an unknown user (was outbound-user-unknown) */
    {"Dec  4 10:03:28 app1 postfix/smtp[3208]: 4A10192230: to=<u304@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=2.8, delays=0.1/0/1.5/0.4, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.70] said: 554 5.7.1 <u304@example.org>: Recipient address rejected: Access denied (in reply to RCPT TO command))",
     "outbound-remote-refused", "mx.example.org"},
    /* probe11: remote Postfix reject_unauth_pipelining (a protocol check, not an unknown user) (was outbound-user-unknown) */
    {"Dec  4 10:03:34 app1 postfix/smtp[3214]: 4A1019DBCA: to=<u310@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=8.4, delays=0.1/0/1.4/0.4, dsn=5.5.0, status=bounced (host mx.example.org[192.0.2.70] said: 503 5.5.0 <u310@example.org>: Recipient address rejected: Improper use of SMTP command pipelining (in reply to RCPT TO command))",
     "outbound-remote-refused", "mx.example.org"},
    /* probe11: remote Postfix reject_unverified_sender: this server's sender does not accept mail (was outbound-remote-temporary) */
    {"Dec  4 10:03:35 app1 postfix/smtp[3215]: 4A1019FAB9: to=<u311@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=9.5, delays=0.1/0/2.5/0.4, dsn=4.1.7, status=deferred (host mx.example.org[192.0.2.70] said: 450 4.1.7 <noreply@app1.example.org>: Sender address rejected: unverified address: host mx.app1.example.org[192.0.2.10] said: 550 5.1.1 <noreply@app1.example.org>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command) (in reply to RCPT TO command))",
     "outbound-sender-rejected", "mx.example.org"},
    /* probe11: remote Postfix reject_unverified_sender, undeliverable (was outbound-remote-refused) */
    {"Dec  4 10:03:36 app1 postfix/smtp[3216]: 4A101A19A8: to=<u312@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=1.6, delays=0.1/0/0.6/0.4, dsn=5.1.7, status=bounced (host mx.example.org[192.0.2.70] said: 550 5.1.7 <noreply@app1.example.org>: Sender address rejected: undeliverable address: host mx.app1.example.org[192.0.2.10] said: 550 5.1.1 <noreply@app1.example.org>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command) (in reply to RCPT TO command))",
     "outbound-sender-rejected", "mx.example.org"},
    /* probe11: remote Postfix sender verification in progress (first try, passes on retry) (was outbound-remote-temporary) */
    {"Dec  4 10:03:37 app1 postfix/smtp[3217]: 4A101A3897: to=<u313@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=2.7, delays=0.1/0/1.0/0.4, dsn=4.1.7, status=deferred (host mx.example.org[192.0.2.70] said: 450 4.1.7 <noreply@app1.example.org>: Sender address rejected: unverified address: Address verification in progress (in reply to RCPT TO command))",
     "outbound-greylisted", "mx.example.org"},
    /* probe11: Gmail 5.1.7 sender not a valid RFC 5321 address (was outbound-remote-refused) */
    {"Dec  4 10:03:39 app1 postfix/smtp[3219]: 4A101A7675: to=<u315@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=4.9, delays=0.1/0/0.2/0.4, dsn=5.1.7, status=bounced (host gmail-smtp-in.l.google.com[198.51.100.26] said: 553-5.1.7 The sender address <root@localhost> is not a valid RFC 5321 address. For more information, go to https://support.google.com/a/answer/3221692 h1si22qtn.32 - gsmtp (in reply to MAIL FROM command))",
     "outbound-sender-rejected", "Gmail"},
    /* probe11: Mimecast anti-spoofing: mail in the recipient organisation's name from an unauthorised server (was outbound-remote-refused) */
    {"Dec  4 10:03:43 app1 postfix/smtp[3223]: 4A101AF231: to=<u330@example.com>, relay=us-smtp-inbound-1.mimecast.com[198.51.100.190]:25, delay=8.3, delays=0.1/0/1.6/0.4, dsn=5.0.0, status=bounced (host us-smtp-inbound-1.mimecast.com[198.51.100.190] said: 550 Rejected by header based Anti-Spoofing policy: u330@example.com - https://community.mimecast.com/docs/DOC-1369#550 [AbCdEfGhIjKlMn.us1] (in reply to end of DATA command))",
     "outbound-spf-dkim-dmarc", "Mimecast"},
    /* probe11: Mimecast open relay not allowed: the domain is not hosted there (stale MX) (was outbound-remote-temporary) */
    {"Dec  4 10:03:45 app1 postfix/smtp[3225]: 4A101B300F: to=<u332@example.com>, relay=us-smtp-inbound-1.mimecast.com[198.51.100.190]:25, delay=1.5, delays=0.1/0/0.1/0.4, dsn=4.0.0, status=deferred (host us-smtp-inbound-1.mimecast.com[198.51.100.190] said: 451 Open relay not allowed - https://community.mimecast.com/docs/DOC-1369#451 [AbCdEfGh.us1] (in reply to RCPT TO command))",
     "outbound-mx-relay-denied", "us-smtp-inbound-1.mimecast.com"},
    /* probe11: Mimecast email rejected due to security policies (was outbound-remote-refused) */
    {"Dec  4 10:03:47 app1 postfix/smtp[3227]: 4A101B6DED: to=<u334@example.com>, relay=us-smtp-inbound-1.mimecast.com[198.51.100.190]:25, delay=3.7, delays=0.1/0/2.3/0.4, dsn=5.0.0, status=bounced (host us-smtp-inbound-1.mimecast.com[198.51.100.190] said: 554 Email rejected due to security policies - https://community.mimecast.com/docs/DOC-1369#554 [AbCdEfGh.us1] (in reply to end of DATA command))",
     "outbound-content-refused", "Mimecast"},
    /* probe11: Mimecast maximum email size exceeded (was outbound-remote-refused) */
    {"Dec  4 10:03:49 app1 postfix/smtp[3229]: 4A101BABCB: to=<u336@example.com>, relay=us-smtp-inbound-1.mimecast.com[198.51.100.190]:25, delay=5.9, delays=0.1/0/1.5/0.4, dsn=5.0.0, status=bounced (host us-smtp-inbound-1.mimecast.com[198.51.100.190] said: 554 Maximum email size exceeded - https://community.mimecast.com/docs/DOC-1369#554 (in reply to end of DATA command))",
     "outbound-message-too-big", "Mimecast"},
    /* probe11: Barracuda ESS permanent failure :blocked (policy) (was outbound-blocklisted) */
    {"Dec  4 10:03:52 app1 postfix/smtp[3232]: 4A101C0898: to=<u341@example.com>, relay=mx1.example.com.ess.barracudanetworks.com[198.51.100.200]:25, delay=8.2, delays=0.1/0/1.1/0.4, dsn=5.0.0, status=bounced (host mx1.example.com.ess.barracudanetworks.com[198.51.100.200] said: 550 permanent failure for one or more recipients (u341@example.com:blocked) (in reply to end of DATA command))",
     "outbound-remote-refused", "mx1.example.com.ess.barracudanetworks.com"},
    /* probe11: Barracuda ESS recipient unknown via backend (was outbound-blocklisted) */
    {"Dec  4 10:03:53 app1 postfix/smtp[3233]: 4A101C2787: to=<u342@example.com>, relay=mx1.example.com.ess.barracudanetworks.com[198.51.100.200]:25, delay=9.3, delays=0.1/0/2.2/0.4, dsn=5.0.0, status=bounced (host mx1.example.com.ess.barracudanetworks.com[198.51.100.200] said: 550 No such recipient here (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx1.example.com.ess.barracudanetworks.com"},
    /* probe11: Trend Micro Email Reputation Service blocked by (was outbound-ip-reputation) */
    {"Dec  4 10:03:59 app1 postfix/smtp[3239]: 4A101CE121: to=<u362@example.com>, relay=example-com.in.tmes.trendmicro.eu[198.51.100.230]:25, delay=6.9, delays=0.1/0/2.1/0.4, dsn=5.7.1, status=bounced (host example-com.in.tmes.trendmicro.eu[198.51.100.230] said: 550 5.7.1 Service unavailable; client [203.0.113.9] blocked by Trend Micro Email Reputation Service. Please see https://servicecentral.trendmicro.com/en-us/ers/ip-lookup/?ip=203.0.113.9 (in reply to CONNECT command))",
     "outbound-blocklisted", "example-com.in.tmes.trendmicro.eu"},
    /* probe11: MessageLabs: trying to use me as a relay (domain not on the service) (was outbound-remote-refused) */
    {"Dec  4 10:04:00 app1 postfix/smtp[3240]: 4A101D0010: to=<u370@example.com>, relay=cluster1.eu.messagelabs.com[198.51.100.240]:25, delay=7.0, delays=0.1/0/0.2/0.4, dsn=5.7.1, status=bounced (host cluster1.eu.messagelabs.com[198.51.100.240] said: 553-you are trying to use me [server-4.tower-21.messagelabs.com] as a relay, but I have not been configured to let you [203.0.113.9, app1.example.org] do this. 553-Please visit www.symanteccloud.com/troubleshooting for more details about this error message and instructions to resolve this issue. (#5.7.1) (in reply to RCPT TO command))",
     "outbound-mx-relay-denied", "cluster1.eu.messagelabs.com"},
    /* probe11: MessageLabs message filtered (was outbound-remote-refused) */
    {"Dec  4 10:04:01 app1 postfix/smtp[3241]: 4A101D1EFF: to=<u371@example.com>, relay=cluster1.eu.messagelabs.com[198.51.100.240]:25, delay=8.1, delays=0.1/0/1.3/0.4, dsn=5.7.1, status=bounced (host cluster1.eu.messagelabs.com[198.51.100.240] said: 553-Message filtered. Refer to the Troubleshooting page at http://www.symanteccloud.com/troubleshooting for more information. (#5.7.1) (in reply to end of DATA command))",
     "outbound-content-refused", "cluster1.eu.messagelabs.com"},
    /* probe11: UCEPROTECT level 2 listed (was outbound-remote-refused) */
    {"Dec  4 10:04:07 app1 postfix/smtp[3247]: 4A101DD899: to=<u382@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=5.7, delays=0.1/0/1.2/0.4, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.70] said: 550 5.7.1 Mail from 203.0.113.9 refused: Your IP 203.0.113.9 is UCEPROTECT-Level2 listed because 15 abusers are hosted by your ISP (in reply to MAIL FROM command))",
     "outbound-blocklisted", "mx.example.org"},
    /* probe11: SpamCop blocked see (was outbound-content-refused) */
    {"Dec  4 10:04:08 app1 postfix/smtp[3248]: 4A101DF788: to=<u383@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=6.8, delays=0.1/0/2.3/0.4, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.70] said: 550 5.7.1 Blocked - see https://www.spamcop.net/bl.shtml?203.0.113.9 (in reply to MAIL FROM command))",
     "outbound-blocklisted", "mx.example.org"},
    /* probe11: recipient unknown (was outbound-remote-refused) */
    {"Dec  4 10:04:39 app1 postfix/smtp[3279]: 4A1021B679: to=<u432@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=1.9, delays=0.1/0/0.6/0.4, dsn=5.0.0, status=bounced (host mx.example.org[192.0.2.70] said: 550 Recipient unknown (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.org"},
    /* probe11: no such mailbox (was outbound-remote-refused) */
    {"Dec  4 10:04:41 app1 postfix/smtp[3281]: 4A1021F457: to=<u434@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=3.1, delays=0.1/0/2.1/0.4, dsn=5.0.0, status=bounced (host mx.example.org[192.0.2.70] said: 550 No such mailbox (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.org"},
    /* probe11: invalid mailbox (was outbound-remote-refused) */
    {"Dec  4 10:04:42 app1 postfix/smtp[3282]: 4A10221346: to=<u435@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=4.2, delays=0.1/0/0.2/0.4, dsn=5.0.0, status=bounced (host mx.example.org[192.0.2.70] said: 550 Invalid mailbox (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.org"},
    /* probe11: no such recipient (was outbound-remote-refused) */
    {"Dec  4 10:04:45 app1 postfix/smtp[3285]: 4A10227013: to=<u438@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=7.5, delays=0.1/0/0.5/0.4, dsn=5.0.0, status=bounced (host mx.example.org[192.0.2.70] said: 550 No such recipient (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.org"},
    /* probe11: address unknown (was outbound-remote-refused) */
    {"Dec  4 10:04:47 app1 postfix/smtp[3287]: 4A1022ADF1: to=<u440@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=9.7, delays=0.1/0/2.0/0.4, dsn=5.0.0, status=bounced (host mx.example.org[192.0.2.70] said: 550 Address unknown (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.org"},
    /* probe11: 5.1.6 recipient moved / no longer here (was outbound-remote-refused) */
    {"Dec  4 10:04:50 app1 postfix/smtp[3290]: 4A10230ABE: to=<u443@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=3.0, delays=0.1/0/2.3/0.4, dsn=5.1.6, status=bounced (host mx.example.org[192.0.2.70] said: 550 5.1.6 Recipient addresses in this domain no longer exist (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.org"},
    /* Microsoft's older Directory-Based Edge Blocking form names the
     * address in brackets: still an unknown recipient, not an access rule */
    {"Dec 11 10:20:01 app1 postfix/smtp[3901]: 4A10FF0001: to=<u9@example.com>, relay=example-com.mail.protection.outlook.com[198.51.100.41]:25, delay=2.1, delays=0.1/0/1.2/0.8, dsn=5.4.1, status=bounced (host example-com.mail.protection.outlook.com[198.51.100.41] said: 550 5.4.1 [u9@example.com]: Recipient address rejected: Access denied (in reply to RCPT TO command))",
     "outbound-user-unknown", "Microsoft"},
    /* probe11: a tenant host that serves the recipient's own domain stays that domain's MX */
    {"Dec  4 10:00:15 app1 postfix/smtp[3015]: 4A1001D001: to=<u15@example.com>, relay=example-com.mail.protection.outlook.com[198.51.100.41]:25, delay=7.5, delays=0.1/0/0.1/0.4, dsn=5.4.1, status=bounced (host example-com.mail.protection.outlook.com[198.51.100.41] said: 550 5.4.1 Relay Access Denied ATTR35 [DM6NAM12FT011.eop-nam12.prod.protection.outlook.com 2026-12-04T10:00:15.000Z 08DD] (in reply to RCPT TO command))",
     "outbound-mx-relay-denied", "example-com.mail.protection.outlook.com"},
    /* probe11, round 2 */
    /* Exchange on-prem concurrent connections limit (was outbound-remote-temporary) */
    {"Dec  4 10:00:04 app1 postfix/smtp[3004]: 4A10007BBC: to=<u503@example.com>, relay=mail.example.com[192.0.2.31]:25, delay=5.4, delays=0.1/0/1.4/0.4, dsn=4.3.2, status=deferred (host mail.example.com[192.0.2.31] said: 421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel (in reply to CONNECT command))",
     "outbound-rate-limited", "mail.example.com"},
    /* Gmail multiple addresses in From: (was outbound-remote-refused) */
    {"Dec  4 10:00:07 app1 postfix/smtp[3007]: 4A1000D889: to=<u506@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=8.7, delays=0.1/0/1.0/0.4, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[198.51.100.26] said: 550-5.7.1 [203.0.113.9] Messages with multiple addresses in From: header are not accepted. k1si1pfb.33 - gsmtp (in reply to end of DATA command))",
     "outbound-message-malformed", "Gmail"},
    /* Gmail 4.7.29 bulk senders must use TLS (was outbound-rate-limited) */
    {"Dec  4 10:00:11 app1 postfix/smtp[3011]: 4A10015445: to=<u510@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=3.1, delays=0.1/0/2.4/0.4, dsn=4.7.29, status=deferred (host gmail-smtp-in.l.google.com[198.51.100.26] said: 421-4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections. k5si5pfb.37 - gsmtp (in reply to end of DATA command))",
     "outbound-tls-required", "Gmail"},
    /* Gmail 4.7.32 From: not aligned with SPF or DKIM (was outbound-message-malformed) */
    {"Dec  4 10:00:12 app1 postfix/smtp[3012]: 4A10017334: to=<u511@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=4.2, delays=0.1/0/0.5/0.4, dsn=4.7.32, status=deferred (host gmail-smtp-in.l.google.com[198.51.100.26] said: 421-4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain. k6si6pfb.38 - gsmtp (in reply to end of DATA command))",
     "outbound-spf-dkim-dmarc", "Gmail"},
    /* Google Workspace SMTP relay on port 25: sender domain or IP not registered in the account (was outbound-remote-refused) */
    {"Dec  4 10:00:14 app1 postfix/smtp[3014]: 4A1001B112: to=<u513@example.net>, relay=smtp-relay.gmail.com[198.51.100.27]:25, delay=6.4, delays=0.1/0/2.0/0.4, dsn=5.7.0, status=bounced (host smtp-relay.gmail.com[198.51.100.27] said: 550-5.7.0 Mail relay denied [203.0.113.9]. Invalid credentials for relay for one of the domains in: example.org (as obtained from HELO and MAIL FROM). Email is being sent from a domain or IP address which isn't registered in your Workspace account. k8si8pfb.40 - gsmtp (in reply to MAIL FROM command))",
     "outbound-relay-denied", "smtp-relay.gmail.com"},
    /* Yahoo TSS11 excessive unknown recipients (was outbound-remote-temporary) */
    {"Dec  4 10:00:15 app1 postfix/smtp[3015]: 4A1001D001: to=<u514@yahoo.com>, relay=mta7.am0.yahoodns.net[198.51.100.77]:25, delay=7.5, delays=0.1/0/0.1/0.4, dsn=4.7.0, status=deferred (host mta7.am0.yahoodns.net[198.51.100.77] said: 421 4.7.0 [TSS11] Excessive unknown recipients - possible Open Relay (#4.16.55.1) (in reply to MAIL FROM command))",
     "outbound-ip-reputation", "Yahoo"},
    /* a remote refuses a dynamic (residential) IP: send through the provider (was outbound-remote-refused) */
    {"Dec  4 10:00:20 app1 postfix/smtp[3020]: 4A10026AAC: to=<u519@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=3.0, delays=0.1/0/2.6/0.4, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.70] said: 554 5.7.1 <app1.example.org[203.0.113.9]>: Client host rejected: dynamic IP address, use your ISP's mail server (in reply to RCPT TO command))",
     "outbound-ip-reputation", "mx.example.org"},
    /* 5.1.6 user has moved (was outbound-remote-refused) */
    {"Dec  4 10:00:21 app1 postfix/smtp[3021]: 4A1002899B: to=<u520@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=4.1, delays=0.1/0/0.0/0.4, dsn=5.1.6, status=bounced (host mx.example.org[192.0.2.70] said: 551 5.1.6 User has moved; please try <u520@example.net> (in reply to RCPT TO command))",
     "outbound-user-unknown", "mx.example.org"},
    /* invalid EHLO/HELO domain (was outbound-remote-refused) */
    {"Dec  4 10:00:26 app1 postfix/smtp[3026]: 4A10032446: to=<u525@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=9.6, delays=0.1/0/2.5/0.4, dsn=5.5.0, status=bounced (host mx.example.org[192.0.2.70] said: 550 5.5.0 Invalid EHLO/HELO domain. (in reply to EHLO command))",
     "outbound-helo-rejected", "mx.example.org"},
    /* sender domain has no MX or A record (was outbound-remote-refused) */
    {"Dec  4 10:00:29 app1 postfix/smtp[3029]: 4A10038113: to=<u528@example.org>, relay=mx.example.org[192.0.2.70]:25, delay=3.9, delays=0.1/0/2.1/0.4, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.70] said: 550 5.7.1 <www-data@app1.localdomain>: Sender domain has no MX and no A record (in reply to MAIL FROM command))",
     "outbound-sender-rejected", "mx.example.org"},
    /* Amazon SES SMTP endpoint on port 25: this account may not send from this address (was outbound-content-refused) */
    {"Dec  4 10:00:31 app1 postfix/smtp[3031]: 4A1003BEF1: to=<u530@example.net>, relay=email-smtp.eu-west-1.amazonaws.com[198.51.100.252]:25, delay=5.1, delays=0.1/0/1.3/0.4, dsn=5.0.0, status=bounced (host email-smtp.eu-west-1.amazonaws.com[198.51.100.252] said: 554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: s@example.org (in reply to end of DATA command))",
     "relayhost-sender-refused", "email-smtp.eu-west-1.amazonaws.com"},
    /* SendGrid relay needs login (was outbound-remote-refused) */
    {"Dec  4 10:00:32 app1 postfix/smtp[3032]: 4A1003DDE0: to=<u531@example.net>, relay=smtp.sendgrid.net[198.51.100.253]:587, delay=6.2, delays=0.1/0/2.4/0.4, dsn=5.0.0, status=bounced (host smtp.sendgrid.net[198.51.100.253] said: 550 Unauthenticated senders not allowed (in reply to MAIL FROM command))",
     "relayhost-login-missing", "smtp.sendgrid.net"},
    /* the rows read the reply, not the server's name: "antispam",
     * "spamfilter", "spamexperts", "virusgw" are no verdict on the mail */
    {"Dec  4 11:00:01 app1 postfix/smtp[4001]: 5B20000001: to=<u1@example.com>, relay=antispam.example.com[192.0.2.81]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=4.0.0, status=deferred (host antispam.example.com[192.0.2.81] said: 451 4.7.1 Try again later (in reply to end of DATA command))",
     "outbound-remote-temporary", "antispam.example.com"},
    {"Dec  4 11:00:02 app1 postfix/smtp[4002]: 5B20000002: to=<u2@example.net>, relay=spamfilter.example.net[192.0.2.82]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=4.0.0, status=deferred (host spamfilter.example.net[192.0.2.82] said: 451 Temporary local problem - please try later (in reply to RCPT TO command))",
     "outbound-remote-temporary", "spamfilter.example.net"},
    {"Dec  4 11:00:03 app1 postfix/smtp[4003]: 5B20000003: to=<u3@example.org>, relay=mx.spamexperts.com[198.51.100.245]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=5.0.0, status=bounced (host mx.spamexperts.com[198.51.100.245] said: 550 Administrative prohibition (in reply to RCPT TO command))",
     "outbound-remote-refused", "mx.spamexperts.com"},
    {"Dec  4 11:00:04 app1 postfix/smtp[4004]: 5B20000004: to=<u4@example.org>, relay=virusgw.example.org[192.0.2.84]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=4.0.0, status=deferred (host virusgw.example.org[192.0.2.84] said: 421 4.3.2 System not accepting network messages (in reply to MAIL FROM command))",
     "outbound-remote-temporary", "virusgw.example.org"},
    {"Dec  4 11:00:05 app1 postfix/smtp[4005]: 5B20000005: to=<u5@example.com>, relay=mx1.example.com.ess.barracudanetworks.com[198.51.100.200]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=4.0.0, status=deferred (host mx1.example.com.ess.barracudanetworks.com[198.51.100.200] said: 421 Service temporarily unavailable (in reply to MAIL FROM command))",
     "outbound-remote-temporary", "mx1.example.com.ess.barracudanetworks.com"},
    /* reject_unknown_sender_domain's 450 to a sending service's server
     * (threads16E: Amazon SES, SendGrid, Mailgun, Google's servers for
     * a customer's bounce domain): its own finding, keyed by the service;
     * a gmail.com "not found" stays the resolver's, an unnamed client's
     * too; a permanent 550 is not the service's retry */
    {"Dec  3 00:22:27 mx postfix/smtpd[1521]: NOQUEUE: reject: RCPT from a27-190.smtp-out.us-west-2.amazonses.com[192.0.2.190]: 450 4.1.8 <0101018-aa@email.example.com>: Sender address rejected: Domain not found; from=<0101018-aa@email.example.com> to=<u@example.com> proto=ESMTP helo=<a27-190.smtp-out.us-west-2.amazonses.com>",
     "sending-service-domain-not-found", "Amazon SES"},
    {"Jan  6 23:48:03 mail postfix/smtpd[1089]: NOQUEUE: reject: RCPT from xtrwscfn.outbound-mail.sendgrid.net[198.51.100.242]: 450 4.1.8 <bounces+1-d49f-info=example.org@em7169.example.net>: Sender address rejected: Domain not found; from=<bounces+1-d49f-info=example.org@em7169.example.net> to=<info@example.org> proto=ESMTP helo=<xtrwscfn.outbound-mail.sendgrid.net>",
     "sending-service-domain-not-found", "SendGrid"},
    {"Aug 26 13:48:42 mx postfix/smtpd[1866]: NOQUEUE: reject: RCPT from m42-1.mailgun.net[203.0.113.1]: 450 4.1.8 <bounce+89f10a.ba0bf3-cfp=example.org@mg.example.net>: Sender address rejected: Domain not found; from=<bounce+89f10a.ba0bf3-cfp=example.org@mg.example.net> to=<cfp@example.org> proto=ESMTP helo=<m42-1.mailgun.net>",
     "sending-service-domain-not-found", "Mailgun"},
    {"NOQUEUE: reject: RCPT from mail-vk1-f198.google.com[209.85.221.198]: 450 4.1.8 <noreply@fbmails.example.net>: Sender address rejected: Domain not found",
     "sending-service-domain-not-found", "Gmail"},
    {"Dec  3 00:22:28 mx postfix/smtpd[1521]: NOQUEUE: reject: RCPT from a27-190.smtp-out.us-west-2.amazonses.com[192.0.2.190]: 450 4.1.8 <a@gmail.com>: Sender address rejected: Domain not found; from=<a@gmail.com> to=<u@example.com> proto=ESMTP helo=<a27-190.smtp-out.us-west-2.amazonses.com>",
     "resolver-domain-lookups-failing", ""},
    {"Dec  3 00:22:29 mx postfix/smtpd[1521]: NOQUEUE: reject: RCPT from unknown[192.0.2.191]: 450 4.1.8 <a@em.example.net>: Sender address rejected: Domain not found; from=<a@em.example.net> to=<u@example.com> proto=ESMTP helo=<a27-191.smtp-out.us-west-2.amazonses.com>",
     "resolver-domain-lookups-failing", ""},
    {"Dec  3 00:22:30 mx postfix/smtpd[1521]: NOQUEUE: reject: RCPT from bad-sendgrid.net[192.0.2.192]: 450 4.1.8 <a@em.example.net>: Sender address rejected: Domain not found; from=<a@em.example.net> to=<u@example.com> proto=ESMTP helo=<bad-sendgrid.net>",
     "resolver-domain-lookups-failing", ""},
    {"Dec  3 00:22:31 mx postfix/smtpd[1521]: NOQUEUE: reject: RCPT from o1.sendgrid.net[192.0.2.193]: 550 5.1.8 <a@em.example.net>: Sender address rejected: Domain not found; from=<a@em.example.net> to=<u@example.com> proto=ESMTP helo=<o1.sendgrid.net>",
     "resolver-domain-lookups-failing", ""},
    /* reject_unknown_client_hostname refusing Gmail's servers at Docker's
     * gateway address (threads16E): the NAT, not the PTR policy; a public
     * address or loopback stays the PTR policy's */
    {"Oct 13 18:20:57 mail postfix/smtpd[51726]: NOQUEUE: reject: RCPT from unknown[192.168.224.1]: 450 4.7.25 Client host rejected: cannot find your hostname, [192.168.224.1]; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<mail-lf1-x130.google.com>",
     "nat-hides-clients", "192.168.224.1"},
    {"Oct 13 18:20:58 mail postfix/smtpd[51727]: NOQUEUE: reject: RCPT from unknown[192.0.2.224]: 450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.224]; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<mail-lf1-x130.google.com>",
     "client-hostname-not-found", ""},
    {"Oct 13 18:20:59 mail postfix/smtpd[51728]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 450 4.7.25 Client host rejected: cannot find your hostname, [127.0.0.1]; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<mail-lf1-x130.google.com>",
     "client-hostname-not-found", ""},
    /* OpenSSL's server side in a warning pasted without its program
     * (threads17G 12): a client's handshake, not an unexplained warning;
     * the client side's function names stay other warnings */
    {"warning: TLS library problem: error:1417D102:SSL routines:tls_process_client_hello:unsupported protocol:../ssl/statem/statem_srvr.c:974:",
     "tls-handshake-failures", "no protocol version or cipher in common"},
    {"warning: TLS library problem: error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:354:",
     "other-warnings", ""},
    /* threads18J: OpenSSL's client side (statem_clnt.c) without the
     * program is this server's SMTP client: OpenSSL 3 refusing an older
     * server's SHA-1 signature or DH key; a certificate alert without
     * it is a client refusing this server's certificate */
    {"warning: TLS library problem: error:0A00014D:SSL routines::legacy sigalg disallowed or unsupported:../openssl-3.0.9/ssl/statem/statem_clnt.c:2254:",
     "outbound-tls-failed", "no protocol version or cipher in common"},
    {"warning: TLS library problem: error:0A00018A:SSL routines::dh key too small:../ssl/statem/statem_clnt.c:2100:",
     "outbound-tls-failed", "no protocol version or cipher in common"},
    {"warning: TLS library problem: error:14094418:SSL routines:SSL3_READ_BYTES:tlsv1 alert unknown ca:s3_pkt.c:1153:SSL alert number 48:",
     "tls-certificate-distrusted", ""},
    /* an open-relay tester (an outside address mailed to itself, a
     * HELO that is no domain name) refused at Docker's gateway address
     * (threads17G): the NAT hides it; the same from a HELO with a
     * domain name stays the admin's own application's */
    {"Aug 12 18:38:45 mail postfix/smtpd[45626]: NOQUEUE: reject: RCPT from unknown[172.24.0.1]: 554 5.7.1 <tester@example.net>: Relay access denied; from=<tester@example.net> to=<tester@example.net> proto=ESMTP helo=<WIN-ABCDEF12345>",
     "nat-hides-clients", "172.24.0.1"},
    {"Aug 12 18:38:46 mail postfix/smtpd[45627]: NOQUEUE: reject: RCPT from unknown[172.24.0.2]: 554 5.7.1 <tester@example.net>: Relay access denied; from=<tester@example.net> to=<tester@example.net> proto=ESMTP helo=<app.example.com>",
     "own-client-relay-denied", "172.24.0.2"},
    /* reject_unverified_recipient whose probe could not resolve the
     * address here (threads16E: a new Mailu refusing all its own mail) */
    {"smtp_1      | postfix/smtpd[534]: NOQUEUE: reject: RCPT from nl3.example.net[198.51.100.251]: 450 4.1.1 <u@example.com>: Recipient address rejected: unverified address: Address lookup failure; from=<news@example.net> to=<u@example.com> proto=ESMTP helo=<example.net>",
     "lookup-temporary-failure", ""},
    /* a DMARC or DKIM milter refusing after the data (threads16E: a
     * Mailchimp newsletter, Forward Cat's broken signatures); a content
     * verdict of the same milter stays no finding */
    {"Feb 21 23:01:48 mail postfix/cleanup[279726]: 62B3E583B1D: milter-reject: END-OF-MESSAGE from mail12.suw91.mcdlv.net[198.51.100.12]: 5.7.1 rejected by DMARC policy for example.net; from=<bounce-mc.us8_3127@mail12.suw91.mcdlv.net> to=<u@example.com> proto=ESMTP helo=<mail12.suw91.mcdlv.net>",
     "sender-authentication-refused", ""},
    {"Nov 28 16:03:13 foo postfix/cleanup[2751]: B64A73FD27: milter-reject: END-OF-MESSAGE from forward.example.org[203.0.113.71]: 5.7.0 bad DKIM signature data; from=<no-reply@example.org> to=<bar@example.com> proto=ESMTP helo=<primary>",
     "sender-authentication-refused", ""},
    /* threads18K: an SPF handler's refusal in RFC 7372's words (Plesk's
     * psa-pc-remote: "5.7.23 SPF validation failed") */
    {"Jun  3 10:00:01 mx postfix/cleanup[3816]: 1C923F1570: milter-reject: END-OF-MESSAGE from relay.example.net[203.0.113.2]: 5.7.23 SPF validation failed. : Reason: mechanism; from=<a@example.net> to=<b@example.com> proto=ESMTP helo=<relay.example.net>",
     "sender-authentication-refused", ""},
    /* threads18K: a SASL restriction on port 25 where AUTH is off on
     * purpose (mail-in-a-box): not a build without SASL */
    {"Mar 13 18:39:34 mx postfix/smtpd[12153]: warning: restriction `reject_authenticated_sender_login_mismatch' ignored: no SASL support",
     "config-setting-ignored", "SASL restriction where AUTH is off"},
    /* threads18K: a tcp: table whose server does not listen (iRedAPD's
     * SRS port); local's warning beside a mailbox owned by another user;
     * pickup finding a maildrop file days old (Postfix was not running) */
    {"Oct 19 13:10:56 mx postfix/cleanup[823]: warning: connect to TCP map 127.0.0.1:7778: Connection refused",
     "lookup-server-unreachable", "127.0.0.1:7778"},
    {"Aug 14 05:25:53 mx postfix/local[1342]: warning: specify \"strict_mailbox_ownership = no\" to ignore mailbox ownership mismatch",
     "mailbox-permissions-wrong", "local"},
    {"Oct 19 13:10:56 mx postfix/pickup[822]: warning: 4CFHFD4n0nz2ZbZh: message has been queued for 16 days",
     "pickup-unreachable", ""},
    /* threads16F: the MX host of an existing domain has no address record
     * (the destination's DNS), not a domain that does not exist (was
     * outbound-domain-not-found) */
    {"Sep 24 07:19:28 mx1 postfix/smtp[813]: 64EA7270417: to=<u1@example.com>, relay=none, delay=1.5, delays=0.8/0.09/0.64/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=mx1.example.com type=A: Host found but no data record of requested type)",
     "destination-dns-malformed", "example.com"},
    /* the recipient's domain itself without MX or address stays a domain
     * that takes no mail */
    {"Sep 24 07:19:28 mx1 postfix/smtp[813]: 64EA7270418: to=<u1@example.com>, relay=none, delay=1.5, delays=0.8/0.09/0.64/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=example.com type=AAAA: Host found but no data record of requested type)",
     "outbound-domain-not-found", ""},
    /* threads16F: root's mail got this host's own name (myorigin) and went
     * out by SMTP to that name, this server's own public address: its own
     * settings, not a remote's timeout (was outbound-connect-timeout) */
    {"Nov  3 18:06:25 mail postfix/smtp[1436]: 81571C2D: to=<root@mail.example.com>, orig_to=<root>, relay=none, delay=50784, delays=50754/0.01/30/0, dsn=4.4.1, status=deferred (connect to mail.example.com[203.0.113.123]:25: Connection timed out)",
     "local-name-sent-to-unknown-domain", ""},
    /* a real user's mail to a remote that times out stays the remote's */
    {"Nov  3 18:06:25 mail postfix/smtp[1436]: 81571C2E: to=<root@mail.example.com>, orig_to=<admin@example.org>, relay=none, delay=50784, delays=50754/0.01/30/0, dsn=4.4.1, status=deferred (connect to mail.example.com[203.0.113.123]:25: Connection timed out)",
     "outbound-connect-timeout", "mail.example.com"},
    /* threads17H: root's mail with this host's own name went to the SMTP
     * client, whose delivery failed on this host's bounce/defer service
     * (it loops back to itself): its own settings (was
     * outbound-remote-temporary) */
    {"Feb 28 11:50:04 mx postfix/smtp[8399]: CC44916C7A: to=<root@host.example.com>, orig_to=<root>, relay=none, delay=0.06, delays=0.04/0.02/0/0, dsn=4.3.0, status=deferred (bounce or trace service failure)",
     "local-name-sent-to-unknown-domain", ""},
    /* threads17H: Amavis took the message and discarded it as spam: this
     * host's own filter, not a delivery (was no finding) */
    {"Feb 26 09:43:26 mail2 postfix/smtp[9767]: E692E2F006CF: to=u@example.com, relay=127.0.0.1[127.0.0.1]:10024, delay=5.2, delays=0.44/0/0/4.7, dsn=2.7.0, status=sent (250 2.7.0 Ok, discarded, id=09360-09 - SPAM)",
     "local-filter-refused-content", "127.0.0.1:10024"},
    /* threads17H: a status line cut before its status= (wrapped when
     * pasted) says nothing of the mail (was outbound-remote-temporary) */
    {"Jun 23 19:33:22 outmx postfix/smtp[7484]: 42A3B481ABC: to=<u@example.com>,", NULL, NULL},
    /* ordinary traffic and the clients' own lines: no finding */
    {"Nov 22 11:36:51 mx1 postfix/smtp[16143]: ECD491165C2: to=<a@example.org>, relay=mx.example.org[198.51.100.58]:25, delay=0.81, delays=0.01/0/0/0.8, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4F2C3)",
     NULL, NULL},
    {"Nov 22 11:36:51 mx1 postfix/smtpd[16143]: warning: unknown[203.0.113.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
     NULL, NULL},

    {"Nov 22 11:36:51 mx1 postfix/smtpd[16143]: connect from unknown[203.0.113.9]", NULL, NULL},
};

TEST(diagnose_rules_real_lines)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct event *ev = progs_line(cases[i].line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		if (!cases[i].finding) {
			if (got)
				test_fail(__FILE__, __LINE__, "case %zu: got %s (%s), want no finding", i,
					  finding_id(hit.id), hit.key);
			continue;
		}
		if (!got) {
			test_fail(__FILE__, __LINE__, "case %zu: got no finding, want %s", i, cases[i].finding);
			continue;
		}
		if (strcmp(finding_id(hit.id), cases[i].finding) || strcmp(hit.key, cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i,
				  finding_id(hit.id), hit.key, cases[i].finding, cases[i].key);
	}
}

/* table_hit - a line's answer with the failed deliveries' memo off */
static bool table_hit(const char *line, struct diag_hit *hit)
{
	diag_rules_memo(false);
	bool got = diag_classify(progs_line(line), hit);
	diag_rules_memo(true);
	return got;
}

/* swap - line with the first `from` replaced by `to` into buf, or false */
static bool swap(char *buf, size_t size, const char *line, const char *from, const char *to)
{
	const char *at = strstr(line, from);
	if (!at)
		return false;
	int n = snprintf(buf, size, "%.*s%s%s", (int)(at - line), line, to, at + strlen(from));
	return n > 0 && (size_t)n < size;
}

/* the memo of the failed deliveries' and the rejects' rules gives what
 * the tables give, byte for byte: every example line, with the daemon
 * changed (a row may name one: lmtp, postscreen) and behind "delivery
 * temporarily suspended: ", each with a
 * fresh memo (filled, then hit), then all of them through one memo, so
 * that entries are reused and overwritten */
TEST(diagnose_rules_memo_same)
{
	enum { NCASES = sizeof cases / sizeof cases[0], NV = 6 };
	static char line[NCASES][NV][4096];
	static struct diag_hit want[NCASES][NV];
	static bool wgot[NCASES][NV], have[NCASES][NV];
	size_t variants = 0;
	for (size_t i = 0; i < NCASES; i++) {
		snprintf(line[i][0], sizeof line[i][0], "%s", cases[i].line);
		have[i][0] = true;
		have[i][1] = swap(line[i][1], sizeof line[i][1], cases[i].line, "postfix/smtp[", "postfix/lmtp[");
		have[i][2] = swap(line[i][2], sizeof line[i][2], cases[i].line, "postfix/lmtp[", "postfix/smtp[");
		have[i][3] = swap(line[i][3], sizeof line[i][3], cases[i].line, "status=deferred (",
				  "status=deferred (delivery temporarily suspended: ");
		/* the reject table has a postscreen-only row */
		have[i][4] = swap(line[i][4], sizeof line[i][4], cases[i].line, "postfix/postscreen[", "postfix/smtpd[");
		have[i][5] = swap(line[i][5], sizeof line[i][5], cases[i].line, "postfix/smtpd[", "postfix/postscreen[");
		for (int k = 0; k < NV; k++) {
			if (!have[i][k])
				continue;
			variants++;
			wgot[i][k] = table_hit(line[i][k], &want[i][k]);
			for (int pass = 0; pass < 2; pass++) {
				struct diag_hit got;
				bool g = diag_classify(progs_line(line[i][k]), &got);
				if (g != wgot[i][k] || (g && memcmp(&got, &want[i][k], sizeof got)))
					test_fail(__FILE__, __LINE__, "case %zu.%d pass %d: memo %s [%s], table %s [%s]",
						  i, k, pass, g ? finding_id(got.id) : "none", g ? got.key : "",
						  wgot[i][k] ? finding_id(want[i][k].id) : "none", wgot[i][k] ? want[i][k].key : "");
			}
		}
	}
	CHECK(variants > NCASES + 20); /* the variants were made */
	diag_rules_memo(true);
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < NCASES; i++)
			for (int k = 0; k < NV; k++) {
				if (!have[i][k])
					continue;
				struct diag_hit got;
				bool g = diag_classify(progs_line(line[i][k]), &got);
				if (g != wgot[i][k] || (g && memcmp(&got, &want[i][k], sizeof got)))
					test_fail(__FILE__, __LINE__, "one memo, case %zu.%d: memo %s [%s], table %s [%s]",
						  i, k, g ? finding_id(got.id) : "none", g ? got.key : "",
						  wgot[i][k] ? finding_id(want[i][k].id) : "none", wgot[i][k] ? want[i][k].key : "");
			}
}

/* readdr - line with the inside of every "[...]" after the syslog tag's
 * "[PID]: " that holds only an address's bytes (hex digits, '.', ':')
 * replaced by addr, into buf */
static bool readdr(char *buf, size_t size, const char *line, const char *addr)
{
	size_t at = 0;
	const char *tag = strstr(line, "]: ");
	for (const char *p = line; *p;) {
		const char *q = p;
		if (*p == '[' && (!tag || p > tag))
			for (q = p + 1; isxdigit((unsigned char)*q) || *q == '.' || *q == ':'; q++)
				;
		bool inside = *p == '[' && q > p + 1 && *q == ']';
		int n = inside ? snprintf(buf + at, size - at, "[%s", addr) : snprintf(buf + at, size - at, "%c", *p);
		if (n < 0 || (size_t)n >= size - at)
			return false;
		at += (size_t)n;
		p = inside ? q : p + 1;
	}
	return true;
}

/* the memo's key leaves the addresses inside "[...]" out (rules.c): the
 * same answers as the tables, byte for byte, for every example line and
 * more with each address in turn through one memo, including addresses
 * that hold a needle of the tables ("5.7.26" in 45.7.26.1, "5.1.1",
 * "127.255.255.", "4.3.5", "5.2.2" in an IPv6 address), each after an
 * address that holds none was remembered for the same text */
TEST(diagnose_rules_memo_addresses)
{
	static const char *const more[] = {
	    "Dec  3 12:00:01 mx postfix/smtp[3001]: 3C3C3C3C41: to=<a@example.org>, relay=mx.example.org[192.0.2.7]:25, delay=1, delays=0/0/0/1, dsn=5.0.0, status=bounced (host mx.example.org[192.0.2.7] said: 550 not accepted here (in reply to RCPT TO command))",
	    "Dec  3 12:00:02 mx postfix/smtp[3001]: 3C3C3C3C42: to=<a@example.org>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to mx.example.org[192.0.2.7]:25: Connection timed out)",
	    "Dec  3 12:00:03 mx postfix/smtp[3001]: connect to mx.example.org[192.0.2.7]:25: Connection refused",
	    "Dec  3 12:00:04 mx postfix/smtpd[3002]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using zen.spamhaus.org; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>",
	    "Dec  3 12:00:05 mx postfix/smtpd[3002]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.9]; from=<a@b.example> to=<c@d.example> proto=ESMTP helo=<x>",
	    "Dec  3 12:00:06 mx postfix/smtpd[3002]: warning: unknown[192.0.2.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
	    "Dec  3 12:00:07 mx postfix/smtpd[3002]: SSL_accept error from unknown[192.0.2.9]: lost connection",
	    "Dec  3 12:00:08 mx postfix/smtpd[3002]: setting up TLS connection from unknown[192.0.2.9]",
	    "Dec  3 12:00:09 mx postfix/smtpd[3002]: warning: TLS library problem: error:0A000076:SSL routines::no suitable signature algorithm:../ssl/t1_lib.c:3301: from unknown[192.0.2.9]",
	    "Dec  3 12:00:10 mx postfix/smtp[3001]: 3C3C3C3C43: to=<kim@icloud.com>, relay=mx01.mail.icloud.com[192.0.2.7]:25, delay=2.4, delays=0.04/0.02/1.1/1.2, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[192.0.2.7] said: 550 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137 (in reply to end of DATA command))",
	    "Dec  3 12:00:11 mx postfix/smtp[3001]: 3C3C3C3C44: to=<kim@icloud.com>, relay=mx01.mail.icloud.com[192.0.2.7]:25, delay=2.4, delays=0.04/0.02/1.1/1.2, dsn=5.7.1, status=bounced (host mx01.mail.icloud.com[192.0.2.7] said: 550 5.7.1 [CS0[192.0.2.7]1] [192.0.2.7]CS01] [CS[192.0.2.7] (in reply to end of DATA command))",
	};
	static const char *const addrs[] = {"192.0.2.7", "45.7.26.1", "10.5.1.1", "127.255.255.4", "14.3.5.9",
					    "2001:db8::1", "2001:DB8::5.2.2", "::1", "198.51.100.58", "1.2.3.4"};
	enum { NCASES = sizeof cases / sizeof cases[0], NMORE = sizeof more / sizeof more[0],
	       NADDR = sizeof addrs / sizeof addrs[0] };
	static char buf[4096];
	static struct diag_hit want[NCASES + NMORE][NADDR];
	static bool wgot[NCASES + NMORE][NADDR];
	size_t lines = 0, differ = 0;
	for (size_t i = 0; i < NCASES + NMORE; i++) {
		const char *line = i < NCASES ? cases[i].line : more[i - NCASES];
		for (size_t a = 0; a < NADDR; a++) {
			CHECK(readdr(buf, sizeof buf, line, addrs[a]));
			wgot[i][a] = table_hit(buf, &want[i][a]);
			lines++;
			if (a && (wgot[i][a] != wgot[i][0] || want[i][a].id != want[i][0].id))
				differ++;
		}
	}
	CHECK(lines >= (NCASES + NMORE) * NADDR);
	CHECK(differ >= 4); /* some addresses hold a needle and change the answer */
	diag_rules_memo(true);
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < NCASES + NMORE; i++)
			for (size_t a = 0; a < NADDR; a++) {
				const char *line = i < NCASES ? cases[i].line : more[i - NCASES];
				CHECK(readdr(buf, sizeof buf, line, addrs[a]));
				struct diag_hit got;
				bool g = diag_classify(progs_line(buf), &got);
				if (g != wgot[i][a] || (g && memcmp(&got, &want[i][a], sizeof got)))
					test_fail(__FILE__, __LINE__, "case %zu, %s: memo %s [%s], table %s [%s]", i,
						  addrs[a], g ? finding_id(got.id) : "none", g ? got.key : "",
						  wgot[i][a] ? finding_id(want[i][a].id) : "none", wgot[i][a] ? want[i][a].key : "");
			}
}

/* groups_text - what a finished diagnosis holds, as text to compare */
static void groups_text(const struct diag *d, char *out, size_t size)
{
	size_t at = 0;
	out[0] = 0;
	for (size_t i = 0; i < d->nlist && at < size; i++) {
		const struct diag_group *g = d->list[i];
		int n = snprintf(out + at, size - at, "%s|%s|%llu|%llu|%u|%d|%s\n", finding_id(g->id), g->key,
				 (unsigned long long)g->lines, (unsigned long long)g->recipients, g->nsample,
				 g->port25, g->nsample ? g->sample[0] : "");
		if (n < 0)
			break;
		at += (size_t)n;
	}
}

/* diag_front's share (which thread runs which rules, feed.h) changes
 * nothing: the example lines through diag_front + diag_event_noted with
 * each share, and with the share changing from line to line, give the
 * groups diag_event gives */
TEST(diagnose_front_share_same)
{
	static char want[1 << 16], got[1 << 16];
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		diag_event(d, progs_line(cases[i].line));
	diag_finish(d);
	CHECK(d->nlist > 20);
	groups_text(d, want, sizeof want);
	diag_free(d);
	for (int mode = 0; mode < 4; mode++) {
		d = diag_new();
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			const struct event *ev = progs_line(cases[i].line);
			struct diag_note n;
			memset(&n, 0xa5, sizeof n); /* a batch slot is not cleared */
			diag_front(ev, &n, mode < 3 ? (enum diag_front_share)mode : (enum diag_front_share)(i % 3));
			diag_event_noted(d, ev, &n);
		}
		diag_finish(d);
		groups_text(d, got, sizeof got);
		diag_free(d);
		if (strcmp(got, want))
			test_fail(__FILE__, __LINE__, "share %d: the groups differ:\n%s\nwant:\n%s", mode, got, want);
	}
}

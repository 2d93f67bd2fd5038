/*
 * diagnose_cases_threads.h - rows of test_diagnose.c's cases[] (included
 * inside that table, after diagnose_cases_core.h): the message families
 * of the variants suites, lines read off admins' threads and the probe
 * sets of providers' refusals, and ordinary traffic that gives none.
 */
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
     "outbound-too-many-connections", "Microsoft"},
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
     "outbound-too-many-connections", "mail.example.com"},
    /* Gmail multiple addresses in From: (was outbound-remote-refused) */
    {"Dec  4 10:00:07 app1 postfix/smtp[3007]: 4A1000D889: to=<u506@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=8.7, delays=0.1/0/1.0/0.4, dsn=5.7.1, status=bounced (host gmail-smtp-in.l.google.com[198.51.100.26] said: 550-5.7.1 [203.0.113.9] Messages with multiple addresses in From: header are not accepted. k1si1pfb.33 - gsmtp (in reply to end of DATA command))",
     "outbound-message-malformed", "Gmail"},
    /* Gmail 4.7.29 bulk senders must use TLS (was outbound-rate-limited) */
    {"Dec  4 10:00:11 app1 postfix/smtp[3011]: 4A10015445: to=<u510@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=3.1, delays=0.1/0/2.4/0.4, dsn=4.7.29, status=deferred (host gmail-smtp-in.l.google.com[198.51.100.26] said: 421-4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection. Gmail requires all bulk email senders to use TLS/SSL for SMTP connections. k5si5pfb.37 - gsmtp (in reply to end of DATA command))",
     "outbound-tls-required", "Gmail"},
    /* Gmail 4.7.32 From: not aligned with SPF or DKIM (was outbound-message-malformed, then
     * outbound-spf-dkim-dmarc): DMARC alignment, whose fix is the From: domain's DKIM key */
    {"Dec  4 10:00:12 app1 postfix/smtp[3012]: 4A10017334: to=<u511@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=4.2, delays=0.1/0/0.5/0.4, dsn=4.7.32, status=deferred (host gmail-smtp-in.l.google.com[198.51.100.26] said: 421-4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain. k6si6pfb.38 - gsmtp (in reply to end of DATA command))",
     "outbound-dmarc-unaligned", "Gmail"},
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
    /* threadsBJ: the SPF and DKIM checks' lookups getting no answer
     * (auth_results.c: kept at the end only for two domains or more) */
    {"Mar 14 09:00:02 mx policyd-spf[4102]: prepend Received-SPF: Temperror (mailfrom) identity=mailfrom; client-ip=198.51.100.20; helo=mail.example.org; envelope-from=alice@example.org; receiver=<UNKNOWN>",
     "auth-checks-dns-failing", "Temperror"},
    {"Mar 14 09:04:12 mx policyd-spf[4111]: 451 4.4.3 SPF Temporary Error: DNS Timeout looking up example.net",
     "auth-checks-dns-failing", "Temperror"},
    {"Mar 14 09:00:07 mx opendkim[880]: 3F1A22C0101: key retrieval failed (s=sel1, d=example.org): 'sel1._domainkey.example.org' query timed out",
     "auth-checks-dns-failing", "key retrieval failed"},
    /* a key the sender removed is its own DNS, never this host's */
    {"Mar 14 09:00:03 mx opendkim[880]: 3F1A22C0101: key retrieval failed (s=old, d=example.org): 'old._domainkey.example.org' record not found",
     NULL, NULL},
    /* threadsBJ: None, Neutral, Softfail let through: a benign note */
    {"Jun 18 06:06:54 mail policyd-spf[3335]: prepend Received-SPF: Softfail (mailfrom) identity=mailfrom; client-ip=198.51.100.44; helo=relay.example.org; envelope-from=dan@example.net; receiver=<UNKNOWN>",
     "spf-not-pass-accepted", "softfail"},
    {"Nov 26 07:07:27 sh postfix/policy-spf[10685]: : Policy action=PREPEND Received-SPF: none (example.org: No applicable sender policy available) receiver=mx.example.com; identity=mailfrom; envelope-from=\"list@example.org\"; helo=lists.example.org; client-ip=198.51.100.45",
     "spf-not-pass-accepted", "none"},
    {"Mar  5 18:34:26 mail policyd-spf[228068]: prepend Received-SPF: Pass (mailfrom) identity=mailfrom; client-ip=198.51.100.23; helo=mta.example.net; envelope-from=x@example.net; receiver=<UNKNOWN>",
     NULL, NULL},
    /* threadsBJ: an SPF refusal of mail in the recipient's own domain
     * from a public client: own-domain-forged, keyed by the domain */
    {"May  9 03:12:41 mx postfix/smtpd[6101]: NOQUEUE: reject: RCPT from unknown[203.0.113.77]: 550 5.7.23 <accounts@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=ceo@example.com;ip=203.0.113.77;r=<UNKNOWN>; from=<ceo@Example.com> to=<accounts@example.com> proto=ESMTP helo=<example.com>",
     "own-domain-forged", "example.com"},
    /* the same from Docker's gateway is the NAT's (no finding by the line) */
    {"May  9 03:12:41 mx postfix/smtpd[6101]: NOQUEUE: reject: RCPT from unknown[172.18.0.1]: 550 5.7.23 <accounts@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=ceo@example.com;ip=172.18.0.1;r=<UNKNOWN>; from=<ceo@example.com> to=<accounts@example.com> proto=ESMTP helo=<mail.example.com>",
     NULL, NULL},
    /* threads38BK: the mailbox providers' sender requirements.  Gmail's
     * 550-5.7.32 bounce of an unaligned From: is DMARC alignment as its
     * 421-4.7.32 deferral is; Yahoo's and AOL's 554 5.7.9 "not accepted for
     * policy reasons" is their authentication refusal; the same words
     * without 5.7.9 stay a content refusal */
    {"Mar  3 09:12:44 mail postfix/smtp[4411]: 7F3A21C0042: to=<u1@gmail.com>, relay=gmail-smtp-in.l.google.com[198.51.100.26]:25, delay=1.4, delays=0.1/0/0.6/0.7, dsn=5.7.32, status=bounced (host gmail-smtp-in.l.google.com[198.51.100.26] said: 550-5.7.32 Your email has been blocked because the From: header (RFC5322) in this message isn't aligned with either the authenticated SPF or DKIM organizational domain. 550-5.7.32 To learn more about DMARC alignment, visit 550 5.7.32  https://support.google.com/a?p=dmarc-alignment a1si4.2 - gsmtp (in reply to end of DATA command))",
     "outbound-dmarc-unaligned", "Gmail"},
    {"Mar  3 09:12:45 mail postfix/smtp[4412]: 7F3A21C0043: to=<u2@aol.com>, relay=mx-aol.mail.gm0.yahoodns.net[198.51.100.71]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=5.7.9, status=bounced (host mx-aol.mail.gm0.yahoodns.net[198.51.100.71] said: 554 5.7.9 Message not accepted for policy reasons.  See https://senders.yahooinc.com/error-codes (in reply to end of DATA command))",
     "outbound-spf-dkim-dmarc", "Yahoo"},
    {"Mar  3 09:12:46 mail postfix/smtp[4413]: 7F3A21C0044: to=<u3@example.org>, relay=mx.example.org[198.51.100.72]:25, delay=1.1, delays=0.1/0/0.5/0.5, dsn=5.7.1, status=bounced (host mx.example.org[198.51.100.72] said: 554 5.7.1 Message not accepted for policy reasons (in reply to end of DATA command))",
     "outbound-content-refused", "mx.example.org"},
    /* ordinary traffic and the clients' own lines: no finding */
    {"Nov 22 11:36:51 mx1 postfix/smtp[16143]: ECD491165C2: to=<a@example.org>, relay=mx.example.org[198.51.100.58]:25, delay=0.81, delays=0.01/0/0/0.8, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4F2C3)",
     NULL, NULL},
    {"Nov 22 11:36:51 mx1 postfix/smtpd[16143]: warning: unknown[203.0.113.9]: SASL LOGIN authentication failed: UGFzc3dvcmQ6",
     NULL, NULL},

    {"Nov 22 11:36:51 mx1 postfix/smtpd[16143]: connect from unknown[203.0.113.9]", NULL, NULL},

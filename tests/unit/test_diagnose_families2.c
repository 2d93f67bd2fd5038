/*
 * test_diagnose_families2.c - the rules of the second round of message
 * families (tests/suite-variants-families2.sh: mail loops, .forward and
 * :include: files, temporary lookup failures, databases behind tables,
 * spawned policy servers, smtpd's restriction errors, master's fork,
 * Cyrus SASL's password verifier, the aliases database, a mailbox's owner
 * or mode, a full disk) on the real lines, with look-alikes
 * that must give another finding.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "diagnose/rules.h"
#include "diagnose/rules_internal.h"

static const struct {
	const char *line, *finding, *key;
} cases[] = {
    {"Mar  4 15:10:03 mx postfix/local[5103]: 5C1D2E3F4A: to=<info@mx.example.org>, orig_to=<info@example.org>, relay=local, delay=0.8, delays=0.5/0.01/0/0.29, dsn=5.4.6, status=bounced (mail for mx.example.org loops back to myself)",
     "outbound-mail-loop", "local"},
    {"Mar  4 15:10:03 mx postfix/local[5103]: 5C1D2E3F4A: to=<info@mx.example.org>, orig_to=<info@example.org>, relay=local, delay=0.8, delays=0.5/0.01/0/0.29, dsn=5.4.6, status=bounced (mail forwarding loop for info@mx.example.org)",
     "mail-forwarding-loop", "local"},
    {"Mar  4 15:12:01 mx postfix/smtp[5111]: 5C1D2E3F4B: to=<j@partner.example>, relay=mx.partner.example[192.0.2.25]:25, delay=1, delays=0.1/0/0.4/0.5, dsn=5.4.14, status=bounced (host mx.partner.example[192.0.2.25] said: 554 5.4.14 Hop count exceeded - possible mail loop ATTR34 (in reply to end of DATA command))",
     "mail-forwarding-loop", "mx.partner.example"},
    {"Mar  4 15:20:02 mx postfix/cleanup[5202]: warning: 8E1F2A3B4C: message rejected: hopcount exceeded",
     "mail-forwarding-loop", "too many hops"},
    {"Mar  4 15:20:02 mx postfix/smtpd[5201]: 8E1F2A3B4C: reject: DATA from gw.partner.example[203.0.113.60]: 554 5.4.0 Error: too many hops; from=<s@partner.example> to=<o@example.org> proto=ESMTP helo=<gw.partner.example>",
     "mail-forwarding-loop", "too many hops"},
    {"Mar  4 15:30:01 mx postfix/smtp[5301]: warning: host mx.example.org[198.51.100.10]:25 greeted me with my own hostname mx.example.org",
     "outbound-mail-loop", "mx.example.org"},
    {"Mar  4 15:40:01 mx postfix/local[5401]: warning: :include: file /etc/postfix/lists/staff is world writable",
     "forward-file-unusable", "/etc/postfix/lists/staff"},
    {"Mar  4 15:40:01 mx postfix/local[5401]: warning: cannot open include file /etc/postfix/lists/staff: Permission denied",
     "forward-file-unusable", "/etc/postfix/lists/staff"},
    {"Mar  4 15:45:01 mx postfix/local[5501]: warning: file /home/bob/.forward has bad owner uid 1002",
     "forward-file-unusable", "/home/bob/.forward"},
    /* the same words from another daemon are not local's .forward */
    {"Mar  4 15:46:01 mx postfix/postfix-script[5601]: warning: group or other writable: /etc/postfix/./main.cf",
     "file-ownership-wrong", "/etc/postfix/./main.cf"},
    {"Mar  4 16:00:01 mx postfix/smtpd[5701]: NOQUEUE: reject: RCPT from mail-wr1-f54.google.com[209.85.221.54]: 451 4.3.0 <alice@example.org>: Temporary lookup failure; from=<f@gmail.com> to=<alice@example.org> proto=ESMTP helo=<mail-wr1-f54.google.com>",
     "lookup-temporary-failure", ""},
    {"Mar  4 16:00:01 mx postfix/proxymap[5800]: warning: mysql:/etc/postfix/mysql-virtual.cf: query failed: Lost connection to MySQL server during query",
     "lookup-server-unreachable", "MySQL"},
    {"Mar  4 16:00:01 mx postfix/smtpd[5701]: warning: proxy:mysql:/etc/postfix/mysql-virtual.cf lookup error for \"alice@example.org\"",
     "lookup-server-unreachable", "MySQL"},
    {"Mar  4 16:00:01 mx postfix/smtpd[5701]: warning: hash:/etc/postfix/recipient_access: table lookup problem",
     "lookup-table-missing", "/etc/postfix/recipient_access"},
    /* the caches Postfix makes itself are no table to postmap (threads21S) */
    {"Mar  4 16:05:01 mx postfix/postscreen[5750]: error: open database /var/lib/postfix/postscreen_cache.db: No such file or directory",
     "cache-table-cannot-open", "/var/lib/postfix/postscreen_cache"},
    {"Mar  4 16:05:02 mx postfix/verify[5751]: warning: btree:/var/lib/postfix/verify_cache is unavailable. open database /var/lib/postfix/verify_cache.db: Permission denied",
     "cache-table-cannot-open", "/var/lib/postfix/verify_cache"},
    {"Mar  4 16:05:03 mx postfix/smtpd[5752]: error: open database /etc/postfix/sender_cache_list.db: No such file or directory",
     "lookup-table-missing", "/etc/postfix/sender_cache_list"},
    {"Mar  4 16:10:02 mx postfix/spawn[5902]: warning: command /usr/bin/policyd-spf exit status 1",
     "policy-service-unreachable", "/usr/bin/policyd-spf"},
    {"Mar  4 16:10:02 mx postfix/smtpd[5901]: warning: premature end-of-input on private/policyd-spf while reading input attribute name",
     "policy-service-unreachable", "private/policyd-spf"},
    {"Mar  4 16:10:02 mx postfix/smtpd[5901]: warning: timeout on 127.0.0.1:10023 while reading input attribute name",
     "policy-service-unreachable", "127.0.0.1:10023"},
    {"Mar  4 16:20:01 mx postfix/smtpd[6001]: warning: premature end-of-input on private/anvil while reading input attribute name",
     "internal-service-unreachable", "private/anvil"},
    {"Mar  4 16:00:01 mx postfix/smtpd[6301]: warning: restriction check_sender_access: bad argument \"/etc/postfix/sender_access\": need maptype:mapname",
     "server-configuration-problem", "check_sender_access"},
    {"Mar  4 16:10:01 mx postfix/smtpd[6401]: warning: restriction check_recipient_access returns OK for alice@example.org",
     "server-configuration-problem", "restriction returns OK"},
    {"Mar  4 16:10:01 mx postfix/smtpd[6401]: warning: use DUNNO instead of OK if you want to make an exception",
     "server-configuration-problem", "restriction returns OK"},
    {"Mar  4 16:20:01 mx postfix/smtpd[6501]: warning: restriction `reject_rbl_client' after `permit' is ignored",
     "config-setting-ignored", "restriction never reached"},
    {"Mar  4 16:30:01 mx postfix/postfix-script[6601]: fatal: the Postfix mail system is already running",
     "benign-notice", "already running"},
    /* a remote server's own lookup failure stays the remote's */
    {"Mar  4 16:00:02 mx postfix/smtp[2201]: 5B6C7D8E9F: to=<carol@example.com>, relay=mx.example.com[203.0.113.25]:25, delay=1, delays=0.1/0/0.4/0.5, dsn=4.3.0, status=deferred (host mx.example.com[203.0.113.25] said: 451 4.3.0 <carol@example.com>: Temporary lookup failure (in reply to RCPT TO command))",
     "outbound-remote-temporary", "mx.example.com"},
    {"Mar  4 16:50:01 mx postfix/master[880]: warning: /usr/lib/postfix/sbin/smtpd: fork: Resource temporarily unavailable -- throttling",
     "host-fork-failed", "fork: Resource temporarily unavailable"},
    /* the same throttling for another errno stays master's */
    {"Mar  4 16:50:02 mx postfix/master[880]: warning: master_spawn: fork: Operation not permitted -- throttling",
     "daemon-throttled", ""},
    {"Mar  4 17:01:02 mx postfix/submission/smtpd[6901]: warning: SASL authentication problem: unknown password verifier",
     "sasl-backend-unreachable", "Cyrus SASL pwcheck_method"},
    /* a remote server's blocklist answering with an error code: the
     * remote's resolver, not a listing of this server (threads20P) */
    {"Mar  4 17:10:01 mx postfix/smtp[7001]: 6A7B8C9D0E: to=<list@lists.example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host mx.example.net[198.51.100.25] said: 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; Error: open resolver; https://check.spamhaus.org/returnc/pub/203.0.113.53/ (in reply to RCPT TO command))",
     "outbound-remote-dnsbl-error", "mx.example.net"},
    {"Mar  4 17:10:02 mx postfix/smtp[7002]: 6A7B8C9D0F: to=<bob@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host mx.example.net[198.51.100.25] said: 554 5.7.1 Service unavailable; Helo command [mail.example.org] blocked using dbl.spamhaus.org; Error: excessive number of queries; https://check.spamhaus.org/returnc/vol/203.0.113.53/ (in reply to RCPT TO command))",
     "outbound-remote-dnsbl-error", "mx.example.net"},
    /* look-alike: a real listing stays this server's blocklisting */
    {"Mar  4 17:10:03 mx postfix/smtp[7003]: 6A7B8C9D1A: to=<bob@example.net>, relay=mx.example.net[198.51.100.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.7.1, status=bounced (host mx.example.net[198.51.100.25] said: 554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10 (in reply to RCPT TO command))",
     "outbound-blocklisted", "mx.example.net"},
    /* dnsblog's lookup error is keyed by the list, as its reply timeout */
    {"Mar  4 17:20:01 mx postfix/dnsblog[7101]: warning: dnsblog_query: lookup error for DNS query 10.2.0.192.zen.spamhaus.org: Host or domain name not found. Name service error for name=10.2.0.192.zen.spamhaus.org type=A: Host not found, try again",
     "dnsbl-reply-timeout", "zen.spamhaus.org"},
    {"Mar  4 17:20:02 mx postfix/postscreen[7100]: warning: dnsblog reply timeout 10s for zen.spamhaus.org",
     "dnsbl-reply-timeout", "zen.spamhaus.org"},
    {"warning: dnsblog_query: lookup error for DNS query 186.206.138.*.b.barracudacentral.org: Host or domain name not found. Name service error for name=186.206.138.*.b.barracudacentral.org type=A: Host not found, try again",
     "dnsbl-reply-timeout", "b.barracudacentral.org"},
    /* "Malformed or unexpected name server reply": an answer came, its data was broken */
    {"Mar  4 17:30:01 mx postfix/smtp[7201]: 7B8C9D0E1F: to=<ana@example.net>, relay=none, delay=5, delays=0.1/0/5/0, dsn=4.4.3, status=deferred (Name service error for name=example.net type=MX: Malformed or unexpected name server reply)",
     "destination-dns-malformed", "example.net"},
    /* a mailbox provider's domain is never malformed: the reply was
     * mangled on its way here (this host's resolver) */
    {"Mar  4 17:30:01 mx postfix/smtp[7203]: 7B8C9D0E1B: to=<ana@gmail.com>, relay=none, delay=5, delays=0.1/0/5/0, dsn=4.4.3, status=deferred (Name service error for name=gmail.com type=MX: Malformed or unexpected name server reply)",
     "outbound-dns-failure", ""},
    /* look-alike: a lookup that times out stays this host's resolver */
    {"Mar  4 17:30:02 mx postfix/smtp[7202]: 7B8C9D0E2A: to=<ana@example.net>, relay=none, delay=5, delays=0.1/0/5/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.net type=MX: Host not found, try again)",
     "outbound-dns-failure", ""},
    /* the aliases database (newaliases), not a table postmap builds */
    {"Mar  5 09:00:02 mx postfix/local[7103]: warning: hash:/etc/aliases is unavailable. open database /etc/aliases.db: No such file or directory",
     "alias-database-missing", "/etc/aliases"},
    {"Mar  5 09:00:02 mx postfix/local[7103]: warning: hash:/etc/postfix/aliases: lookup of 'root' failed",
     "alias-database-missing", "/etc/postfix/aliases"},
    {"Mar  5 09:00:01 mx postfix/smtpd[7101]: error: open database /etc/aliases.db: No such file or directory",
     "alias-database-missing", "/etc/aliases"},
    {"Mar  5 09:00:02 mx postfix/local[7103]: 3A1B2C3D4E: to=<alice@mx.example.org>, relay=local, delay=0.3, delays=0.2/0.01/0/0.09, dsn=4.3.0, status=deferred (alias database unavailable)",
     "alias-database-missing", "local"},
    {"Mar  5 10:00:01 mx postfix/smtpd[7201]: warning: hash:/etc/postfix/virtual_aliases is unavailable. open database /etc/postfix/virtual_aliases.db: No such file or directory",
     "lookup-table-missing", "/etc/postfix/virtual_aliases"},
    /* a mailbox local(8) or virtual(8) may not write */
    {"Mar  6 08:00:01 mx postfix/local[8003]: 5C3D4E5F6A: to=<amavis@mx.example.org>, orig_to=<amavis>, relay=local, delay=0.04, delays=0.02/0.01/0/0.01, dsn=4.2.0, status=deferred (cannot update mailbox /var/mail/amavis for user amavis. destination /var/mail/amavis is not owned by recipient)",
     "mailbox-permissions-wrong", "/var/mail/amavis"},
    {"Mar  6 08:00:01 mx postfix/local[8003]: warning: specify \"strict_mailbox_ownership = no\" to ignore mailbox ownership mismatch",
     "mailbox-permissions-wrong", "local"},
    {"Mar  6 08:10:02 mx postfix/local[8013]: 6D4E5F6A7B: to=<bob@mx.example.org>, relay=local, delay=0.2, delays=0.1/0.01/0/0.09, dsn=4.2.0, status=deferred (cannot update mailbox /var/mail/bob for user bob. unable to create lock file /var/mail/bob.lock: Permission denied)",
     "mailbox-permissions-wrong", "/var/mail/bob"},
    {"Mar  6 08:10:03 mx postfix/virtual[8014]: 6D4E5F6A7B: to=<carol@example.org>, relay=virtual, delay=0.3, delays=0.1/0.01/0/0.19, dsn=4.2.0, status=deferred (maildir delivery failed: create maildir file /var/vmail/example.org/carol/tmp/1772784603.P8014.mx: Permission denied)",
     "mailbox-permissions-wrong", "virtual"},
    /* a full file system of this host, whoever writes; a remote's own
     * full disk stays the remote's, a permission stays a queue problem */
    {"Mar  7 03:00:01 mx postfix/postdrop[9101]: warning: mail_queue_enter: create file maildrop/482910.9101: No space left on device",
     "disk-full", "No space left on device"},
    {"Mar  7 03:02:11 mx postfix/cleanup[9112]: warning: 9A7B8C9DAE: write queue file: No space left on device",
     "disk-full", "No space left on device"},
    {"Mar  7 03:04:20 mx postfix/local[9121]: 0B8C9DAEBF: to=<frank@mx.example.org>, relay=local, delay=3600, delays=3600/0.01/0/0.02, dsn=4.3.0, status=deferred (cannot update mailbox /var/mail/frank for user frank. error writing message: No space left on device)",
     "disk-full", "No space left on device"},
    {"Mar  7 03:02:11 mx postfix/smtpd[9111]: warning: 9A7B8C9DAE: queue file write error",
     "queue-file-problem", "queue file write error"},
    {"Mar  7 04:00:01 mx postfix/postdrop[9201]: warning: mail_queue_enter: create file maildrop/591023.9201: Permission denied",
     "local-submission-blocked", "Permission denied"},
    {"Mar  7 04:05:01 mx postfix/smtp[9211]: 1C9DAEBFC0: to=<gina@example.com>, relay=mx.example.com[203.0.113.25]:25, delay=1.2, delays=0.1/0/0.4/0.7, dsn=4.3.0, status=deferred (host mx.example.com[203.0.113.25] said: 451 4.3.0 Error: queue file write error: No space left on device (in reply to end of DATA command))",
     "outbound-remote-temporary", "mx.example.com"},
    /* Dovecot's LDA's own "Permission denied", a lock that exists */
    {"Mar  6 09:00:01 mx postfix/local[8103]: 7E5F6A7B8C: to=<root@mx.example.org>, orig_to=<root>, relay=local, delay=0.2, delays=0.1/0.01/0/0.09, dsn=4.3.0, status=deferred (temporary failure. Command output: lda(root): Error: net_connect_unix(/run/dovecot/stats-writer) failed: Permission denied )",
     "dovecot-lda-permission-denied", "local"},
    {"Mar  6 09:05:02 mx postfix/local[8104]: 8F6A7B8C9D: to=<erin@mx.example.org>, relay=local, delay=1, delays=0.1/0.01/0/0.9, dsn=4.2.0, status=deferred (cannot update mailbox /var/mail/erin for user erin. unable to create lock file /var/mail/erin.lock: File exists)",
     "mailbox-delivery-failed", "local"},
};

TEST(diagnose_families2_rules)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct event *ev = progs_line(cases[i].line);
		struct diag_hit hit;
		if (!diag_classify(ev, &hit)) {
			test_fail(__FILE__, __LINE__, "case %zu: got no finding, want %s", i, cases[i].finding);
			continue;
		}
		if (strcmp(finding_id(hit.id), cases[i].finding) || strcmp(hit.key, cases[i].key))
			test_fail(__FILE__, __LINE__, "case %zu: got %s [%s], want %s [%s]", i,
				  finding_id(hit.id), hit.key, cases[i].finding, cases[i].key);
	}
}

/* diag_dnsbl_zone: the list of a blocklist query, the reversed address left off */
TEST(diagnose_dnsbl_zone)
{
	static const struct {
		const char *query, *zone;
	} z[] = {
	    {"155.144.143.198.zen.spamhaus.org", "zen.spamhaus.org"},
	    {"2.0.0.127.b.barracudacentral.org", "b.barracudacentral.org"},
	    {"186.206.138.*.zen.spamhaus.org", "zen.spamhaus.org"},
	    {"xx.xx.xx.xx.bl.spamcop.net", "bl.spamcop.net"},
	    {"1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.spamhaus.org", "zen.spamhaus.org"},
	    {"1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.b.barracudacentral.org",
	     "b.barracudacentral.org"},
	    /* no address before it: the name as it is */
	    {"example.com.dbl.spamhaus.org", "example.com.dbl.spamhaus.org"},
	    {"zen.spamhaus.org", "zen.spamhaus.org"},
	    {"1.2.3", "1.2.3"},
	    {"", ""},
	};
	for (size_t i = 0; i < sizeof z / sizeof z[0]; i++) {
		struct span got = diag_dnsbl_zone(span_of(z[i].query));
		if (got.n != strlen(z[i].zone) || (got.n && memcmp(got.p, z[i].zone, got.n)))
			test_fail(__FILE__, __LINE__, "case %zu: got %.*s, want %s", i, (int)got.n,
				  got.p ? got.p : "", z[i].zone);
	}
}

/* an LMTP next hop whose name does not resolve here (a container's
 * service name): the next step says so, not only "start Dovecot" */
TEST(diagnose_lmtp_down_names_the_host)
{
	const struct event *ev = progs_line("Mar  9 15:00:02 mail postfix/lmtp[6003]: 8A9B0C1D2E: to=<alice@example.org>, relay=none, delay=0.05, delays=0.03/0.01/0.01/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=dovecot type=AAAA: Host not found, try again)");
	struct diag_hit hit;
	if (!diag_classify(ev, &hit))
		test_fail(__FILE__, __LINE__, "no finding");
	else if (strcmp(finding_id(hit.id), "mailbox-delivery-unreachable"))
		test_fail(__FILE__, __LINE__, "got %s", finding_id(hit.id));
	const char *fix = finding_prose_en(F_LMTP_DOWN)->fix;
	if (!fix || !strstr(fix, "Host not found") || !strstr(fix, "getent hosts"))
		test_fail(__FILE__, __LINE__, "the next step does not speak of the host name");
}

/*
 * test_summary.c - the traffic summary on small sets of whole log lines
 * (syslog_parse -> parse_line -> summary_event), and pflogsumm's textual
 * rules on their own.
 *
 * Every expected figure was checked against Debian's pflogsumm 1.1.5 run
 * on the same lines (the comment above each set says what pflogsumm
 * printed), except where a test shows one of pflogsumm's mistakes
 * (docs/summary.md): there the comment gives pflogsumm's figure and the
 * test wants the right one.  Lines come from the corpus (Postfix 3.7.11)
 * or are built from Postfix's format strings.
 */
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include "analyze/summary.h"
#include "summary_feed.h"
#include "parse/event.h"
#include "report/summary_json.h"
#include "syslog/prefix.h"


/* row - the row of key in t, or NULL */
static const struct srow *row(const struct stab *t, const char *key)
{
	if (!t)
		return NULL;
	for (size_t i = 0; i < t->n; i++)
		if (span_eqs(span_make(t->rows[i].key, t->rows[i].klen), key))
			return &t->rows[i];
	return NULL;
}

/* near - equal within a millionth */
static bool near(double a, double b)
{
	return a - b < 1e-6 && b - a < 1e-6;
}

/* leaf - t{a}{b}{c} (c may be NULL for two levels), its count or -1 */
static long long leaf(const struct stab *t, const char *a, const char *b, const char *c)
{
	const struct srow *r = row(t, a);
	if (!r || !(r = row(r->sub, b)))
		return -1;
	if (c && !(r = row(r->sub, c)))
		return -1;
	return (long long)r->count;
}

/* a bit of everything pflogsumm counts, checked against pflogsumm 1.1.5 */
static const char *const mixed[] = {
    "Nov 22 11:32:05 mx1 postfix/smtpd[100]: connect from mail.partner-a.test[192.0.2.10]",
    "Nov 22 11:32:05 mx1 postfix/smtpd[100]: 1A2B3C4D5E: client=mail.partner-a.test[192.0.2.10]",
    "Nov 22 11:32:05 mx1 postfix/cleanup[101]: 1A2B3C4D5E: message-id=<a1@partner-a.test>",
    "Nov 22 11:32:05 mx1 postfix/qmgr[102]: 1A2B3C4D5E: from=<Reports@Partner-A.test>, size=1500, "
    "nrcpt=2 (queue active)",
    "Nov 22 11:32:05 mx1 postfix/local[103]: 1A2B3C4D5E: to=<dave@example.test>, relay=local, "
    "delay=0.12, delays=0.05/0.01/0/0.06, dsn=2.0.0, status=sent (delivered to mailbox)",
    "Nov 22 11:32:06 mx1 postfix/local[103]: 1A2B3C4D5E: to=<bob@example.test>, relay=local, "
    "delay=0.2, delays=0.05/0.01/0/0.14, dsn=2.0.0, status=sent (forwarded as 2B3C4D5E6F)",
    "Nov 22 11:32:06 mx1 postfix/qmgr[102]: 1A2B3C4D5E: removed",
    "Nov 22 11:32:06 mx1 postfix/smtpd[100]: disconnect from mail.partner-a.test[192.0.2.10] ehlo=1 "
    "mail=1 rcpt=2 data=1 quit=1 commands=6",
    "Nov 22 11:33:00 mx1 postfix/pickup[104]: 3C4D5E6F70: uid=0 from=<root>",
    "Nov 22 11:33:00 mx1 postfix/cleanup[101]: 3C4D5E6F70: message-id=<b2@mx1.example.test>",
    "Nov 22 11:33:00 mx1 postfix/qmgr[102]: 3C4D5E6F70: from=<root@example.test>, size=700, nrcpt=1 "
    "(queue active)",
    "Nov 22 11:33:01 mx1 postfix/smtp[105]: 3C4D5E6F70: to=<x@remote.example.com>, "
    "relay=mx.remote.example.com[198.51.100.7]:25, delay=1.2, delays=0.1/0.02/0.5/0.58, dsn=4.2.0, "
    "status=deferred (host mx.remote.example.com[198.51.100.7] said: 450 4.2.0 "
    "<x@remote.example.com>: Recipient address rejected: Greylisted (in reply to RCPT TO command))",
    "Nov 22 11:34:00 mx1 postfix/smtpd[107]: NOQUEUE: reject: RCPT from unknown[203.0.113.5]: 554 "
    "5.7.1 <victim@elsewhere.test>: Relay access denied; from=<spam@bad.test> "
    "to=<victim@elsewhere.test> proto=ESMTP helo=<bad.test>",
    "Nov 22 11:34:01 mx1 postfix/smtpd[107]: NOQUEUE: reject_warning: RCPT from unknown[203.0.113.5]: "
    "450 4.7.1 Client host rejected: cannot find your hostname, [203.0.113.5]; from=<spam@bad.test> "
    "to=<dave@example.test> proto=ESMTP helo=<bad.test>",
    "Nov 22 11:34:02 mx1 postfix/cleanup[101]: 5E6F708192: reject: header Subject: You won from "
    "unknown[203.0.113.5]; from=<spam@bad.test> to=<dave@example.test> proto=ESMTP helo=<bad.test>: "
    "5.7.1 Spam",
    "Nov 22 11:34:03 mx1 postfix/cleanup[101]: 6F708192A3: hold: header X-Hold: yes from "
    "unknown[203.0.113.5]; from=<a@b.test> to=<dave@example.test> proto=ESMTP helo=<b.test>",
    "Nov 22 11:34:04 mx1 postfix/smtpd[108]: 708192A3B4: discard: RCPT from unknown[203.0.113.6]: "
    "<c@d.test>: Sender address triggers DISCARD action; from=<c@d.test> to=<dave@example.test> "
    "proto=ESMTP helo=<d.test>",
    "Nov 22 11:34:05 mx1 postfix/postscreen[109]: NOQUEUE: reject: RCPT from [198.51.100.9]:51234: "
    "550 5.7.1 Service unavailable; client [198.51.100.9] blocked using zen.spamhaus.org; "
    "from=<x@y.test>, to=<dave@example.test>, proto=ESMTP, helo=<y.test>",
    "Nov 22 11:34:06 mx1 postfix/smtpd[107]: warning: unknown[203.0.113.5]: SASL LOGIN "
    "authentication failed: UGFzc3dvcmQ6, sasl_username=admin",
    "Nov 22 11:34:07 mx1 postfix/master[1]: daemon started -- version 3.7.11, configuration "
    "/etc/postfix",
    "Nov 22 11:34:08 mx1 postfix/smtp[105]: connect to mx.gone.test[192.0.2.99]:25: Connection "
    "refused",
    "Nov 22 11:35:00 mx1 postfix/submission/smtpd[110]: 8192A3B4C5: client=unknown[192.0.2.50], "
    "sasl_method=PLAIN, sasl_username=alice",
    "Nov 22 11:35:00 mx1 postfix/qmgr[102]: 8192A3B4C5: from=<alice@example.test>, size=2000, "
    "nrcpt=1 (queue active)",
    "Nov 22 11:35:01 mx1 postfix/smtp[105]: 8192A3B4C5: to=<z@remote.example.com>, "
    "relay=mx.remote.example.com[198.51.100.7]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, "
    "status=sent (250 2.0.0 Ok: queued as ABC)",
    "Nov 22 11:35:01 mx1 postfix/qmgr[102]: 8192A3B4C5: removed",
    "Nov 22 11:43:00 mx1 postfix/qmgr[102]: 3C4D5E6F70: from=<root@example.test>, size=700, nrcpt=1 "
    "(queue active)",
    "Nov 22 11:43:01 mx1 postfix/smtp[105]: 3C4D5E6F70: to=<x@remote.example.com>, "
    "relay=mx.remote.example.com[198.51.100.7]:25, delay=601, delays=600/0.02/0.5/0.4, dsn=5.1.1, "
    "status=bounced (host mx.remote.example.com[198.51.100.7] said: 550 5.1.1 "
    "<x@remote.example.com>: User unknown (in reply to RCPT TO command))",
    "Nov 22 11:43:01 mx1 postfix/bounce[106]: 3C4D5E6F70: sender non-delivery notification: "
    "4D5E6F7081",
    "Nov 22 11:43:01 mx1 postfix/qmgr[102]: 3C4D5E6F70: removed",
    NULL,
};

/* pflogsumm: 3 received, 2 delivered, 1 forwarded, 1 deferred (1
 * deferrals), 1 bounced, 3 rejected (50%), 1 reject warnings, 1 held,
 * 1 discarded (16%), 4200 / 3500 bytes, 3 senders, 2 sending domains,
 * 2 recipients, 2 recipient domains */
TEST(summary_totals_as_pflogsumm)
{
	struct summary *s = feed(mixed);
	CHECK_INT(s->received, 3);
	CHECK_INT(s->delivered, 2);
	CHECK_INT(s->forwarded, 1);
	CHECK_INT(s->deferred, 1);
	CHECK_INT(s->deferrals, 1);
	CHECK_INT(s->bounced, 1);
	CHECK_INT(s->rejected, 3);
	CHECK_INT(summary_pct(s->rejected, s->delivered, s->rejected, s->discarded), 50);
	CHECK_INT(s->reject_warnings, 1);
	CHECK_INT(s->held, 1);
	CHECK_INT(s->discarded, 1);
	CHECK_INT(summary_pct(s->discarded, s->delivered, s->rejected, s->discarded), 16);
	CHECK_INT(s->bytes_received, 4200);
	CHECK_INT(s->bytes_delivered, 3500);
	CHECK_INT(s->senders.n, 3);
	CHECK_INT(s->sending_domains.n, 2);
	CHECK_INT(s->recipients.n, 2);
	CHECK_INT(s->recipient_domains_sent, 2);
	/* per hour: everything at 11h; the rejects column counts all five kinds */
	CHECK_INT(s->hour[11][SD_RCVD], 3);
	CHECK_INT(s->hour[11][SD_DLVD], 2);
	CHECK_INT(s->hour[11][SD_DFRD], 1);
	CHECK_INT(s->hour[11][SD_BNCD], 1);
	CHECK_INT(s->hour[11][SD_REJ], 6);
	CHECK_INT(summary_days_seen(s), 1);
	summary_free(s);
}

/* pflogsumm's host/domain and sender tables for the same lines */
TEST(summary_domains_and_users_as_pflogsumm)
{
	struct summary *s = feed(mixed);
	const struct srow *r = row(&s->recipient_domains, "remote.example.com");
	CHECK(r != NULL);
	if (r) {
		/* "1 2000 1 0.5 s 1.2 s remote.example.com": the deferral sets the max */
		CHECK_INT(r->count, 1);
		CHECK_INT(r->bytes, 2000);
		CHECK_INT(r->defers, 1);
		CHECK(near(r->dly_sum, 0.5));
		CHECK(near(r->dly_max, 1.2));
	}
	r = row(&s->recipient_domains, "example.test");
	CHECK(r && r->count == 1 && r->bytes == 1500 && r->defers == 0);
	/* received: example.test 2 / 2700 (root via pickup, alice), partner-a.test 1 / 1500 */
	r = row(&s->sending_domains, "example.test");
	CHECK(r && r->count == 2 && r->bytes == 2700);
	r = row(&s->sending_domains, "partner-a.test");
	CHECK(r && r->count == 1 && r->bytes == 1500);
	/* the domain is lower-cased, the local part is not */
	CHECK(row(&s->senders, "Reports@partner-a.test") != NULL);
	CHECK(row(&s->recipients, "bob@example.test") == NULL); /* forwarded, not delivered */
	summary_free(s);
}

/* pflogsumm's problem details for the same lines, key by key */
TEST(summary_details_as_pflogsumm)
{
	struct summary *s = feed(mixed);
	CHECK_INT(leaf(&s->deferral, "smtp", "Greylisted (in reply to RCPT TO command", NULL), 1);
	CHECK_INT(leaf(&s->bounce, "mx.remote.example.com[198.51.100.7]:25",
		       "User unknown (in reply to RCPT TO command)", NULL), 1);
	CHECK_INT(leaf(&s->rejects, "RCPT", "Relay access denied", "203.0.113.5"), 1);
	CHECK_INT(leaf(&s->rejects, "RCPT", "blocked using zen.spamhaus.org", "198.51.100.9"), 1);
	CHECK_INT(leaf(&s->rejects, "cleanup", "header", "Subject: You won"), 1);
	CHECK_INT(leaf(&s->warns, "RCPT", "cannot find your hostname", "203.0.113.5"), 1);
	CHECK_INT(leaf(&s->holds, "cleanup", "header", "X-Hold: yes"), 1);
	CHECK_INT(leaf(&s->discards, "RCPT", "Sender address triggers DISCARD action",
		       "203.0.113.6"), 1);
	CHECK_INT(leaf(&s->warnings, "smtpd",
		       "unknown[203.0.113.5]: SASL LOGIN authentication failed: UGFzc3d...", NULL), 1);
	const struct srow *r = row(&s->master, "daemon started -- version 3.7.11, configuration "
					       "/etc/postfix");
	CHECK(r && r->count == 1);
	/* pflogsumm lists no smtp failure here (its patterns predate Postfix 2.3) */
	CHECK_INT(leaf(&s->smtp_fail, "connection refused", "mx.gone.test", NULL), 1);
	summary_free(s);
}

/* beyond pflogsumm: accounts, restrictions, delays, outliers */
TEST(summary_beyond_pflogsumm)
{
	struct summary *s = feed(mixed);
	const struct srow *r = row(&s->accounts, "alice");
	CHECK(r && r->count == 1 && r->bytes == 2000 && r->sent == 1);
	r = row(&s->accounts, "admin");
	CHECK(r && r->authfail == 1 && r->count == 0);
	r = row(&s->by_restriction, "reject_unauth_destination");
	CHECK(r && r->count == 1);
	r = row(&s->by_restriction, "postscreen_dnsbl_sites (postscreen_dnsbl_action)");
	CHECK(r && r->count == 1);
	r = row(&s->by_reason, "554 5.7.1 Relay access denied");
	CHECK(r && r->count == 1);
	/* delays of the two delivered recipients: 0.12 and 0.5 */
	CHECK_INT(s->dly_total.n, 2);
	CHECK(near(summary_percentile(&s->dly_total, 0.5), 0.12));
	CHECK(near(s->dly_total.max, 0.5));
	CHECK(near(s->dly_part[0].max, 0.1));
	/* the bounced message waited 601 s, and comes first */
	CHECK_INT(s->noutliers, 3);
	CHECK_STR(s->outliers[0].qid, "3C4D5E6F70");
	CHECK(near(s->outliers[0].delay, 601));
	CHECK_INT(summary_open_messages(s), 0);
	summary_free(s);
}

/* the JSON starts with the grand totals, fixed names, fixed order */
TEST(summary_json_totals_first)
{
	struct summary *s = feed(mixed);
	struct buf b = {0};
	summary_json(s, &b);
	buf_putc(&b, '\0');
	const char *want = "\"totals\":{\"received\":3,\"delivered\":2,\"forwarded\":1,\"deferred\":1,"
			   "\"bounced\":1,\"rejected\":3,\"reject_warnings\":1,\"held\":1,"
			   "\"discarded\":1,\"bytes_received\":4200,\"bytes_delivered\":3500,"
			   "\"senders\":3,\"sending_hosts\":2,\"recipients\":2,\"recipient_hosts\":2}";
	CHECK(strncmp(b.p, want, strlen(want)) == 0);
	CHECK(strstr(b.p, "\"window\":{\"postfix_lines\":29,\"days\":1,") != NULL);
	CHECK(b.p[b.n - 2] == '}');
	buf_free(&b);
	summary_free(s);
}

/* the text's grand totals are pflogsumm's lines, character for character */
TEST(summary_text_grand_totals_layout)
{
	struct summary *s = feed(mixed);
	struct buf b = {0};
	summary_text(s, &b, false);
	buf_putc(&b, '\0');
	const char *want = "\nGrand Totals\n------------\nmessages\n\n"
			   "      3   received\n"
			   "      2   delivered\n"
			   "      1   forwarded\n"
			   "      1   deferred  (1  deferrals)\n"
			   "      1   bounced\n"
			   "      3   rejected (50%)\n"
			   "      1   reject warnings\n"
			   "      1   held\n"
			   "      1   discarded (16%)\n\n"
			   "   4200   bytes received\n"
			   "   3500   bytes delivered\n"
			   "      3   senders\n"
			   "      2   sending hosts/domains\n"
			   "      2   recipients\n"
			   "      2   recipient hosts/domains\n";
	CHECK(strstr(b.p, want) != NULL);
	CHECK(strstr(b.p, "\033") == NULL);
	CHECK(strstr(b.p, "    1100-1200           3          2          1          1          6 \n"));
	buf_free(&b);
	summary_text(s, &b, true);
	buf_putc(&b, '\0');
	CHECK(strstr(b.p, "\033[1mGrand Totals\033[0m") != NULL);
	buf_free(&b);
	summary_free(s);
}

/* pflogsumm mistake 2: a queue ID used again after "removed" is a new
 * message.  pflogsumm keeps sizes and "deferred" flags per queue ID for
 * ever: it printed 1 deferred, 100 bytes received, 200 delivered,
 * 1 sender */
TEST(summary_queue_id_reused)
{
	static const char *const lines[] = {
	    "Nov 22 10:00:00 mx1 postfix/pickup[11]: 0A1B2C3D4E: uid=0 from=<root>",
	    "Nov 22 10:00:00 mx1 postfix/qmgr[12]: 0A1B2C3D4E: from=<root@example.test>, size=100, "
	    "nrcpt=1 (queue active)",
	    "Nov 22 10:00:01 mx1 postfix/smtp[13]: 0A1B2C3D4E: to=<a@x.test>, relay=none, delay=1, "
	    "delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to x.test[192.0.2.1]:25: Connection "
	    "refused)",
	    "Nov 22 10:10:01 mx1 postfix/qmgr[12]: 0A1B2C3D4E: from=<root@example.test>, size=100, "
	    "nrcpt=1 (queue active)",
	    "Nov 22 10:10:01 mx1 postfix/smtp[13]: 0A1B2C3D4E: to=<a@x.test>, "
	    "relay=x.test[192.0.2.1]:25, delay=601, delays=600/0/0.5/0.5, dsn=2.0.0, status=sent "
	    "(250 2.0.0 Ok)",
	    "Nov 22 10:10:01 mx1 postfix/qmgr[12]: 0A1B2C3D4E: removed",
	    "Nov 22 12:00:00 mx1 postfix/pickup[11]: 0A1B2C3D4E: uid=1000 from=<bob>",
	    "Nov 22 12:00:00 mx1 postfix/qmgr[12]: 0A1B2C3D4E: from=<bob@example.test>, size=5000, "
	    "nrcpt=1 (queue active)",
	    "Nov 22 12:00:01 mx1 postfix/smtp[13]: 0A1B2C3D4E: to=<b@y.test>, relay=none, delay=1, "
	    "delays=0/0/1/0, dsn=4.4.1, status=deferred (connect to y.test[192.0.2.2]:25: Connection "
	    "refused)",
	    "Nov 22 12:10:01 mx1 postfix/smtp[13]: 0A1B2C3D4E: to=<b@y.test>, "
	    "relay=y.test[192.0.2.2]:25, delay=601, delays=600/0/0.5/0.5, dsn=2.0.0, status=sent "
	    "(250 2.0.0 Ok)",
	    "Nov 22 12:10:01 mx1 postfix/qmgr[12]: 0A1B2C3D4E: removed",
	    NULL,
	};
	struct summary *s = feed(lines);
	CHECK_INT(s->received, 2);
	CHECK_INT(s->deferred, 2);
	CHECK_INT(s->deferrals, 2);
	CHECK_INT(s->bytes_received, 5100);
	CHECK_INT(s->bytes_delivered, 5100);
	CHECK_INT(s->senders.n, 2);
	CHECK_INT(s->nq, 0);
	summary_free(s);
}

/* pflogsumm mistake 3: smtpd's milter-reject is a reject too (pflogsumm
 * counted cleanup's END-OF-MESSAGE one only: "1 rejected") */
TEST(summary_smtpd_milter_reject)
{
	static const char *const lines[] = {
	    "Nov 22 10:00:00 mx1 postfix/smtpd[20]: NOQUEUE: milter-reject: RCPT from "
	    "unknown[203.0.113.7]: 550 5.7.1 Command rejected; from=<a@spam.test> "
	    "to=<dave@example.test> proto=ESMTP helo=<spam.test>",
	    "Nov 22 10:00:01 mx1 postfix/cleanup[21]: 1B2C3D4E5F: milter-reject: END-OF-MESSAGE from "
	    "unknown[203.0.113.8]: 5.7.1 Spam message rejected; from=<b@spam.test> "
	    "to=<dave@example.test> proto=ESMTP helo=<spam.test>",
	    NULL,
	};
	struct summary *s = feed(lines);
	CHECK_INT(s->rejected, 2);
	CHECK_INT(s->milter_rejects, 1);
	CHECK_INT(leaf(&s->rejects, "cleanup", "END-OF-MESSAGE",
		       "from unknown[203.0.113.8]: 5.7.1 Spam message rejected"), 1);
	summary_free(s);
}

/* pflogsumm mistakes 1 and 4: smtpd of another master.cf service, and a
 * second instance's lines (pflogsumm saw nothing in either) */
TEST(summary_services_and_instances)
{
	static const char *const lines[] = {
	    "Nov 22 10:00:00 mx1 postfix/10025/smtpd[40]: 5F60718293: client=localhost[127.0.0.1]",
	    "Nov 22 10:00:00 mx1 postfix-out/pickup[30]: 2C3D4E5F60: uid=0 from=<root>",
	    "Nov 22 10:00:00 mx1 postfix-out/qmgr[31]: 2C3D4E5F60: from=<root@example.test>, size=300, "
	    "nrcpt=1 (queue active)",
	    "Nov 22 10:00:01 mx1 postfix-out/smtp[32]: 2C3D4E5F60: to=<a@x.test>, "
	    "relay=x.test[192.0.2.1]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent "
	    "(250 2.0.0 Ok)",
	    "Nov 22 10:00:01 mx1 postfix-out/qmgr[31]: 2C3D4E5F60: removed",
	    NULL,
	};
	struct summary *s = feed(lines);
	CHECK_INT(s->received, 2);
	CHECK_INT(s->delivered, 1);
	CHECK_INT(s->bytes_delivered, 300);
	summary_free(s);
}

/* pflogsumm mistakes 5 and 6: Postfix 3.11's tls= field, and a quoted
 * local part holding '>' (pflogsumm: 0 delivered on each, and no size
 * for the quoted sender) */
TEST(summary_tls_field_and_quoted_address)
{
	static const char *const lines[] = {
	    "Nov 22 10:00:00 mx1 postfix/pickup[30]: 3D4E5F6071: uid=0 from=<root>",
	    "Nov 22 10:00:00 mx1 postfix/qmgr[31]: 3D4E5F6071: from=<root@example.test>, size=300, "
	    "nrcpt=1 (queue active)",
	    "Nov 22 10:00:01 mx1 postfix/smtp[32]: 3D4E5F6071: to=<a@x.test>, "
	    "relay=x.test[192.0.2.1]:25, delay=1, delays=0/0/0.5/0.5, tls=may/TLSv1.3, dsn=2.0.0, "
	    "status=sent (250 2.0.0 Ok)",
	    "Nov 22 10:00:02 mx1 postfix/pickup[30]: 4E5F607182: uid=0 from=<\"a>b\"@example.test>",
	    "Nov 22 10:00:02 mx1 postfix/qmgr[31]: 4E5F607182: from=<\"a>b\"@example.test>, size=400, "
	    "nrcpt=1 (queue active)",
	    "Nov 22 10:00:03 mx1 postfix/smtp[32]: 4E5F607182: to=<\"c>d\"@x.test>, "
	    "relay=x.test[192.0.2.1]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent "
	    "(250 2.0.0 Ok)",
	    NULL,
	};
	struct summary *s = feed(lines);
	CHECK_INT(s->delivered, 2);
	CHECK_INT(s->bytes_received, 700);
	CHECK_INT(s->bytes_delivered, 700);
	CHECK(row(&s->senders, "\"a>b\"@example.test") != NULL);
	CHECK(row(&s->recipients, "\"c>d\"@x.test") != NULL);
	CHECK_INT(summary_open_messages(s), 2);
	summary_free(s);
}

/* gimme_domain(): what pflogsumm calls a client's domain */
TEST(summary_gimme_domain)
{
	static const char *const cases[][2] = {
	    {"unknown[198.51.100.11]", "198.51.100.11"},
	    {"137.22.228.213.jfk.braze.com[137.22.228.213]", "braze.com"},
	    {"mail.partner-a.test[192.0.2.10]", "mail.partner-a.test"}, /* 4-letter TLD: kept */
	    {"Mail.Example.COM[192.0.2.3]", "example.com"},
	    {"mx.example.co.uk[192.0.2.1]", "example.co.uk"},
	    {"example.com[192.0.2.1]", "example.com"},
	    {"[198.51.100.9]:51234", "198.51.100.9"},
	    {"[240e:333:1d00::1]:5678", "240e:333:1d00::1"},
	    {"host6.example.org[2001:db8::1]", "example.org"},
	    {"old.host.example.net/192.0.2.4", "example.net"},
	    {"garbage", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = {0};
		sk_gimme_domain(span_of(cases[i][0]), &b);
		buf_putc(&b, '\0');
		CHECK_STR(b.p, cases[i][1]);
		buf_free(&b);
	}
}

/* said_string_trimmer() and the deferral reasons of the corpus as
 * pflogsumm printed them */
TEST(summary_said_trim)
{
	static const char *const cases[][3] = {
	    {"host mx.throttled.test[192.0.2.10] refused to talk to me: 421 4.7.0 mx.throttled.test "
	     "Too many concurrent SMTP connections from this IP; try again later",
	     "65", "421 4.7.0 mx.throttled.test Too many concurrent SMTP connectio..."},
	    {"connect to mx.oldcompany.test[198.51.100.213]:25: Connection refused", "65",
	     "25: Connection refused"},
	    {"host mx.corpnet.test[198.51.100.40] said: 552 5.2.2 <gsmith@corpnet.test>: Mailbox "
	     "full, quota exceeded (in reply to RCPT TO command)",
	     "66", "Mailbox full, quota exceeded (in reply to RCPT TO command)"},
	    {"short", "65", "short"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = {0};
		sk_said_trim(span_of(cases[i][0]), (size_t)atoi(cases[i][1]), &b);
		buf_putc(&b, '\0');
		CHECK_STR(b.p, cases[i][2]);
		buf_free(&b);
	}
}

/* proc_smtpd_reject(): reasons and keys as pflogsumm 1.1.5 grouped
 * these lines (from the corpus, the pixelpark log, Postfix's formats) */
TEST(summary_reject_detail)
{
	static const char *const cases[][3] = {
	    {"NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 550 5.1.1 <x@example.test>: "
	     "Recipient address rejected: User unknown in local recipient table; "
	     "from=<a@bot.invalid> to=<x@example.test> proto=ESMTP helo=<bot.invalid>",
	     "Recipient address rejected: User unknown in local recipient table", "x@example.test"},
	    {"NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 450 4.1.8 <sabrina@S510.gigasys>: "
	     "Sender address rejected: Domain not found; from=<sabrina@S510.gigasys> "
	     "to=<u@uhu-banane.net> proto=ESMTP helo=<S510>",
	     "Sender address rejected: Domain not found", "sabrina@S510.gigasys"},
	    {"NOQUEUE: reject: RCPT from 137.22.228.213.jfk.braze.com[137.22.228.213]: 554 5.7.1 "
	     "<137.22.228.213.jfk.braze.com>: Helo command rejected: need fully-qualified hostname; "
	     "from=<a@b.test> to=<c@d.test> proto=ESMTP helo=<x>",
	     "Helo command rejected: need fully-qualified hostname", "braze.com"},
	    {"NOQUEUE: reject: MAIL from unknown[192.0.2.2]: 552 5.3.4 Message size exceeds fixed "
	     "limit; proto=ESMTP helo=<x>",
	     "5.3.4 Message size exceeds fixed limit", "192.0.2.2"},
	    {"NOQUEUE: reject: CONNECT from unknown[192.0.2.3]: 554 5.7.1 <unknown[192.0.2.3]>: "
	     "Client host rejected: Access denied; proto=SMTP",
	     "Client host rejected: Access denied", "192.0.2.3"},
	    {"NOQUEUE: reject: RCPT from unknown[192.0.2.4]: 503 5.5.0 <a@b.test>: Improper use of "
	     "SMTP command pipelining; from=<a@b.test> to=<c@d.test> proto=SMTP",
	     "Improper use of SMTP command pipelining", "192.0.2.4"},
	    {"NOQUEUE: reject: DATA from unknown[192.0.2.5]: 550 5.5.3 <DATA>: Data command "
	     "rejected: Multi-recipient bounce; from=<> proto=ESMTP helo=<x>",
	     "Data command rejected: Multi-recipient bounce", "192.0.2.5"},
	    /* pflogsumm's own oddities, kept: the tail becomes the reason */
	    {"NOQUEUE: reject: VRFY from unknown[192.0.2.6]: 550 5.1.1 <bob>: Recipient address "
	     "rejected: User unknown in local recipient table; to=<bob> proto=SMTP",
	     "to=<bob> proto=SMTP", "192.0.2.6"},
	    {"NOQUEUE: reject: EHLO from unknown[192.0.2.7]: 504 5.5.2 <x>: Helo command rejected: "
	     "need fully-qualified hostname; proto=SMTP helo=<x>",
	     "proto=SMTP helo=<x>", "192.0.2.7"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct span t = span_of(cases[i][0]), type, from, rest;
		CHECK(sk_reject_parts(t, &type, &from, &rest));
		struct buf reason = {0}, key = {0};
		sk_reject_detail(t, type, from, rest, &reason, &key);
		buf_putc(&reason, '\0');
		buf_putc(&key, '\0');
		CHECK_STR(reason.p, cases[i][1]);
		CHECK_STR(key.p, cases[i][2]);
		buf_free(&reason);
		buf_free(&key);
	}
}

/* the caps hold: a flood of queue IDs that never leave keeps the table
 * at SUM_MAX_QIDS and counts the evictions; distinct warning texts stop
 * at SUM_MAX_DETAIL per program */
TEST(summary_caps)
{
	struct summary *s = summary_new();
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	char line[200];
	for (unsigned i = 0; i < SUM_MAX_QIDS + 5; i++) {
		snprintf(line, sizeof line,
			 "Nov 22 10:00:00 mx1 postfix/smtpd[1]: %010X: client=unknown[192.0.2.1]",
			 i + 0x100000);
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(line), &l))
			continue;
		parse_line(&l, &ev);
		summary_event(s, &ev);
	}
	CHECK_INT(s->received, SUM_MAX_QIDS + 5);
	CHECK_INT(s->nq, SUM_MAX_QIDS);
	CHECK_INT(s->dropped.qids, 5);
	for (unsigned i = 0; i < SUM_MAX_DETAIL + 3; i++) {
		snprintf(line, sizeof line, "Nov 22 10:00:00 mx1 postfix/smtpd[1]: warning: odd %u", i);
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(line), &l))
			continue;
		parse_line(&l, &ev);
		summary_event(s, &ev);
	}
	const struct srow *r = row(&s->warnings, "smtpd");
	CHECK(r && r->count == SUM_MAX_DETAIL + 3 && r->sub->n == SUM_MAX_DETAIL);
	CHECK_INT(s->dropped.detail, 3);
	summary_free(s);
}

/* the detail tables share one pool of rows: 21 reasons x 5000 clients
 * of nested reject detail stop at SUM_MAX_DETAIL_ROWS, the totals not */
TEST(summary_detail_pool)
{
	struct summary *s = summary_new();
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	char line[300];
	for (unsigned r = 0; r < 21; r++) {
		for (unsigned i = 0; i < SUM_MAX_DETAIL; i++) {
			snprintf(line, sizeof line,
				 "Nov 22 10:00:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from "
				 "unknown[10.%u.%u.%u]: 554 5.7.1 <a@b.test>: Client host rejected: "
				 "rule %u; from=<x@y.test> to=<a@b.test> proto=ESMTP helo=<h>",
				 r, i / 256, i % 256, r);
			struct logline l;
			struct event ev;
			if (!syslog_parse(&st, span_of(line), &l))
				continue;
			parse_line(&l, &ev);
			summary_event(s, &ev);
		}
	}
	CHECK_INT(s->rejected, 21 * SUM_MAX_DETAIL);
	const struct srow *r = row(&s->rejects, "RCPT");
	CHECK(r && r->count == 21 * SUM_MAX_DETAIL);
	CHECK_INT(s->detail_rows, SUM_MAX_DETAIL_ROWS);
	CHECK(s->dropped.detail > 5000);
	CHECK_INT(leaf(&s->rejects, "RCPT", "Client host rejected: rule 0", "10.0.0.0"), 1);
	summary_free(s);
}

/* hostile text reaches the terminal escaped, JSON escaped */
TEST(summary_hostile_text)
{
	static const char *const lines[] = {
	    "Nov 22 10:00:00 mx1 postfix/smtpd[1]: warning: \033]0;pwned\007 odd \"quote\"",
	    NULL,
	};
	struct summary *s = feed(lines);
	struct buf b = {0};
	summary_text(s, &b, false);
	buf_putc(&b, '\0');
	CHECK(strchr(b.p, '\033') == NULL);
	CHECK(strchr(b.p, '\007') == NULL);
	buf_free(&b);
	summary_json(s, &b);
	buf_putc(&b, '\0');
	CHECK(strchr(b.p, '\033') == NULL);
	CHECK(strstr(b.p, "\\\"quote\\\"") != NULL);
	buf_free(&b);
	summary_free(s);
}

/* percentiles are values seen, from the right bucket */
TEST(summary_percentiles)
{
	struct shist h;
	memset(&h, 0, sizeof h);
	CHECK(near(summary_percentile(&h, 0.5), 0));
	struct summary *s = summary_new();
	/* 0.01 x 90, 1.2 x 9, 300 x 1 via delivery lines */
	char line[300];
	struct syslog_state st;
	syslog_state_init(&st, 2026, 0);
	for (int i = 0; i < 100; i++) {
		const char *d = i < 90 ? "0.01" : i < 99 ? "1.2" : "300";
		snprintf(line, sizeof line,
			 "Nov 22 10:00:00 mx1 postfix/smtp[1]: 0A1B2C3D4E: to=<a@x.test>, "
			 "relay=x.test[192.0.2.1]:25, delay=%s, delays=0/0/0/%s, dsn=2.0.0, "
			 "status=sent (250 ok)", d, d);
		struct logline l;
		struct event ev;
		if (!syslog_parse(&st, span_of(line), &l))
			continue;
		parse_line(&l, &ev);
		summary_event(s, &ev);
	}
	CHECK_INT(s->dly_total.n, 100);
	CHECK(near(summary_percentile(&s->dly_total, 0.5), 0.01));
	CHECK(near(summary_percentile(&s->dly_total, 0.9), 0.01));
	CHECK(near(summary_percentile(&s->dly_total, 0.95), 1.2));
	CHECK(near(summary_percentile(&s->dly_total, 0.99), 1.2));
	CHECK(near(summary_percentile(&s->dly_total, 1.0), 300));
	CHECK(near(s->dly_part[3].max, 300) && near(s->dly_part[0].max, 0));
	summary_free(s);
}

/* the per-day rows are kept in date order as they are made, whatever the
 * order of the inputs, so that the writers only read them */
TEST(summary_days_in_date_order)
{
	static const char *const lines[] = {
	    "2026-11-25T10:00:00.000000+00:00 mx1 postfix/smtpd[100]: NOQUEUE: reject: RCPT from "
	    "unknown[203.0.113.5]: 554 5.7.1 <x@example.net>: Relay access denied; from=<a@b.test> "
	    "to=<x@example.net> proto=ESMTP helo=<h>",
	    "2026-11-20T10:00:00.000000+00:00 mx1 postfix/smtpd[101]: NOQUEUE: reject: RCPT from "
	    "unknown[203.0.113.5]: 554 5.7.1 <x@example.net>: Relay access denied; from=<a@b.test> "
	    "to=<x@example.net> proto=ESMTP helo=<h>",
	    "2026-11-22T10:00:00.000000+00:00 mx1 postfix/smtpd[102]: NOQUEUE: reject: RCPT from "
	    "unknown[203.0.113.5]: 554 5.7.1 <x@example.net>: Relay access denied; from=<a@b.test> "
	    "to=<x@example.net> proto=ESMTP helo=<h>",
	    "2026-11-20T11:00:00.000000+00:00 mx1 postfix/smtpd[103]: NOQUEUE: reject: RCPT from "
	    "unknown[203.0.113.5]: 554 5.7.1 <x@example.net>: Relay access denied; from=<a@b.test> "
	    "to=<x@example.net> proto=ESMTP helo=<h>",
	    NULL};
	struct summary *s = feed(lines);
	CHECK_INT(summary_days_seen(s), 3);
	if (s->ndays == 3) {
		CHECK(s->days[0].day < s->days[1].day && s->days[1].day < s->days[2].day);
		CHECK_INT(s->days[0].n[SD_REJ], 2);     /* the 20th, twice */
		CHECK_INT(s->days[1].n[SD_REJ], 1);
		CHECK_INT(s->days[2].n[SD_REJ], 1);
		CHECK_INT(s->days[2].day - s->days[0].day, 5);
	}
	summary_free(s);
}

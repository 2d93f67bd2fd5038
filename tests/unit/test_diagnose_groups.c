/*
 * test_diagnose_groups.c - the diagnosis over several lines: who a
 * finding's lines belong to (a user's full mailbox or the limit's, a
 * remote domain's DNS or ours, the own network), when enough evidence
 * makes a finding (port 25 blocked, harvesting, the resolver), and the
 * bounds on what is kept.
 */
#include "progs.h"
#include "diagnose/diagnose.h"
#include "parse/provider.h"
#include "util/cidr.h"

/* a short log and the finding it must give, and one it must not */
struct want_log {
	const char *const *lines; /* NULL-terminated */
	enum finding_id want, not;
};

/* want_logs - each log diagnosed alone: its finding, not the other */
static void want_logs(const struct want_log *logs, size_t n, int line)
{
	for (size_t i = 0; i < n; i++) {
		struct diag *d = diag_new();
		for (size_t j = 0; logs[i].lines[j]; j++)
			diag_event(d, progs_line(logs[i].lines[j]));
		diag_finish(d);
		if (!diag_has(d, logs[i].want) || diag_has(d, logs[i].not))
			test_fail(__FILE__, line, "log %zu: want %s, not %s", i, finding_id(logs[i].want),
				  finding_id(logs[i].not));
		diag_free(d);
	}
}

/* one full mailbox is its user's (benign); full mailboxes for several
 * recipients and not one delivery into this host's mailboxes is the
 * limit's (configuration); one delivery that succeeds, or a single
 * recipient again and again, keeps it the users' */
TEST(diagnose_own_mailbox_limit)
{
#define FULL(qid, who)                                                                                            \
	"Mar  4 09:00:01 mx postfix/virtual[3101]: " qid ": to=<" who "@example.org>, relay=virtual, delay=0.2, "      \
	"delays=0.1/0/0/0.1, dsn=5.2.2, status=bounced (cannot update mailbox /var/mail/vhosts/example.org/" who \
	" for user " who "@example.org. error writing message: File too large)"
	static const char *const all[] = {FULL("1A1B2C3D4E", "anna"), FULL("2A1B2C3D4E", "bert"),
					  FULL("4A1B2C3D4E", "cleo"), NULL};
	/* two users' full mailboxes (a pasted excerpt): still the users' */
	static const char *const two[] = {FULL("1A1B2C3D4E", "anna"), FULL("2A1B2C3D4E", "bert"), NULL};
	static const char *const one_ok[] = {
	    FULL("1A1B2C3D4E", "anna"), FULL("2A1B2C3D4E", "bert"), FULL("4A1B2C3D4E", "cleo"),
	    "Mar  4 09:00:05 mx postfix/virtual[3101]: 5A1B2C3D4E: to=<carl@example.org>, relay=virtual, delay=0.1, "
	    "delays=0.1/0/0/0, dsn=2.0.0, status=sent (delivered to maildir)",
	    NULL};
	static const char *const same_user[] = {FULL("1A1B2C3D4E", "anna"), FULL("3A1B2C3D4E", "anna"),
						FULL("4A1B2C3D4E", "anna"), NULL};
	/* remote servers' full mailboxes are theirs, whatever the count */
	static const char *const remote[] = {
	    "Mar  4 09:00:01 mx postfix/smtp[3102]: 6A1B2C3D4E: to=<kim@example.net>, relay=mx.example.net[198.51.100.20]:25, "
	    "delay=0.3, delays=0.1/0/0.1/0.1, dsn=5.2.2, status=bounced (host mx.example.net[198.51.100.20] said: 552 5.2.2 "
	    "<kim@example.net> Mailbox full (in reply to end of DATA command))",
	    "Mar  4 09:00:02 mx postfix/smtp[3102]: 7A1B2C3D4E: to=<lou@example.net>, relay=mx.example.net[198.51.100.20]:25, "
	    "delay=0.3, delays=0.1/0/0.1/0.1, dsn=5.2.2, status=bounced (host mx.example.net[198.51.100.20] said: 552 5.2.2 "
	    "<lou@example.net> Mailbox full (in reply to end of DATA command))",
	    NULL};
#undef FULL
	const struct want_log logs[] = {{all, F_OWN_MAILBOX_LIMIT, F_OWN_MAILBOX_FULL},
		    {two, F_OWN_MAILBOX_FULL, F_OWN_MAILBOX_LIMIT},
		    {one_ok, F_OWN_MAILBOX_FULL, F_OWN_MAILBOX_LIMIT},
		    {same_user, F_OWN_MAILBOX_FULL, F_OWN_MAILBOX_LIMIT},
		    {remote, F_OUT_MAILBOX_FULL, F_OWN_MAILBOX_LIMIT}};
	want_logs(logs, sizeof logs / sizeof logs[0], __LINE__);
	CHECK(finding_side(F_OWN_MAILBOX_LIMIT) == SIDE_CONFIG);
	CHECK(finding_side(F_OWN_MAILBOX_FULL) == SIDE_BENIGN);
	/* no finding of this host's own backends blames a remote server */
	const enum finding_id own[] = {F_FILTER_FAILED, F_OWN_DELIVERY_FAILED, F_OWN_MAILBOX_LIMIT,
				       F_OWN_MAILBOX_FULL, F_OWN_USER_UNKNOWN, F_OWN_CONTENT};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		CHECK(finding_side(own[i]) != SIDE_REMOTE);
}

/* the remote-DNS families are the other side's, never this server's nor
 * a charge against a client: benign (severity 0), nothing broken */
TEST(diagnose_remote_dns_is_theirs)
{
	static const char *const lines[] = {
	    "Nov 22 11:36:51 mx1 postfix/smtpd[16143]: warning: hostname x.example does not resolve to address 203.0.113.9: Name or service not known",
	    "Nov 22 11:36:51 mx1 postfix/smtpd[16143]: warning: hostname x.example does not resolve to address 203.0.113.9",
	    "Nov 22 11:36:51 mx1 postfix/smtpd[16143]: warning: 203.0.113.9: hostname x.example verification failed: Name or service not known",
	    "Nov 22 11:36:51 mx1 postfix/smtpd[16143]: warning: 203.0.113.9: address not listed for hostname x.example",
	    "Nov 22 11:36:51 mx1 postfix/smtpd[16143]: warning: valid_hostname: misplaced delimiter: .",
	    "Nov 22 11:36:51 mx1 postfix/smtpd[16143]: warning: valid_hostname: invalid character 95(decimal): a_b..example",
	};
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		struct diag_hit hit;
		CHECK(diag_classify(progs_line(lines[i]), &hit));
		CHECK_STR(finding_id(hit.id), "client-dns-inconsistent");
		CHECK(finding_side(hit.id) == SIDE_REMOTE);
		CHECK_INT(finding_severity(hit.id), 0);
		CHECK(finding_impact(hit.id) == IMPACT_NONE);
		if (i < 4)
			CHECK_STR(hit.subject, "203.0.113.9");
	}
	/* a log of them breaks no mail */
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	CHECK(!diag_breaks_mail(d));
	CHECK_INT(diag_worst(d), 0);
	diag_free(d);
}

TEST(diagnose_own_network)
{
	CHECK(cidr_own_network("127.0.0.1", sizeof "127.0.0.1" - 1));
	CHECK(cidr_own_network("10.1.2.3", sizeof "10.1.2.3" - 1));
	CHECK(cidr_own_network("172.21.0.1", sizeof "172.21.0.1" - 1));
	CHECK(cidr_own_network("192.168.0.9", sizeof "192.168.0.9" - 1));
	CHECK(cidr_own_network("::1", sizeof "::1" - 1));
	CHECK(cidr_own_network("fd00::5", sizeof "fd00::5" - 1));
	CHECK(!cidr_own_network("172.32.0.1", sizeof "172.32.0.1" - 1));
	CHECK(!cidr_own_network("203.0.113.5", sizeof "203.0.113.5" - 1));
	CHECK(!cidr_own_network("2001:db8::1", sizeof "2001:db8::1" - 1));
	CHECK(!cidr_own_network("IP", sizeof "IP" - 1));
	CHECK(!cidr_own_network("", sizeof "" - 1));
	CHECK_STR(provider_name(span_of("mail-io0-f196.google.com")), "Gmail");
	CHECK(!provider_name(span_of("notgoogle.com")));
	CHECK(!provider_name(span_of("google.com.evil.example")));
	CHECK_STR(provider_of_address(span_of("209.85.220.41")), "Gmail");
	CHECK_STR(provider_of_address(span_of("40.107.22.51")), "Microsoft");
	CHECK_STR(provider_of_address(span_of("98.137.65.1")), "Yahoo");
	CHECK(!provider_of_address(span_of("209.85.0.1")));
	CHECK(!provider_of_address(span_of("198.51.100.61")));
	CHECK(!provider_of_address(span_of("2001:4860::1")));
	/* their IPv6 outbound networks (Gmail's ip6: ranges, Microsoft's) */
	CHECK_STR(provider_of_address(span_of("2a00:1450:4864:20::52a")), "Gmail");
	CHECK_STR(provider_of_address(span_of("2607:f8b0:4864:20::62f")), "Gmail");
	CHECK_STR(provider_of_address(span_of("2a01:111:f403:2612::701")), "Microsoft");
	CHECK(!provider_of_address(span_of("2a00:1450:5000::1")));
	CHECK(!provider_of_address(span_of("2001:db8:100::21")));
	CHECK(!provider_of_address(span_of("2a00:1450:4864:20::52a:")));
	CHECK(!provider_of_address(span_of("")));
}

/* feed - every line of a small log through one diagnosis */
static void feed(struct diag *d, const char *const *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
}

TEST(diagnose_port25_blocked)
{
	/* timeouts to three unrelated MX and nothing sent: port 25 is blocked */
	static const char *const blocked[] = {
	    "Nov 23 11:06:46 m postfix/smtp[1]: 3B6EB951: to=<a@one.example>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.one.example[192.0.2.1]:25: Connection timed out)",
	    "Nov 23 11:06:47 m postfix/smtp[2]: 3B6EB952: to=<b@two.example>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.two.example[198.51.100.2]:25: Connection timed out)",
	    "Nov 23 11:06:48 m postfix/smtp[3]: 3B6EB953: to=<c@three.example>, relay=none, delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.three.example[203.0.113.3]:25: Connection timed out)",
	};
	struct diag *d = diag_new();
	feed(d, blocked, 3);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1) {
		CHECK_STR(finding_id(d->list[0]->id), "outbound-port25-blocked");
		CHECK_INT(d->list[0]->recipients, 3);
		CHECK_INT(strset_len(&d->list[0]->subjects), 3);
	}
	CHECK(diag_breaks_mail(d));
	diag_free(d);
	/* the same with one delivery that went out over port 25: remote trouble */
	const char *const some[] = {
	    blocked[0], blocked[1], blocked[2],
	    "Nov 23 11:06:49 m postfix/smtp[4]: 3B6EB954: to=<d@four.example>, relay=mx.four.example[192.0.2.4]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
	};
	d = diag_new();
	feed(d, some, 4);
	CHECK_INT(d->nlist, 3);
	for (size_t i = 0; i < d->nlist; i++)
		CHECK_STR(finding_id(d->list[i]->id), "outbound-connect-timeout");
	diag_free(d);
}

TEST(diagnose_port25_blocked_provider)
{
	/* one large provider's MX timing out, nothing sent: Gmail answers on
	 * port 25 around the clock, the port is blocked on this side */
	static const char *const gmail[] = {
	    "Sep 29 08:40:57 m postfix/smtp[1]: 15C904A3824: to=<a@gmail.com>, relay=none, delay=742, delays=652/0.02/90/0, dsn=4.4.1, status=deferred (connect to alt2.gmail-smtp-in.l.google.com[192.0.2.26]:25: Connection timed out)",
	};
	struct diag *d = diag_new();
	feed(d, gmail, 1);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1)
		CHECK_STR(finding_id(d->list[0]->id), "outbound-port25-blocked");
	diag_free(d);
	/* a provider's MX timing out while the delivery went on and ended
	 * for another reason (threads AZ 16: the TLS policy lookup for the
	 * next MX failed): that host's trouble, not the port */
	static const char *const next[] = {
	    "Feb  6 11:01:57 r postfix/smtp[85891]: connect to mx-ha03.web.de[212.227.15.17]:25: Operation timed out",
	    "Feb  6 11:01:57 r postfix/smtp[85891]: 4YpXgj0QgWz1Xhx: to=<a@web.de>, relay=none, delay=20, delays=0.06/0.02/20/0, dsn=4.7.5, status=deferred (client TLS configuration problem)",
	};
	d = diag_new();
	feed(d, next, 2);
	for (size_t i = 0; i < d->nlist; i++)
		CHECK(d->list[i]->id != F_OUT_PORT25_BLOCKED);
	diag_free(d);
	/* one unknown server timing out stays that server's trouble */
	static const char *const one[] = {
	    "Sep 29 08:40:57 m postfix/smtp[1]: 15C904A3825: to=<a@example.net>, relay=none, delay=742, delays=652/0.02/90/0, dsn=4.4.1, status=deferred (connect to mx.example.net[192.0.2.26]:25: Connection timed out)",
	};
	d = diag_new();
	feed(d, one, 1);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1)
		CHECK_STR(finding_id(d->list[0]->id), "outbound-connect-timeout");
	diag_free(d);
}

/* folded groups give their samples biggest first, whatever the hash
 * order of their ids and keys */
TEST(diagnose_port25_samples_from_biggest)
{
	static const char *const mx[] = {"one", "two", "three", "four", "five", "six", "seven", "eight"};
	char lines[12][320];
	const char *p[12];
	size_t n = 0;
	for (size_t i = 0; i < 8; i++) {
		/* "six" times out five times, the others once */
		for (int k = 0; k < (i == 5 ? 5 : 1) && n < 12; k++, n++) {
			snprintf(lines[n], sizeof lines[n],
				 "Nov 23 11:06:%02zu m postfix/smtp[%zu]: 3B6EB9%02zu: to=<a@%s.example>, relay=none, "
				 "delay=30, delays=0/0/30/0, dsn=4.4.1, status=deferred (connect to mx.%s.example"
				 "[192.0.2.%zu]:25: Connection timed out)",
				 n, n + 1, n, mx[i], mx[i], i + 1);
			p[n] = lines[n];
		}
	}
	struct diag *d = diag_new();
	feed(d, p, n);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1 && d->list[0]->nsample) {
		CHECK_STR(finding_id(d->list[0]->id), "outbound-port25-blocked");
		CHECK(strstr(d->list[0]->sample[0], "mx.six.example") != NULL);
	}
	diag_free(d);
}

TEST(diagnose_harvesting_needs_many_addresses)
{
	char lines[6][400];
	const char *p[6];
	for (int i = 0; i < 6; i++) {
		snprintf(lines[i], sizeof lines[i],
			 "May  2 01:29:5%d mx postfix/smtpd[24007]: NOQUEUE: reject: RCPT from unknown[198.51.100.4]: "
			 "550 5.1.1 <u%d@example.net>: Recipient address rejected: User unknown in virtual mailbox "
			 "table; from=<x@example.it> to=<u%d@example.net> proto=ESMTP helo=<x>",
			 i, i, i);
		p[i] = lines[i];
	}
	struct diag *d = diag_new();
	feed(d, p, 4);
	CHECK_INT(d->nlist, 0);
	diag_free(d);
	d = diag_new();
	feed(d, p, 6);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1) {
		CHECK_STR(finding_id(d->list[0]->id), "recipient-harvesting");
		CHECK_STR(d->list[0]->key, "198.51.100.4");
	}
	diag_free(d);
}

/* "Domain not found" blames this host's resolver only when domains that
 * always resolve are among them; one domain failing while others are
 * delivered is that domain's DNS, alone it is either side */
TEST(diagnose_resolver_needs_known_domains)
{
	static const char *const bogus[] = {
	    "Jul 20 09:12:45 mx1 postfix/smtpd[9901]: NOQUEUE: reject: RCPT from unknown[203.0.113.213]: 450 4.1.8 <p@deals.example>: Sender address rejected: Domain not found; from=<p@deals.example> to=<c@example.com> proto=ESMTP helo=<x.example>",
	    "Jul 20 09:13:45 mx1 postfix/smtpd[9902]: NOQUEUE: reject: RCPT from unknown[203.0.113.214]: 450 4.1.8 <p@news.example>: Sender address rejected: Domain not found; from=<p@news.example> to=<c@example.com> proto=ESMTP helo=<y.example>",
	    "Jul 20 09:14:45 mx1 postfix/smtpd[9903]: NOQUEUE: reject: RCPT from unknown[203.0.113.215]: 450 4.1.8 <p@gmail.com>: Sender address rejected: Domain not found; from=<p@gmail.com> to=<c@example.com> proto=ESMTP helo=<z.example>",
	    "Jul 20 09:15:45 mx1 postfix/smtpd[9904]: NOQUEUE: reject: RCPT from mail.example.net[192.0.2.90]: 450 4.1.8 <p@Outlook.com>: Sender address rejected: Domain not found; from=<p@Outlook.com> to=<c@example.com> proto=ESMTP helo=<mail.example.net>",
	};
	struct diag *d = diag_new();
	feed(d, bogus, 3); /* two unknown domains and gmail.com: one glitch at most */
	CHECK_INT(d->nlist, 0);
	diag_free(d);
	d = diag_new();
	feed(d, bogus, 4); /* gmail.com and outlook.com not found: this host */
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1)
		CHECK_STR(finding_id(d->list[0]->id), "resolver-domain-lookups-failing");
	diag_free(d);
	static const char *const one[] = {
	    "Apr  8 12:00:14 mail postfix/smtp[2201]: 6A1B0180F1: to=<ops@example.org>, relay=none, delay=10, delays=0.03/0/10/0, dsn=4.4.3, status=deferred (Host or domain name not found. Name service error for name=example.org type=MX: Host not found, try again)",
	    "Apr  8 12:00:15 mail postfix/smtp[2202]: 6A9C2180F4: to=<lu@example.net>, relay=mx.example.net[203.0.113.9]:25, delay=0.9, delays=0.02/0/0.4/0.48, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
	    "Apr  8 12:00:16 mail postfix/smtp[2203]: 6B3E4180F7: to=<mi@example.com>, relay=mx.example.com[203.0.113.8]:25, delay=0.6, delays=0.02/0/0.3/0.28, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
	};
	d = diag_new();
	feed(d, one, 1); /* alone: either side, the lines do not tell */
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1) {
		CHECK_STR(finding_id(d->list[0]->id), "outbound-dns-failure-one-domain");
		CHECK_STR(d->list[0]->key, "example.org");
	}
	diag_free(d);
	/* ... unless the resolver is shown failing elsewhere in the log */
	const char *const both[] = {bogus[0], bogus[1], bogus[2], bogus[3], one[0]};
	d = diag_new();
	feed(d, both, 5);
	CHECK_INT(d->nlist, 2);
	bool resolver = false;
	for (size_t i = 0; i < d->nlist; i++)
		resolver |= !strcmp(finding_id(d->list[i]->id), "outbound-dns-failure");
	CHECK(resolver);
	diag_free(d);
	d = diag_new();
	feed(d, one, 3);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1) {
		CHECK_STR(finding_id(d->list[0]->id), "outbound-destination-dns-failure");
		CHECK_STR(d->list[0]->key, "example.org");
	}
	diag_free(d);
	/* deliveries before the failures only: the resolver may have broken since */
	char moved[400];
	snprintf(moved, sizeof moved, "%s", one[0]);
	memcpy(moved, "Apr  8 13", 9);
	const char *const later[] = {one[1], one[2], moved};
	d = diag_new();
	feed(d, later, 3);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1)
		CHECK_STR(finding_id(d->list[0]->id), "outbound-dns-failure-one-domain");
	diag_free(d);
}

TEST(diagnose_groups_bounded)
{
	struct diag *d = diag_new();
	char line[300];
	for (int i = 0; i < DIAG_MAX_GROUPS + 10; i++) {
		snprintf(line, sizeof line,
			 "Jan 1 00:00:00 mx postfix/smtpd[1]: error: open database /etc/postfix/t%d.cf: No such file or directory", i);
		diag_event(d, progs_line(line));
	}
	diag_finish(d);
	CHECK_INT(d->nlist, DIAG_MAX_GROUPS);
	CHECK_INT(d->dropped, 10);
	diag_free(d);
}

/* one address refused as unknown to several named servers is a missing
 * table entry; the records stay bounded, and a flood of single-client
 * recipients (a dictionary attack from named hosts) does not push out a
 * recipient several servers wrote to */
TEST(diagnose_unknown_recipient_bounded)
{
	char line[512];
	struct diag *d = diag_new();
#define UNKNOWN(host, ip, rcpt)                                                                          \
	snprintf(line, sizeof line,                                                                      \
		 "Mar  4 10:20:02 mx postfix/smtpd[3801]: NOQUEUE: reject: RCPT from %s[%s]: 550 5.1.1 <%s>: " \
		 "Recipient address rejected: User unknown in virtual mailbox table; from=<x@y.example> "     \
		 "to=<%s> proto=ESMTP helo=<%s>",                                                          \
		 host, ip, rcpt, rcpt, host)
	UNKNOWN("mx.one.example", "203.0.113.1", "john@example.org");
	diag_event(d, progs_line(line));
	UNKNOWN("mx.two.example", "203.0.113.2", "John@example.org");
	diag_event(d, progs_line(line));
	for (int i = 0; i < 3 * DIAG_UNKNOWN_RCPTS; i++) {
		char rcpt[64];
		snprintf(rcpt, sizeof rcpt, "guess%d@example.org", i);
		UNKNOWN("host.harvest.example", "198.51.100.99", rcpt);
		diag_event(d, progs_line(line));
	}
	UNKNOWN("mx.three.example", "203.0.113.3", "john@example.org");
	diag_event(d, progs_line(line));
	/* unnamed clients count for nothing */
	UNKNOWN("unknown", "203.0.113.4", "old@example.org");
	diag_event(d, progs_line(line));
	UNKNOWN("unknown", "203.0.113.5", "old@example.org");
	diag_event(d, progs_line(line));
	UNKNOWN("unknown", "203.0.113.6", "old@example.org");
	diag_event(d, progs_line(line));
#undef UNKNOWN
	CHECK(d->nunknown <= DIAG_UNKNOWN_RCPTS);
	diag_finish(d);
	size_t missing = 0;
	for (size_t i = 0; i < d->nlist; i++)
		if (d->list[i]->id == F_IN_RCPT_MISSING) {
			missing++;
			CHECK(!strcmp(d->list[i]->key, "john@example.org"));
			CHECK(strset_len(&d->list[i]->subjects) == 3);
		}
	CHECK(missing == 1);
	CHECK(diag_has(d, F_IN_USER_UNKNOWN_HARVEST));
	diag_free(d);
}

/* group_of - the group of a finished diagnosis with this finding and
 * key, or NULL */
static const struct diag_group *group_of(const struct diag *d, enum finding_id id, const char *key)
{
	for (size_t i = 0; i < d->nlist; i++)
		if (d->list[i]->id == id && !strcmp(d->list[i]->key, key))
			return d->list[i];
	return NULL;
}

/* a table of a type this Postfix lacks also fails to open and to look
 * up: those lines are the missing type's, not a missing file's or a
 * database server's; a table of another type (texthash: is not hash:)
 * and a database server that is really down keep their own findings */
TEST(diagnose_map_type_folds)
{
	static const char *const lines[] = {
	    "Mar  8 19:02:41 alpine postfix/smtpd[601]: warning: hash:/etc/postfix/sender_access is unavailable. unsupported dictionary type: hash",
	    "Mar  8 19:02:41 alpine postfix/smtpd[601]: warning: hash:/etc/postfix/sender_access: table lookup problem",
	    "Mar  8 19:02:42 alpine postfix/smtpd[601]: warning: proxy:hash:/etc/postfix/relay_recipients lookup error for \"a@example.org\"",
	    "Mar  8 19:02:42 alpine postfix/smtpd[601]: warning: texthash:/etc/postfix/helo_access: table lookup problem",
	    "Mar  8 19:02:43 alpine postfix/trivial-rewrite[602]: warning: mysql:/etc/postfix/mysql-domains.cf is unavailable. unsupported dictionary type: mysql",
	    "Mar  8 19:02:43 alpine postfix/trivial-rewrite[602]: warning: mysql:/etc/postfix/mysql-domains.cf lookup error for \"example.org\"",
	    "Mar  8 19:02:44 alpine postfix/smtpd[601]: warning: pgsql:/etc/postfix/pgsql-users.cf lookup error for \"b@example.org\"",
	};
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	const struct diag_group *g = group_of(d, F_MAP_TYPE, "hash");
	CHECK(g && g->lines == 3);
	g = group_of(d, F_MAP_TYPE, "mysql");
	CHECK(g && g->lines == 2);
	CHECK(!group_of(d, F_MAP_MISSING, "/etc/postfix/sender_access"));
	CHECK(!group_of(d, F_MAP_MISSING, "/etc/postfix/relay_recipients"));
	CHECK(!group_of(d, F_MAP_SERVER_DOWN, "MySQL"));
	g = group_of(d, F_MAP_MISSING, "/etc/postfix/helo_access");
	CHECK(g && g->lines == 1);
	g = group_of(d, F_MAP_SERVER_DOWN, "PostgreSQL");
	CHECK(g && g->lines == 1);
	CHECK(d->nlist == 4);
	diag_free(d);

	/* without the unsupported type: a missing file and a server down */
	d = diag_new();
	for (size_t i = 1; i < sizeof lines / sizeof lines[0]; i++)
		if (i != 4)
			diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	CHECK(!diag_has(d, F_MAP_TYPE));
	g = group_of(d, F_MAP_MISSING, "/etc/postfix/sender_access");
	CHECK(g && g->lines == 1);
	g = group_of(d, F_MAP_SERVER_DOWN, "MySQL");
	CHECK(g && g->lines == 1);
	diag_free(d);
}

/* a remote server that answers 421 closes the connection: the "lost
 * connection with HOST while sending RCPT TO" that the same process logs
 * next (pipelining) is that reply's effect, no conversation lost; the
 * same words from another process, or after another host's 421, stay */
TEST(diagnose_lost_after_421_is_its_effect)
{
	static const char *const lines[] = {
	    "Feb 28 16:28:43 m postfix/smtp[8415]: D684822608D: host mta7.am0.yahoodns.net[198.51.100.139] said: 421 4.7.0 [TSS04] Messages from 203.0.113.4 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html (in reply to MAIL FROM command)",
	    "Feb 28 16:28:43 m postfix/smtp[8415]: D684822608D: lost connection with mta7.am0.yahoodns.net[198.51.100.139] while sending RCPT TO",
	};
	struct diag *d = diag_new();
	feed(d, lines, 2);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1)
		CHECK_STR(finding_id(d->list[0]->id), "outbound-spam-complaints");
	diag_free(d);
	const char *const other[] = {
	    lines[0],
	    "Feb 28 16:28:44 m postfix/smtp[8416]: D684822608E: lost connection with mta7.am0.yahoodns.net[198.51.100.139] while sending RCPT TO",
	    "Feb 28 16:28:44 m postfix/smtp[8415]: D684822608F: lost connection with mx.example.org[192.0.2.25] while sending RCPT TO",
	};
	d = diag_new();
	feed(d, other, 3);
	CHECK(group_of(d, F_OUT_CONV_LOST, "mta7.am0.yahoodns.net") != NULL);
	CHECK(group_of(d, F_OUT_CONV_LOST, "mx.example.org") != NULL);
	diag_free(d);
}

/* timeouts to port 25 of two servers in unrelated domains, nothing sent
 * over port 25: the port is blocked on this side; two servers of one
 * domain may be that domain's outage */
TEST(diagnose_port25_blocked_two_unrelated)
{
	static const char *const two[] = {
	    "Feb  7 11:18:26 m postfix/smtp[396]: EFE2274079B: to=<a@example.com>, relay=none, delay=1145, delays=1115/0.05/30/0, dsn=4.4.1, status=deferred (connect to mail.example.com[192.0.2.10]:25: Connection timed out)",
	    "Feb  7 11:18:26 m postfix/smtp[395]: ED341740998: to=<b@example.net>, relay=none, delay=7691, delays=7660/0.05/30/0, dsn=4.4.1, status=deferred (connect to mail.example.net[198.51.100.20]:25: Connection timed out)",
	};
	struct diag *d = diag_new();
	feed(d, two, 2);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1)
		CHECK_STR(finding_id(d->list[0]->id), "outbound-port25-blocked");
	diag_free(d);
	static const char *const one_domain[] = {
	    "Feb  7 11:18:26 m postfix/smtp[396]: EFE2274079B: to=<a@example.com>, relay=none, delay=1145, delays=1115/0.05/30/0, dsn=4.4.1, status=deferred (connect to mx1.example.com[192.0.2.10]:25: Connection timed out)",
	    "Feb  7 11:18:26 m postfix/smtp[395]: ED341740998: to=<b@example.com>, relay=none, delay=7691, delays=7660/0.05/30/0, dsn=4.4.1, status=deferred (connect to mx2.example.com[192.0.2.11]:25: Connection timed out)",
	};
	d = diag_new();
	feed(d, one_domain, 2);
	CHECK_INT(d->nlist, 2);
	for (size_t i = 0; i < d->nlist; i++)
		CHECK_STR(finding_id(d->list[i]->id), "outbound-connect-timeout");
	diag_free(d);
}

/* a non-delivery notice with no failed delivery among the lines read: the
 * reason is elsewhere, said as such (not "nothing needs doing"); with
 * the failed delivery read, its own finding tells it */
TEST(diagnose_bounce_reason_not_in_log)
{
	static const char *const notice[] = {
	    "Aug  4 12:36:31 m postfix/bounce[452]: C8FA38E4F42: sender non-delivery notification: 14C638E4F46",
	};
	struct diag *d = diag_new();
	feed(d, notice, 1);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1) {
		CHECK_STR(finding_id(d->list[0]->id), "bounce-reason-not-in-log");
		CHECK(strset_has(&d->list[0]->subjects, span_of("C8FA38E4F42")));
	}
	CHECK(diag_breaks_mail(d));
	diag_free(d);
	const char *const both[] = {
	    "Aug  4 12:36:31 m postfix/smtp[450]: C8FA38E4F42: to=<u1@example.org>, relay=mail.example.net[192.0.2.5]:587, delay=0.57, delays=0.34/0.04/0.18/0.01, dsn=5.0.0, status=bounced (host mail.example.net[192.0.2.5] said: 550 Sender address is not allowed. (in reply to MAIL FROM command))",
	    notice[0],
	};
	d = diag_new();
	feed(d, both, 2);
	CHECK(!group_of(d, F_OUT_BOUNCE_UNREAD, ""));
	diag_free(d);
}

/* root's mail sent to this host's own name: the connect lines to that name
 * go with the deliveries' finding, no remote timeout beside it; another
 * host's timeout stays its own */
TEST(diagnose_own_name_connects_fold)
{
	static const char *const lines[] = {
	    "Nov  3 18:06:25 mail postfix/smtp[1436]: connect to mail.example.com[203.0.113.123]:25: Connection timed out",
	    "Nov  3 18:06:25 mail postfix/smtp[1436]: 81571C2D: to=<root@mail.example.com>, orig_to=<root>, relay=none, delay=50784, delays=50754/0.01/30/0, dsn=4.4.1, status=deferred (connect to mail.example.com[203.0.113.123]:25: Connection timed out)",
	    "Nov  3 18:07:25 mail postfix/smtp[1437]: connect to mx.example.org[192.0.2.7]:25: Connection timed out",
	    "Nov  3 18:07:26 mail postfix/smtp[1438]: 81571C2E: to=<bob@example.net>, relay=mx.example.net[198.51.100.9]:25, delay=1, delays=0/0/0.5/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
	};
	struct diag *d = diag_new();
	feed(d, lines, 4);
	const struct diag_group *own = group_of(d, F_OUT_OWN_ORIGIN_NXDOMAIN, "");
	CHECK(own != NULL);
	if (own)
		CHECK_INT(own->lines, 2);
	CHECK(!group_of(d, F_OUT_TIMEOUT, "mail.example.com"));
	CHECK(group_of(d, F_OUT_TIMEOUT, "mx.example.org") != NULL);
	diag_free(d);
}

/* smtp's SASL library failing ("No worthy mechs found", no server
 * named) before the deferral that names the relay host: one finding,
 * the relay host's (as real Postfix logs it in e2e's diag instance) */
TEST(diagnose_relay_sasl_one_group)
{
	static const char *const lines[] = {
	    "Dec  5 09:54:14 mx1 postfix/smtp[256]: warning: SASL authentication failure: No worthy mechs found",
	    "Dec  5 09:54:14 mx1 postfix/smtp[256]: 28740A7286E: to=<hr@example.net>, relay=smtp.example.net[192.0.2.33]:25, "
	    "delay=0.03, delays=0.02/0.01/0/0, dsn=4.7.0, status=deferred (SASL authentication failed; cannot "
	    "authenticate to server smtp.example.net[192.0.2.33]: no mechanism available)",
	};
	struct diag *d = diag_new();
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1) {
		CHECK_STR(finding_id(d->list[0]->id), "relayhost-sasl-failed");
		CHECK_STR(d->list[0]->key, "smtp.example.net");
		CHECK_INT(d->list[0]->lines, 2);
	}
	diag_free(d);
}

/* threads18K: the mailbox backend out of reach holds incoming mail for
 * local users: its impact is mail not delivered into the mailboxes, as
 * mailbox-delivery-failed's, not outgoing mail */
TEST(diagnose_lmtp_down_impact)
{
	struct diag_hit hit;
	CHECK(diag_classify(progs_line("Apr 11 19:41:56 mx postfix/lmtp[238]: 87F043F2BE: to=<info@example.com>, relay=none, delay=2370, delays=2370/0.07/0/0, dsn=4.4.1, status=deferred (connect to 172.20.0.6[172.20.0.6]:2525: Connection refused)"), &hit));
	CHECK_STR(finding_id(hit.id), "mailbox-delivery-unreachable");
	CHECK(finding_impact(hit.id) == IMPACT_NOT_DELIVERED);
	CHECK(finding_impact(hit.id) == finding_impact(F_OWN_DELIVERY_FAILED));
}

/* an LDAP table whose search the directory refused (no such search
 * base): its lookup errors are that search's, one finding; a server not
 * reached beside it keeps its own */
TEST(diagnose_ldap_query_takes_lookup_errors)
{
	static const char *const lines[] = {
	    "Jul 11 15:32:28 mail postfix/proxymap[3630]: warning: dict_ldap_lookup: Search error 32: No such object",
	    "Jul 11 15:32:28 mail postfix/smtpd[3635]: warning: proxy:ldap:/etc/postfix/ldap-users.cf lookup error for "
	    "\"user@example.com\"",
	};
	struct diag *d = diag_new();
	feed(d, lines, 2);
	CHECK_INT(d->nlist, 1);
	if (d->nlist == 1) {
		CHECK_STR(finding_id(d->list[0]->id), "lookup-table-syntax");
		CHECK_STR(d->list[0]->key, "LDAP query");
		CHECK_INT(d->list[0]->lines, 2);
	}
	diag_free(d);
	static const char *const both[] = {
	    "Jul 11 15:32:28 mail postfix/proxymap[3630]: warning: dict_ldap_lookup: Search error 32: No such object",
	    "Jul 11 15:40:02 mail postfix/proxymap[3631]: warning: dict_ldap_connect: Unable to connect to LDAP server "
	    "ldap://ldap.example.com:389",
	};
	d = diag_new();
	feed(d, both, 2);
	CHECK(group_of(d, F_MAP_SYNTAX, "LDAP query") != NULL);
	CHECK(group_of(d, F_MAP_SERVER_DOWN, "LDAP") != NULL);
	diag_free(d);
}

/* a pid-only TLS library warning pasted before its session's lines: the
 * client that its process's next line names is the failure's (a large
 * provider's server: this server's settings); a connect line next opens
 * another session and takes nothing; one stranger stays benign */
TEST(diagnose_tls_orphan_line)
{
#define LIB "Mar  9 08:14:02 mx postfix/smtpd[41210]: warning: TLS library problem: error:0A000102:SSL " \
	    "routines::unsupported protocol:../ssl/statem/statem_srvr.c:1657:"
#define MS "mail-am6eur05olkn2017.outbound.protection.outlook.com[40.92.90.17]"
	static const char *const lost[] = {
	    LIB, "Mar  9 08:14:02 mx postfix/smtpd[41210]: lost connection after STARTTLS from " MS, NULL};
	static const char *const next_connect[] = {
	    LIB, "Mar  9 08:14:09 mx postfix/smtpd[41210]: connect from " MS,
	    "Mar  9 08:14:10 mx postfix/smtpd[41210]: lost connection after STARTTLS from " MS, NULL};
	static const char *const other_pid[] = {
	    LIB, "Mar  9 08:14:02 mx postfix/smtpd[41299]: lost connection after STARTTLS from " MS, NULL};
	static const char *const stranger[] = {
	    LIB, "Mar  9 08:14:02 mx postfix/smtpd[41210]: lost connection after STARTTLS from unknown[203.0.113.77]",
	    NULL};
#undef LIB
#undef MS
	const struct want_log logs[] = {{lost, F_TLS_SETTINGS_IN, F_TLS_HANDSHAKE_IN},
		    {next_connect, F_TLS_HANDSHAKE_IN, F_TLS_SETTINGS_IN},
		    {other_pid, F_TLS_HANDSHAKE_IN, F_TLS_SETTINGS_IN},
		    {stranger, F_TLS_HANDSHAKE_IN, F_TLS_SETTINGS_IN}};
	want_logs(logs, sizeof logs / sizeof logs[0], __LINE__);
}

/* DNS blocklists timing out: three different lists within a minute are
 * this host's resolver (dnsbl-lookups-all-time-out); one list again and
 * again, two lists, or three lists hours apart stay the lists' own
 * (dnsbl-reply-timeout); dnsblog's lookup errors count as timeouts */
TEST(diagnose_dnsbl_resolver)
{
#define PS_TO(t, list) "Jul  2 " t " mx postfix/postscreen[5926]: warning: dnsblog reply timeout 10s for " list
	static const char *const three[] = {PS_TO("06:20:43", "zen.spamhaus.org"), PS_TO("06:20:43", "bl.mailspike.net"),
					    PS_TO("06:21:20", "b.barracudacentral.org"), NULL};
	static const char *const mixed[] = {
	    PS_TO("06:20:43", "zen.spamhaus.org"),
	    "Jul  2 06:20:50 mx postfix/dnsblog[6007]: warning: dnsblog_query: lookup error for DNS query "
	    "33.226.57.216.bl.mailspike.net: Host or domain name not found. Name service error for "
	    "name=33.226.57.216.bl.mailspike.net type=A: Host not found, try again",
	    PS_TO("06:21:00", "psbl.surriel.com"), NULL};
	static const char *const one_list[] = {PS_TO("06:20:43", "zen.spamhaus.org"), PS_TO("06:20:44", "zen.spamhaus.org"),
					       PS_TO("06:20:45", "zen.spamhaus.org"), PS_TO("06:20:46", "zen.spamhaus.org"),
					       NULL};
	static const char *const two[] = {PS_TO("06:20:43", "zen.spamhaus.org"), PS_TO("06:20:43", "bl.mailspike.net"),
					  PS_TO("06:20:44", "zen.spamhaus.org"), NULL};
	static const char *const apart[] = {PS_TO("06:20:43", "zen.spamhaus.org"), PS_TO("09:20:43", "bl.mailspike.net"),
					    PS_TO("12:20:43", "b.barracudacentral.org"), NULL};
#undef PS_TO
	const struct want_log logs[] = {
	    {three, F_IN_DNSBL_RESOLVER, F_IN_DNSBL_TIMEOUT},
	    {mixed, F_IN_DNSBL_RESOLVER, F_IN_DNSBL_TIMEOUT},
	    {one_list, F_IN_DNSBL_TIMEOUT, F_IN_DNSBL_RESOLVER},
	    {two, F_IN_DNSBL_TIMEOUT, F_IN_DNSBL_RESOLVER},
	    {apart, F_IN_DNSBL_TIMEOUT, F_IN_DNSBL_RESOLVER},
	};
	want_logs(logs, sizeof logs / sizeof logs[0], __LINE__);
}

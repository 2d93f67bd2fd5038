/*
 * test_parse_policy.c - the policy services' own lines (parse/policy.c):
 * postgrey's decisions and policyd-spf's results and refusals, their
 * client and envelope found where the client's own text cannot put them;
 * postgrey's greylisting as a finding only when Postfix's lines do not
 * show it (diagnose.c's aside groups), and its decision line read alone.
 * Lines built from the programs' formats with documentation addresses.
 */
#include "progs.h"
#include "../../src/diagnose/diagnose.h"
#include "../../src/diagnose/finding.h"
#include "../../src/syslog/prefix.h"

TEST(policy_postgrey)
{
	const struct event *ev = progs_line(
	    "Aug 22 19:57:31 mx postgrey[700]: action=greylist, reason=early-retry (173s missing), "
	    "client_name=mail.example.net, client_address=192.0.2.7/32, sender=a@example.net, "
	    "recipient=b@example.com");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->action, "greylist");
	CHECK_SPAN(ev->reason, "early-retry (173s missing)");
	CHECK_SPAN(ev->client_name, "mail.example.net");
	CHECK_SPAN(ev->client_ip, "192.0.2.7");
	CHECK_SPAN(ev->from, "a@example.net");
	CHECK_SPAN(ev->to, "b@example.com");
	ev = progs_line("Aug 22 20:03:01 mx postgrey[700]: action=pass, reason=triplet found, delay=330, "
			"client_name=unknown, client_address=2001:db8::7, sender=, recipient=b@example.com");
	CHECK_SPAN(ev->action, "pass");
	CHECK_SPAN(ev->reason, "triplet found");
	CHECK_SPAN(ev->client_ip, "2001:db8::7");
	CHECK_SPAN(ev->from, ""); /* the null sender */
	/* a sender that writes the fields again: the client stays the
	 * address postgrey put before it, the recipient the last one */
	ev = progs_line("Aug 22 20:03:02 mx postgrey[700]: action=greylist, reason=new, client_name=unknown, "
			"client_address=198.51.100.9, sender=x, client_address=192.0.2.1, recipient=y@example.org, "
			"recipient=b@example.com");
	CHECK_SPAN(ev->client_ip, "198.51.100.9");
	CHECK_SPAN(ev->to, "b@example.com");
	CHECK_SPAN(ev->from, "x, client_address=192.0.2.1, recipient=y@example.org");
	/* not a decision: nothing taken */
	ev = progs_line("Aug 22 20:03:03 mx postgrey[700]: Process Backgrounded");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->action, NULL);
	CHECK_SPAN(ev->client_ip, NULL);
}

TEST(policy_spf)
{
	const struct event *ev = progs_line(
	    "Mar  5 17:22:28 mail policyd-spf[207]: prepend Received-SPF: Pass (mailfrom) identity=mailfrom; "
	    "client-ip=192.0.2.8; helo=x; client-ip=198.51.100.1; envelope-from=a@example.net; receiver=<UNKNOWN> ");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->action, "prepend");
	CHECK_SPAN(ev->reason, "Pass");
	CHECK_SPAN(ev->client_ip, "192.0.2.8");
	CHECK_SPAN(ev->helo, "x");
	ev = progs_line("Mar  5 18:34:25 mail policyd-spf[228]: 550 5.7.23 Message rejected due to: SPF fail - "
			"not authorized. Please see http://www.openspf.net/Why?s=mfrom;id=a;ip=1.2.3.4@example.net;"
			"ip=203.0.113.5;r=<UNKNOWN>");
	CHECK_SPAN(ev->action, "reject");
	CHECK_SPAN(ev->code, "550");
	CHECK_SPAN(ev->dsn, "5.7.23");
	CHECK_SPAN(ev->client_ip, "203.0.113.5");
	/* the Perl one logs under postfix/: another program all the same */
	ev = progs_line("Mar  5 18:34:26 mail postfix/policy-spf[229]: 451 4.4.3 SPF Temporary Error: DNS Timeout");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->action, "defer");
	CHECK_SPAN(ev->dsn, "4.4.3");
	ev = progs_line("Mar  5 18:34:27 mail policyd-spf[230]: 5");
	CHECK_SPAN(ev->action, NULL);
	/* the Perl one's header: its client's address is the last field,
	 * after the HELO name the client chose */
	ev = progs_line("Nov 26 07:07:27 sh postfix/policy-spf[10685]: : Policy action=PREPEND Received-SPF: none "
			"(example.org: No applicable sender policy available) receiver=mx.example.com; "
			"identity=mailfrom; envelope-from=\"a@example.org\"; helo=x; client-ip=192.0.2.9; "
			"client-ip=198.51.100.45");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->action, "prepend");
	CHECK_SPAN(ev->reason, "none");
	CHECK_SPAN(ev->client_ip, "198.51.100.45");
	/* its other lines are its own too, never an unknown Postfix line */
	ev = progs_line("Nov 26 07:07:27 sh postfix/policy-spf[10685]: handler sender_policy_framework: is decisive.");
	CHECK_STR(progs_type(ev), "other");
}

/* count_greylisting - the lines of the greylisting finding of a log */
static long count_greylisting(const char *const *lines, size_t n)
{
	struct diag *d = diag_new();
	for (size_t i = 0; i < n; i++)
		diag_event(d, progs_line(lines[i]));
	diag_finish(d);
	long found = -1;
	for (size_t i = 0; i < d->nlist; i++)
		if (d->list[i]->id == F_IN_GREYLISTING)
			found = (long)d->list[i]->lines;
	diag_free(d);
	return found;
}

TEST(policy_greylisting_counted_once)
{
	static const char *const both[] = {
	    "Aug 22 19:57:31 mx postgrey[700]: action=greylist, reason=new, client_name=mail.example.net, "
	    "client_address=192.0.2.7, sender=a@example.net, recipient=b@example.com",
	    "Aug 22 19:57:31 mx postfix/smtpd[71]: NOQUEUE: reject: RCPT from mail.example.net[192.0.2.7]: "
	    "450 4.2.0 <b@example.com>: Recipient address rejected: Greylisted, see "
	    "http://postgrey.schweikert.ch/help/example.com.html; from=<a@example.net> to=<b@example.com> "
	    "proto=ESMTP helo=<mail.example.net>",
	};
	/* Postfix's own line counts, postgrey's beside it does not */
	CHECK_INT(count_greylisting(both, 2), 1);
	/* postgrey's lines alone show it */
	const char *const alone[] = {both[0], both[0], both[0]};
	CHECK_INT(count_greylisting(alone, 3), 3);
	/* a pass is no greylisting */
	static const char *const pass[] = {
	    "Aug 22 20:03:01 mx postgrey[700]: action=pass, reason=triplet found, delay=330, "
	    "client_name=unknown, client_address=192.0.2.7, sender=a@example.net, recipient=b@example.com"};
	CHECK_INT(count_greylisting(pass, 1), -1);
}

/* postgrey's decision pasted alone: another program's line, read */
TEST(policy_postgrey_bare)
{
	struct syslog_state st;
	struct logline l;
	syslog_state_init(&st, 2026, 0);
	CHECK(syslog_parse(&st,
			   span_of("action=greylist, reason=new, client_name=unknown, client_address=192.0.2.7, "
				   "sender=a@example.net, recipient=b@example.com"),
			   &l));
	CHECK_SPAN(l.daemon, "postgrey");
	CHECK(!l.postfix);
	CHECK_INT(l.format, FMT_NOTIME);
	CHECK(!syslog_parse(&st, span_of("action=greylist, reason=new"), &l));
	CHECK(!syslog_parse(&st, span_of("action=reject, client_address=192.0.2.7"), &l));
}

/* policyd-weight logs as postfix/policyd-weight: another program's line,
 * its score or decision with the client of the first "<client=" (the
 * HELO name and the envelope after it are the client's words) */
TEST(policy_weight)
{
	const struct event *ev = progs_line(
	    "Dec  3 10:00:01 mx postfix/policyd-weight[647]: decided action=550 Mail appeared to be SPAM or forged. "
	    "Ask your Mail/DNS-Administrator to correct HELO and DNS MX settings or to get removed from DNSBLs; "
	    "<client=unknown[203.0.113.126]> <helo=x <client=a[192.0.2.1]>> <from=a@example.net> "
	    "<to=b@example.com>; delay: 0s");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->action, "reject");
	CHECK_SPAN(ev->code, "550");
	CHECK_SPAN(ev->client_ip, "203.0.113.126");
	CHECK_SPAN(ev->client_name, "unknown");
	CHECK_SPAN(ev->reason, "Mail appeared to be SPAM or forged. Ask your Mail/DNS-Administrator to correct "
			       "HELO and DNS MX settings or to get removed from DNSBLs");
	ev = progs_line("Dec  3 10:00:02 mx postfix/policyd-weight[8583]: decided action=DUNNO  using cached result; "
			"rate: -9.5; <client=mail.example.net[198.51.100.19]> <helo=mail.example.net> "
			"<from=a@example.net> <to=b@example.com>; delay: 0s");
	CHECK_SPAN(ev->action, "pass");
	CHECK_SPAN(ev->client_ip, "198.51.100.19");
	ev = progs_line("Dec  3 10:00:03 mx postfix/policyd-weight[8552]: weighted check:  IN_SPAMCOP=2 "
			"IN_BARRACUDA=4; <client=dyn.example.net[192.0.2.184]> <helo=x> <from=a@example.net> "
			"<to=b@example.com>; rate: 13");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->action, "score");
	CHECK_SPAN(ev->reason, "rate: 13");
	CHECK_SPAN(ev->client_ip, "192.0.2.184");
	/* not a decision: another program's line all the same */
	ev = progs_line("Dec  3 10:00:04 mx postfix/policyd-weight[8552]: policyd-weight 0.1.15 beta-17 started");
	CHECK_STR(progs_type(ev), "other");
	CHECK_SPAN(ev->action, NULL);
}

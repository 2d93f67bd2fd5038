/*
 * test_accepted.c - the findings over what becomes of accepted mail
 * (src/diagnose/accepted.c), on lines written from Postfix's format
 * strings (smtpd's client=, local's and virtual's "unknown user", lmtp's
 * remote reply, bounce's "sender non-delivery notification", cleanup's
 * header WARN) fed through prefix, parsers, model and diagnosis as the
 * report command does: backscatter and its look-alikes that are not
 * (a logged-in user's typo, a LAN client's, the null sender, a remote
 * server's 5.1.1), the NAT gateway trusted by address against an office
 * LAN, and an own client refused.
 */
#include "progs.h"

#include <stdlib.h>
#include "diagnose/diagnose.h"
#include "feed/feed.h"
#include "model/correlate.h"

struct run {
	struct feed feed;
	struct syslog_state st;
	struct model *model;
	struct diag *diag;
};

static void on_event(const struct event *ev, void *ctx)
{
	struct run *r = ctx;
	diag_event(r->diag, ev);
	model_event(r->model, ev, r->feed.st.lines, 0);
}

static void on_message(const struct message *m, void *ctx)
{
	diag_message(((struct run *)ctx)->diag, m);
}

/* run_lines - the lines through the front of the pipeline, then the end */
static struct run *run_lines(const char *const *lines)
{
	struct run *r = calloc(1, sizeof *r);
	r->feed.fn = on_event;
	r->feed.ctx = r;
	syslog_state_init(&r->st, 2026, 0);
	r->diag = diag_new();
	struct model_sink sink = {NULL, on_message, r};
	r->model = model_new(&sink);
	for (size_t i = 0; lines[i]; i++)
		feed_line(&r->feed, &r->st, span_of(lines[i]));
	model_finish(r->model);
	diag_finish(r->diag);
	return r;
}

static void run_free(struct run *r)
{
	model_free(r->model);
	diag_free(r->diag);
	free(r);
}

/* group - the first group of a finding, or NULL */
static const struct diag_group *group(const struct run *r, enum finding_id id)
{
	for (size_t i = 0; i < r->diag->nlist; i++)
		if (r->diag->list[i]->id == id)
			return r->diag->list[i];
	return NULL;
}

/* one message accepted from CLIENT (a "client=" tail), sent by FROM, to
 * TO, bounced by the delivery line DELIVERY, with the bounce daemon's
 * notification when NOTIFY */
#define ACCEPTED(client, from)                                                                   \
	"Dec 15 10:00:01 mx postfix/smtpd[2101]: connect from " client,                          \
	"Dec 15 10:00:02 mx postfix/smtpd[2101]: 4A1B2C3D01: client=" client,                    \
	"Dec 15 10:00:02 mx postfix/qmgr[1900]: 4A1B2C3D01: from=<" from ">, size=1822, nrcpt=1 (queue active)"
#define LOCAL_UNKNOWN                                                                            \
	"Dec 15 10:00:02 mx postfix/local[2103]: 4A1B2C3D01: to=<nosuch@example.com>, relay=local, delay=0.1, " \
	"delays=0.06/0.01/0/0.03, dsn=5.1.1, status=bounced (unknown user: \"nosuch\")"
#define NOTIFIED                                                                                 \
	"Dec 15 10:00:02 mx postfix/cleanup[2102]: 4A1B2C3D02: message-id=<20261215100002.4A1B2C3D02@mx.example.com>", \
	"Dec 15 10:00:02 mx postfix/bounce[2104]: 4A1B2C3D01: sender non-delivery notification: 4A1B2C3D02", \
	"Dec 15 10:00:02 mx postfix/qmgr[1900]: 4A1B2C3D02: from=<>, size=3911, nrcpt=1 (queue active)", \
	"Dec 15 10:00:02 mx postfix/qmgr[1900]: 4A1B2C3D01: removed"

TEST(backscatter_accept_bounce_notify)
{
	static const char *const lines[] = {ACCEPTED("spam1.example.net[203.0.113.45]", "victim@example.org"),
					    LOCAL_UNKNOWN, NOTIFIED, NULL};
	struct run *r = run_lines(lines);
	const struct diag_group *g = group(r, F_IN_BACKSCATTER);
	CHECK(g != NULL);
	if (g) {
		CHECK_STR(g->key, "local");
		CHECK_INT(g->recipients, 1);
		CHECK_INT(g->nsample, 2); /* the life, then local's own line */
		CHECK(g->nsample && strstr(g->sample[0], "4A1B2C3D01: client=spam1.example.net[203.0.113.45]"));
		CHECK(g->nsample && strstr(g->sample[0], "status=bounced (unknown user: \"nosuch\")"));
		CHECK(g->nsample && strstr(g->sample[0], "sender non-delivery notification: 4A1B2C3D02"));
		CHECK(g->nsample == 2 && strstr(g->sample[1], "postfix/local[2103]: 4A1B2C3D01: to=<nosuch@example.com>"));
	}
	/* its bounce is told once: not also as an ordinary unknown recipient */
	CHECK(group(r, F_OWN_USER_UNKNOWN) == NULL);
	CHECK(group(r, F_OUT_USER_UNKNOWN) == NULL);
	CHECK(finding_side(F_IN_BACKSCATTER) == SIDE_CONFIG);
	CHECK(finding_severity(F_IN_BACKSCATTER) >= 3);
	CHECK(diag_breaks_mail(r->diag));
	/* explain ties the three lines of the message's life to it */
	const char *const tied[] = {lines[1], lines[3], lines[5]};
	for (size_t i = 0; i < 3; i++)
		if (g && diag_line_group(r->diag, progs_line(tied[i])) != g)
			test_fail(__FILE__, __LINE__, "line %zu is not tied to backscatter", i);
	CHECK(diag_line_group(r->diag, progs_line(lines[0])) == NULL);
	run_free(r);
}

TEST(backscatter_not_for_own_users)
{
	/* a user who logged in, a LAN client, the null sender, a remote 5.1.1 */
	static const char *const sasl[] = {
	    ACCEPTED("laptop.example.com[192.0.2.10], sasl_method=PLAIN, sasl_username=alice@example.com",
		     "alice@example.com"),
	    LOCAL_UNKNOWN, NOTIFIED, NULL};
	static const char *const lan[] = {ACCEPTED("pc7.example.com[192.168.10.7]", "bob@example.com"),
					  LOCAL_UNKNOWN, NOTIFIED, NULL};
	static const char *const null_sender[] = {ACCEPTED("mta.example.net[198.51.100.30]", ""),
						  LOCAL_UNKNOWN,
						  "Dec 15 10:00:02 mx postfix/qmgr[1900]: 4A1B2C3D01: removed", NULL};
	static const char *const remote[] = {
	    ACCEPTED("mta.example.net[198.51.100.30]", "carol@example.net"),
	    "Dec 15 10:00:03 mx postfix/smtp[2105]: 4A1B2C3D01: to=<x@example.org>, relay=mx.example.org[198.51.100.25]:25, "
	    "delay=0.5, delays=0.01/0.01/0.2/0.28, dsn=5.1.1, status=bounced (host mx.example.org[198.51.100.25] said: "
	    "550 5.1.1 <x@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))",
	    NOTIFIED, NULL};
	const char *const *logs[] = {sasl, lan, null_sender, remote};
	for (size_t i = 0; i < 4; i++) {
		struct run *r = run_lines(logs[i]);
		if (group(r, F_IN_BACKSCATTER))
			test_fail(__FILE__, __LINE__, "log %zu: backscatter, want none", i);
		/* the bounce is still told, as an ordinary unknown recipient:
		 * this host's own (local) one, or the remote server's */
		enum finding_id want = i < 3 ? F_OWN_USER_UNKNOWN : F_OUT_USER_UNKNOWN;
		if (!group(r, want))
			test_fail(__FILE__, __LINE__, "log %zu: no %s", i, finding_id(want));
		if (group(r, i < 3 ? F_OUT_USER_UNKNOWN : F_OWN_USER_UNKNOWN))
			test_fail(__FILE__, __LINE__, "log %zu: the bounce told on the wrong side", i);
		run_free(r);
	}
}

TEST(backscatter_virtual_and_lmtp_folded)
{
	static const char *const lines[] = {
	    ACCEPTED("unknown[198.51.100.77]", "billing@example.net"),
	    "Dec 15 10:05:12 mx postfix/virtual[2113]: 4A1B2C3D01: to=<ghost@example.org>, relay=virtual, delay=0.08, "
	    "delays=0.05/0.01/0/0.02, dsn=5.1.1, status=bounced (unknown user: \"ghost@example.org\")",
	    "Dec 15 10:05:12 mx postfix/lmtp[2114]: 4A1B2C3D01: to=<nobody@example.com>, relay=mx.example.com[private/dovecot-lmtp], "
	    "delay=0.1, delays=0.05/0.01/0.01/0.03, dsn=5.1.1, status=bounced (host mx.example.com[private/dovecot-lmtp] said: "
	    "550 5.1.1 <nobody@example.com> User doesn't exist: nobody@example.com (in reply to RCPT TO command))",
	    NOTIFIED, NULL};
	struct run *r = run_lines(lines);
	size_t n = 0;
	bool lmtp_line = false;
	for (size_t i = 0; i < r->diag->nlist; i++) {
		const struct diag_group *g = r->diag->list[i];
		if (g->id != F_IN_BACKSCATTER)
			continue;
		n++;
		for (uint32_t j = 0; j < g->nsample; j++)
			lmtp_line |= strstr(g->sample[j], "postfix/lmtp[2114]") != NULL;
	}
	CHECK_INT(n, 2); /* virtual, lmtp */
	CHECK(lmtp_line); /* LMTP's own bounce line joined the evidence */
	CHECK(group(r, F_IN_LMTP_USER_UNKNOWN) == NULL);
	CHECK(group(r, F_OUT_USER_UNKNOWN) == NULL);
	CHECK(group(r, F_OWN_USER_UNKNOWN) == NULL);
	run_free(r);
	/* the LMTP bounce alone, no client= (qa-dev 35): LMTP's finding stays */
	const char *const alone[] = {lines[4], NULL};
	r = run_lines(alone);
	CHECK(group(r, F_IN_LMTP_USER_UNKNOWN) != NULL);
	CHECK(group(r, F_IN_BACKSCATTER) == NULL);
	run_free(r);
}

TEST(backscatter_through_content_filter)
{
	/* Amavis on 127.0.0.1:10024 hands the copy back (queued as), the copy bounces */
	static const char *const lines[] = {
	    ACCEPTED("bulk3.example.net[203.0.113.90]", "someone@example.org"),
	    "Dec 15 10:30:03 mx postfix/smtpd[2171]: connect from localhost[127.0.0.1]",
	    "Dec 15 10:30:03 mx postfix/smtpd[2171]: B18C9DAE01: client=localhost[127.0.0.1]",
	    "Dec 15 10:30:03 mx postfix/qmgr[1900]: B18C9DAE01: from=<someone@example.org>, size=2890, nrcpt=1 (queue active)",
	    "Dec 15 10:30:03 mx postfix/smtp[2173]: 4A1B2C3D01: to=<sales@example.com>, relay=127.0.0.1[127.0.0.1]:10024, "
	    "delay=1.1, delays=0.05/0.01/0.01/1, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): "
	    "250 2.0.0 Ok: queued as B18C9DAE01)",
	    "Dec 15 10:30:03 mx postfix/qmgr[1900]: 4A1B2C3D01: removed",
	    "Dec 15 10:30:03 mx postfix/local[2174]: B18C9DAE01: to=<sales@example.com>, relay=local, delay=0.05, "
	    "delays=0.03/0.01/0/0.01, dsn=5.1.1, status=bounced (unknown user: \"sales\")",
	    "Dec 15 10:30:03 mx postfix/bounce[2104]: B18C9DAE01: sender non-delivery notification: B18C9DAE02",
	    "Dec 15 10:30:03 mx postfix/qmgr[1900]: B18C9DAE01: removed",
	    NULL};
	struct run *r = run_lines(lines);
	const struct diag_group *g = group(r, F_IN_BACKSCATTER);
	CHECK(g != NULL);
	if (g && g->nsample) {
		CHECK(strstr(g->sample[0], "4A1B2C3D01: queued as B18C9DAE01") != NULL);
		CHECK(strstr(g->sample[0], "sender non-delivery notification: B18C9DAE02") != NULL);
	}
	/* the original's client= line is the accept */
	CHECK(g && diag_line_group(r->diag, progs_line(lines[1])) == g);
	run_free(r);
	/* the same filter for a user who logged in: an ordinary bounce */
	const char *const sasl[] = {
	    ACCEPTED("laptop.example.com[192.0.2.10], sasl_method=PLAIN, sasl_username=alice@example.com",
		     "alice@example.com"),
	    "Dec 15 10:30:03 mx postfix/smtpd[2171]: B18C9DAE01: client=localhost[127.0.0.1]",
	    "Dec 15 10:30:03 mx postfix/qmgr[1900]: B18C9DAE01: from=<alice@example.com>, size=2890, nrcpt=1 (queue active)",
	    lines[6], lines[7], lines[8], lines[9], lines[10], NULL};
	r = run_lines(sasl);
	CHECK(group(r, F_IN_BACKSCATTER) == NULL);
	run_free(r);
}

/* one message from the private address 172.17.0.1 (Docker's gateway),
 * with cleanup's header WARN line that names its HELO and sender */
#define NATTED(q, helo, from)                                                                    \
	"Dec 16 09:00:00 postfix postfix/smtpd[301]: connect from unknown[172.17.0.1]",          \
	"Dec 16 09:00:01 postfix postfix/smtpd[301]: " q ": client=unknown[172.17.0.1]",         \
	"Dec 16 09:00:01 postfix postfix/cleanup[302]: " q ": warning: header Subject: hello from unknown[172.17.0.1]; " \
	"from=<" from "> to=<user@example.com> proto=ESMTP helo=<" helo ">"

TEST(trusted_nat_gateway)
{
	static const char *const nat[] = {NATTED("3A1005A1", "mail.example.net", "news@example.net"),
					  NATTED("3A1005A2", "mx2.example.org", "carol@example.org"),
					  NATTED("3A1005A3", "smtp.example.info", "offers@example.info"), NULL};
	struct run *r = run_lines(nat);
	const struct diag_group *g = group(r, F_IN_TRUSTED_NAT);
	CHECK(g != NULL);
	if (g) {
		CHECK_STR(g->key, "172.17.0.1");
		CHECK_INT(g->lines, 3);
		CHECK_INT(strset_len(&g->subjects), 3); /* the HELO names */
	}
	CHECK(group(r, F_IN_TRUSTED_PRIVATE) == NULL);
	CHECK(finding_side(F_IN_TRUSTED_NAT) == SIDE_CONFIG);
	run_free(r);
	/* two names only: the caution, not the alarm */
	static const char *const two[] = {NATTED("3A1005A1", "mail.example.net", "news@example.net"),
					  NATTED("3A1005A2", "mx2.example.org", "carol@example.org"), NULL};
	r = run_lines(two);
	CHECK(group(r, F_IN_TRUSTED_NAT) == NULL);
	CHECK(group(r, F_IN_TRUSTED_PRIVATE) != NULL);
	CHECK_INT(finding_severity(F_IN_TRUSTED_PRIVATE), 1);
	run_free(r);
	/* a client with a public address in the log: the server sees real
	 * addresses, nothing is said */
	static const char *const mixed[] = {NATTED("3A1005A1", "mail.example.net", "news@example.net"),
					    NATTED("3A1005A2", "mx2.example.org", "carol@example.org"),
					    NATTED("3A1005A3", "smtp.example.info", "offers@example.info"),
					    "Dec 16 09:10:00 postfix postfix/smtpd[311]: connect from mail.example.com[198.51.100.9]",
					    NULL};
	r = run_lines(mixed);
	CHECK(group(r, F_IN_TRUSTED_NAT) == NULL);
	CHECK(group(r, F_IN_TRUSTED_PRIVATE) == NULL);
	run_free(r);
}

TEST(trusted_office_lan_is_quiet)
{
	/* two PCs of an office LAN, each its own address and name; loopback
	 * and a logged-in user are never "trusted by address" */
	static const char *const lan[] = {
	    "Dec 16 14:00:00 office postfix/smtpd[801]: connect from pc21.example.com[192.168.1.21]",
	    "Dec 16 14:00:01 office postfix/smtpd[801]: C1002E7: client=pc21.example.com[192.168.1.21]",
	    "Dec 16 14:02:20 office postfix/smtpd[811]: connect from pc22.example.com[192.168.1.22]",
	    "Dec 16 14:02:21 office postfix/smtpd[811]: C3A32E7: client=pc22.example.com[192.168.1.22]",
	    NULL};
	struct run *r = run_lines(lan);
	CHECK_INT(r->diag->nlist, 0);
	run_free(r);
	static const char *const local[] = {
	    "Dec 16 14:00:01 office postfix/smtpd[801]: C1002E7: client=localhost[127.0.0.1]",
	    "Dec 16 14:00:02 office postfix/smtpd[802]: C1002E8: client=pc21.example.com[192.168.1.21], sasl_method=PLAIN, sasl_username=anna",
	    NULL};
	r = run_lines(local);
	CHECK_INT(r->diag->nlist, 0);
	run_free(r);
}

TEST(own_client_refused)
{
	static const char *const helo[] = {
	    "Aug 29 01:08:59 machine postfix/smtpd[1938]: NOQUEUE: reject: RCPT from unknown[192.168.1.1]: 504 5.5.2 "
	    "<WIN-PC7>: Helo command rejected: need fully-qualified hostname; from=<anna@example.com> "
	    "to=<x@example.org> proto=ESMTP helo=<WIN-PC7>",
	    NULL};
	struct run *r = run_lines(helo);
	const struct diag_group *g = group(r, F_IN_OWN_CLIENT_REFUSED);
	CHECK(g != NULL);
	if (g)
		CHECK_STR(g->key, "192.168.1.1");
	CHECK(finding_side(F_IN_OWN_CLIENT_REFUSED) == SIDE_CONFIG);
	CHECK(finding_severity(F_IN_OWN_CLIENT_REFUSED) >= 2);
	run_free(r);
	/* the same from the Internet is the client's business; relaying has
	 * its own finding; a reject_warning refuses nothing */
	static const char *const others[] = {
	    "Aug 29 01:08:59 machine postfix/smtpd[1938]: NOQUEUE: reject: RCPT from unknown[203.0.113.7]: 504 5.5.2 "
	    "<WIN-PC7>: Helo command rejected: need fully-qualified hostname; from=<a@example.com> to=<x@example.org> "
	    "proto=ESMTP helo=<WIN-PC7>",
	    "Aug 29 01:09:00 machine postfix/smtpd[1939]: NOQUEUE: reject: RCPT from unknown[10.0.0.5]: 454 4.7.1 "
	    "<x@example.org>: Relay access denied; from=<a@example.com> to=<x@example.org> proto=ESMTP helo=<app>",
	    "Aug 29 01:09:01 machine postfix/smtpd[1940]: NOQUEUE: reject_warning: RCPT from unknown[10.0.0.6]: 504 5.5.2 "
	    "<WIN-PC8>: Helo command rejected: need fully-qualified hostname; from=<a@example.com> to=<x@example.org> "
	    "proto=ESMTP helo=<WIN-PC8>",
	    NULL};
	r = run_lines(others);
	CHECK(group(r, F_IN_OWN_CLIENT_REFUSED) == NULL);
	CHECK(group(r, F_IN_OWN_RELAY_DENIED) != NULL);
	run_free(r);
}

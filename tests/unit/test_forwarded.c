/*
 * test_forwarded.c - a refusal of mail this server forwards
 * (forwarded.c): orig_to= at another domain, an SRS sender noted from
 * qmgr's line of the same queue ID or quoted in the reply, relabel it
 * forwarded-mail-refused; the same refusal of the server's own mail, an
 * alias within one domain, another queue ID and hostile queue IDs do
 * not.  A DMARC refusal naming a domain other than the envelope
 * sender's of the same queue ID (a mailing list that re-sends a post
 * with the poster's From:, threads AT, variants-families3/119*) is
 * outbound-dmarc-foreign-from; the sender's own domain or its parent,
 * another queue ID, a reply that names no domain and hostile domain
 * lengths stay outbound-spf-dkim-dmarc.  And local's "unknown user"
 * naming a command or file is alias-command-taken-as-user (rules.c), a
 * plain name stays local-user-unknown.
 */
#include "progs.h"
#include "diagnose/diag_internal.h"
#include "diagnose/rules.h"

#include <stdio.h>
#include <string.h>

/* take - the finding of a delivery line after the forwarding relabel */
static const char *take(struct diag *d, const char *line)
{
	const struct event *ev = progs_line(line);
	struct diag_hit hit;
	if (!diag_classify(ev, &hit))
		return "";
	diag_forward_take(d, ev, &hit);
	return finding_id(hit.id);
}

#define GMAIL_AUTH                                                                                           \
	"relay=gmail-smtp-in.l.google.com[142.250.27.27]:25, delay=0.8, delays=0.05/0.01/0.18/0.56, dsn=5.7.26, " \
	"status=bounced (host gmail-smtp-in.l.google.com[142.250.27.27] said: 550-5.7.26 This mail has been "   \
	"blocked because the sender is unauthenticated. 550 5.7.26 Gmail requires all senders to authenticate " \
	"with either SPF or DKIM. (in reply to end of DATA command))"

TEST(forwarded_alias_to_other_domain)
{
	struct diag *d = diag_new();
	/* an alias of example.org sent on to gmail.com */
	CHECK(!strcmp(take(d, "Mar  3 10:00:01 mx postfix/smtp[100]: 4A1B2C3D4E: to=<ann@gmail.com>, "
			      "orig_to=<ann@example.org>, " GMAIL_AUTH),
		      "forwarded-mail-refused"));
	/* the server's own mail: no orig_to */
	CHECK(!strcmp(take(d, "Mar  3 10:00:02 mx postfix/smtp[100]: 5A1B2C3D4E: to=<ann@gmail.com>, " GMAIL_AUTH),
		      "outbound-spf-dkim-dmarc"));
	/* an alias within the recipient's own domain, in another case */
	CHECK(!strcmp(take(d, "Mar  3 10:00:03 mx postfix/smtp[100]: 6A1B2C3D4E: to=<ann@Gmail.com>, "
			      "orig_to=<info@gmail.COM>, " GMAIL_AUTH),
		      "outbound-spf-dkim-dmarc"));
	/* a bare local name made full by myorigin: not an alias to elsewhere */
	CHECK(!strcmp(take(d, "Mar  3 10:00:04 mx postfix/smtp[100]: 7A1B2C3D4E: to=<root@gmail.com>, "
			      "orig_to=<root>, " GMAIL_AUTH),
		      "outbound-spf-dkim-dmarc"));
	diag_free(d);
}

TEST(forwarded_srs_sender_of_the_queue_id)
{
	struct diag *d = diag_new();
	diag_event(d, progs_line("Mar  3 10:00:00 mx postfix/qmgr[90]: 8A1B2C3D4E: "
				 "from=<SRS0=Wgby=C3=example.net=news@example.org>, size=2100, nrcpt=1 (queue active)"));
	/* the plain sender of another queue ID is not forwarded mail */
	diag_event(d, progs_line("Mar  3 10:00:00 mx postfix/qmgr[90]: 9A1B2C3D4E: "
				 "from=<srs0@example.org>, size=2100, nrcpt=1 (queue active)"));
	CHECK(!strcmp(take(d, "Mar  3 10:00:01 mx postfix/smtp[100]: 8A1B2C3D4E: to=<ann@gmail.com>, " GMAIL_AUTH),
		      "forwarded-mail-refused"));
	CHECK(!strcmp(take(d, "Mar  3 10:00:01 mx postfix/smtp[100]: 9A1B2C3D4E: to=<ann@gmail.com>, " GMAIL_AUTH),
		      "outbound-spf-dkim-dmarc"));
	/* the memo holds the last DIAG_FWD_QIDS queue IDs only */
	char line[160];
	for (int i = 0; i < DIAG_FWD_QIDS; i++) {
		snprintf(line, sizeof line,
			 "Mar  3 10:00:02 mx postfix/qmgr[90]: B%04X: from=<SRS1+x=y=z@example.org>, size=1, nrcpt=1 "
			 "(queue active)", i);
		diag_event(d, progs_line(line));
	}
	CHECK(!strcmp(take(d, "Mar  3 10:00:03 mx postfix/smtp[100]: 8A1B2C3D4E: to=<ann@gmail.com>, " GMAIL_AUTH),
		      "outbound-spf-dkim-dmarc"));
	CHECK(!strcmp(take(d, "Mar  3 10:00:03 mx postfix/smtp[100]: B0007: to=<ann@gmail.com>, " GMAIL_AUTH),
		      "forwarded-mail-refused"));
	diag_free(d);
}

TEST(forwarded_srs_quoted_in_the_reply)
{
	struct diag *d = diag_new();
	CHECK(!strcmp(take(d, "Apr 21 20:40:10 mx postfix/smtp[259316]: 5A720658C: to=<final@example.net>, "
			      "relay=mx.example.net[198.51.100.8]:25, delay=3.3, delays=0.47/0/2.5/0.36, dsn=5.7.1, "
			      "status=bounced (host mx.example.net[198.51.100.8] said: 554 5.7.1 "
			      "<SRS0=VhP0=XH=gmail.com=sender@example.org>: Sender address rejected: Access denied "
			      "(in reply to RCPT TO command))"),
		      "forwarded-mail-refused"));
	/* the same refusal of an ordinary sender stays the remote's */
	CHECK(!strcmp(take(d, "Apr 21 20:40:10 mx postfix/smtp[259316]: 5A720658D: to=<final@example.net>, "
			      "relay=mx.example.net[198.51.100.8]:25, delay=3.3, delays=0.47/0/2.5/0.36, dsn=5.7.1, "
			      "status=bounced (host mx.example.net[198.51.100.8] said: 554 5.7.1 "
			      "<SRS@example.org>: Sender address rejected: Access denied (in reply to RCPT TO command))"),
		      "outbound-remote-refused"));
	diag_free(d);
}

/* queue IDs too long for the memo, empty or odd, are never noted */
TEST(forwarded_hostile_queue_ids)
{
	struct diag *d = diag_new();
	diag_event(d, progs_line("Mar  3 10:00:00 mx postfix/qmgr[90]: 0123456789ABCDEF0123456789ABCDEF: "
				 "from=<SRS0=a=b=c@example.org>, size=1, nrcpt=1 (queue active)"));
	diag_event(d, progs_line("Mar  3 10:00:00 mx postfix/qmgr[90]: from=<SRS0=a=b=c@example.org>, size=1, "
				 "nrcpt=1 (queue active)"));
	for (int i = 0; i < DIAG_FWD_QIDS; i++)
		CHECK(d->fwd_qids[i][0] == 0 || strlen(d->fwd_qids[i]) < sizeof d->fwd_qids[i]);
	CHECK(!strcmp(take(d, "Mar  3 10:00:01 mx postfix/smtp[100]: 0123456789ABCDEF0123456789ABCDEF: "
			      "to=<ann@gmail.com>, " GMAIL_AUTH),
		      "outbound-spf-dkim-dmarc"));
	diag_free(d);
}

TEST(alias_command_taken_as_user)
{
	static const struct {
		const char *reason, *finding;
	} cases[] = {
	    {"unknown user: \"| /usr/libexec/sympa/queue listmaster\"", "alias-command-taken-as-user"},
	    {"unknown user: \"|/usr/lib/mailman/mail/mailman post test\"", "alias-command-taken-as-user"},
	    {"unknown user: \"/var/spool/archive/list\"", "alias-command-taken-as-user"},
	    {"unknown user: \"listmaster\"", "local-user-unknown"},
	    {"unknown user: \"/\"", "local-user-unknown"},
	    {"unknown user: \"\"", "local-user-unknown"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char line[400];
		snprintf(line, sizeof line,
			 "Jun 22 10:00:00 lists postfix/local[700]: C0FFEE%zu: to=<x@lists.example.org>, relay=local, "
			 "delay=0.1, delays=0.1/0/0/0, dsn=5.1.1, status=bounced (%s)", i, cases[i].reason);
		const struct event *ev = progs_line(line);
		struct diag_hit hit;
		bool got = diag_classify(ev, &hit);
		if (!got || strcmp(finding_id(hit.id), cases[i].finding))
			test_fail(__FILE__, __LINE__, "case %zu: got %s, want %s", i, got ? finding_id(hit.id) : "-",
				  cases[i].finding);
	}
}


static void queued(struct diag *d, const char *qid, const char *from)
{
	char line[400];
	snprintf(line, sizeof line, "Mar  5 09:00:03 lists postfix/qmgr[900]: %s: from=<%s>, size=6210, nrcpt=2 (queue active)",
		 qid, from);
	diag_event(d, progs_line(line));
}

static const char *refused(struct diag *d, const char *qid, const char *reply)
{
	char line[900];
	snprintf(line, sizeof line,
		 "Mar  5 09:00:04 lists postfix/smtp[4005]: %s: to=<m@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.27.27]:25, "
		 "delay=1.1, delays=0.05/0.01/0.5/0.5, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[142.250.27.27] "
		 "said: %s (in reply to end of DATA command))",
		 qid, reply);
	return take(d, line);
}

#define GMAIL_DMARC(dom) "550-5.7.26 Unauthenticated email from " dom " is not accepted due to domain's 550-5.7.26 DMARC policy."

TEST(dmarc_refusal_of_another_domains_from)
{
	struct diag *d = diag_new();
	queued(d, "4F5A6B7C81", "announce-bounces@lists.example.com");
	queued(d, "5A6B7C8D92", "www-data@example.org");
	queued(d, "6B7C8D9EA3", "bounces@news.example.org");
	CHECK_STR(refused(d, "4F5A6B7C81", GMAIL_DMARC("example.net")), "outbound-dmarc-foreign-from");
	/* Microsoft's 5.7.509 names the domain in brackets */
	CHECK_STR(refused(d, "4F5A6B7C81",
			  "550 5.7.509 Access denied, sending domain [EXAMPLE.NET] does not pass DMARC verification "
			  "and has a DMARC policy of reject."),
		  "outbound-dmarc-foreign-from");
	/* the sender's own domain, its parent: this server's own mail */
	CHECK_STR(refused(d, "5A6B7C8D92", GMAIL_DMARC("example.org")), "outbound-spf-dkim-dmarc");
	CHECK_STR(refused(d, "6B7C8D9EA3", GMAIL_DMARC("Example.ORG")), "outbound-spf-dkim-dmarc");
	/* no qmgr line for the queue ID, or a reply naming no domain */
	CHECK_STR(refused(d, "7C8D9EAFB4", GMAIL_DMARC("example.net")), "outbound-spf-dkim-dmarc");
	CHECK_STR(refused(d, "4F5A6B7C81", "550-5.7.26 This mail has failed DMARC authentication."),
		  "outbound-spf-dkim-dmarc");
	/* a word read to 63 bytes only: no dot in them names no domain;
	 * nor does a name without a dot */
	CHECK_STR(refused(d, "4F5A6B7C81",
			  GMAIL_DMARC("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example")),
		  "outbound-spf-dkim-dmarc");
	CHECK_STR(refused(d, "4F5A6B7C81", GMAIL_DMARC("localhost")), "outbound-spf-dkim-dmarc");
	diag_free(d);
}
